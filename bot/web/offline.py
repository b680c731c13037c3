"""ASGI middleware that keeps the chat page from naming outside URLs (the page works offline)."""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

#: Gradio's page template names pictures on GitHub for link previews; the page must name nothing outside.
_EXTERNAL_META = re.compile(rb"<meta\b[^>]*?content=\"https?://[^\"]*\"[^>]*>", re.IGNORECASE)


class OfflinePage:
    """ASGI middleware: drop <meta> tags naming outside URLs from the HTML pages Gradio serves."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        held: list[AsgiMessage] = []  # the response start of an HTML page, then its body parts

        async def rewrite(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                if _is_html(message):
                    held.append(message)
                    return
            elif held:
                held.append(message)
                if message.get("more_body", False):
                    return
                await _send_cleaned(send, held)
                return
            await send(message)

        await self.app(scope, receive, rewrite)


def _is_html(start: AsgiMessage) -> bool:
    return any(k == b"content-type" and v.startswith(b"text/html") for k, v in start.get("headers", []))


async def _send_cleaned(send: Send, held: list[AsgiMessage]) -> None:
    start, parts = held[0], held[1:]
    body = _EXTERNAL_META.sub(b"", b"".join(part.get("body", b"") for part in parts))
    headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": body})
