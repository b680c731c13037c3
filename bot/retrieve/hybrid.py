"""Hybrid retrieval: dense (Chroma) + BM25 (Chinese and English) fused per clause, ranked per article."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from bot.corpus.glossary import Term
from bot.corpus.model import Corpus
from bot.embed.base import Embedder
from bot.language import detect_language
from bot.retrieve.bm25 import BM25
from bot.retrieve.terms import TermMatcher
from bot.retrieve.tokenize import ChineseTokenizer, EnglishTokenizer
from bot.store.chroma_store import VectorIndex
from bot.store.units import corpus_units
from bot.text import normalize

# Words that name a figure's unit, not its subject: sharing them says nothing about relevance.
_FIGURE_WORDS = frozenset({"万元", "元", "万", "rmb", "yuan", "million", "year", "day", "岁", "年", "日"})


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each channel counts in the fusion, for questions in one language.

    Chosen by a grid search on the dev set (eval/README.md): for Chinese questions the Chinese
    BM25 is the strong lexical channel; for English ones, English BM25 (with glossary expansion)
    carries more than the dense channel.
    """

    dense: float = 1.0
    zh: float = 0.75
    en: float = 0.1
    article_unit: float = 1.0  # factor on whole-article units against clause units
    dense_window: float = 0.15  # cosines more than this below the best count as zero
    department: float = 1.0  # added to articles whose responsible units include a department the question names


#: per question language ("zh" for questions written mostly in Chinese, "en" otherwise)
DEFAULT_WEIGHTS = {"zh": Weights(), "en": Weights(zh=0.5, en=1.5, dense_window=0.10)}


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
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def numbers(self) -> list[int]:
        """Retrieved article numbers, best first."""
        return [hit.article for hit in self.articles]


class HybridRetriever:
    """Scores every clause slot (doc, article, clause; clause 0 = whole article) on three channels.

    Dense cosines are scaled within a window below the best; BM25 scores are divided by the best
    any passage could get (coverage); the channels are summed with the `Weights` of the question's
    language, and an article scores as its best slot.
    """

    def __init__(
        self,
        corpus: Corpus,
        embedder: Embedder,
        index: VectorIndex,
        weights: Weights | dict[str, Weights] | None = None,
    ) -> None:
        self.corpus = corpus
        self.embedder = embedder
        self.index = index
        if isinstance(weights, Weights):
            weights = {"zh": weights, "en": weights}
        self.weights = weights or DEFAULT_WEIGHTS
        self.matcher = TermMatcher(corpus.glossary)
        self.zh_tokens = ChineseTokenizer(corpus.glossary)
        self.en_tokens = EnglishTokenizer()
        units = corpus_units(corpus)
        self.slots = sorted({(u.doc, u.article, u.clause) for u in units})
        self._slot_of = {slot: i for i, slot in enumerate(self.slots)}
        self._rows = {lang: [u for u in units if u.lang == lang] for lang in ("zh", "en")}
        self._row_slots = {
            lang: np.array([self._slot_of[(u.doc, u.article, u.clause)] for u in rows])
            for lang, rows in self._rows.items()
        }
        tokens = {
            "zh": [self.zh_tokens(normalize(u.text)) for u in self._rows["zh"]],
            "en": [self.en_tokens(normalize(u.text)) for u in self._rows["en"]],
        }
        self._bm25 = {lang: BM25(rows) for lang, rows in tokens.items()}
        self._slot_tokens: dict[tuple[str, int, int], set[str]] = {}
        for lang, rows in tokens.items():
            for unit, unit_tokens in zip(self._rows[lang], rows, strict=True):
                self._slot_tokens.setdefault((unit.doc, unit.article, unit.clause), set()).update(unit_tokens)
        frequency = Counter(t for slot, ts in self._slot_tokens.items() if slot[2] > 0 for t in ts)
        clause_count = sum(1 for slot in self._slot_tokens if slot[2] > 0)
        # words in more than a tenth of the clauses (高新区, enterprise …) say nothing specific
        self._common = {t for t, n in frequency.items() if n > clause_count / 10}
        self._whole_article = np.array([s[2] == 0 for s in self.slots])
        self._departments = {(a.doc, a.number): set(a.departments_zh) for a in corpus.articles()}
        self._key_cache: tuple[list[tuple[str, int, int, str]], np.ndarray] | None = None

    def retrieve(self, question: str, top: int = 8, lang: str | None = None) -> Retrieval:
        """Rank articles for `question`; returns at least `top` articles when the corpus has them.

        `lang` (the question's language, detected when None) picks the fusion weights.
        """
        started = time.perf_counter()
        normalized = normalize(question)
        vector = self.embedder.embed_query_vector(normalized or question)
        embedded = time.perf_counter()
        dense = self._dense(vector)
        searched = time.perf_counter()
        terms = self.matcher.find(normalized)
        weights = self.weights["zh" if (lang or detect_language(question)) == "zh" else "en"]
        lexical = self._lexical(normalized, terms, weights)
        fused = weights.dense * _window(dense, weights.dense_window) + sum(w * s for w, s in lexical)
        fused *= np.where(self._whole_article, weights.article_unit, 1.0)
        fused += weights.department * self._department_match(terms)
        articles = self._articles(fused, top)
        done = time.perf_counter()
        return Retrieval(
            question=question,
            normalized=normalized,
            articles=articles,
            terms=terms,
            dense_available=bool(dense.any()),
            dense_best=float(dense.max()) if dense.size else 0.0,
            lexical_best=max(float(s.max()) for _, s in lexical) if lexical else 0.0,
            timings_ms={
                "embed": (embedded - started) * 1000,
                "vector": (searched - embedded) * 1000,
                "rest": (done - searched) * 1000,
            },
        )

    def _dense(self, vector: np.ndarray) -> np.ndarray:
        keys, unit_scores = self.index.scores(vector)
        scores = np.zeros(len(self.slots), dtype=np.float32)
        if len(keys):
            np.maximum.at(scores, self._slots_for(keys), unit_scores)
        return scores

    def _slots_for(self, keys: list[tuple[str, int, int, str]]) -> np.ndarray:
        """Slot of each unit key; cached per key list (the index hands out the same list until reloaded)."""
        if self._key_cache is None or self._key_cache[0] is not keys:
            slots = np.array([self._slot_of.get(key[:3], -1) for key in keys])
            if (slots < 0).any():
                raise RuntimeError("the vector index holds units the corpus lacks; rebuild it")
            self._key_cache = (keys, slots)
        return self._key_cache[1]

    def query_tokens(self, normalized: str, terms: list[Term]) -> tuple[list[str], list[str]]:
        """The Chinese and English BM25 query: the question's words plus its glossary terms in both languages."""
        zh_query = self.zh_tokens(normalized)
        en_query = self.en_tokens(normalized)
        for term in terms:
            zh_query += self.zh_tokens(term.zh)
            en_query += self.en_tokens(term.en.lower())
        return zh_query, en_query

    def specific_overlap(self, retrieval: Retrieval, doc: str, article: int, clause: int) -> set[str]:
        """The question's own specific words (not common across clauses, not units of figures) that a clause has."""
        wanted = set(self.zh_tokens(retrieval.normalized)) | set(self.en_tokens(retrieval.normalized))
        return (wanted & self._slot_tokens.get((doc, article, clause), set())) - self._common - _FIGURE_WORDS

    def _department_match(self, terms: list[Term]) -> np.ndarray:
        """Per slot: the share of the departments named in the question that its article lists."""
        named = {t.zh for t in terms if t.kind == "department"}
        if not named:
            return np.zeros(len(self.slots), dtype=np.float32)
        return np.array([len(named & self._departments[(d, a)]) / len(named) for d, a, _ in self.slots])

    def _lexical(self, normalized: str, terms: list[Term], weights: Weights) -> list[tuple[float, np.ndarray]]:
        zh_query, en_query = self.query_tokens(normalized, terms)
        channels = []
        for lang, query, weight in (("zh", zh_query, weights.zh), ("en", en_query, weights.en)):
            per_slot = np.zeros(len(self.slots), dtype=np.float32)
            if query:
                np.maximum.at(per_slot, self._row_slots[lang], self._bm25[lang].coverage(query))
            channels.append((weight, per_slot))
        return channels

    def _articles(self, fused: np.ndarray, top: int) -> list[ArticleHit]:
        by_article: dict[tuple[str, int], list[tuple[int, float]]] = {}
        for (doc, article, clause), score in zip(self.slots, fused.tolist(), strict=True):
            by_article.setdefault((doc, article), []).append((clause, score))
        ranked = sorted(by_article.items(), key=lambda item: -max(s for _, s in item[1]))
        return [
            ArticleHit(
                doc=doc,
                article=article,
                score=max(s for _, s in slots),
                clauses=tuple(ClauseHit(c, s) for c, s in sorted(slots, key=lambda p: -p[1]) if c > 0),
            )
            for (doc, article), slots in ranked[: max(top, 1)]
        ]


def _window(scores: np.ndarray, width: float) -> np.ndarray:
    """Scale cosines to [0, 1] within `width` below the best one.

    e5 cosines are compressed (most of a corpus sits within 0.1 of each other), so only the
    distance from the best match carries information; min-max over all units was measurably worse.
    """
    if not scores.any():
        return scores
    return np.clip((scores - (float(scores.max()) - width)) / width, 0.0, 1.0).astype(np.float32)
