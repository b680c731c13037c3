"""What retrieval returns: articles with their clauses, best first, and what the judge needs of them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bot.corpus.glossary import Term


@dataclass(frozen=True, slots=True)
class ClauseHit:
    """A clause of a retrieved article and its fused score."""

    clause: int
    score: float


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """A retrieved article: its fused score and its best clauses, best first."""

    doc: str
    article: int
    score: float
    clauses: tuple[ClauseHit, ...]


@dataclass(slots=True)
class Retrieval:
    """What retrieval found for one question."""

    question: str
    normalized: str
    articles: list[ArticleHit]
    terms: list[Term]
    dense_available: bool
    dense_best: float = 0.0  # the best raw cosine of any unit
    lexical_best: float = 0.0  # the best BM25 coverage (0..1) of any unit, either language
    words: tuple[str, ...] = ()  # the question's own lexical tokens (both languages, no glossary expansion)
    cited: bool = False  # the question cites an article of the policy by its number ("第二十四条用大白话讲讲")
    # per retrieved clause (doc, article, clause): the question's specific words it has (not common
    # across clauses, not units of figures), so that what is judged of a clause needs no retriever
    shared: dict[tuple[str, int, int], frozenset[str]] = field(default_factory=dict)
    specific: frozenset[str] = frozenset()  # the question's specific words (those `shared` is taken from)
    vector: np.ndarray | None = field(default=None, compare=False)  # the question's vector, as the dense channel's

    def specific_overlap(self, doc: str, article: int, clause: int) -> frozenset[str]:
        """The question's specific words that clause (doc, article, clause) has (empty if not retrieved)."""
        return self.shared.get((doc, article, clause), frozenset())

    @property
    def numbers(self) -> list[int]:
        """Retrieved article numbers, best first."""
        return [hit.article for hit in self.articles]
