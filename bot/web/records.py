"""What the conversation log hands out: a turn, a conversation's summary, feedback, a question that fell back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from bot.answer.model import Answer
from bot.text import normalize
from bot.web.tables import TurnRow

#: Feedback one client may give one answer (a page sends one per click; more is a script).
MAX_FEEDBACK_PER_ANSWER = 20

_TRAILING = re.compile(r"[\s?？!！。.,，;；:：]+$")


def question_key(question: str) -> str:
    """The form repeated questions are counted under: normalized, trailing punctuation dropped."""
    return _TRAILING.sub("", normalize(question))[:500]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    # SQLite hands datetimes back without a zone; they were written in UTC
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


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
    created_at: datetime = field(default_factory=utc_now)

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the staff console (no client hash; the time as ISO text)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("client_hash", "created_at")}
        out |= {"retrieved": list(self.retrieved), "cited": list(self.cited)}
        return out | {"latency_ms": round(self.latency_ms, 2), "time": iso(self.created_at)}

    @classmethod
    def of(cls, row: TurnRow) -> TurnRecord:
        """The record a stored row holds."""
        values = {f.name: getattr(row, f.name) for f in fields(cls)}
        return cls(**values | {"retrieved": tuple(row.retrieved or ()), "cited": tuple(row.cited or ())})

    @classmethod
    def answered(
        cls, turn_id: str, conversation_id: str, channel: str, answer: Answer, latency_ms: float, client_hash: str
    ) -> TurnRecord:
        """The record of `answer` given on `channel` (the cited articles once each, in citation order)."""
        return cls(
            id=turn_id,
            conversation_id=conversation_id,
            channel=channel,
            question=answer.question,
            lang=answer.lang,
            answer=answer.text,
            fallback=answer.fallback,
            reason=answer.reason,
            retrieved=tuple(answer.retrieved),
            cited=tuple(dict.fromkeys(c.article for c in answer.citations)),
            latency_ms=latency_ms,
            client_hash=client_hash,
        )

    def row(self) -> TurnRow:
        """The row that stores this record (with the key its question is grouped by)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values |= {"retrieved": list(self.retrieved), "cited": list(self.cited)}
        return TurnRow(**values, question_key=question_key(self.question))


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
            "started": iso(self.started),
            "last": iso(self.last),
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
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the staff console."""
        return {
            "id": self.id,
            "rating": self.rating,
            "reason": self.reason,
            "comment": self.comment,
            "time": iso(self.created_at),
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
        return {"question": self.question, "key": self.key, "count": self.count, "last_seen": iso(self.last_seen)}
