"""The chat page's Gradio shell: it builds, relabels in both languages, mounts offline; gradio stays out of the rest."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route
from web_fakes import FakeBot

from bot.config import Settings
from bot.web.chat import ChatHandlers
from bot.web.offline import OfflinePage
from bot.web.server import create_app
from bot.web.service import AskService
from bot.web.store import ConversationStore

ui = pytest.importorskip("bot.web.ui")
OUTSIDE_URL = re.compile(r"https?://(?!(?:127\.0\.0\.1|localhost|testserver)[:/\"'])[^\s\"'<>)]+")


@pytest.fixture()
def page(corpus, tmp_path: Path):  # type: ignore[no-untyped-def]
    service = AskService(FakeBot(corpus), ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}"))  # type: ignore[arg-type]
    return ui.ChatPage(ChatHandlers(service, 1000), "400-107-6681")


def test_page_builds_with_chat_input_and_clear(page) -> None:  # type: ignore[no-untyped-def]
    blocks = page.build()
    kinds = {type(block).__name__ for block in blocks.blocks.values()}
    assert {"Chatbot", "Textbox", "Button", "Radio", "HTML", "State"} <= kinds
    chatbot = next(b for b in blocks.blocks.values() if type(b).__name__ == "Chatbot")
    assert chatbot.feedback_options == ("Like", "Dislike", "答复有误", "没有回答我的问题", "看不懂")
    assert "copy" in (chatbot.buttons or [])


def test_relabel_switches_every_string(page) -> None:  # type: ignore[no-untyped-def]
    lang, header, chatbot, question, clear, footer = page.relabel("en")
    assert lang["value"] == "en"
    assert "Lianyungang High-Tech Zones Policy Assistant" in header and "400-107-6681" in header
    assert chatbot["examples"][0] == {"text": "How long is the R visa valid?"}
    assert question["submit_btn"] == "Send" and clear["value"] == "Clear conversation"
    assert "400-107-6681" in footer
    assert "连云港高新区政策助手" in page.relabel("zh")[1]


def test_first_load_follows_navigator_language_then_accept_language(page) -> None:  # type: ignore[no-untyped-def]
    english_browser = SimpleNamespace(headers={"accept-language": "en-US,en;q=0.9"})
    assert page.on_load("", {}, english_browser)[0]["value"] == "en"
    assert page.on_load("zh-CN", {}, english_browser)[0]["value"] == "zh"
    assert page.on_load("en", {}, english_browser)[0]["value"] == "en"  # the language chosen before (chat.js)


def test_a_reload_gets_back_the_conversation_the_browser_kept_and_nothing_malformed(page) -> None:  # type: ignore[no-untyped-def]
    from bot.web.chat import ChatState

    state = ChatState(history=[{"question": "R签证多久？", "citations": []}])
    state.answer_ids[1] = "0b7c2d1e-1111-4a4a-9b9b-0123456789ab"
    messages = [{"role": "user", "content": "<div class=\"user-text\">R签证多久？</div>"},
                {"role": "assistant", "content": "<div class=\"answer-text\">…</div>"}]  # fmt: skip
    kept = page.handlers.kept(messages, state)
    _, _, chatbot, *_, restored = page.on_load("", kept, None)
    assert chatbot["value"] == messages and restored.conversation_id == state.conversation_id
    assert restored.answer_at(1) == state.answer_ids[1] and restored.history == state.history
    broken_ones: list[object] = [{"messages": messages, "state": {"conversation_id": "x"}}]
    broken_ones += [{"messages": "no", "state": kept["state"]}]
    broken_ones += [{"messages": [{"role": "system", "content": "x"}], "state": kept["state"]}, [], None]
    for broken in broken_ones:
        loaded = page.on_load("", broken, None)
        assert "value" not in loaded[2] and not isinstance(loaded[-1], ChatState)  # the chat left as it is


def test_served_chat_page_names_nothing_outside_the_app(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index")})
    with TestClient(create_app(settings, bot=FakeBot(corpus))) as client:  # type: ignore[arg-type]
        html = client.get("/").text
        assert "连云港高新区政策助手" in html
        assert not OUTSIDE_URL.findall(html), OUTSIDE_URL.findall(html)
        assert client.get("/api/nothing").json()["error"]["code"] == "not_found", "the API stays JSON under the page"


def test_offline_middleware_drops_outside_meta_tags_only_from_html() -> None:
    outside = '<meta property="og:image" content="https://example.com/x.jpg" />'
    page = f'<html><head>{outside}<meta charset="utf-8"></head></html>'
    app = Starlette(
        routes=[Route("/", lambda _: HTMLResponse(page)), Route("/j", lambda _: JSONResponse({"u": "https://x"}))]
    )
    client = TestClient(OfflinePage(app))
    response = client.get("/")
    assert response.text == '<html><head><meta charset="utf-8"></head></html>'
    assert int(response.headers["content-length"]) == len(response.content)
    assert client.get("/j").json() == {"u": "https://x"}


def test_only_the_ui_module_imports_gradio() -> None:
    code = "import sys, bot.web.server, bot.web.api, bot.web.chat, bot.web.staff; print('gradio' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_browser_keeps_messages_as_text_whatever_shape_gradio_hands_them_in(page) -> None:  # type: ignore[no-untyped-def]
    from bot.web.chat import ChatState

    handed = [{"role": "user", "metadata": None, "options": None, "content": [{"type": "text", "text": "<p>Q</p>"}]}]
    kept = page.handlers.kept(handed, ChatState())
    assert kept["messages"] == [{"role": "user", "content": "<p>Q</p>"}]
    files = [{"role": "user", "content": [{"type": "file", "file": {"path": "/etc/passwd"}}]}]
    assert page.handlers.kept(files, ChatState())["messages"] == []
