"""Fusion: the channels' scores summed with per-language weights, and two rankings merged into one.

Like haystack's `DocumentJoiner` beside its retrievers: the channels (bot/retrieve/channels.py) only
score, the `Fuser` only combines.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.retrieve.channels import Channels
from bot.retrieve.results import ArticleHit, ClauseHit


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each channel counts in the fusion, for questions in one language (the values that
    run are those of DEFAULT_WEIGHTS)."""

    dense: float
    zh: float
    en: float
    article_unit: float  # factor on whole-article units against clause units
    dense_window: float  # cosines more than this below the best count as zero
    # added to articles whose responsible units include a department the question names, times the
    # sum of the other weights: whatever the other channels add up to, those articles come first
    department: float
    asked_dense: float  # the written questions of a clause (questions.yaml), by cosine …
    asked_lexical: float  # … and by BM25 coverage, either language
    title: float  # how much of its article's title (idf-weighted words) the question contains


#: per question language ("zh" for questions written mostly in Chinese, "en" otherwise). Chosen by a
#: grid search (`python -m eval.tune`, eval/README.md) on the dev set and the validation sets together:
#: the questions written for each clause (`asked_*`) carry the most; for Chinese questions the Chinese
#: BM25 is the strong lexical channel and the article titles count, for English ones the English BM25
#: with glossary expansion.
#: an article the question cites by number outweighs every channel together and a named department
_NAMED = 3.0

DEFAULT_WEIGHTS = {
    "zh": Weights(
        dense=1.0,
        zh=3.0,
        en=1.0,
        article_unit=1.0,
        dense_window=0.10,
        department=2.0,
        asked_dense=3.0,
        asked_lexical=2.5,
        title=0.75,
    ),
    "en": Weights(
        dense=1.0,
        zh=0.25,
        en=0.75,
        article_unit=1.0,
        dense_window=0.10,
        department=2.0,
        asked_dense=1.0,
        asked_lexical=1.0,
        title=0.0,
    ),
}


class Fuser:
    """Sums a question's channel scores per slot with the weights of its language."""

    def __init__(self, whole_article: np.ndarray, weights: Weights | dict[str, Weights] | None = None) -> None:
        if isinstance(weights, Weights):
            weights = {"zh": weights, "en": weights}
        self.weights = weights or DEFAULT_WEIGHTS
        self._whole_article = whole_article  # per slot: a whole-article unit (clause 0)

    def for_language(self, lang: str) -> Weights:
        """The weights for a question in `lang` (Chinese, or any other)."""
        return self.weights["zh" if lang == "zh" else "en"]

    def fuse(self, channels: Channels, weights: Weights) -> np.ndarray:
        """The fused score of every slot."""
        fused = (
            weights.dense * window(channels.dense, weights.dense_window)
            + weights.zh * channels.zh
            + weights.en * channels.en
        )
        fused *= np.where(self._whole_article, weights.article_unit, 1.0)
        if channels.asked_dense is not None and weights.asked_dense:
            fused += weights.asked_dense * window(channels.asked_dense, weights.dense_window)
        if channels.asked_lexical is not None and weights.asked_lexical:
            fused += weights.asked_lexical * channels.asked_lexical
        if channels.title is not None and weights.title:
            fused += weights.title * channels.title
        others = weights.dense + weights.zh + weights.en + weights.asked_dense + weights.asked_lexical + weights.title
        fused = fused + weights.department * others * channels.department
        if channels.named is not None:  # an article cited by number comes first, a department named or not
            fused = fused + _NAMED * others * channels.named
        return fused

    @staticmethod
    def merge(alone: list[ArticleHit], combined: list[ArticleHit]) -> list[ArticleHit]:
        """Two rankings as one (a follow-up alone and with the question before it): articles and their
        clauses by the sum of both rankings' scores, each relative to its best."""
        articles: dict[tuple[str, int], float] = {}
        clauses: dict[tuple[str, int], dict[int, float]] = {}
        for ranking in (alone, combined):
            top = ranking[0].score if ranking and ranking[0].score > 0 else 1.0
            for hit in ranking:
                key = (hit.doc, hit.article)
                articles[key] = articles.get(key, 0.0) + hit.score / top
                best = hit.clauses[0].score if hit.clauses and hit.clauses[0].score > 0 else 1.0
                for clause in hit.clauses:
                    per_article = clauses.setdefault(key, {})
                    per_article[clause.clause] = per_article.get(clause.clause, 0.0) + clause.score / best
        return [
            ArticleHit(
                doc=key[0],
                article=key[1],
                score=articles[key],
                clauses=tuple(ClauseHit(c, v) for c, v in sorted(clauses.get(key, {}).items(), key=lambda p: -p[1])),
            )
            for key in sorted(articles, key=lambda key: -articles[key])
        ]


def window(scores: np.ndarray, width: float) -> np.ndarray:
    """Scale cosines to [0, 1] within `width` below the best one.

    e5 cosines are compressed (most of a corpus sits within 0.1 of each other), so only the
    distance from the best match carries information; min-max over all units was measurably worse.
    """
    if not scores.any():
        return scores
    return np.clip((scores - (float(scores.max()) - width)) / width, 0.0, 1.0).astype(np.float32)
