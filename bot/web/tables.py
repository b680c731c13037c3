"""The conversation log's tables (SQLAlchemy)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base

__all__ = ["Base", "FeedbackRow", "MetaRow", "RateHitRow", "TurnRow"]

# The schema changes as Alembic migrations (bot/migrations/versions); tests/test_migrations.py checks
# that the migrations and these models describe the same tables.


class TurnRow(Base):
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


class MetaRow(Base):
    """Facts about the database itself: its `id`, made when it was created."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class FeedbackRow(Base):
    """A thumbs up or down (with an optional comment) on one answered turn."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    turn_id: Mapped[str] = mapped_column(ForeignKey("turns.id"), index=True)
    rating: Mapped[str] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(24), default="")  # why a thumbs down (FEEDBACK_REASONS)
    comment: Mapped[str] = mapped_column(Text, default="")
    client_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    # the request's own key (the client's, or one made for it): a request retried by a proxy after the
    # first replica stored it is recognised, not stored twice
    request_key: Mapped[str] = mapped_column(String(64), unique=True, index=True)


class RateHitRow(Base):
    """Requests one client made in one minute, for one limit (`scope`): the rate limit replicas share."""

    __tablename__ = "rate_hits"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    client: Mapped[str] = mapped_column(String(64), primary_key=True)
    minute: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)
    hits: Mapped[int] = mapped_column(Integer)
