"""The conversation log's tables (SQLAlchemy)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from bot.db import Base, make_engine

__all__ = ["Base", "FeedbackRow", "MetaRow", "TurnRow", "add_missing_columns", "make_engine"]

#: Columns added to a table after databases were made with it: (table, column, its SQL type and default).
ADDED_COLUMNS = (("feedback", "reason", "VARCHAR(24) NOT NULL DEFAULT ''"),)


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


def add_missing_columns(engine: Engine) -> list[str]:
    """Add the ADDED_COLUMNS a database made before them lacks (SQLite and PostgreSQL alike); returns them."""
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    added = []
    for table, column, ddl in ADDED_COLUMNS:
        if table in tables and column not in {c["name"] for c in inspector.get_columns(table)}:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")
            added.append(f"{table}.{column}")
    return added
