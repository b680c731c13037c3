"""The scoring channels of retrieval: each scores every slot (bot/retrieve/slots.py) for one query.

A channel is a small class with `score(query) -> array` (one value per slot): the dense cosines of
the clauses and of their written questions, BM25 coverage per language, BM25 coverage of the written
questions, the share of an article's title the question has, the departments it names. Fusion is
the `Fuser`'s (bot/retrieve/fuser.py); adding a channel is a class here, a field of `Channels` and a
weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from bot.corpus.glossary import Term
from bot.retrieve.bm25 import BM25
from bot.retrieve.slots import Slots
from bot.store.units import Unit, UnitKey


@dataclass(frozen=True, slots=True)
class Query:
    """A question as the channels read it: its words, its glossary terms and the vector index's
    cosines for it (read once, shared by every channel)."""

    normalized: str
    terms: list[Term]
    zh_words: tuple[str, ...]  # the question's own tokens
    en_words: tuple[str, ...]
    unit_keys: list[UnitKey]  # the vector index's units …
    unit_cosines: np.ndarray  # … and their cosine with the question
    embed_ms: float = 0.0
    departments: frozenset[str] = frozenset()  # the departments it asks about (not the asker's own employer)
    articles: frozenset[int] = frozenset()  # the article numbers it cites ("第二十五条", "Article 5")
    # each glossary term's tokens, per language (added to the BM25 queries; in a title they count only as a whole)
    zh_terms: tuple[tuple[str, ...], ...] = ()
    en_terms: tuple[tuple[str, ...], ...] = ()
    vector: np.ndarray | None = field(
        default=None, compare=False
    )  # the question's own vector (what the dense channels' cosines are of)

    @property
    def zh_query(self) -> tuple[str, ...]:
        """The question's Chinese tokens with its glossary terms' tokens added (the Chinese BM25 query)."""
        return self.zh_words + tuple(w for term in self.zh_terms for w in term)

    @property
    def en_query(self) -> tuple[str, ...]:
        """The question's English tokens with its glossary terms' tokens added (the English BM25 query)."""
        return self.en_words + tuple(w for term in self.en_terms for w in term)

    def expanded(self, lang: str) -> tuple[str, ...]:
        """The BM25 query in `lang`."""
        return self.zh_query if lang == "zh" else self.en_query


class Channel(Protocol):
    """Scores every slot for a query."""

    def score(self, query: Query) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class Channels:
    """One question's score for every slot on each channel, before fusion."""

    normalized: str
    terms: list[Term]
    dense: np.ndarray  # raw cosine
    zh: np.ndarray  # Chinese BM25 coverage, 0..1
    en: np.ndarray  # English BM25 coverage, 0..1
    department: np.ndarray  # share of the named departments the article lists
    embed_ms: float
    asked_dense: np.ndarray | None = None  # raw cosine of the clause's closest written question
    asked_lexical: np.ndarray | None = None  # BM25 coverage of its best-matching written question
    title: np.ndarray | None = None  # share of its article's title words the question contains
    words: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # the question's own Chinese and English tokens
    named: np.ndarray | None = None  # 1 for the slots of an article the question cites by number
    vector: np.ndarray | None = field(default=None, compare=False)  # the question's vector


class DenseChannel:
    """Per slot, the best cosine of its passages (clause, whole article), or with `questions` of its
    written questions."""

    def __init__(self, slots: Slots, questions: bool = False) -> None:
        self._slots = slots
        self._questions = questions

    def score(self, query: Query) -> np.ndarray:
        per_slot = self._slots.zeros()
        if len(query.unit_keys):
            slots, is_question = self._slots.of_keys(query.unit_keys)
            chosen = is_question if self._questions else ~is_question
            np.maximum.at(per_slot, slots[chosen], query.unit_cosines[chosen])
        return per_slot


class LexicalChannel:
    """Per slot, the BM25 coverage (0..1) of its best passage in one language."""

    def __init__(self, slots: Slots, lang: str, units: list[Unit], tokens: list[list[str]]) -> None:
        self._slots = slots
        self._lang = lang
        self._rows = slots.of_units(units)
        self._bm25 = BM25(tokens)

    def score(self, query: Query) -> np.ndarray:
        per_slot = self._slots.zeros()
        if words := list(query.expanded(self._lang)):
            np.maximum.at(per_slot, self._rows, self._bm25.coverage(words))
        return per_slot


class AskedLexicalChannel:
    """Per slot, the best BM25 coverage of its written questions (each language's questions scored
    with the query in that language)."""

    def __init__(self, slots: Slots, units: list[Unit], tokens: dict[str, list[list[str]]]) -> None:
        self._slots = slots
        self._rows = slots.of_units(units)
        self._bm25 = {lang: BM25(rows) for lang, rows in tokens.items()}

    def score(self, query: Query) -> np.ndarray:
        per_slot = self._slots.zeros()
        if len(self._rows):
            best = np.zeros(len(self._rows), dtype=np.float32)
            for lang in ("zh", "en"):
                if words := list(query.expanded(lang)):
                    best = np.maximum(best, self._bm25[lang].coverage(words))
            np.maximum.at(per_slot, self._rows, best)
        return per_slot


class DepartmentChannel:
    """Per slot: the share of the departments named in the question that its article lists."""

    def __init__(self, slots: Slots, departments: dict[tuple[str, int], set[str]]) -> None:
        self._slots = slots
        self._departments = departments

    def score(self, query: Query) -> np.ndarray:
        named = query.departments
        if not named:
            return self._slots.zeros()
        return np.array([len(named & self._departments[(d, a)]) / len(named) for d, a, _ in self._slots.keys])


class NamedArticleChannel:
    """Per slot: 1 when the question cites its article by number ("第五条的责任单位有哪些？"), 0 otherwise."""

    def __init__(self, slots: Slots) -> None:
        self._slots = slots
        self._articles = np.array([a for _, a, _ in slots.keys], dtype=np.int64)

    def score(self, query: Query) -> np.ndarray:
        if not query.articles:
            return self._slots.zeros()
        named: np.ndarray = np.isin(self._articles, sorted(query.articles)).astype(np.float32)
        return named


class TitleChannel:
    """Per slot, the idf-weighted share of its article's title words a question contains, in either language.

    Titles name an article's topic in a few words ("做大做强特色主导产业"); a question that repeats
    most of a title asks about that article more surely than one sharing a word with a clause.
    """

    def __init__(
        self,
        zh: list[list[str]],
        en: list[list[str]],
        slot_rows: np.ndarray,
        passages: tuple[list[list[str]], list[list[str]]] = ([], []),
    ) -> None:
        self._sides = [
            self._weigh([set(t) for t in titles], [set(p) for p in side])
            for titles, side in zip((zh, en), passages, strict=True)
        ]
        self._slot_rows = slot_rows  # per slot, the row (article) whose title it takes
        self._articles = len(zh)

    @staticmethod
    def _weigh(titles: list[set[str]], passages: list[set[str]]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """The side's vocabulary, its (articles × words) idf weights and each title's total weight.

        A word's idf is taken over the titles and the passages together: a word most passages hold ("高新区",
        "zones") tells no article from another, though few titles hold it."""
        units = [*titles, *passages]
        frequency = Counter(word for unit in units for word in unit)
        vocabulary = {word: i for i, word in enumerate(dict.fromkeys(w for title in titles for w in title))}
        weights = np.zeros((len(titles), len(vocabulary)), dtype=np.float32)
        for row, title in enumerate(titles):
            for word in title:
                weights[row, vocabulary[word]] = np.log(1 + len(units) / frequency[word])
        totals = weights.sum(axis=1)
        return vocabulary, weights, np.where(totals > 0, totals, 1.0)

    def score(self, query: Query) -> np.ndarray:
        shares = self.shares(query.zh_words, query.en_words, (query.zh_terms, query.en_terms))
        per_slot: np.ndarray = shares[self._slot_rows]
        return per_slot

    def shares(
        self,
        zh_words: Sequence[str],
        en_words: Sequence[str],
        terms: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]] = ((), ()),
    ) -> np.ndarray:
        """Per article (row), the idf-weighted share of its title's words the question contains, the better side.

        The question's own words count wherever a title has them; a glossary term's words (a Chinese question's
        English side is only these) count in a title that has all of them: "主导产业" read as "leading industries"
        is the title "…leading industries…", not "…the leading role…"."""
        best = np.zeros(self._articles, dtype=np.float32)
        for (vocabulary, weights, totals), words, side_terms in zip(
            self._sides, (set(zh_words), set(en_words)), terms, strict=True
        ):
            held = np.zeros(weights.shape, dtype=bool)
            if columns := [vocabulary[w] for w in words if w in vocabulary]:
                held[:, columns] = True
            for term in side_terms:
                if all(w in vocabulary for w in term):
                    cols = np.array([vocabulary[w] for w in term], dtype=np.int64)
                    whole = np.flatnonzero((weights[:, cols] > 0).all(axis=1))
                    held[np.ix_(whole, cols)] = True
            if held.any():
                best = np.maximum(best, (weights * held).sum(axis=1) / totals)
        return best


def channel_scores(channels: Channels, slot: int) -> dict[str, float]:
    """Each channel's score of one slot, for `python -m bot explain` (dense and written questions as raw cosines)."""
    named = {
        "dense": channels.dense,
        "bm25_zh": channels.zh,
        "bm25_en": channels.en,
        "asked_dense": channels.asked_dense,
        "asked_bm25": channels.asked_lexical,
        "title": channels.title,
        "department": channels.department,
        "named": channels.named,
    }
    return {name: round(float(values[slot]), 4) for name, values in named.items() if values is not None}
