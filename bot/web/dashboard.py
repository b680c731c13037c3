"""The staff dashboard's figures (pure: computed from logged turns and feedback; no database, no model).

Days are Beijing days (UTC+8, no daylight saving). A turn's outcome is read from what was logged: out of
scope (the reasons of small talk, off-topic and unreadable questions), not stated (any other fallback),
answered (no fallback). Questions the policy does not answer are grouped by similarity: a question joins
the first group whose first question is at least `similar` close to it (cosine of the questions' vectors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")
OUTCOMES = ("answered", "not_stated", "out_of_scope")
#: Reasons logged for questions nothing in the policy is about, or that could not be read at all.
OUT_OF_SCOPE_REASONS = frozenset({"out_of_scope", "chit_chat", "junk", "empty", "unsupported_language", "too_long"})


@dataclass(frozen=True, slots=True)
class LoggedTurn:
    """What the dashboard needs of a logged turn."""

    question: str
    created_at: datetime
    fallback: bool
    reason: str

    @property
    def outcome(self) -> str:
        if not self.fallback:
            return "answered"
        return "out_of_scope" if self.reason in OUT_OF_SCOPE_REASONS else "not_stated"

    @property
    def day(self) -> date:
        return beijing(self.created_at).date()


@dataclass(frozen=True, slots=True)
class LoggedFeedback:
    """What the dashboard needs of a thumbs down."""

    question: str
    reason: str
    comment: str
    created_at: datetime


def beijing(moment: datetime) -> datetime:
    """`moment` in Beijing time (a naive one, as SQLite gives back, was written in UTC)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BEIJING)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The UTC instants from the start of Beijing day `first` to the end of Beijing day `last`."""
    start = datetime(first.year, first.month, first.day, tzinfo=BEIJING)
    end = datetime(last.year, last.month, last.day, tzinfo=BEIJING) + timedelta(days=1)
    return start.astimezone(UTC), end.astimezone(UTC)


def per_day(turns: Iterable[LoggedTurn], first: date, last: date) -> list[dict[str, object]]:
    """For every Beijing day from `first` to `last` (empty days too): the questions and their outcomes."""
    counts: dict[date, Counter[str]] = {}
    for turn in turns:
        counts.setdefault(turn.day, Counter())[turn.outcome] += 1
    days = []
    day = first
    while day <= last:
        found = counts.get(day, Counter())
        days.append({"date": day.isoformat(), "total": sum(found.values())} | {o: found[o] for o in OUTCOMES})
        day += timedelta(days=1)
    return days


def shares(turns: Sequence[LoggedTurn]) -> dict[str, float]:
    """The share of each outcome (0 when there is no turn)."""
    found = Counter(t.outcome for t in turns)
    return {o: round(found[o] / len(turns), 4) if turns else 0.0 for o in OUTCOMES}


def unanswered_groups(
    turns: Sequence[LoggedTurn], vector_of: Callable[[str], np.ndarray], similar: float, limit: int = 20
) -> list[dict[str, object]]:
    """The questions the policy does not answer (not stated), grouped by similarity, the largest first:
    each group's count, its most asked wording and up to three others."""
    asked = Counter(t.question.strip() for t in turns if t.outcome == "not_stated" and t.question.strip())
    groups: list[tuple[np.ndarray, Counter[str]]] = []
    for question, count in asked.most_common(500):
        vector = vector_of(question)
        for head, members in groups:
            if float(head @ vector) >= similar:
                members[question] += count
                break
        else:
            groups.append((vector, Counter({question: count})))
    ranked = sorted(groups, key=lambda g: -sum(g[1].values()))[:limit]
    return [
        {
            "count": sum(members.values()),
            "question": members.most_common(1)[0][0],
            "others": [q for q, _ in members.most_common(4)[1:]],
        }
        for _, members in ranked
    ]


def thumbs_down(feedback: Sequence[LoggedFeedback], limit: int = 50) -> dict[str, object]:
    """Thumbs down by reason (`not_given` for a plain one), and the latest with their question and comment."""
    by_reason = Counter(f.reason or "not_given" for f in feedback)
    latest = sorted(feedback, key=lambda f: f.created_at, reverse=True)[:limit]
    return {
        "by_reason": [{"reason": r, "count": n} for r, n in by_reason.most_common()],
        "latest": [
            {
                "time": beijing(f.created_at).isoformat(timespec="minutes"),
                "question": f.question,
                "reason": f.reason or "not_given",
                "comment": f.comment,
            }
            for f in latest
        ],
    }
