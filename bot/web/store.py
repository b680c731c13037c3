"""The conversation log: every answered turn and every piece of feedback, in any SQLAlchemy database.

SQLite (the default) runs in WAL mode so the staff console can read while the chat writes.
No client address is stored: only a salted hash of it, computed by the caller.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    cast,
    create_engine,
    delete,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

from bot.errors import NotFound, RateLimited
from bot.text import normalize
from bot.web import upkeep

#: Feedback one client may give one answer (a page sends one per click; more is a script).
MAX_FEEDBACK_PER_ANSWER = 20

_TRAILING = re.compile(r"[\s?？!！。.,，;；:：]+$")


def question_key(question: str) -> str:
    """The form repeated questions are counted under: normalized, trailing punctuation dropped."""
    return _TRAILING.sub("", normalize(question))[:500]


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    # SQLite hands datetimes back without a zone; they were written in UTC
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class _Base(DeclarativeBase):
    pass


class TurnRow(_Base):
    """One question and the answer it got."""

    __tablename__ = "turns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(36), index=True)
    channel: Mapped[str] = mapped_column(String(8))
    question: Mapped[str] = mapped_column(Text)
    question_key: Mapped[str] = mapped_column(Text, index=True)
    lang: Mapped[str] = mapped_column(String(2))
    answer: Mapped[str] = mapped_column(Text)
    fallback: Mapped[bool] = mapped_column(Boolean, index=True)
    reason: Mapped[str] = mapped_column(String(32))
    retrieved: Mapped[list[int]] = mapped_column(JSON)
    cited: Mapped[list[int]] = mapped_column(JSON)
    latency_ms: Mapped[float] = mapped_column(Float)
    client_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class MetaRow(_Base):
    """Facts about the database itself: its `id`, made when it was created."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class FeedbackRow(_Base):
    """A thumbs up or down (with an optional comment) on one answered turn."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    turn_id: Mapped[str] = mapped_column(ForeignKey("turns.id"), index=True)
    rating: Mapped[str] = mapped_column(String(4))
    comment: Mapped[str] = mapped_column(Text, default="")
    client_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """What is logged of one turn (the caller hashes the client address)."""

    id: str
    conversation_id: str
    channel: str
    question: str
    lang: str
    answer: str
    fallback: bool
    reason: str
    retrieved: tuple[int, ...]
    cited: tuple[int, ...]
    latency_ms: float
    client_hash: str = ""
    created_at: datetime = field(default_factory=_now)

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the staff console."""
        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "channel": self.channel,
            "question": self.question,
            "lang": self.lang,
            "answer": self.answer,
            "fallback": self.fallback,
            "reason": self.reason,
            "retrieved": list(self.retrieved),
            "cited": list(self.cited),
            "latency_ms": round(self.latency_ms, 2),
            "time": _iso(self.created_at),
        }

    @classmethod
    def of(cls, row: TurnRow) -> TurnRecord:
        """The record a stored row holds."""
        return cls(
            id=row.id,
            conversation_id=row.conversation_id,
            channel=row.channel,
            question=row.question,
            lang=row.lang,
            answer=row.answer,
            fallback=row.fallback,
            reason=row.reason,
            retrieved=tuple(row.retrieved or ()),
            cited=tuple(row.cited or ()),
            latency_ms=row.latency_ms,
            client_hash=row.client_hash,
            created_at=row.created_at,
        )


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    """One conversation in the staff list."""

    id: str
    channel: str
    turns: int
    first_question: str
    started: datetime
    last: datetime
    fallbacks: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the staff console."""
        return {
            "id": self.id,
            "channel": self.channel,
            "turns": self.turns,
            "first_question": self.first_question,
            "started": _iso(self.started),
            "last": _iso(self.last),
            "fallbacks": self.fallbacks,
        }


@dataclass(frozen=True, slots=True)
class FeedbackEntry:
    """A piece of feedback with the turn it is about."""

    id: int
    rating: str
    comment: str
    created_at: datetime
    turn: TurnRecord

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the staff console."""
        return {
            "id": self.id,
            "rating": self.rating,
            "comment": self.comment,
            "time": _iso(self.created_at),
            "turn_id": self.turn.id,
            "conversation_id": self.turn.conversation_id,
            "question": self.turn.question,
            "answer": self.turn.answer,
            "lang": self.turn.lang,
            "fallback": self.turn.fallback,
        }


@dataclass(frozen=True, slots=True)
class FallbackQuestion:
    """A question (normalized) the policy could not answer, how often it came and when last."""

    question: str
    key: str
    count: int
    last_seen: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the staff console."""
        return {"question": self.question, "key": self.key, "count": self.count, "last_seen": _iso(self.last_seen)}


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL mode, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":  # hide_parameters: no question or answer in an error's log line
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
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
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


class ConversationStore:
    """Logs turns and feedback and answers the staff console's questions about them.

    Parameters: `url`, any SQLAlchemy URL (tables are created when missing).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        upkeep.heal(url)  # a damaged SQLite file is moved aside (and logged) and a fresh one started
        self.engine = make_engine(url)
        _Base.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.identity = self._identity()

    def _identity(self) -> str:
        """The database's id, made once when it is first opened: a replaced or restored one has another."""
        with self._session() as session:
            row = session.get(MetaRow, "id")
            if row is None:
                row = MetaRow(key="id", value=str(uuid.uuid4()))
                session.add(row)
            return row.value

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def journal_mode(self) -> str:
        """SQLite's journal mode ('wal'), or '' for other databases."""
        if self.engine.dialect.name != "sqlite":
            return ""
        with self.engine.connect() as connection:
            return str(connection.exec_driver_sql("PRAGMA journal_mode").scalar())

    def log_turn(self, record: TurnRecord) -> None:
        """Store one answered turn."""
        row = TurnRow(
            id=record.id,
            conversation_id=record.conversation_id,
            channel=record.channel,
            question=record.question,
            question_key=question_key(record.question),
            lang=record.lang,
            answer=record.answer,
            fallback=record.fallback,
            reason=record.reason,
            retrieved=list(record.retrieved),
            cited=list(record.cited),
            latency_ms=record.latency_ms,
            client_hash=record.client_hash,
            created_at=record.created_at,
        )
        with self._session() as session:
            session.add(row)

    def turn(self, turn_id: str) -> TurnRecord:
        """The turn with this id; NotFound if there is none."""
        with self._session() as session:
            row = session.get(TurnRow, turn_id)
            if row is None:
                raise NotFound(f"no answer {turn_id!r}")
            return TurnRecord.of(row)

    def add_feedback(self, turn_id: str, rating: str, comment: str = "", client_hash: str = "") -> int:
        """Record feedback on a turn; returns its id. NotFound when the turn does not exist."""
        with self._session() as session:
            if session.get(TurnRow, turn_id) is None:
                raise NotFound(f"no answer {turn_id!r}")
            mine = (FeedbackRow.turn_id == turn_id) & (FeedbackRow.client_hash == client_hash)
            given = session.scalar(select(func.count()).where(mine)) or 0
            if given >= MAX_FEEDBACK_PER_ANSWER:
                raise RateLimited(60.0)
            row = FeedbackRow(
                turn_id=turn_id, rating=rating, comment=comment, client_hash=client_hash, created_at=_now()
            )
            session.add(row)
            session.flush()
            return row.id

    def conversations(self, limit: int = 50, offset: int = 0) -> list[ConversationSummary]:
        """Conversations, the most recently active first."""
        last = func.max(TurnRow.created_at)
        query = (
            select(
                TurnRow.conversation_id,
                func.min(TurnRow.channel),
                func.count(TurnRow.id),
                func.min(TurnRow.created_at),
                last,
                func.sum(cast(TurnRow.fallback, Integer)),
            )
            .group_by(TurnRow.conversation_id)
            .order_by(last.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._session() as session:
            rows = session.execute(query).all()
            firsts = self._first_questions(session, [row[0] for row in rows])
        return [
            ConversationSummary(cid, channel, turns, firsts.get(cid, ""), started, latest, int(fallbacks or 0))
            for cid, channel, turns, started, latest, fallbacks in rows
        ]

    @staticmethod
    def _first_questions(session: Session, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        rows = session.scalars(
            select(TurnRow).where(TurnRow.conversation_id.in_(ids)).order_by(TurnRow.created_at.desc())
        )
        return {row.conversation_id: row.question for row in rows}  # the earliest row is written last

    def conversation(self, conversation_id: str) -> list[TurnRecord]:
        """The turns of one conversation in order; NotFound if it has none."""
        query = select(TurnRow).where(TurnRow.conversation_id == conversation_id).order_by(TurnRow.created_at)
        with self._session() as session:
            turns = [TurnRecord.of(row) for row in session.scalars(query)]
        if not turns:
            raise NotFound(f"no conversation {conversation_id!r}")
        return turns

    def feedback(self, limit: int = 100, offset: int = 0) -> list[FeedbackEntry]:
        """Feedback with the turns it is about, newest first."""
        query = (
            select(FeedbackRow, TurnRow)
            .join(TurnRow, FeedbackRow.turn_id == TurnRow.id)
            .order_by(FeedbackRow.created_at.desc(), FeedbackRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._session() as session:
            return [
                FeedbackEntry(fb.id, fb.rating, fb.comment, fb.created_at, TurnRecord.of(turn))
                for fb, turn in session.execute(query).tuples()
            ]

    def fallback_questions(self, limit: int = 100) -> list[FallbackQuestion]:
        """The questions that ended in the fallback, grouped by normalized text, most frequent first."""
        last = func.max(TurnRow.created_at)
        count = func.count(TurnRow.id)
        query = (
            select(TurnRow.question_key, func.min(TurnRow.question), count, last)
            .where(TurnRow.fallback.is_(True))
            .group_by(TurnRow.question_key)
            .order_by(count.desc(), last.desc())
            .limit(limit)
        )
        with self._session() as session:
            return [FallbackQuestion(question, key, n, seen) for key, question, n, seen in session.execute(query)]

    def purge(self, days: int, now: datetime | None = None) -> int:
        """Delete the turns (and their feedback) older than `days` days; returns how many turns went."""
        cutoff = (now or _now()) - timedelta(days=days)
        old = select(TurnRow.id).where(TurnRow.created_at < cutoff)
        with self._session() as session:
            session.execute(delete(FeedbackRow).where(FeedbackRow.turn_id.in_(old)))
            result = session.execute(delete(TurnRow).where(TurnRow.created_at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)

    def close(self) -> None:
        """Release the database connections, the write-ahead log folded into the file first."""
        self.engine.dispose()
        upkeep.checkpoint(self.url)
