"""The chat page: Gradio Blocks wired to ChatHandlers. The only module that imports gradio."""

from __future__ import annotations

import html
import logging
import os
import sys
import traceback
from dataclasses import dataclass
from importlib import resources
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from fastapi import FastAPI
from gradio.components.chatbot import ExampleMessage

from bot.web.chat import ChatHandlers, ChatState, Message, feedback_reasons
from bot.web.i18n import UiText, pick_lang, ui_text
from bot.web.offline import OfflinePage

log = logging.getLogger(__name__)

#: Fonts installed on the machine (Noto CJK on Linux, PingFang / YaHei elsewhere): nothing is downloaded.
SANS = ("Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif")
MONO = ("Noto Sans Mono CJK SC", "ui-monospace", "Consolas", "monospace")
LANG_CHOICES = [("中文", "zh"), ("English", "en")]
#: The browser's keys of the chosen language (chat.js writes it) and of the conversation (a gr.BrowserState).
LANG_KEY = "lyg-policy-lang"
KEPT_KEY = "lyg-policy-chat"


def _static(name: str) -> str:
    return resources.files("bot.web").joinpath("static", name).read_text(encoding="utf-8")


def theme() -> gr.themes.Base:
    """A sober blue theme with local fonts only."""
    return gr.themes.Default(
        primary_hue="blue",
        neutral_hue="slate",
        radius_size="md",
        font=list(SANS),
        font_mono=list(MONO),
    )


def header_html(text: UiText, hotline: str) -> str:
    """The page header: title, subtitle and the hotline as a tel: link."""
    return (
        '<header class="app-header">'
        f'<div class="brand"><h1>{html.escape(text["title"])}</h1>'
        f'<p class="subtitle">{html.escape(text["subtitle"])}</p></div>'
        f'<a class="hotline" href="tel:{html.escape(hotline)}"><span class="hotline-label">'
        f'{html.escape(text["hotline_label"])}</span><span class="hotline-number">{html.escape(hotline)}</span></a>'
        "</header>"
    )


def footer_html(text: UiText, hotline: str) -> str:
    """The page footer: disclaimer, hotline and a link to the API documentation."""
    return (
        '<footer class="app-footer">'
        f"<p>{html.escape(text['disclaimer'])}</p>"
        f"<p>{html.escape(text['footer'])} · {html.escape(text['hotline_label'])} "
        f'<a href="tel:{html.escape(hotline)}">{html.escape(hotline)}</a> · <a href="/docs">API</a></p>'
        "</footer>"
    )


def _examples(text: UiText) -> list[ExampleMessage]:
    return [{"text": example} for example in text.examples]


@dataclass(frozen=True)
class _Parts:
    """The components of the chat page that events read or update."""

    state: gr.State
    kept: gr.BrowserState
    browser_language: gr.Textbox
    lang: gr.Radio
    header: gr.HTML
    chatbot: gr.Chatbot
    question: gr.Textbox
    clear: gr.Button
    footer: gr.HTML

    @property
    def labelled(self) -> list[Any]:
        """What `ChatPage.relabel` updates, in its order."""
        return [self.lang, self.header, self.chatbot, self.question, self.clear, self.footer]


class ChatPage:
    """Builds the Gradio Blocks of the chat page around `handlers` (see `build`)."""

    def __init__(self, handlers: ChatHandlers, hotline: str) -> None:
        self.handlers = handlers
        self.hotline = hotline

    def _client(self, request: gr.Request | None) -> str:
        host = request.client.host if request is not None and request.client else None
        return self.handlers.service.client(host)

    def relabel(self, lang: str) -> tuple[Any, ...]:
        """Every label of the page in `lang`, in the order of `_Parts.labelled`."""
        text = ui_text(lang)
        return (
            gr.update(value=lang, label=text["language_label"]),
            header_html(text, self.hotline),
            gr.update(
                label=text["chat_label"],
                examples=_examples(text),
                placeholder=text["empty_chat"],
                feedback_options=_feedback_options(lang),
            ),
            gr.update(label=text["question_label"], placeholder=text["placeholder"], submit_btn=text["send"]),
            gr.update(value=text["clear"]),
            footer_html(text, self.hotline),
        )

    def on_load(self, browser_language: str, kept: object, request: gr.Request) -> tuple[Any, ...]:
        """The page in the language chosen before (kept by the browser), else the browser's (navigator.language,
        else Accept-Language), with the conversation the browser kept."""
        accept = request.headers.get("accept-language") if request is not None else None
        messages, state = self.handlers.restored(kept)
        lang, header, chatbot, *rest = self.relabel(pick_lang(browser_language, accept))
        if state is None:  # nothing kept: leave the chat as it is (a question may be on its way already)
            return (lang, header, chatbot, *rest, gr.skip())
        return (lang, header, {**chatbot, "value": messages}, *rest, state)

    def answer(
        self, messages: list[Message], state: ChatState | None, lang: str, request: gr.Request
    ) -> tuple[list[Message], ChatState]:
        """Answer the pending question (see ChatHandlers.answer_pending)."""
        return self.handlers.answer_pending(messages, state, lang, self._client(request))

    def example(
        self, messages: list[Message], state: ChatState | None, selected: gr.SelectData
    ) -> tuple[str, list[Message], ChatState]:
        """Put a clicked example question into the chat as if typed."""
        value = selected.value
        question = str(value.get("text", "")) if isinstance(value, dict) else str(value or "")
        return self.handlers.add_question(question, messages, state)

    def like(self, state: ChatState | None, lang: str, data: gr.LikeData, request: gr.Request) -> None:
        """Store a thumbs up/down and thank the user."""
        text = ui_text(lang)
        if self.handlers.feedback(state, data.index, data.liked, self._client(request)):
            gr.Info(text["feedback_thanks"], title="✓", duration=3)

    def build(self) -> gr.Blocks:
        """The Blocks of the chat page (mount it with `mount`)."""
        page: gr.Blocks
        with gr.Blocks(title=f"{ui_text('zh')['page_title']} · {ui_text('en')['page_title']}") as page:
            parts = self._layout(ui_text("zh"))
            self._wire(page, parts)
        return page

    def _layout(self, text: UiText) -> _Parts:
        state = gr.State(None, time_to_live=SESSION_TTL_S)  # a visitor's conversation expires when idle
        kept = gr.BrowserState({}, storage_key=KEPT_KEY)  # … and their browser keeps it across a reload
        browser_language = gr.Textbox(visible=False)
        with gr.Row(elem_classes="lang-row"):
            lang = gr.Radio(
                LANG_CHOICES,
                value="zh",
                label=text["language_label"],
                show_label=False,
                container=False,
                elem_id="lang-toggle",
                scale=0,
            )
        header = gr.HTML(header_html(text, self.hotline), elem_classes="header-block")
        chatbot = gr.Chatbot(
            value=[],
            label=text["chat_label"],
            show_label=False,
            elem_id="chat",
            height="62vh",
            min_height=360,
            layout="bubble",
            buttons=["copy", "copy_all"],
            feedback_options=_feedback_options(text.lang),
            latex_delimiters=[],
            sanitize_html=True,
            allow_tags=False,
            placeholder=text["empty_chat"],
            examples=_examples(text),
        )
        question = gr.Textbox(
            label=text["question_label"],
            show_label=False,
            placeholder=text["placeholder"],
            submit_btn=text["send"],
            lines=1,
            max_lines=4,
            elem_id="question",
            autofocus=True,
        )
        with gr.Row(elem_classes="actions-row"):
            clear = gr.Button(text["clear"], variant="secondary", size="sm", elem_id="clear", scale=0)
        footer = gr.HTML(footer_html(text, self.hotline), elem_classes="footer-block")
        return _Parts(state, kept, browser_language, lang, header, chatbot, question, clear, footer)

    def _wire(self, page: gr.Blocks, parts: _Parts) -> None:
        # the event handlers are for this page only, not part of Gradio's public API
        private: dict[str, Any] = {"api_visibility": "private"}
        quiet: dict[str, Any] = private | {"show_progress": "hidden"}
        labelled = parts.labelled
        chosen = f"(_, kept) => [localStorage.getItem('{LANG_KEY}') || navigator.language || '', kept]"
        restored = [*labelled, parts.state]
        page.load(self.on_load, [parts.browser_language, parts.kept], restored, js=chosen, **quiet)
        parts.lang.change(self.relabel, [parts.lang], labelled, **quiet)
        asked = [parts.question, parts.chatbot, parts.state]
        answered = ([parts.chatbot, parts.state, parts.lang], [parts.chatbot, parts.state])
        keep = (self.handlers.kept, [parts.chatbot, parts.state], parts.kept)
        parts.question.submit(self.handlers.add_question, asked, asked, queue=False, **private).then(
            self.answer, *answered, **private
        ).then(*keep, queue=False, **quiet)
        parts.chatbot.example_select(self.example, [parts.chatbot, parts.state], asked, queue=False, **private).then(
            self.answer, *answered, **private
        ).then(*keep, queue=False, **quiet)
        parts.chatbot.like(self.like, [parts.state, parts.lang], None, **private)
        cleared = [parts.chatbot, parts.state, parts.question]
        for cleared_by in (parts.clear.click, parts.chatbot.clear):
            cleared_by(self.handlers.clear, None, cleared, queue=False, **private).then(*keep, queue=False, **quiet)


def _feedback_options(lang: str) -> tuple[str, ...]:
    """Thumbs up and down, and under the flag the reasons for a thumbs down, in `lang`."""
    return ("Like", "Dislike", *feedback_reasons(lang).values())


#: Questions the chat page answers at once, and how many may wait.
CHAT_CONCURRENCY = 4
CHAT_QUEUE_SIZE = 64
#: Visitors' conversations kept at once, and how long an idle one is kept.
MAX_SESSIONS = 2000
SESSION_TTL_S = 3600


class _OneLineTracebacks:
    """Stands in for the `traceback` module inside Gradio's event handling: a failed event call (most
    often a malformed request from a script) is logged as one line, not printed as a 12 KB traceback."""

    def __getattr__(self, name: str) -> Any:
        return getattr(traceback, name)

    @staticmethod
    def print_exc(*_args: Any, **_kwargs: Any) -> None:
        kind, error, _ = sys.exc_info()
        first = str(error).splitlines()[0][:200] if error is not None and str(error) else ""
        log.warning("chat event failed: %s: %s", kind.__name__ if kind else "error", first)


def _quiet_event_failures() -> None:
    import gradio.queueing
    import gradio.routes

    for module in (gradio.routes, gradio.queueing):
        setattr(module, "traceback", _OneLineTracebacks())  # noqa: B010 (a module global of the library)


def mount(app: FastAPI, handlers: ChatHandlers, hotline: str, path: str = "/") -> FastAPI:
    """Mount the chat page on `app` at `path`, offline: local fonts, no analytics, no Gradio footer."""
    page = ChatPage(handlers, hotline).build()
    # no direct calls of queued events, a bounded queue, and visitors answered side by side (the Bot is
    # read-only once built); the Gate in front bounds each event's body and rate
    page.queue(api_open=False, max_size=CHAT_QUEUE_SIZE, default_concurrency_limit=CHAT_CONCURRENCY)
    page.state_session_capacity = MAX_SESSIONS  # the oldest sessions' state is dropped beyond this
    _quiet_event_failures()
    app.add_middleware(OfflinePage)
    mounted: FastAPI = gr.mount_gradio_app(
        app,
        page,
        path=path,
        theme=theme(),
        css=_static("chat.css"),
        head=f"<style>{_static('page.css')}</style><script>{_static('chat.js')}</script>",
        footer_links=[],
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
        show_error=False,
    )
    return mounted
