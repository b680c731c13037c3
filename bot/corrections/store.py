"""Staff corrections in the database (any SQLAlchemy URL, beside the conversation log), with an audit trail:
every change is an event saying who made it, when, and the correction before and after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from bot.config import Pool
from bot.corrections.model import Action, Correction, Draft
from bot.db import Base, prepare
from bot.errors import NotFound


class CorrectionRow(Base):
    """One correction in force."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(2))
    action: Mapped[str] = mapped_column(String(16))
    doc: Mapped[str] = mapped_column(String(100), default="")
    article: Mapped[int | None] = mapped_column(Integer, nullable=True)
    clause: Mapped[int | None] = mapped_column(Integer, nullable=True)
    answer_zh: Mapped[str] = mapped_column(Text, default="")
    answer_en: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(80))

    def draft(self) -> Draft:
        return Draft(
            question=self.question,
            lang=self.lang,
            action=Action(self.action),
            article=self.article,
            clause=self.clause,
            answer_zh=self.answer_zh,
            answer_en=self.answer_en,
            doc=self.doc,
            author=self.updated_by,
        )

    def correction(self) -> Correction:
        return Correction(
            id=self.id,
            draft=self.draft(),
            created_at=_aware(self.created_at),
            created_by=self.created_by,
            updated_at=_aware(self.updated_at),
            updated_by=self.updated_by,
            before=dict(self.before or {}),
        )

    def set(self, draft: Draft) -> None:
        self.question, self.lang, self.action = draft.question.strip(), draft.lang, str(draft.action)
        self.doc, self.article, self.clause = draft.doc, draft.article, draft.clause
        self.answer_zh, self.answer_en = draft.answer_zh.strip(), draft.answer_en.strip()


class CorrectionEventRow(Base):
    """One change to a correction: created, updated or removed; by whom, when, before and after."""

    __tablename__ = "correction_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    correction_id: Mapped[int] = mapped_column(Integer, index=True)
    event: Mapped[str] = mapped_column(String(8))
    who: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "correction_id": self.correction_id,
            "event": self.event,
            "who": self.who,
            "at": _aware(self.at).isoformat(),
            "before": self.before,
            "after": self.after,
        }


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _who(author: str) -> str:
    return (author.strip() or "staff")[:80]


class CorrectionStore:
    """Stores corrections and their history. Parameters: `url`, any SQLAlchemy URL (tables made when missing)."""

    def __init__(self, url: str, pool: Pool | None = None) -> None:
        self.engine = prepare(url, pool)  # the schema, corrections' tables among it, at the newest migration
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def add(self, draft: Draft, before: dict[str, Any] | None = None) -> Correction:
        """Store a (checked) draft; `before` is the answer it replaces."""
        now, who = datetime.now(UTC), _who(draft.author)
        with self._session() as session:
            row = CorrectionRow(before=before or {}, created_at=now, created_by=who, updated_at=now, updated_by=who)
            row.set(draft)
            session.add(row)
            session.flush()
            correction = row.correction()
            session.add(self._event(correction.id, "created", who, now, None, correction.draft.to_dict()))
            return correction

    def update(self, correction_id: int, draft: Draft) -> Correction:
        """Replace a correction's content; NotFound when there is none with this id."""
        now, who = datetime.now(UTC), _who(draft.author)
        with self._session() as session:
            row = self._row(session, correction_id)
            previous = row.draft().to_dict()
            row.set(draft)
            row.updated_at, row.updated_by = now, who
            correction = row.correction()
            session.add(self._event(correction_id, "updated", who, now, previous, correction.draft.to_dict()))
            return correction

    def remove(self, correction_id: int, author: str = "") -> None:
        """Delete a correction (its history stays); NotFound when there is none with this id."""
        now = datetime.now(UTC)
        with self._session() as session:
            row = self._row(session, correction_id)
            session.add(self._event(correction_id, "removed", _who(author), now, row.draft().to_dict(), None))
            session.delete(row)

    def get(self, correction_id: int) -> Correction:
        with self._session() as session:
            return self._row(session, correction_id).correction()

    def all(self) -> list[Correction]:
        """Every correction in force, the most recently changed first."""
        query = select(CorrectionRow).order_by(CorrectionRow.updated_at.desc(), CorrectionRow.id.desc())
        with self._session() as session:
            return [row.correction() for row in session.scalars(query)]

    def history(self, correction_id: int | None = None) -> list[dict[str, Any]]:
        """The changes (of one correction, or of all), newest first."""
        query = select(CorrectionEventRow).order_by(CorrectionEventRow.id.desc())
        if correction_id is not None:
            query = query.where(CorrectionEventRow.correction_id == correction_id)
        with self._session() as session:
            return [row.to_dict() for row in session.scalars(query)]

    def revision(self) -> int:
        """A number that changes whenever any correction does (the last event's id): replicas sharing the
        database compare it to know when to reload."""
        with self._session() as session:
            return int(session.scalar(select(func.max(CorrectionEventRow.id))) or 0)

    @staticmethod
    def _row(session: Session, correction_id: int) -> CorrectionRow:
        row = session.get(CorrectionRow, correction_id)
        if row is None:
            raise NotFound(f"no correction {correction_id}")
        return row

    @staticmethod
    def _event(correction_id: int, event: str, who: str, at: datetime, before: Any, after: Any) -> CorrectionEventRow:
        return CorrectionEventRow(correction_id=correction_id, event=event, who=who, at=at, before=before, after=after)

    def close(self) -> None:
        self.engine.dispose()


def open_existing(url: str) -> CorrectionStore | None:
    """The store at `url`; None when it is a SQLite file that does not exist (the command line reads the
    corrections of a server's database, and makes none of its own)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").expanduser().is_file():
        return None
    return CorrectionStore(url)
