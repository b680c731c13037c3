"""A question's time budget, checked between the stages of answering: a question that runs long is
given up at the next stage (OverBudget) instead of holding a worker and a core."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.errors import OverBudget


@dataclass(frozen=True, slots=True)
class Deadline:
    """When the budget of `budget_s` seconds runs out, on `clock` (monotonic seconds)."""

    budget_s: float
    at: float
    clock: Callable[[], float] = time.monotonic

    @classmethod
    def start(cls, budget_s: float, clock: Callable[[], float] = time.monotonic) -> Deadline | None:
        """A deadline `budget_s` from now; None (no budget) when `budget_s` is 0."""
        return cls(budget_s, clock() + budget_s, clock) if budget_s > 0 else None

    def check(self, stage: str) -> None:
        """Raise OverBudget naming `stage` once the budget has run out."""
        if self.clock() > self.at:
            raise OverBudget(stage, self.budget_s)


def check(deadline: Deadline | None, stage: str) -> None:
    """`deadline.check(stage)`, nothing without a deadline."""
    if deadline is not None:
        deadline.check(stage)
