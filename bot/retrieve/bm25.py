"""Okapi BM25 over pre-tokenized passages, scored with numpy."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np


class BM25:
    """BM25 with postings per term; `scores(query_tokens)` scores every passage at once."""

    def __init__(self, passages: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(passages)
        lengths = np.array([len(p) for p in passages], dtype=np.float32)
        average = float(lengths.mean()) if self.size and lengths.mean() > 0 else 1.0
        norm = k1 * (1 - b + b * lengths / average)
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for row, tokens in enumerate(passages):
            for term, count in Counter(tokens).items():
                rows, weights = postings.setdefault(term, ([], []))
                rows.append(row)
                weights.append(count * (k1 + 1) / (count + norm[row]))
        self._postings = {
            term: (np.array(rows), np.array(weights, dtype=np.float32) * self._idf(len(rows)))
            for term, (rows, weights) in postings.items()
        }
        self._best = {term: float(weights.max()) for term, (_, weights) in self._postings.items()}
        # a word no passage has counts like the rarest word: it is part of the question left unmatched
        self._unseen = self._idf(1) * (k1 + 1) / (1 + k1 * (1 - b))

    def _idf(self, frequency: int) -> float:
        return math.log(1 + (self.size - frequency + 0.5) / (frequency + 0.5))

    def scores(self, query: list[str]) -> np.ndarray:
        """Score of every passage for the query tokens (repeated tokens count once)."""
        out = np.zeros(self.size, dtype=np.float32)
        for term in set(query):
            if (posting := self._postings.get(term)) is not None:
                out[posting[0]] += posting[1]
        return out

    def coverage(self, query: list[str]) -> np.ndarray:
        """Scores divided by the best any passage could get for this query: in [0, 1], comparable across queries."""
        terms = set(query)
        ceiling = sum(self._best.get(term, self._unseen) for term in terms)
        return self.scores(query) / ceiling if ceiling else np.zeros(self.size, dtype=np.float32)
