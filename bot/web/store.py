"""The conversation log: every answered turn and every piece of feedback, in any SQLAlchemy database.

SQLite (the default) runs in WAL mode so the staff console can read while the chat writes.
No client address is stored: only a salted hash of it, computed by the caller.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import Integer, cast, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Pool
from bot.db import prepare
from bot.errors import BotError, NotFound, RateLimited
from bot.web import upkeep
from bot.web.dashboard import LoggedFeedback, LoggedTurn
from bot.web.records import (
    MAX_FEEDBACK_PER_ANSWER,
    ConversationSummary,
    FallbackQuestion,
    FeedbackEntry,
    TurnRecord,
    question_key,
    utc_now,
)
from bot.web.tables import FeedbackRow, MetaRow, TurnRow

__all__ = ["MAX_FEEDBACK_PER_ANSWER", "ConversationStore", "TurnRecord", "question_key"]


class ConversationStore:
    """Logs turns and feedback and answers the staff console's questions about them.

    Parameters: `url`, any SQLAlchemy URL (its schema migrated to the newest at start), `pool`, the
    connection pool of a server database.
    """

    def __init__(self, url: str, pool: Pool | None = None) -> None:
        self.url = url
        upkeep.heal(url)  # a damaged SQLite file is moved aside (and logged) and a fresh one started
        self.engine = prepare(url, pool)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.identity = self._identity()

    def _identity(self) -> str:
        """The database's id, made once when it is first opened: a replaced or restored one has another."""
        try:
            with self._session() as session:
                row = session.get(MetaRow, "id")
                if row is None:
                    row = MetaRow(key="id", value=str(uuid.uuid4()))
                    session.add(row)
                return row.value
        except IntegrityError:  # another replica opening the new database made it a moment ago
            with self._session() as session:
                found = session.get(MetaRow, "id")
                assert found is not None
                return found.value

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
        with self._session() as session:
            session.add(record.row())

    def turn(self, turn_id: str) -> TurnRecord:
        """The turn with this id; NotFound if there is none."""
        with self._session() as session:
            row = session.get(TurnRow, turn_id)
            if row is None:
                raise NotFound(f"no answer {turn_id!r}")
            return TurnRecord.of(row)

    def add_feedback(
        self, turn_id: str, rating: str, comment: str = "", client_hash: str = "", reason: str = "", key: str = ""
    ) -> int:
        """Record feedback on a turn; returns its id. NotFound when the turn does not exist.

        `key`: the request's own key. Feedback sent again with a key already stored (a proxy retrying a
        request whose first replica stored it and died before answering) returns the stored id.
        """
        if key.startswith("stored-"):
            raise BotError("feedback keys starting with 'stored-' are reserved")
        if key and (stored := self._feedback_with_key(turn_id, key)) is not None:
            return stored
        try:
            return self._insert_feedback(turn_id, rating, comment, client_hash, reason, key or str(uuid.uuid4()))
        except IntegrityError:
            stored = self._feedback_with_key(turn_id, key) if key else None
            if stored is None:  # the key was used for feedback on another answer
                raise BotError("this feedback key was already used for another answer") from None
            return stored  # the same key stored by another replica a moment ago

    def _feedback_with_key(self, turn_id: str, key: str) -> int | None:
        with self._session() as session:
            query = select(FeedbackRow.id).where(FeedbackRow.request_key == key, FeedbackRow.turn_id == turn_id)
            return session.scalar(query)

    def _insert_feedback(self, turn_id: str, rating: str, comment: str, client_hash: str, reason: str, key: str) -> int:
        with self._session() as session:
            if session.get(TurnRow, turn_id) is None:
                raise NotFound(f"no answer {turn_id!r}")
            mine = (FeedbackRow.turn_id == turn_id) & (FeedbackRow.client_hash == client_hash)
            given = session.scalar(select(func.count()).where(mine)) or 0
            if given >= MAX_FEEDBACK_PER_ANSWER:
                raise RateLimited(60.0)
            row = FeedbackRow(
                turn_id=turn_id,
                rating=rating,
                reason=reason,
                comment=comment,
                client_hash=client_hash,
                created_at=utc_now(),
                request_key=key,
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
                FeedbackEntry(fb.id, fb.rating, fb.comment, fb.created_at, TurnRecord.of(turn), fb.reason or "")
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

    def turns_between(self, start: datetime, end: datetime) -> list[LoggedTurn]:
        """The turns logged from `start` to before `end` (what the dashboard counts)."""
        query = select(TurnRow.question, TurnRow.created_at, TurnRow.fallback, TurnRow.reason).where(
            TurnRow.created_at >= start, TurnRow.created_at < end
        )
        with self._session() as session:
            return [LoggedTurn(q, at, bool(fb), reason) for q, at, fb, reason in session.execute(query)]

    def thumbs_down_between(self, start: datetime, end: datetime) -> list[LoggedFeedback]:
        """The thumbs down given from `start` to before `end`, with their questions."""
        query = (
            select(TurnRow.question, FeedbackRow.reason, FeedbackRow.comment, FeedbackRow.created_at)
            .join(TurnRow, FeedbackRow.turn_id == TurnRow.id)
            .where(FeedbackRow.rating == "down", FeedbackRow.created_at >= start, FeedbackRow.created_at < end)
        )
        with self._session() as session:
            rows = session.execute(query).all()
        return [LoggedFeedback(q, reason or "", comment or "", at) for q, reason, comment, at in rows]

    def purge(self, days: int, now: datetime | None = None) -> int:
        """Delete the turns (and their feedback) older than `days` days; returns how many turns went."""
        cutoff = (now or utc_now()) - timedelta(days=days)
        old = select(TurnRow.id).where(TurnRow.created_at < cutoff)
        with self._session() as session:
            session.execute(delete(FeedbackRow).where(FeedbackRow.turn_id.in_(old)))
            result = session.execute(delete(TurnRow).where(TurnRow.created_at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)

    def close(self) -> None:
        """Release the database connections, the write-ahead log folded into the file first."""
        self.engine.dispose()
        upkeep.checkpoint(self.url)
