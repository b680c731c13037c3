"""What a benchmark hands back: timings summaries, targets and pass/fail checks, one section per benchmark."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class Targets:
    """The figures the assistant is held to (issue: "Fast, and robust under load, faults and bad input")."""

    warm_ratio: float = 1.3  # warm p50 answer time over p50 question-embedding time
    cold_answer_s: float = 2.5  # process start to first answer, index already built
    rps_at_8: float = 100.0  # /api/ask requests per second with 8 concurrent clients …
    p95_at_8_ms: float = 150.0  # … at this p95 latency
    app_memory_mb: float = 500.0  # peak resident memory of `python app.py` after the load


TARGETS = Targets()


@dataclass(frozen=True, slots=True)
class Timings:
    """Percentiles of wall times in milliseconds."""

    n: int
    p50: float
    p95: float
    mean: float
    max: float

    @classmethod
    def of(cls, samples_ms: Sequence[float]) -> Timings:
        """Summarize `samples_ms` (all zeros when empty)."""
        if not samples_ms:
            return cls(0, 0.0, 0.0, 0.0, 0.0)
        values = np.asarray(samples_ms, dtype=np.float64)
        p50, p95 = np.percentile(values, [50, 95])
        return cls(len(values), float(p50), float(p95), float(values.mean()), float(values.max()))

    def brief(self) -> str:
        """'p50 12.3 ms · p95 20.1 ms (n=286)'."""
        return f"p50 {self.p50:.1f} ms · p95 {self.p95:.1f} ms (n={self.n})"

    def to_dict(self) -> dict[str, float]:
        """JSON form, rounded to 0.01 ms."""
        return {key: round(value, 2) for key, value in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class Check:
    """One target and whether this run met it (`passed` is None when it could not be measured)."""

    target: str
    measured: str
    passed: bool | None

    @property
    def verdict(self) -> str:
        """PASS, FAIL or n/a."""
        return "n/a" if self.passed is None else ("PASS" if self.passed else "FAIL")


@dataclass(slots=True)
class Section:
    """What one benchmark measured: table rows, checks against targets, notes and its JSON data."""

    name: str
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def row(self, label: str, value: str) -> None:
        """Add a line to the printed table."""
        self.rows.append((label, value))

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the data, the checks and the notes."""
        checks = [{"target": c.target, "measured": c.measured, "verdict": c.verdict} for c in self.checks]
        return {"title": self.title, **self.data, "checks": checks, "notes": self.notes}
