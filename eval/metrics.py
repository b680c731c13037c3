"""Ranking metrics over retrieved article numbers, per question and aggregated.

Every function takes the ranking (article numbers, best first) and the gold article numbers
of one question; the aggregates are plain means over the questions of a group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TypeVar

RECALL_DEPTH = 3
MRR_DEPTH = 10

T = TypeVar("T")


def hit_at_1(ranking: Sequence[int], gold: Iterable[int]) -> float:
    """1.0 when the top-ranked article is a gold article, else 0.0 (also for an empty ranking)."""
    return 1.0 if ranking and ranking[0] in set(gold) else 0.0


def recall_at(ranking: Sequence[int], gold: Iterable[int], depth: int = RECALL_DEPTH) -> float:
    """Share of the distinct gold articles found in the top `depth`: |gold ∩ top-depth| / |gold|."""
    wanted = set(gold)
    if not wanted:
        raise ValueError("recall needs at least one gold article")
    return len(wanted & set(ranking[:depth])) / len(wanted)


def reciprocal_rank(ranking: Sequence[int], gold: Iterable[int], depth: int = MRR_DEPTH) -> float:
    """1 / rank of the first gold article within the top `depth` (ranks start at 1), else 0.0."""
    wanted = set(gold)
    for rank, article in enumerate(ranking[:depth], start=1):
        if article in wanted:
            return 1.0 / rank
    return 0.0


@dataclass(frozen=True, slots=True)
class QuestionScore:
    """The metrics of one question."""

    hit_at_1: float
    recall_at_3: float
    reciprocal_rank: float

    @classmethod
    def of(cls, ranking: Sequence[int], gold: Sequence[int]) -> QuestionScore:
        """Score one ranking against its gold articles."""
        return cls(hit_at_1(ranking, gold), recall_at(ranking, gold), reciprocal_rank(ranking, gold))

    @property
    def missed(self) -> bool:
        """True when the top-1 is wrong or a gold article is missing from the top 3."""
        return self.hit_at_1 < 1.0 or self.recall_at_3 < 1.0


@dataclass(frozen=True, slots=True)
class Scores:
    """Means over a group of questions: hit@1, recall@3, MRR (@10), and the group size n."""

    hit_at_1: float
    recall_at_3: float
    mrr: float
    n: int

    def to_dict(self) -> dict[str, float | int]:
        """The JSON shape: rounded means and n."""
        return {
            "hit@1": round(self.hit_at_1, 4),
            "recall@3": round(self.recall_at_3, 4),
            "mrr": round(self.mrr, 4),
            "n": self.n,
        }


def aggregate(scores: Sequence[QuestionScore]) -> Scores:
    """Mean of each metric over `scores`; ValueError for an empty group."""
    if not scores:
        raise ValueError("cannot aggregate an empty group of questions")
    return Scores(
        hit_at_1=fmean(s.hit_at_1 for s in scores),
        recall_at_3=fmean(s.recall_at_3 for s in scores),
        mrr=fmean(s.reciprocal_rank for s in scores),
        n=len(scores),
    )


def aggregate_by(
    items: Sequence[T], group: Callable[[T], str], score: Callable[[T], QuestionScore]
) -> dict[str, Scores]:
    """Scores per group of `items` (groups in order of first appearance)."""
    groups: dict[str, list[QuestionScore]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(score(item))
    return {name: aggregate(members) for name, members in groups.items()}
