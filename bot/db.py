"""The database every store shares: one declarative base, the engine for a database URL, and its schema
brought up to date by the Alembic migrations in bot/migrations (at start-up, once per process and URL,
under a lock so that replicas starting together do not migrate twice)."""

from __future__ import annotations

import fcntl
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import StaticPool

from bot.config import Pool

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The newest migration (tests check it is the script directory's head): a database already there is
#: not handed to Alembic at all, which spares every start the loading of its scripts.
HEAD = "0003"
#: The last schema made by create_all before migrations existed: such a database is stamped with it.
BASELINE = "0001"
#: pg_advisory_lock's key for migrating (any constant shared by the replicas).
MIGRATION_LOCK_KEY = 0x6C7967  # "lyg"


class Base(DeclarativeBase):
    pass


def make_engine(url: str, pool: Pool | None = None) -> Engine:
    """An engine for `url`; SQLite files get WAL mode, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":  # hide_parameters: no question or answer in an error's log line
        pool = pool or Pool()
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=pool.size,
            max_overflow=pool.overflow,
            pool_timeout=pool.timeout_s,
            pool_recycle=pool.recycle_s,
            hide_parameters=True,
        )
    database = parsed.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if in_memory else None,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        if not in_memory:
            _write_ahead(cursor)
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def _write_ahead(cursor: Any, attempts: int = 100, pause_s: float = 0.05) -> None:
    """Switch a SQLite file to WAL. The switch does not wait on the busy timeout: while another connection
    is creating the same new file it fails at once with 'database is locked', so it is retried (a file
    already in WAL answers at once)."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(pause_s)


_migrating = threading.Lock()


def prepare(url: str, pool: Pool | None = None) -> Engine:
    """An engine for `url` whose schema is at the newest migration (applied now when it is not)."""
    engine = make_engine(url, pool)
    with _migrating:  # threads of one process; other processes wait on migrate's own lock
        migrate(engine)
    return engine


def current_revision(connection: Connection) -> str:
    """The migration the database is at ('' for none)."""
    if "alembic_version" not in inspect(connection).get_table_names():
        return ""
    return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar() or "")


def migrate(engine: Engine) -> str:
    """Bring the database to HEAD under a lock (PostgreSQL: an advisory lock, taken on the connection that
    migrates, so a pool of one connection is enough; a SQLite file: a lock file beside it, taken before
    connecting); a database made before migrations is stamped with BASELINE first. Returns the revision
    it was at ('' for a new one)."""
    with _file_lock(engine), engine.connect() as connection, _advisory_lock(connection):
        with connection.begin():
            before = current_revision(connection)
            if before == HEAD:
                return before
            from alembic import command
            from alembic.config import Config

            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            if not before and "turns" in inspect(connection).get_table_names():
                log.info("database made before migrations: stamping it %s", BASELINE)
                command.stamp(config, BASELINE)
            command.upgrade(config, "head")
        log.info("database migrated from %s to %s", before or "nothing", HEAD)
        return before


@contextmanager
def _advisory_lock(connection: Connection) -> Iterator[None]:
    if connection.dialect.name != "postgresql":
        yield
        return
    # a session lock: it outlives the transaction that takes it
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    connection.commit()
    try:
        yield
    finally:
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
        connection.commit()


@contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """For a SQLite file, a lock file beside it, taken before the first connection (whose WAL switch
    would otherwise race another process creating the file)."""
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or database in ("", ":memory:"):
        yield
        return
    with open(f"{database}.migrate-lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
