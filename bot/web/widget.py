"""The embeddable widget: `/widget.js` (the chat bubble a site puts on its pages with one script tag) and the
compact chat it opens in an iframe, `/widget/chat`, which only the sites in BOT_EMBED_ORIGINS may frame
(`Content-Security-Policy: frame-ancestors`); every other site gets nothing (none when the setting is unset).
"""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.config import Settings
from bot.web.api import STRICT_CSP, static_text

widget = APIRouter(include_in_schema=False)


def frame_policy(settings: Settings) -> str:
    """The page's CSP: the strict one, with the embedding sites as its frame ancestors."""
    ancestors = " ".join(settings.embed_origin_list) or "'none'"
    return STRICT_CSP.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}")


@widget.get("/widget.js")
def script() -> Response:
    """The bubble: small, async, all in a shadow root; may be loaded by any page (the chat it opens
    decides who may show it)."""
    headers = {"Cache-Control": "public, max-age=3600", "Cross-Origin-Resource-Policy": "cross-origin"}
    return Response(static_text("widget.js"), media_type="text/javascript; charset=utf-8", headers=headers)


@widget.get("/widget/chat")
def chat(request: Request) -> Response:
    """The compact chat, framed only by the sites in BOT_EMBED_ORIGINS."""
    settings: Settings = request.app.state.settings
    headers = {"Content-Security-Policy": frame_policy(settings)}
    page = static_text("widget.html").format(hotline=html.escape(request.app.state.service.hotline))
    return Response(page, media_type="text/html; charset=utf-8", headers=headers)


@widget.get("/widget/widget-chat.js")
def chat_script() -> Response:
    return Response(static_text("widget-chat.js"), media_type="text/javascript; charset=utf-8")


@widget.get("/widget/widget.css")
def chat_style() -> Response:
    return Response(static_text("widget.css"), media_type="text/css; charset=utf-8")
