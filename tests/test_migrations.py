"""The schema as Alembic migrations, the feedback keys, the shared rate limit and the index build lock,
on SQLite and fakes (milliseconds). The same on PostgreSQL and a Chroma server: tests/test_replicas.py."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from bot.corrections.store import CorrectionStore
from bot.db import BASELINE, HEAD, MIGRATIONS, Base, _write_ahead, current_revision, make_engine, migrate
from bot.errors import BotError, RateLimited
from bot.store import chroma_places
from bot.store.chroma_places import BuildLock
from bot.web.ratelimit import SharedRateLimiter
from bot.web.records import TurnRecord, utc_now
from bot.web.store import ConversationStore


def schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would change to make the database match the models ([]: they agree)."""
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def test_head_is_the_newest_migration() -> None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [HEAD]
    assert [s.revision for s in scripts.walk_revisions()][-1] == BASELINE


def test_a_new_sqlite_database_is_migrated_to_exactly_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    ConversationStore(url)
    CorrectionStore(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        assert current_revision(connection) == HEAD
    assert schema_differences(engine) == []


OLD_SCHEMA = [  # the tables create_all made before migrations (session 9: no feedback reason, no corrections)
    "CREATE TABLE turns (id VARCHAR(36) NOT NULL PRIMARY KEY, conversation_id VARCHAR(36) NOT NULL, channel VARCHAR(8) "
    "NOT NULL, question TEXT NOT NULL, question_key TEXT NOT NULL, lang VARCHAR(2) NOT NULL, answer TEXT NOT NULL, "
    "fallback BOOLEAN NOT NULL, reason VARCHAR(32) NOT NULL, retrieved JSON NOT NULL, cited JSON NOT NULL, "
    "latency_ms FLOAT NOT NULL, client_hash VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL)",
    "CREATE INDEX ix_turns_conversation_id ON turns (conversation_id)",
    "CREATE INDEX ix_turns_question_key ON turns (question_key)",
    "CREATE INDEX ix_turns_fallback ON turns (fallback)",
    "CREATE INDEX ix_turns_created_at ON turns (created_at)",
    "CREATE TABLE store_meta (key VARCHAR(40) NOT NULL PRIMARY KEY, value VARCHAR(200) NOT NULL)",
    "CREATE TABLE feedback (id INTEGER NOT NULL PRIMARY KEY, turn_id VARCHAR(36) NOT NULL REFERENCES turns(id), "
    "rating VARCHAR(4) NOT NULL, comment TEXT NOT NULL, client_hash VARCHAR(64) NOT NULL, "
    "created_at DATETIME NOT NULL)",
    "CREATE INDEX ix_feedback_turn_id ON feedback (turn_id)",
    "CREATE INDEX ix_feedback_created_at ON feedback (created_at)",
    "INSERT INTO store_meta VALUES ('id', 'old-database')",
    "INSERT INTO turns VALUES ('t1', 'c1', 'api', 'q', 'q', 'zh', 'a', 0, 'answered', '[1]', '[1]', 5.0, 'h', "
    "'2026-11-01 00:00:00')",
    "INSERT INTO feedback VALUES (1, 't1', 'up', '', 'h', '2026-11-01 00:00:01')",
    "INSERT INTO feedback VALUES (2, 't1', 'down', 'no', 'h2', '2026-11-01 00:00:02')",
]


def test_a_database_made_before_migrations_is_stamped_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    with make_engine(url).begin() as connection:
        for statement in OLD_SCHEMA:
            connection.exec_driver_sql(statement)
    store = ConversationStore(url)
    assert store.identity == "old-database"
    entries = store.feedback()
    assert sorted((f.rating, f.comment) for f in entries) == [("down", "no"), ("up", "")]
    assert schema_differences(store.engine) == []
    with store.engine.connect() as connection:
        keys = connection.execute(text("SELECT request_key FROM feedback ORDER BY id")).scalars().all()
        assert keys == ["stored-1", "stored-2"]  # unique keys for the rows made before keys existed
        assert current_revision(connection) == HEAD
    assert migrate(store.engine) == HEAD  # again: nothing to do


def test_two_threads_migrating_one_new_database_at_once_both_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.sqlite3'}"
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            migrate(make_engine(url))  # not through prepare: its in-process lock would hide the race
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert "rate_hits" in inspect(make_engine(url)).get_table_names()


def test_the_switch_to_write_ahead_logging_is_retried_while_another_connection_holds_the_new_file() -> None:
    class Cursor:
        calls = 0

        def execute(self, statement: str) -> None:
            self.calls += 1
            if self.calls < 3:
                raise sqlite3.OperationalError("database is locked")

    cursor = Cursor()
    _write_ahead(cursor, pause_s=0)
    assert cursor.calls == 3
    with pytest.raises(sqlite3.OperationalError):
        _write_ahead(Cursor(), attempts=2, pause_s=0)  # bounded: it gives up

    class Broken:
        def execute(self, statement: str) -> None:
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk"):
        _write_ahead(Broken(), pause_s=0)  # only a lock is retried


# -- feedback keys -------------------------------------------------------------------------------------
def test_feedback_sent_again_with_its_key_is_stored_once(tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    store.log_turn(_turn("t1"))
    first = store.add_feedback("t1", "up", client_hash="h", key="k-1")
    assert store.add_feedback("t1", "up", client_hash="h", key="k-1") == first
    other = store.add_feedback("t1", "down", client_hash="h", key="k-2")
    keyless = store.add_feedback("t1", "down", client_hash="h2")
    assert len({first, other, keyless}) == 3
    assert len(store.feedback()) == 3


def _turn(turn_id: str) -> TurnRecord:
    return TurnRecord(turn_id, "c", "api", "q", "zh", "a", False, "answered", (1,), (1,), 1.0, "h", utc_now())


# -- the shared rate limit -----------------------------------------------------------------------------
class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_shared_limit_counts_for_every_process_using_the_database(tmp_path: Path) -> None:
    engine = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}").engine
    clock = Clock(6000.0)  # the start of a minute
    one, two = (SharedRateLimiter(engine, "api", 3, clock) for _ in range(2))  # two replicas
    one.check("c")
    two.check("c")
    one.check("c")
    with pytest.raises(RateLimited):
        two.check("c")
    with pytest.raises(RateLimited):
        one.check("c")
    one.check("other client")
    SharedRateLimiter(engine, "events", 3, clock).check("c")  # another limit counts on its own
    assert two.blocked("c") > 0
    clock.now += 90  # the next minute, half-way: half of the last minute's 3 still count (1.5 + 1 ≤ 3)
    one.check("c")
    assert one.blocked("c") > 0  # 1.5 + 1 + 1 > 3
    clock.now += 60  # half-way through the minute after: the previous minute's 1 weighs 0.5
    for _ in range(2):
        two.check("c")
    with pytest.raises(RateLimited) as refused:
        two.check("c")
    assert refused.value.retry_after == pytest.approx(30.0)  # when the previous minute's 1 has faded out


def test_a_refused_request_is_not_counted(tmp_path: Path) -> None:
    engine = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}").engine
    clock = Clock(6000.0)
    limiter = SharedRateLimiter(engine, "api", 2, clock)
    limiter.check("c")
    limiter.check("c")
    for _ in range(5):
        with pytest.raises(RateLimited):
            limiter.check("c")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT hits FROM rate_hits")).scalar() == 2


# -- the index build lock --------------------------------------------------------------------------------
class FakeServer:
    """Collections by name, created atomically: what BuildLock needs of a Chroma server."""

    def __init__(self) -> None:
        self.collections: dict[str, FakeCollection] = {}
        self.lock = threading.Lock()

    def create_collection(self, name: str, metadata: dict[str, Any]) -> FakeCollection:
        with self.lock:
            if name in self.collections:
                raise ValueError(f"collection {name} already exists")
            self.collections[name] = FakeCollection(dict(metadata))
            return self.collections[name]

    def get_collection(self, name: str) -> FakeCollection:
        return self.collections[name]

    def delete_collection(self, name: str) -> None:
        del self.collections[name]


class FakeCollection:
    def __init__(self, metadata: dict[str, Any]) -> None:
        self.metadata = metadata

    def modify(self, metadata: dict[str, Any]) -> None:
        self.metadata = dict(metadata)


def test_one_process_builds_while_the_other_waits_for_the_lock_not_a_sleep() -> None:
    server = FakeServer()
    built: list[str] = []
    holding = threading.Event()

    def build(name: str) -> None:
        with BuildLock(server, "policy", poll_s=0.01) as lock:
            built.append(f"{name} start")
            holding.set()
            lock.beat()
            threading.Event().wait(0.2)
            built.append(f"{name} end")

    first = threading.Thread(target=build, args=("first",))
    first.start()
    holding.wait(5)
    waiter = BuildLock(server, "policy", poll_s=0.01)
    waiter.acquire()  # returns only once the first let go
    built.append("second start")
    waiter.release()
    first.join()
    assert built == ["first start", "first end", "second start"]
    assert waiter.waited_s >= 0.1
    assert server.collections == {}  # released


def test_a_lock_left_by_a_dead_process_is_taken_over(monkeypatch: pytest.MonkeyPatch) -> None:
    server = FakeServer()
    clock = Clock(1000.0)
    dead = BuildLock(server, "policy", clock=clock)
    dead.acquire()  # and never released
    clock.now += chroma_places.LOCK_STALE_S + 1
    alive = BuildLock(server, "policy", clock=clock, poll_s=0.0)
    alive.acquire()
    assert server.collections["policy__building"].metadata["owner"] == alive.owner
    dead.release()  # a late release by the old holder leaves the new holder's lock alone
    assert "policy__building" in server.collections
    alive.release()
    assert server.collections == {}


def test_a_feedback_key_used_for_another_answer_or_reserved_is_a_bad_request(tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    store.log_turn(_turn("t1"))
    store.log_turn(_turn("t2"))
    store.add_feedback("t1", "up", client_hash="h", key="k-1")
    with pytest.raises(BotError, match="already used"):
        store.add_feedback("t2", "up", client_hash="h", key="k-1")
    with pytest.raises(BotError, match="reserved"):
        store.add_feedback("t2", "up", client_hash="h", key="stored-1")


def test_a_migration_that_died_after_adding_its_column_is_finished_on_the_next_start(tmp_path: Path) -> None:
    """SQLite commits an ADD COLUMN at once: the column may be there while the version still says 0002."""
    url = f"sqlite:///{tmp_path / 'half.sqlite3'}"
    store = ConversationStore(url)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_feedback_request_key")
        connection.exec_driver_sql("DROP TABLE rate_hits")
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    assert migrate(make_engine(url)) == "0002"
    assert schema_differences(make_engine(url)) == []
