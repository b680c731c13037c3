"""The slots every channel scores: one per clause and one per whole article (clause 0), in corpus order."""

from __future__ import annotations

import numpy as np

from bot.retrieve.results import ArticleHit, ClauseHit
from bot.store.units import Unit, UnitKey

Slot = tuple[str, int, int]  # (doc, article, clause)


class Slots:
    """The sorted slots of a corpus's units (an article's slots are adjacent), and the ranking of
    articles by the best of their slots' fused scores."""

    def __init__(self, units: list[Unit]) -> None:
        self.keys: list[Slot] = sorted({(u.doc, u.article, u.clause) for u in units})
        self.index_of = {slot: i for i, slot in enumerate(self.keys)}
        self._clauses = [clause for _, _, clause in self.keys]
        starts = [i for i, slot in enumerate(self.keys) if i == 0 or slot[:2] != self.keys[i - 1][:2]]
        self._article_starts = np.array(starts, dtype=np.int64)
        self._article_ends = [*starts[1:], len(self.keys)]
        self.whole_article = np.array([s[2] == 0 for s in self.keys])
        self._key_cache: tuple[list[UnitKey], np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def zeros(self) -> np.ndarray:
        """A score of 0 for every slot."""
        return np.zeros(len(self.keys), dtype=np.float32)

    def of_units(self, units: list[Unit]) -> np.ndarray:
        """The slot of each unit."""
        return np.array([self.index_of[(u.doc, u.article, u.clause)] for u in units], dtype=np.int64)

    def of_keys(self, keys: list[UnitKey]) -> tuple[np.ndarray, np.ndarray]:
        """Slot of each vector-index key and whether it is a written question; cached per key list (the
        index hands out the same list until reloaded)."""
        cached = self._key_cache  # read once: other threads may replace it
        if cached is not None and cached[0] is keys:
            return cached[1], cached[2]
        slots = np.array([self.index_of.get(key[:3], -1) for key in keys])
        if (slots < 0).any():
            raise RuntimeError("the vector index holds units the corpus lacks; rebuild it")
        is_question = np.array([key[4] == "question" for key in keys], dtype=bool)
        self._key_cache = (keys, slots, is_question)
        return slots, is_question

    def rank(self, fused: np.ndarray, top: int) -> list[ArticleHit]:
        """The `top` articles by their best slot's score (ties: corpus order), each with its clauses best first."""
        best = np.maximum.reduceat(fused, self._article_starts)  # slots are sorted: an article's are adjacent
        hits = []
        for at in np.argsort(-best, kind="stable")[: max(top, 1)].tolist():
            start, end = self._article_starts[at], self._article_ends[at]
            scores, numbers = fused[start:end].tolist(), self._clauses[start:end]
            order = np.argsort(-fused[start:end], kind="stable").tolist()
            doc, article, _ = self.keys[start]
            clauses = tuple(ClauseHit(numbers[i], scores[i]) for i in order if numbers[i] > 0)
            hits.append(ArticleHit(doc=doc, article=article, score=max(scores), clauses=clauses))
        return hits
