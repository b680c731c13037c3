"""The conversation log's tables (SQLAlchemy)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base, make_engine

__all__ = ["Base", "FeedbackRow", "MetaRow", "TurnRow", "make_engine"]


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
    comment: Mapped[str] = mapped_column(Text, default="")
    client_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
