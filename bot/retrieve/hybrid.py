"""Hybrid retrieval: dense (Chroma) + BM25 (Chinese and English) fused per clause, ranked per article."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from bot.corpus.glossary import Term
from bot.corpus.model import Corpus
from bot.embed.base import Embedder
from bot.language import detect_language, is_pinyin, pinyin_runs
from bot.retrieve.bm25 import BM25
from bot.retrieve.homophones import HomophoneCorrector
from bot.retrieve.pinyin import PinyinReader
from bot.retrieve.terms import TermMatcher
from bot.retrieve.tokenize import ChineseTokenizer, EnglishTokenizer
from bot.store.chroma_store import VectorIndex
from bot.store.units import Unit, UnitKey, corpus_units
from bot.text import HAN, han_count, normalize

_LATIN = re.compile(r"[a-z]+", re.IGNORECASE)

# Words that name a figure's unit, not its subject: sharing them says nothing about relevance.
#: units of figures and names of payments: they say what kind of figure is asked, not what it is about
_FIGURE_WORDS = frozenset(
    {"万元", "元", "万", "rmb", "yuan", "million", "year", "day", "岁", "年", "日"}
    | {"奖励", "补贴", "补助", "资助", "奖金", "金额", "reward", "award", "subsidi", "bonus", "amount"}
)


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each channel counts in the fusion, for questions in one language.

    Chosen by a grid search (`python -m eval.tune`, eval/README.md) on the dev set and the
    validation sets together: the questions written for each clause (`asked_*`) carry the most;
    for Chinese questions the Chinese BM25 is the strong lexical channel and the article titles
    count, for English ones the English BM25 with glossary expansion.
    """

    dense: float = 1.0
    zh: float = 0.75
    en: float = 0.1
    article_unit: float = 1.0  # factor on whole-article units against clause units
    dense_window: float = 0.15  # cosines more than this below the best count as zero
    # added to articles whose responsible units include a department the question names, times the
    # sum of the other weights: whatever the other channels add up to, those articles come first
    department: float = 2.0
    asked_dense: float = 0.0  # the written questions of a clause (questions.yaml), by cosine …
    asked_lexical: float = 0.0  # … and by BM25 coverage, either language
    title: float = 0.0  # how much of its article's title (idf-weighted words) the question contains


#: per question language ("zh" for questions written mostly in Chinese, "en" otherwise)
DEFAULT_WEIGHTS = {
    "zh": Weights(zh=3.0, en=1.0, dense_window=0.10, asked_dense=3.0, asked_lexical=2.5, title=0.75),
    "en": Weights(zh=0.25, en=0.75, dense_window=0.10, asked_dense=1.0, asked_lexical=1.0),
}


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
    words: tuple[str, ...] = ()  # the question's own lexical tokens (both languages, no glossary expansion)
    # per retrieved clause (doc, article, clause): the question's specific words it has (not common
    # across clauses, not units of figures), so that what is judged of a clause needs no retriever
    shared: dict[tuple[str, int, int], frozenset[str]] = field(default_factory=dict)

    def specific_overlap(self, doc: str, article: int, clause: int) -> frozenset[str]:
        """The question's specific words that clause (doc, article, clause) has (empty if not retrieved)."""
        return self.shared.get((doc, article, clause), frozenset())

    @property
    def numbers(self) -> list[int]:
        """Retrieved article numbers, best first."""
        return [hit.article for hit in self.articles]


#: The most of a question the dense channel embeds (the lexical channels read all of it): embedding
#: time grows with length (about 15 ms for a short Chinese question, 85 ms for 128 characters, 1 s for
#: 1000), so a 1000-character question costs a few short ones, not fifty. No question of the eval sets
#: is this long.
DENSE_ZH_CHARS = 160
DENSE_OTHER_CHARS = 480


def dense_text(text: str) -> str:
    """The part of a question the dense channel embeds: its first DENSE_ZH_CHARS characters when it is
    mostly Chinese, else its first DENSE_OTHER_CHARS."""
    limit = DENSE_ZH_CHARS if han_count(text) * 3 > len(text) else DENSE_OTHER_CHARS
    return text[:limit]


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
        self._term_tokens = {t.zh: (self.zh_tokens(t.zh), self.en_tokens(t.en.lower())) for t in corpus.glossary.terms}
        units = corpus_units(corpus)
        self.slots = sorted({(u.doc, u.article, u.clause) for u in units})
        self._slot_of = {slot: i for i, slot in enumerate(self.slots)}
        self._slot_clauses = [clause for _, _, clause in self.slots]
        starts = [i for i, slot in enumerate(self.slots) if i == 0 or slot[:2] != self.slots[i - 1][:2]]
        self._article_starts = np.array(starts, dtype=np.int64)
        self._article_ends = [*starts[1:], len(self.slots)]
        passages = [u for u in units if u.kind != "question"]
        self._rows = {lang: [u for u in passages if u.lang == lang] for lang in ("zh", "en")}
        self._row_slots = {lang: self._slot_array(rows) for lang, rows in self._rows.items()}
        tokens = {
            "zh": [self.zh_tokens(normalize(u.text)) for u in self._rows["zh"]],
            "en": [self.en_tokens(normalize(u.text)) for u in self._rows["en"]],
        }
        self._bm25 = {lang: BM25(rows) for lang, rows in tokens.items()}
        asked = [u for u in units if u.kind == "question"]
        self._asked_slots = self._slot_array(asked)
        self._asked_bm25 = {
            "zh": BM25([self.zh_tokens(normalize(u.text)) if u.lang == "zh" else [] for u in asked]),
            "en": BM25([self.en_tokens(normalize(u.text)) if u.lang == "en" else [] for u in asked]),
        }
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
        articles = list(corpus.articles())
        row_of = {(a.doc, a.number): row for row, a in enumerate(articles)}
        self._titles = _TitleWords(
            [self.zh_tokens(normalize(a.title_zh)) for a in articles],
            [self.en_tokens(normalize(a.title_en)) for a in articles],
            np.array([row_of[(doc, article)] for doc, article, _ in self.slots], dtype=np.int64),
        )
        self._key_cache: tuple[list[UnitKey], np.ndarray, np.ndarray] | None = None
        self._lazy_lock = threading.Lock()  # what only some questions need is built on the first of them
        self._pinyin: PinyinReader | None = None
        self._homophone_corrector: HomophoneCorrector | None = None
        self._english: frozenset[str] | None = None

    def _slot_array(self, units: list[Unit]) -> np.ndarray:
        return np.array([self._slot_of[(u.doc, u.article, u.clause)] for u in units], dtype=np.int64)

    def read_question(self, text: str) -> str:
        """`text` with the policy's words it writes in pinyin or misspells added, in Chinese.

        A pinyin-only question becomes its Chinese reading. Pinyin inside a question in other
        words ("what is 'sansheng ronghe'?") has its reading added after the question, when the
        policy's words explain every letter of it; so have the policy's words a Chinese question
        writes with one sound-alike character ("容基率" → 容积率). `text` is unchanged otherwise.
        """
        if is_pinyin(text):
            return self._pinyin_reader().read(normalize(text)) or text
        found: list[str] = []
        if _LATIN.search(text) and (runs := pinyin_runs(text, self._english_words())):
            reader = self._pinyin_reader()
            found += [r for run in runs if (r := reader.read_known(run))]
        if HAN.search(text):
            found += self._homophones().find(normalize(text))
        found = [word for word in dict.fromkeys(found) if len(word) > 1 and word not in text]
        return " ".join([text, *found]) if found else text

    def _policy_words(self) -> list[str]:
        """jieba's words of every Chinese clause (repeats kept) and the glossary's Chinese forms."""
        corpus = self.corpus
        words = [w for a in corpus.articles() for c in a.clauses for w in self.zh_tokens.words(c.zh)]
        return words + [form for term in corpus.glossary.terms for form in term.zh_forms]

    def _pinyin_reader(self) -> PinyinReader:
        with self._lazy_lock:  # built on the first question with pinyin in it: most never see one
            if self._pinyin is None:
                self._pinyin = PinyinReader(self._policy_words())
            return self._pinyin

    def _homophones(self) -> HomophoneCorrector:
        with self._lazy_lock:
            if self._homophone_corrector is None:
                self._homophone_corrector = HomophoneCorrector(self._policy_words())
            return self._homophone_corrector

    def _english_words(self) -> frozenset[str]:
        """The words of the translation and the glossary's English forms, and the stopwords.

        The written questions are left out: some quote policy terms in pinyin.
        """
        with self._lazy_lock:
            if self._english is None:
                corpus = self.corpus
                texts = [c.en for a in corpus.articles() for c in a.clauses] + [a.title_en for a in corpus.articles()]
                texts += [form for t in corpus.glossary.terms for form in (t.en, *t.en_aliases)]
                words = {w for text in texts for w in _LATIN.findall(text.lower())}
                self._english = frozenset(words | self.en_tokens.stopwords)
            return self._english

    def retrieve(self, question: str, top: int = 8, lang: str | None = None, read: bool = True) -> Retrieval:
        """Rank articles for `question`; returns at least `top` articles when the corpus has them.

        `lang` (the question's language, detected when None) picks the fusion weights; `read=False`
        when `question` has already been through `read_question` (the answerer reads it first).
        """
        started = time.perf_counter()
        channels = self.channels(question, read=read)
        weights = self.weights["zh" if (lang or detect_language(question)) == "zh" else "en"]
        articles = self._articles(self.fuse(channels, weights), top)
        zh_words, en_words = channels.words
        wanted = (set(zh_words) | set(en_words)) - self._common - _FIGURE_WORDS
        shared = {
            (hit.doc, hit.article, c.clause): frozenset(
                wanted & self._slot_tokens.get((hit.doc, hit.article, c.clause), set())
            )
            for hit in articles
            for c in hit.clauses
        }
        done = time.perf_counter()
        return Retrieval(
            question=question,
            normalized=channels.normalized,
            articles=articles,
            terms=channels.terms,
            dense_available=bool(channels.dense.any()),
            dense_best=float(channels.dense.max()) if channels.dense.size else 0.0,
            lexical_best=max(float(channels.zh.max()), float(channels.en.max())),
            timings_ms={"embed": channels.embed_ms, "rest": (done - started) * 1000 - channels.embed_ms},
            words=zh_words + en_words,
            shared=shared,
        )

    def channels(self, question: str, read: bool = True) -> Channels:
        """Every slot's score on each channel, before fusion (also what eval/tune.py searches over)."""
        normalized = normalize(self.read_question(question) if read else question)
        started = time.perf_counter()
        vector = self.embedder.embed_query_vector(dense_text(normalized or question))
        embed_ms = (time.perf_counter() - started) * 1000
        terms = self.matcher.find(normalized)
        zh_words, en_words = self.zh_tokens(normalized), self.en_tokens(normalized)
        zh_query, en_query = self._expanded(zh_words, en_words, terms)
        dense, asked_dense = self._dense(vector)
        return Channels(
            normalized=normalized,
            terms=terms,
            dense=dense,
            zh=self._coverage("zh", zh_query),
            en=self._coverage("en", en_query),
            department=self._department_match(terms),
            embed_ms=embed_ms,
            asked_dense=asked_dense,
            asked_lexical=self._asked_coverage(zh_query, en_query),
            title=self._titles.share(set(zh_query), set(en_query)),
            words=(tuple(zh_words), tuple(en_words)),
        )

    def fuse(self, channels: Channels, weights: Weights) -> np.ndarray:
        """The fused score of every slot."""
        fused = (
            weights.dense * _window(channels.dense, weights.dense_window)
            + weights.zh * channels.zh
            + weights.en * channels.en
        )
        fused *= np.where(self._whole_article, weights.article_unit, 1.0)
        if channels.asked_dense is not None and weights.asked_dense:
            fused += weights.asked_dense * _window(channels.asked_dense, weights.dense_window)
        if channels.asked_lexical is not None and weights.asked_lexical:
            fused += weights.asked_lexical * channels.asked_lexical
        if channels.title is not None and weights.title:
            fused += weights.title * channels.title
        others = weights.dense + weights.zh + weights.en + weights.asked_dense + weights.asked_lexical + weights.title
        return fused + weights.department * others * channels.department

    def _dense(self, vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per slot, the best cosine of its passages (clause, whole article) and of its written questions."""
        keys, unit_scores = self.index.scores(vector)
        passages = np.zeros(len(self.slots), dtype=np.float32)
        asked = np.zeros(len(self.slots), dtype=np.float32)
        if len(keys):
            slots, is_question = self._slots_for(keys)
            np.maximum.at(passages, slots[~is_question], unit_scores[~is_question])
            np.maximum.at(asked, slots[is_question], unit_scores[is_question])
        return passages, asked

    def _slots_for(self, keys: list[UnitKey]) -> tuple[np.ndarray, np.ndarray]:
        """Slot of each unit key and whether it is a written question; cached per key list (the index
        hands out the same list until reloaded)."""
        cached = self._key_cache  # read once: other threads may replace it
        if cached is not None and cached[0] is keys:
            return cached[1], cached[2]
        slots = np.array([self._slot_of.get(key[:3], -1) for key in keys])
        if (slots < 0).any():
            raise RuntimeError("the vector index holds units the corpus lacks; rebuild it")
        is_question = np.array([key[4] == "question" for key in keys], dtype=bool)
        self._key_cache = (keys, slots, is_question)
        return slots, is_question

    def _expanded(self, zh_words: list[str], en_words: list[str], terms: list[Term]) -> tuple[list[str], list[str]]:
        """The Chinese and English BM25 query: the question's words plus its glossary terms in both languages."""
        zh_query, en_query = list(zh_words), list(en_words)
        for term in terms:  # each term's tokens were read when the retriever was built
            zh_words, en_words = self._term_tokens[term.zh]
            zh_query += zh_words
            en_query += en_words
        return zh_query, en_query

    def _department_match(self, terms: list[Term]) -> np.ndarray:
        """Per slot: the share of the departments named in the question that its article lists."""
        named = {t.zh for t in terms if t.kind == "department"}
        if not named:
            return np.zeros(len(self.slots), dtype=np.float32)
        return np.array([len(named & self._departments[(d, a)]) / len(named) for d, a, _ in self.slots])

    def _asked_coverage(self, zh_query: list[str], en_query: list[str]) -> np.ndarray:
        """Per slot, the best BM25 coverage of its written questions (the question's language decides which)."""
        per_slot = np.zeros(len(self.slots), dtype=np.float32)
        if len(self._asked_slots):
            best = np.zeros(len(self._asked_slots), dtype=np.float32)
            for lang, query in (("zh", zh_query), ("en", en_query)):
                if query:
                    best = np.maximum(best, self._asked_bm25[lang].coverage(query))
            np.maximum.at(per_slot, self._asked_slots, best)
        return per_slot

    def _coverage(self, lang: str, query: list[str]) -> np.ndarray:
        per_slot = np.zeros(len(self.slots), dtype=np.float32)
        if query:
            np.maximum.at(per_slot, self._row_slots[lang], self._bm25[lang].coverage(query))
        return per_slot

    def _articles(self, fused: np.ndarray, top: int) -> list[ArticleHit]:
        """The `top` articles by their best slot's score (ties: corpus order), each with its clauses best first."""
        best = np.maximum.reduceat(fused, self._article_starts)  # slots are sorted: an article's are adjacent
        hits = []
        for at in np.argsort(-best, kind="stable")[: max(top, 1)].tolist():
            start, end = self._article_starts[at], self._article_ends[at]
            scores, numbers = fused[start:end].tolist(), self._slot_clauses[start:end]
            order = np.argsort(-fused[start:end], kind="stable").tolist()
            doc, article, _ = self.slots[start]
            clauses = tuple(ClauseHit(numbers[i], scores[i]) for i in order if numbers[i] > 0)
            hits.append(ArticleHit(doc=doc, article=article, score=max(scores), clauses=clauses))
        return hits


class _TitleWords:
    """Per article, the idf-weighted share of its title's words a question contains, in either language.

    Titles name an article's topic in a few words ("做大做强特色主导产业"); a question that repeats
    most of a title asks about that article more surely than one sharing a word with a clause.
    """

    def __init__(self, zh: list[list[str]], en: list[list[str]], slot_rows: np.ndarray) -> None:
        self._sides = [self._weigh([set(t) for t in zh]), self._weigh([set(t) for t in en])]
        self._slot_rows = slot_rows  # per slot, the row (article) whose title it takes
        self._articles = len(zh)

    @staticmethod
    def _weigh(titles: list[set[str]]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """The side's vocabulary, its (articles × words) idf weights and each title's total weight."""
        frequency = Counter(word for title in titles for word in title)
        vocabulary = {word: i for i, word in enumerate(frequency)}
        weights = np.zeros((len(titles), len(vocabulary)), dtype=np.float32)
        for row, title in enumerate(titles):
            for word in title:
                weights[row, vocabulary[word]] = np.log(1 + len(titles) / frequency[word])
        totals = weights.sum(axis=1)
        return vocabulary, weights, np.where(totals > 0, totals, 1.0)

    def share(self, zh_words: set[str], en_words: set[str]) -> np.ndarray:
        best = np.zeros(self._articles, dtype=np.float32)
        for (vocabulary, weights, totals), words in zip(self._sides, (zh_words, en_words), strict=True):
            if columns := [vocabulary[w] for w in words if w in vocabulary]:
                best = np.maximum(best, weights[:, columns].sum(axis=1) / totals)
        per_slot: np.ndarray = best[self._slot_rows]
        return per_slot


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
    }
    return {name: round(float(values[slot]), 4) for name, values in named.items() if values is not None}


def _window(scores: np.ndarray, width: float) -> np.ndarray:
    """Scale cosines to [0, 1] within `width` below the best one.

    e5 cosines are compressed (most of a corpus sits within 0.1 of each other), so only the
    distance from the best match carries information; min-max over all units was measurably worse.
    """
    if not scores.any():
        return scores
    return np.clip((scores - (float(scores.max()) - width)) / width, 0.0, 1.0).astype(np.float32)
