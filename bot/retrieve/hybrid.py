"""Hybrid retrieval: the channels' scores (bot/retrieve/channels.py) fused per slot (bot/retrieve/fuser.py)
and ranked per article (bot/retrieve/slots.py), after the query reader (bot/retrieve/reader.py)."""

from __future__ import annotations

import re
import time
from collections import Counter

import numpy as np

from bot.corpus.model import Corpus
from bot.embed.base import Embedder
from bot.language import detect_language
from bot.numerals import cited_articles
from bot.retrieve.channels import (
    AskedLexicalChannel,
    Channels,
    DenseChannel,
    DepartmentChannel,
    LexicalChannel,
    NamedArticleChannel,
    Query,
    TitleChannel,
)
from bot.retrieve.fuser import Fuser, Weights
from bot.retrieve.reader import QueryReader
from bot.retrieve.results import ArticleHit, Retrieval
from bot.retrieve.slots import Slots
from bot.retrieve.terms import TermMatcher
from bot.retrieve.tokenize import ChineseTokenizer, EnglishTokenizer
from bot.store.units import VectorSource, corpus_units
from bot.text import clean, han_count, normalize

#: units of figures and names of payments: they say what kind of figure is asked, not what it is about
_FIGURE_WORDS = frozenset(
    {"万元", "元", "万", "rmb", "yuan", "million", "year", "day", "岁", "年", "日"}
    | {"奖励", "补贴", "补助", "资助", "奖金", "金额", "reward", "award", "subsidi", "bonus", "amount"}
)

#: where the asker says whom they work for: a department named there is not what the question asks about
#: a department put up for confirmation as the one responsible for a measure the question names: not what it asks about
_PUT_UP = re.compile(
    r"(责任单位|牵头单位|牵头部门|负责部门|负责单位|主管部门)(是|为)\S{2,14}(对吧|对吗|吧|是吗|没错吧|吗)\s*[?？]?(\s|$)"
    r"|这(条|一条|项|款)\S{0,8}(是|由)\S{2,12}(牵头|负责|主管)\S{0,3}(对吧|对吗|吧|吗)\s*[?？]?(\s|$)"
)  # … at the end of the question, or before the policy words read from it that the search text adds
# an article referred to by its title words ("金融支持这一条,牵头的是哪个部门?", "the article on financial support")
_TITLE_REFERENCE = re.compile(
    r"(这一?|那一?|该)条(?![件路线街河鱼船款消新短信])|这个条款|这项条款|这一款"
    r"|\b(article|clause|provision|section) (on|about|regarding|titled|called|named)\b"
)
_TITLE_SHARE, _TITLE_MARGIN = 0.5, 0.15
# an article number the asker is unsure of ("我记得是第十八条讲的", "是在第十二条吗", "(Article 15 I think?)", "is it in
# Article 8?"): the question's other words decide where it is answered
_HEDGED = re.compile(
    r"(我记得|记得是|好像是?|应该是|大概是|似乎是|是不是|是在|在不在)第[一二三四五六七八九十百\d]+条"
    r"|第[一二三四五六七八九十百\d]+条(吗|吧|里吗|中吗|里面吗|对吗|(里|中|里面)?的(吗|吧))"
    r"|\b(article|art\.?)\s*\d+\s*(\(?\s*i think|,? i believe|,? if i remember|,? right\b)"
    r"|\b(is|isn't|was) (it|this|that|\S+) (\S+ ){0,6}in article \d+\s*\?"
)
# a department named as the issuer or approver of a document the question asks about ("要先拿市商务局开的确认函吗",
# "a letter issued by the city commerce bureau"), in a question that does not ask who is responsible: a premise
# about the document's issuer (which the judge checks against the clause), not the units the question asks about
_ISSUER = re.compile(
    r"(局|厅|委|部门|政府|中心)\S{0,2}(开的|开具|签发|出具|核发|颁发|批准|审批|盖章)"
    r"|\b(issued|signed|approved|granted|stamped) by (the )?(\S+ ){0,5}(bureau|department|commission|office|ministry)\b"
)
_ASKS_RESPONSIBLE = re.compile(
    r"责任单位|牵头|负责|哪个部门|哪些部门|哪个单位|哪家单位|谁|\bwho\b"
    r"|\bwhich (department|office|body|agency|unit)s?\b|\bresponsible\b|\bin charge\b"
)
_ASKER_IS = re.compile(
    r"(?:我是|我们是|本人是|我在|我们在)[^,，。;；:：?？!！]{1,15}"
    r"|\b(?:i am|i'm|we are|we're|i work (?:for|at|in)|we work (?:for|at|in))\b[^,.;:?!]{1,40}"
)

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
    """Scores every slot (doc, article, clause; clause 0 = whole article) on each channel, fuses the
    scores with the weights of the question's language, and ranks articles by their best slot."""

    def __init__(
        self,
        corpus: Corpus,
        embedder: Embedder,
        index: VectorSource,
        weights: Weights | dict[str, Weights] | None = None,
    ) -> None:
        self.corpus = corpus
        self.embedder = embedder
        self.index = index
        self.matcher = TermMatcher(corpus.glossary)
        self.zh_tokens = ChineseTokenizer(corpus.glossary)
        self.en_tokens = EnglishTokenizer()
        self.reader = QueryReader(corpus, self.zh_tokens, self.en_tokens)
        self._term_tokens = {t.zh: (self.zh_tokens(t.zh), self.en_tokens(t.en.lower())) for t in corpus.glossary.terms}
        units = corpus_units(corpus)
        self.slots = Slots(units)
        self.fuser = Fuser(self.slots.whole_article, weights)
        passages = [u for u in units if u.kind != "question"]
        rows = {lang: [u for u in passages if u.lang == lang] for lang in ("zh", "en")}
        tokens = {
            "zh": [self.zh_tokens(normalize(u.text)) for u in rows["zh"]],
            "en": [self.en_tokens(normalize(u.text)) for u in rows["en"]],
        }
        asked = [u for u in units if u.kind == "question"]
        articles = list(corpus.articles())
        row_of = {(a.doc, a.number): row for row, a in enumerate(articles)}
        self.dense = DenseChannel(self.slots)
        self.asked_dense = DenseChannel(self.slots, questions=True)
        self.lexical = {lang: LexicalChannel(self.slots, lang, rows[lang], tokens[lang]) for lang in ("zh", "en")}
        self.asked_lexical = AskedLexicalChannel(
            self.slots,
            asked,
            {
                "zh": [self.zh_tokens(normalize(u.text)) if u.lang == "zh" else [] for u in asked],
                "en": [self.en_tokens(normalize(u.text)) if u.lang == "en" else [] for u in asked],
            },
        )
        self.title = TitleChannel(
            [self.zh_tokens(normalize(a.title_zh)) for a in articles],
            [self.en_tokens(normalize(a.title_en)) for a in articles],
            np.array([row_of[(doc, article)] for doc, article, _ in self.slots.keys], dtype=np.int64),
            (tokens["zh"], tokens["en"]),
        )
        self.named = NamedArticleChannel(self.slots)
        self._numbers = {a.number for a in articles}
        self._row_numbers = [a.number for a in articles]
        self.department = DepartmentChannel(self.slots, {(a.doc, a.number): set(a.departments_zh) for a in articles})
        self._slot_tokens: dict[tuple[str, int, int], set[str]] = {}
        for lang, lang_tokens in tokens.items():
            for unit, unit_tokens in zip(rows[lang], lang_tokens, strict=True):
                self._slot_tokens.setdefault((unit.doc, unit.article, unit.clause), set()).update(unit_tokens)
        frequency = Counter(t for slot, ts in self._slot_tokens.items() if slot[2] > 0 for t in ts)
        clause_count = sum(1 for slot in self._slot_tokens if slot[2] > 0)
        # words in more than a tenth of the clauses (高新区, enterprise …) say nothing specific
        self._common = {t for t, n in frequency.items() if n > clause_count / 10}

    def read_question(self, text: str) -> str:
        """`text` with the policy's words it writes in pinyin or misspells added, in Chinese (QueryReader)."""
        return self.reader.read(text)

    def retrieve(self, question: str, top: int = 8, lang: str | None = None, read: bool = True) -> Retrieval:
        """Rank articles for `question`; returns at least `top` articles when the corpus has them.

        `lang` (the question's language, detected when None) picks the fusion weights; `read=False`
        when `question` has already been through `read_question` (the answerer reads it first).
        """
        channels = self.channels(question, read=read)
        weights = self.fuser.for_language(lang or detect_language(question))
        articles = self.rank(self.fuse(channels, weights), top)
        zh_words, en_words = channels.words
        wanted = (set(zh_words) | set(en_words)) - self._common - _FIGURE_WORDS
        shared = {
            (hit.doc, hit.article, c.clause): frozenset(
                wanted & self._slot_tokens.get((hit.doc, hit.article, c.clause), set())
            )
            for hit in articles
            for c in hit.clauses
        }
        return Retrieval(
            question=question,
            normalized=channels.normalized,
            articles=articles,
            terms=channels.terms,
            dense_available=bool(channels.dense.any()),
            dense_best=float(channels.dense.max()) if channels.dense.size else 0.0,
            lexical_best=max(float(channels.zh.max()), float(channels.en.max())),
            words=zh_words + en_words,
            cited=channels.named is not None and bool(channels.named.any()),
            shared=shared,
            specific=frozenset(wanted),
            vector=channels.vector,
        )

    def dense_input(self, question: str) -> str:
        """The text `query` embeds for `question` as the answer stage sends it (read, normalized, cut)."""
        search = self.read_question(clean(question))
        return dense_text(normalize(search) or search)

    def question_vector(self, question: str) -> np.ndarray:
        """The vector `query` computes for `question` as the answer stage sends it (read, normalized)."""
        return self.embedder.embed_query_vector(self.dense_input(question))

    def query(self, question: str, read: bool = True) -> Query:
        """`question` as the channels read it: its words, glossary terms and the vector index's cosines."""
        normalized = normalize(self.read_question(question) if read else question)
        started = time.perf_counter()
        vector = self.embedder.embed_query_vector(dense_text(normalized or question))
        embed_ms = (time.perf_counter() - started) * 1000
        terms = self.matcher.find(normalized)
        zh_words, en_words = self.zh_tokens(normalized), self.en_tokens(normalized)
        zh_terms = tuple(tuple(self._term_tokens[t.zh][0]) for t in terms)  # read when the retriever was built
        en_terms = tuple(tuple(self._term_tokens[t.zh][1]) for t in terms)
        departments = frozenset(t.zh for t in terms if t.kind == "department")
        articles = frozenset(n for n in cited_articles(normalized) if n in self._numbers)
        if articles and _HEDGED.search(normalized):
            articles = frozenset()
        if not articles and _TITLE_REFERENCE.search(normalized):
            articles = self._titled(zh_words, en_words, (zh_terms, en_terms))
        if departments and _PUT_UP.search(normalized):  # "孵化载体税收优惠这条的责任单位是市商务局对吧": a premise
            departments = frozenset()
        if departments and _ISSUER.search(normalized) and not _ASKS_RESPONSIBLE.search(normalized):
            departments = frozenset()  # "要先拿市商务局开的确认函吗": who issues the letter, a premise to check
        if departments and _ASKER_IS.search(normalized):  # "我是县科技局的": who asks, not whom it asks about
            departments = frozenset(
                t.zh for t in self.matcher.find(_ASKER_IS.sub(" ", normalized)) if t.kind == "department"
            )
        keys, cosines = self.index.scores(vector)
        return Query(
            normalized=normalized,
            terms=terms,
            zh_words=tuple(zh_words),
            en_words=tuple(en_words),
            unit_keys=keys,
            unit_cosines=cosines,
            embed_ms=embed_ms,
            departments=departments,
            articles=articles,
            zh_terms=zh_terms,
            en_terms=en_terms,
            vector=vector,
        )

    def _titled(
        self,
        zh_words: list[str],
        en_words: list[str],
        terms: tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]],
    ) -> frozenset[int]:
        """The article a question names by its title ("金融支持这一条"): the one whose title it repeats the most of,
        at least half (idf-weighted), clearly more than of any other ("高新区空间布局…这一条" repeats as much of other
        titles through 高新: no one article)."""
        shares = self.title.shares(zh_words, en_words, terms)
        order = np.argsort(-shares)
        best = float(shares[order[0]]) if len(order) else 0.0
        if best < _TITLE_SHARE or (len(order) > 1 and float(shares[order[1]]) > best - _TITLE_MARGIN):
            return frozenset()
        return frozenset({self._row_numbers[int(order[0])]})

    def channels(self, question: str, read: bool = True) -> Channels:
        """Every slot's score on each channel, before fusion (also what eval/tune.py searches over)."""
        query = self.query(question, read=read)
        return Channels(
            normalized=query.normalized,
            terms=query.terms,
            dense=self.dense.score(query),
            zh=self.lexical["zh"].score(query),
            en=self.lexical["en"].score(query),
            department=self.department.score(query),
            embed_ms=query.embed_ms,
            asked_dense=self.asked_dense.score(query),
            asked_lexical=self.asked_lexical.score(query),
            title=self.title.score(query),
            named=self.named.score(query),
            words=(query.zh_words, query.en_words),
            vector=query.vector,
        )

    def fuse(self, channels: Channels, weights: Weights) -> np.ndarray:
        """The fused score of every slot (the Fuser's)."""
        return self.fuser.fuse(channels, weights)

    def rank(self, fused: np.ndarray, top: int) -> list[ArticleHit]:
        """The `top` articles by their best slot's fused score, each with its clauses best first."""
        return self.slots.rank(fused, top)
