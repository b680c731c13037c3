"""The embeddable widget in Chromium: a host page on another loopback port puts the script tag on its page; an
allowed host gets the chat end to end (question → answer with clauses and the hotline), with no style
leaking either way; a host not in BOT_EMBED_ORIGINS gets nothing."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from web_helpers import AppServer, free_port

pytestmark = pytest.mark.browser

HOST_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Zone website</title>
<style>* {{ color: rgb(255, 0, 0) !important; font-size: 40px !important; }}
button {{ display: none !important; }}</style>
</head><body><p id="own">The zone's own page.</p>
<script src="{app}/widget.js" data-lang="en" async></script></body></html>"""


class Host:
    """A static site on its own loopback port serving one page with the widget's script tag."""

    def __init__(self, folder: Path, app_url: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(HOST_PAGE.format(app=app_url), encoding="utf-8")
        handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
        handler.log_message = lambda *_args: None  # type: ignore[method-assign]
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def hosts(tmp_path_factory: pytest.TempPathFactory, real_index: Path) -> Iterator[tuple[Host, Host, AppServer]]:
    base = tmp_path_factory.mktemp("widget")
    app_port = free_port()
    allowed = Host(base / "allowed", f"http://127.0.0.1:{app_port}")
    other = Host(base / "other", f"http://127.0.0.1:{app_port}")
    shutil.copytree(real_index / "chroma", base / "index" / "chroma")
    env = {"BOT_EMBED_ORIGINS": allowed.url, "BOT_RATE_LIMIT_PER_MINUTE": "1000"}
    server = AppServer(base / "index", env, port=app_port)
    server.start()
    yield allowed, other, server
    server.stop()
    allowed.close()
    other.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_an_allowed_site_gets_the_chat_end_to_end_without_style_leaks(chromium: Any, hosts: Any, width: int) -> None:
    allowed, _, _ = hosts
    context = chromium.new_context(locale="en-US", viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(allowed.url, wait_until="load")
        own = page.locator("#own")
        before = own.evaluate("e => getComputedStyle(e).fontSize")
        bubble = page.locator("[data-lyg-policy-widget] >> css=button.bubble")
        bubble.wait_for()
        assert bubble.is_visible(), "the host's `button { display: none }` does not reach the bubble"
        assert bubble.evaluate("b => getComputedStyle(b).color") == "rgb(255, 255, 255)"
        held: list[Any] = []  # the chat's script is held back to see the page before it runs
        context.route("**/widget/widget-chat.js", lambda route: held.append(route))  # noqa: PLW0108 (Playwright needs a Python function)
        bubble.click()
        frame = page.frame_locator("[data-lyg-policy-widget] >> css=iframe")
        frame.locator("#question").wait_for(state="attached")
        while not held:
            page.wait_for_timeout(50)
        assert frame.locator("#question").is_disabled(), "a question typed before the script runs would be lost"
        held[0].continue_()
        frame.locator("#question").fill("How long is the R visa valid?")
        frame.locator("#question").press("Enter")
        reply = frame.locator(".msg.bot").first
        reply.wait_for(timeout=90_000)  # the first answer of a fresh server under the full suite's load
        text = reply.inner_text()
        assert "10 years" in text and "400-107-6681" in text  # the validity asked leads (the stay is in the card)
        assert frame.locator(".msg.bot details summary").first.inner_text().startswith("Attracting high-level talent")
        assert "400-107-6681" in frame.locator("#hotline").inner_text()
        assert own.evaluate("e => getComputedStyle(e).fontSize") == before == "40px"  # nothing leaks out
        page.screenshot(path=f"test-results/widget-{width}.png")
    finally:
        context.close()


def test_the_script_is_small_and_a_site_not_on_the_list_gets_nothing(chromium: Any, hosts: Any) -> None:
    _, other, server = hosts
    import httpx

    served = httpx.get(f"{server.url}/widget.js", timeout=10)
    assert served.status_code == 200 and len(served.content) < 8_000
    chat = httpx.get(f"{server.url}/widget/chat", timeout=10)
    assert "frame-ancestors http://127.0.0.1:" in chat.headers["content-security-policy"]
    context = chromium.new_context(locale="en-US")
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)
        page.goto(other.url, wait_until="load")
        page.locator("[data-lyg-policy-widget] >> css=button.bubble").click()
        page.wait_for_timeout(2500)
        frame = page.frame_locator("[data-lyg-policy-widget] >> css=iframe")
        assert frame.locator("#question").count() == 0, "the chat must not render on a site not on the list"
        assert refused, "Chromium reports the refusal"
    finally:
        context.close()
