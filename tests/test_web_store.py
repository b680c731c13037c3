"""The conversation log on SQLite: WAL mode, turns, feedback, conversations, fallback questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import NotFound
from bot.web.store import ConversationStore, TurnRecord, question_key

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def turn(n: int, conversation: str, question: str, fallback: bool = False, minutes: int = 0) -> TurnRecord:
    return TurnRecord(
        id=f"t{n}",
        conversation_id=conversation,
        channel="ui",
        question=question,
        lang="en",
        answer=f"answer {n}",
        fallback=fallback,
        reason="out_of_scope" if fallback else "answer",
        retrieved=(5, 19),
        cited=() if fallback else (5,),
        latency_ms=12.5,
        client_hash="h" * 32,
        created_at=T0 + timedelta(minutes=minutes),
    )


@pytest.fixture()
def store(tmp_path: Path) -> ConversationStore:
    return ConversationStore(f"sqlite:///{tmp_path / 'db' / 'log.sqlite3'}")


def test_sqlite_file_runs_in_wal_mode(store: ConversationStore, tmp_path: Path) -> None:
    assert store.journal_mode() == "wal"
    assert (tmp_path / "db" / "log.sqlite3").exists()


def test_a_logged_turn_reads_back(store: ConversationStore) -> None:
    store.log_turn(turn(1, "c1", "How long is the R visa valid?"))
    back = store.turn("t1")
    assert back.question == "How long is the R visa valid?" and back.retrieved == (5, 19) and back.cited == (5,)
    assert back.to_dict()["time"] == "2026-03-01T09:00:00Z"
    with pytest.raises(NotFound):
        store.turn("missing")


def test_conversations_most_recent_first_with_their_first_question(store: ConversationStore) -> None:
    store.log_turn(turn(1, "old", "first of old", minutes=0))
    store.log_turn(turn(2, "new", "first of new", minutes=5))
    store.log_turn(turn(3, "old", "second of old", fallback=True, minutes=10))
    summaries = store.conversations()
    assert [(c.id, c.turns, c.first_question, c.fallbacks) for c in summaries] == [
        ("old", 2, "first of old", 1),
        ("new", 1, "first of new", 0),
    ]
    assert [t.question for t in store.conversation("old")] == ["first of old", "second of old"]
    with pytest.raises(NotFound):
        store.conversation("none")


def test_feedback_needs_an_existing_answer(store: ConversationStore) -> None:
    store.log_turn(turn(1, "c1", "How long is the R visa valid?"))
    feedback_id = store.add_feedback("t1", "down", "too vague", "h" * 32)
    entries = store.feedback()
    assert [(e.id, e.rating, e.comment, e.turn.question) for e in entries] == [
        (feedback_id, "down", "too vague", "How long is the R visa valid?")
    ]
    with pytest.raises(NotFound):
        store.add_feedback("missing", "up")


def test_fallback_questions_grouped_by_normalized_text_most_frequent_first(store: ConversationStore) -> None:
    store.log_turn(turn(1, "a", "What is the weather tomorrow?", fallback=True, minutes=1))
    store.log_turn(turn(2, "b", "what is the   WEATHER tomorrow", fallback=True, minutes=2))
    store.log_turn(turn(3, "c", "Ｗhat is the weather tomorrow？", fallback=True, minutes=3))
    store.log_turn(turn(4, "d", "Who is the mayor?", fallback=True, minutes=4))
    store.log_turn(turn(5, "e", "How long is the R visa valid?", minutes=5))
    rows = store.fallback_questions()
    assert [(r.key, r.count) for r in rows] == [("what is the weather tomorrow", 3), ("who is the mayor", 1)]
    assert rows[0].to_dict()["last_seen"] == "2026-03-01T09:03:00Z"


def test_question_key_folds_width_case_spaces_and_trailing_punctuation() -> None:
    assert question_key("  R字簽證 有效期？ ") == question_key("r字签证 有效期")


def test_any_sqlalchemy_url_works_in_memory_too() -> None:
    store = ConversationStore("sqlite://")
    store.log_turn(turn(1, "c1", "hello"))
    assert store.journal_mode() == "memory" and store.turn("t1").question == "hello"
