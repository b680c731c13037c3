"""The chat's message handling without a browser: escaping, clause cards, history, feedback, limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from web_fakes import FakeBot

from bot.web.chat import ChatHandlers, ChatState, answer_body, as_text_block, user_message
from bot.web.service import AskService
from bot.web.store import ConversationStore


@pytest.fixture()
def fake_bot(corpus):  # type: ignore[no-untyped-def]
    return FakeBot(corpus)


@pytest.fixture()
def service(fake_bot: FakeBot, tmp_path: Path) -> AskService:
    return AskService(fake_bot, ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}"), rate_limit_per_minute=0)  # type: ignore[arg-type]


@pytest.fixture()
def handlers(service: AskService) -> ChatHandlers:
    return ChatHandlers(service, max_question_chars=200)


def ask(handlers: ChatHandlers, question: str, messages: list, state: ChatState | None, lang: str = "en"):  # type: ignore[no-untyped-def]
    _, messages, state = handlers.add_question(question, messages, state)
    return handlers.answer_pending(messages, state, lang, client="client-hash")


def test_typed_html_is_escaped_into_text_not_elements() -> None:
    message = user_message("<img src=x onerror=alert(1)><b>bold</b>")
    assert "<img" not in message["content"] and "<b>" not in message["content"]
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;" in message["content"]


def test_text_block_has_no_blank_line_so_markdown_leaves_it_alone() -> None:
    block = as_text_block("first\n\nsecond **not bold**\nthird", "answer-text")
    assert "\n" not in block
    assert block == '<div class="answer-text"><p>first</p><p>second **not bold**<br>third</p></div>'


def test_blank_input_adds_nothing(handlers: ChatHandlers) -> None:
    text, messages, state = handlers.add_question("   ", [], None)
    assert (text, messages, state.pending) == ("", [], "")


def test_question_shows_at_once_then_gets_an_answer_with_a_clause_card(handlers: ChatHandlers) -> None:
    cleared, messages, state = handlers.add_question("How long is the R visa valid?", [], None)
    assert cleared == "" and [m["role"] for m in messages] == ["user"] and state.pending
    messages, state = handlers.answer_pending(messages, state, "en", client="c")
    assert [m["role"] for m in messages] == ["user", "assistant"]
    reply = messages[1]["content"]
    assert "10 years" in reply and "180 days" in reply
    assert '<details class="clause-card">' in reply
    assert "Article 5 · Attracting high-level talent" in reply and "第五条 加快集聚高层次人才" in reply
    assert "English translation" in reply and "Chinese original" in reply and "R字签证" in reply
    assert "Based on:" not in reply, "the cards replace the textual list of clauses"
    assert "400-107-6681" in reply


def test_card_labels_follow_the_interface_language(handlers: ChatHandlers) -> None:
    messages, _ = ask(handlers, "How long is the R visa valid?", [], None, lang="zh")
    assert "依据条款" in messages[1]["content"] and "中文原文" in messages[1]["content"]


def test_chinese_answer_puts_the_chinese_original_first(handlers: ChatHandlers) -> None:
    messages, _ = ask(handlers, "R字签证有效期多久？", [], None, lang="zh")
    reply = messages[1]["content"]
    assert reply.index('class="clause-zh"') < reply.index('class="clause-en"')
    assert "第五条 加快集聚高层次人才" in reply


def test_earlier_questions_are_passed_as_history(handlers: ChatHandlers, fake_bot: FakeBot) -> None:
    messages, state = ask(handlers, "How long is the R visa valid?", [], None)
    messages, state = ask(handlers, "And how long can I stay?", messages, state)
    assert fake_bot.calls[0]["history"] == []
    history = fake_bot.calls[1]["history"]
    assert [turn["question"] for turn in history] == ["How long is the R visa valid?"]
    assert history[0]["citations"][0]["article"] == 5
    assert len(messages) == 4


def test_every_turn_is_logged_under_one_conversation(handlers: ChatHandlers, service: AskService) -> None:
    messages, state = ask(handlers, "How long is the R visa valid?", [], None)
    ask(handlers, "What is the weather?", messages, state)
    turns = service.store.conversation(state.conversation_id)
    assert [(t.channel, t.question, t.fallback) for t in turns] == [
        ("ui", "How long is the R visa valid?", False),
        ("ui", "What is the weather?", True),
    ]
    assert turns[0].cited == (5,) and turns[0].client_hash == "client-hash"


def test_thumbs_on_a_reply_are_stored_against_its_answer(handlers: ChatHandlers, service: AskService) -> None:
    _, state = ask(handlers, "How long is the R visa valid?", [], None)
    assert handlers.feedback(state, 1, True)
    assert handlers.feedback(state, [1, 0], False)
    assert not handlers.feedback(state, 0, True), "the user's own message has no answer"
    assert not handlers.feedback(state, 1, None), "un-liking records nothing"
    ratings = [(f.rating, f.turn.question) for f in service.store.feedback()]
    assert sorted(ratings) == [("down", "How long is the R visa valid?"), ("up", "How long is the R visa valid?")]


def test_clear_starts_a_new_conversation(handlers: ChatHandlers) -> None:
    _, state = ask(handlers, "How long is the R visa valid?", [], None)
    messages, fresh, text = handlers.clear()
    assert messages == [] and text == "" and fresh.conversation_id != state.conversation_id


def test_too_long_question_gets_a_notice_not_an_answer(handlers: ChatHandlers, fake_bot: FakeBot) -> None:
    messages, _ = ask(handlers, "visa " * 100, [], None)
    assert "too long" in messages[-1]["content"] and not fake_bot.calls


def test_rate_limited_chat_says_when_to_retry(fake_bot: FakeBot, tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    handlers = ChatHandlers(AskService(fake_bot, store, rate_limit_per_minute=1), 200)  # type: ignore[arg-type]
    messages, state = ask(handlers, "How long is the R visa valid?", [], None)
    messages, state = ask(handlers, "How long is the R visa valid?", messages, state, lang="zh")
    assert re.search(r"提问过于频繁，请\d+秒后再试", messages[-1]["content"])
    assert len(fake_bot.calls) == 1


def test_a_failing_bot_gives_a_polite_notice_with_the_hotline(handlers: ChatHandlers, fake_bot: FakeBot) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("index gone")

    fake_bot.ask = broken  # type: ignore[method-assign]
    messages, _ = ask(handlers, "How long is the R visa valid?", [], None)
    assert "400-107-6681" in messages[-1]["content"] and "Traceback" not in messages[-1]["content"]


def test_answer_body_keeps_text_without_citations(fake_bot: FakeBot) -> None:
    fallback = fake_bot.ask("What is the weather?")
    assert answer_body(fallback) == fallback.text
    answer = fake_bot.ask("How long is the R visa valid?")
    assert "Based on:" not in answer_body(answer) and answer_body(answer).endswith("400-107-6681.")


def test_answer_parts_compose_the_text_and_the_chat_drops_only_the_sources() -> None:
    from bot.answer.model import Answer, Citation

    citation = Citation("d", 5, "Talent", 11, "R visa valid up to 10 years", "有效期最高10年", "Article 5")
    answer = Answer(
        "q",
        "en",
        "R visa valid up to 10 years.\n\nOn “fees”: the policy does not state this.",
        False,
        (citation,),
        sources="Based on:\nArticle 5\n  · R visa valid up to 10 years",
        closing="Call 400-107-6681.",
    )
    assert answer.text == "\n\n".join([answer.opening, answer.sources, answer.closing])
    assert answer.to_dict()["answer"] == answer.text
    assert answer_body(answer) == f"{answer.opening}\n\n{answer.closing}"  # the note on a part stays


def test_a_thumbs_down_with_a_reason_of_either_language_stores_the_reason(
    handlers: ChatHandlers, service: AskService
) -> None:
    _, state = ask(handlers, "How long is the R visa valid?", [], None)
    assert handlers.feedback(state, 1, "答复有误")
    assert handlers.feedback(state, 1, "Hard to understand")
    assert not handlers.feedback(state, 1, "Inappropriate"), "a label that is no reason records nothing"
    stored = sorted((f.rating, f.reason) for f in service.store.feedback())
    assert stored == [("down", "unclear"), ("down", "wrong")]
