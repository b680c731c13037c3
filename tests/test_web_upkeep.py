"""The conversation database heals and forgets: checked at start-up, purged, checkpointed, backed up."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import SQLAlchemyError

from bot.web import upkeep
from bot.web.store import ConversationStore, TurnRecord


def turn(turn_id: str, question: str = "R签证有效期多久？", days_ago: int = 0) -> TurnRecord:
    return TurnRecord(
        id=turn_id,
        conversation_id=turn_id,
        channel="api",
        question=question,
        lang="zh",
        answer="10年",
        fallback=False,
        reason="answer",
        retrieved=(5,),
        cited=(5,),
        latency_ms=1.0,
        client_hash="c",
        created_at=datetime.now(UTC) - timedelta(days=days_ago),
    )


def rows(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM turns").fetchone()[0])
    finally:
        connection.close()


def test_a_damaged_database_is_moved_aside_and_a_fresh_one_started(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "log.sqlite3"
    store = ConversationStore(f"sqlite:///{path}")
    store.log_turn(turn("a"))
    store.close()
    with path.open("r+b") as damaged:  # overwrite pages past the header: the file is no database any more
        damaged.seek(100)
        damaged.write(b"\xff" * 8000)
    with caplog.at_level(logging.ERROR, logger="bot.web.upkeep"):
        fresh = ConversationStore(f"sqlite:///{path}")
    fresh.log_turn(turn("b"))  # answers go on being logged
    assert fresh.turn("b").question == "R签证有效期多久？"
    fresh.close()
    aside = list(tmp_path.glob("log.sqlite3.damaged-*"))
    assert len(aside) == 1 and str(path) in caplog.text and str(aside[0]) in caplog.text


def test_a_sound_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    ConversationStore(f"sqlite:///{path}").close()
    assert upkeep.heal(f"sqlite:///{path}") is None and upkeep.quick_check(path) == "ok"


def test_old_conversations_are_purged_with_their_feedback(tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    store.log_turn(turn("old", days_ago=40))
    store.log_turn(turn("new", days_ago=1))
    store.add_feedback("old", "up")
    assert store.purge(30) == 1
    assert [t.id for c in store.conversations() for t in store.conversation(c.id)] == ["new"]
    assert store.feedback() == []
    store.close()


def test_closing_folds_the_write_ahead_log_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = ConversationStore(f"sqlite:///{path}")
    store.log_turn(turn("a"))
    store.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(path, copy)  # the .sqlite3 file alone, as a careless backup would take it
    assert rows(copy) == 1


def test_a_backup_while_in_use_is_consistent(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = ConversationStore(f"sqlite:///{path}")
    for i in range(50):
        store.log_turn(turn(f"t{i}"))
    copy = upkeep.backup(f"sqlite:///{path}", tmp_path / "backup.sqlite3")
    assert rows(copy) == 50 and upkeep.quick_check(copy) == "ok"
    with pytest.raises(FileExistsError):
        upkeep.backup(f"sqlite:///{path}", copy)
    store.close()


def test_database_errors_do_not_log_questions(tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    store.log_turn(turn("same", question="我的私密问题"))
    with pytest.raises(SQLAlchemyError) as error:
        store.log_turn(turn("same", question="我的私密问题"))  # the same id twice
    assert "我的私密问题" not in str(error.value)
    store.close()


def test_a_database_or_index_other_than_the_last_one_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    record = tmp_path / "in-use.json"
    with caplog.at_level(logging.INFO, logger="bot.web.upkeep"):
        assert not upkeep.note_in_use(record, "conversation database", "a", "db")
        assert not upkeep.note_in_use(record, "vector index", "v", "chroma")
        assert not upkeep.note_in_use(record, "conversation database", "a", "db")
    assert "replaced" not in caplog.text
    with caplog.at_level(logging.INFO, logger="bot.web.upkeep"):
        assert upkeep.note_in_use(record, "conversation database", "b", "db")
    assert "conversation database at db was replaced since the last start (was a, now b)" in caplog.text
    assert not upkeep.note_in_use(record, "vector index", "v", "chroma")  # each remembered on its own


def test_a_restored_database_is_noticed_at_start_up(corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    from web_fakes import FakeBot

    from bot.config import Settings
    from bot.web.server import create_app

    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index")})
    database = settings.index_dir / "conversations.sqlite3"
    elsewhere = ConversationStore(f"sqlite:///{tmp_path / 'backup.sqlite3'}")  # another database's backup
    elsewhere.close()
    create_app(settings, bot=FakeBot(corpus), chat_page=False)
    ConversationStore(settings.database_url).close()
    shutil.copy(tmp_path / "backup.sqlite3", database)
    with caplog.at_level(logging.INFO, logger="bot.web.upkeep"):
        create_app(settings, bot=FakeBot(corpus), chat_page=False)
    assert "conversation database" in caplog.text and "was replaced since the last start" in caplog.text
    with caplog.at_level(logging.INFO, logger="bot.web.upkeep"):
        caplog.clear()
        create_app(settings, bot=FakeBot(corpus), chat_page=False)
    assert "replaced" not in caplog.text
