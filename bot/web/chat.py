"""The chat's message handling as plain functions: no Gradio here, so tests call them directly.

Messages are Gradio 6 chat dicts {"role", "content"}. Every text that came from a person or from
the policy is HTML-escaped and wrapped in an HTML block, so the Markdown renderer shows it as
typed and never turns it into elements or links.
"""

from __future__ import annotations

import html
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.answer.model import Answer, Citation
from bot.corpus.model import Corpus
from bot.errors import OverBudget, RateLimited
from bot.text import capitalized, clean, over_limit
from bot.web.i18n import UiText, ui_text
from bot.web.service import AskService, LoggedAnswer, question_cost

log = logging.getLogger(__name__)

Message = dict[str, Any]
#: Earlier questions a reloaded page keeps for follow-ups, and what an id (a conversation's, an answer's) is.
MAX_KEPT_TURNS = 20
MAX_KEPT_MESSAGES = 80
_ID = re.compile(r"[0-9a-f-]{36}")
#: Lone surrogates are not characters; a browser can still send them.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class ChatState:
    """One browser session's conversation: its id, the questions so far and the answer behind each reply."""

    conversation_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    pending: str = ""
    history: list[dict[str, Any]] = field(default_factory=list)
    answer_ids: dict[int, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """What the visitor's browser keeps of it across a reload (nothing pending)."""
        return {
            "conversation_id": self.conversation_id,
            "history": self.history[-MAX_KEPT_TURNS:],
            "answer_ids": {str(k): v for k, v in self.answer_ids.items()},
        }

    @classmethod
    def of(cls, data: object) -> ChatState | None:
        """A state the browser kept (None when it holds none, or something else than `to_dict` wrote)."""
        if not isinstance(data, dict) or not isinstance(data.get("conversation_id"), str):
            return None
        conversation_id = data["conversation_id"]
        history = data.get("history")
        answer_ids = data.get("answer_ids")
        if not (_ID.fullmatch(conversation_id) and isinstance(history, list) and isinstance(answer_ids, dict)):
            return None
        ids = {int(k): str(v) for k, v in answer_ids.items() if str(k).isdigit() and _ID.fullmatch(str(v))}
        turns = [h for h in history[-MAX_KEPT_TURNS:] if isinstance(h, dict) and isinstance(h.get("question"), str)]
        return cls(conversation_id=conversation_id, history=turns, answer_ids=ids)

    def answer_at(self, index: int | list[int] | tuple[int, ...] | None) -> str | None:
        """The answer id of the assistant message at `index` in the chat (Gradio may send [i, j])."""
        if isinstance(index, list | tuple):
            index = index[0] if index else None
        return self.answer_ids.get(index) if isinstance(index, int) else None


#: A phone number written the way the policy writes it: kept on one line ("400-107-" / "6681" on a phone).
_PHONE = re.compile(r"\b\d{3,4}(?:-\d{3,4}){1,2}\b")


def as_text_block(text: str, css_class: str) -> str:
    """`text` escaped into one HTML block (no blank line, so Markdown leaves it alone); phone numbers kept
    on one line."""
    paragraphs = [
        _PHONE.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', html.escape(p.strip())).replace("\n", "<br>")
        for p in text.split("\n\n")
        if p.strip()
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="{css_class}">{body}</div>'


def user_message(question: str) -> Message:
    """The chat message that shows what the user typed, as text."""
    return {"role": "user", "content": as_text_block(question, "user-text")}


def answer_body(answer: Answer) -> str:
    """The answer without its sources (the clause cards show the clauses)."""
    if not answer.citations:
        return answer.text
    return "\n\n".join(part for part in (answer.opening, answer.closing) if part)


def _grouped(citations: Iterable[Citation]) -> dict[tuple[str, int], list[Citation]]:
    groups: dict[tuple[str, int], list[Citation]] = {}
    for citation in citations:
        groups.setdefault((citation.doc, citation.article), []).append(citation)
    return groups


def clause_cards(answer: Answer, corpus: Corpus, text: UiText) -> str:
    """The cited clauses as expandable cards, one per article: the label, then English and Chinese."""
    cards = []
    for (doc, number), citations in _grouped(answer.citations).items():
        try:
            article = corpus.article(doc, number)
        except KeyError:
            continue
        other = "en" if answer.lang == "zh" else "zh"
        clauses = "".join(_clause(article.clause(c.clause).en, c.text_zh, answer.lang, text) for c in citations)
        cards.append(
            '<details class="clause-card">'
            f'<summary><span class="card-label">{html.escape(article.label(answer.lang))}</span>'
            f'<span class="card-alt">{html.escape(article.label(other))}</span></summary>'
            f'{clauses}<a class="card-link" href="/articles/{number}?doc={html.escape(doc)}" target="_blank" '
            f'rel="noopener">{html.escape(text["read_article"])} ›</a></details>'
        )
    if not cards:
        return ""
    return f'<div class="sources"><div class="sources-title">{html.escape(text["sources"])}</div>{"".join(cards)}</div>'


def _clause(english: str, chinese: str, answer_lang: str, text: UiText) -> str:
    en = (
        f'<div class="clause-en" lang="en"><span class="clause-tag">{html.escape(text["translation"])}</span>'
        f"{html.escape(capitalized(english))}</div>"
    )
    zh = (
        f'<div class="clause-zh" lang="zh-CN"><span class="clause-tag">{html.escape(text["original"])}</span>'
        f"{html.escape(chinese)}</div>"
    )
    return f'<div class="clause">{zh + en if answer_lang == "zh" else en + zh}</div>'


def follow_up_buttons(answer: Answer, text: UiText) -> str:
    """The questions to ask next as buttons (chat.js asks the one clicked)."""
    if not answer.suggestions:
        return ""
    buttons = "".join(f'<button type="button" class="follow-up">{html.escape(q)}</button>' for q in answer.suggestions)
    title = f'<span class="follow-ups-title">{html.escape(text["follow_ups"])}</span>'
    return f'<div class="follow-ups">{title}{buttons}</div>'


def assistant_message(answer: Answer, corpus: Corpus, ui_lang: str) -> Message:
    """The chat message of an answer: its text, its clause cards, then questions to ask next."""
    text = ui_text(ui_lang)
    body = as_text_block(answer_body(answer), "answer-text fallback" if answer.fallback else "answer-text")
    return {"role": "assistant", "content": body + clause_cards(answer, corpus, text) + follow_up_buttons(answer, text)}


def notice_message(text: str) -> Message:
    """An assistant message that is not an answer (rate limit, error)."""
    return {"role": "assistant", "content": as_text_block(text, "answer-text notice")}


def _stored(message: object) -> Message | None:
    """A chat message as the browser keeps it, {"role", "content"} with the content as text (Gradio hands a
    chatbot's value to an event as {"role", "content": [{"type": "text", "text": …}], "metadata", …}); None
    for anything else."""
    if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
        return None
    content = message.get("content")
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict) and p.get("type") == "text"]
        content = "".join(p for p in parts if isinstance(p, str)) if len(parts) == len(content) else None
    return {"role": message["role"], "content": content} if isinstance(content, str) else None


def feedback_reasons(lang: str) -> dict[str, str]:
    """{reason: its label in `lang`} of the reasons a visitor may give for a thumbs down."""
    return {str(k): str(v) for k, v in ui_text(lang).strings["feedback_reasons"].items()}


def feedback_reason(label: str) -> str:
    """The reason a label of either language stands for ('' for none)."""
    for lang in ("zh", "en"):
        for reason, shown in feedback_reasons(lang).items():
            if shown == label:
                return reason
    return ""


class ChatHandlers:
    """What the chat does on each event; the Gradio builder only wires these to components.

    Parameters: `service` (answers, logs, feedback), `max_question_chars`.
    """

    def __init__(self, service: AskService, max_question_chars: int) -> None:
        self.service = service
        self.corpus: Corpus = service.bot.corpus
        self.max_question_chars = max_question_chars

    def add_question(
        self, question: str, messages: list[Message] | None, state: ChatState | None
    ) -> tuple[str, list[Message], ChatState]:
        """Show the user's question at once; it is answered by `answer_pending`. Blank input does nothing."""
        state = state or ChatState()
        messages = list(messages or [])
        question = _SURROGATE.sub("", question or "").strip()
        if not clean(question):  # only zero-width or control characters: nothing was asked
            return "", messages, state
        question = question[: self.max_question_chars + 1]  # one more than allowed: answered "too long"
        state.pending = question
        return "", [*messages, user_message(question)], state

    def answer_pending(
        self, messages: list[Message] | None, state: ChatState | None, ui_lang: str, client: str = ""
    ) -> tuple[list[Message], ChatState]:
        """Answer the question `add_question` left pending, log the turn and append the reply."""
        state = state or ChatState()
        messages = list(messages or [])
        question, state.pending = state.pending, ""
        if not question:
            return messages, state
        text = ui_text(ui_lang)
        notice = self._refusal(question, client, text)
        if notice:
            return [*messages, notice_message(notice)], state
        try:
            logged = self.service.ask(
                question,
                history=list(state.history),
                conversation_id=state.conversation_id,
                channel="ui",
                client=client,
            )
        except OverBudget:  # logged by the service
            return [*messages, notice_message(text.fill("over_budget", hotline=self.service.hotline))], state
        except Exception:  # the chat must never show a stack trace
            log.exception("answering %r failed", question[:80])
            return [*messages, notice_message(text.fill("failed", hotline=self.service.hotline))], state
        return self._append(messages, state, logged, ui_lang), state

    def _refusal(self, question: str, client: str, text: UiText) -> str:
        if over_limit(question, self.max_question_chars):
            return text.fill("too_long", limit=self.max_question_chars)
        try:
            self.service.check_rate(client, question_cost(question))
        except RateLimited as exc:
            return text.fill("rate_limited", seconds=round(exc.retry_after))
        return ""

    def _append(self, messages: list[Message], state: ChatState, logged: LoggedAnswer, ui_lang: str) -> list[Message]:
        answer = logged.answer
        state.history.append({"question": answer.question, "citations": [c.to_dict() for c in answer.citations]})
        state.answer_ids[len(messages)] = logged.id
        return [*messages, assistant_message(answer, self.corpus, ui_lang)]

    def feedback(self, state: ChatState | None, index: Any, liked: Any, client: str = "") -> bool:
        """Record a thumbs up (liked True) or down (False, or the label of a reason for it: "答复有误",
        "Wrong answer" …) on the reply at `index`; True when stored."""
        answer_id = state.answer_at(index) if state else None
        reason = feedback_reason(liked) if isinstance(liked, str) else ""
        if answer_id is None or not (isinstance(liked, bool) or reason):
            return False
        try:
            self.service.feedback(answer_id, "up" if liked is True else "down", client=client, reason=reason)
        except Exception:
            return False
        return True

    @staticmethod
    def kept(messages: list[Message] | None, state: ChatState | None) -> dict[str, Any]:
        """What the browser keeps of the conversation so that a reload shows it again."""
        if not state or not messages:
            return {}
        messages = [m for m in (_stored(m) for m in messages) if m is not None]
        skipped = max(0, len(messages) - MAX_KEPT_MESSAGES)  # the oldest go; the answers' places move up
        ids = {i - skipped: a for i, a in state.answer_ids.items() if i >= skipped}
        moved = ChatState(state.conversation_id, "", state.history, ids)
        return {"messages": list(messages)[skipped:], "state": moved.to_dict()}

    @staticmethod
    def restored(kept: object) -> tuple[list[Message], ChatState | None]:
        """The conversation the browser kept, or an empty one (anything malformed is dropped)."""
        if not isinstance(kept, dict):
            return [], None
        state = ChatState.of(kept.get("state"))
        messages = kept.get("messages")
        if state is None or not isinstance(messages, list):
            return [], None
        shown = [_stored(m) for m in messages]
        if len(messages) > MAX_KEPT_MESSAGES or not all(shown):
            return [], None
        return [m for m in shown if m is not None], state

    @staticmethod
    def clear() -> tuple[list[Message], ChatState, str]:
        """An empty chat with a new conversation id and an empty input."""
        return [], ChatState(), ""
