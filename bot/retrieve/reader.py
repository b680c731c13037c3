"""The query reader: a question's policy words written in pinyin or with a sound-alike character,
read into Chinese before retrieval."""

from __future__ import annotations

import re
import threading

from bot.corpus.model import Corpus
from bot.language import is_pinyin, pinyin_runs
from bot.retrieve.homophones import HomophoneCorrector
from bot.retrieve.pinyin import PinyinReader
from bot.retrieve.tokenize import ChineseTokenizer, EnglishTokenizer
from bot.text import HAN, normalize

LATIN = re.compile(r"[a-z]+", re.IGNORECASE)


class QueryReader:
    """Reads pinyin and sound-alikes of the policy's words; what only some questions need is built on
    the first of them."""

    def __init__(self, corpus: Corpus, zh_tokens: ChineseTokenizer, en_tokens: EnglishTokenizer) -> None:
        self.corpus = corpus
        self.zh_tokens = zh_tokens
        self.en_tokens = en_tokens
        self._lazy_lock = threading.Lock()
        self._pinyin: PinyinReader | None = None
        self._homophone_corrector: HomophoneCorrector | None = None
        self._english: frozenset[str] | None = None

    def read(self, text: str) -> str:
        """`text` with the policy's words it writes in pinyin or misspells added, in Chinese.

        A pinyin-only question becomes its Chinese reading. Pinyin inside a question in other
        words ("what is 'sansheng ronghe'?") has its reading added after the question, when the
        policy's words explain every letter of it; so have the policy's words a Chinese question
        writes with one sound-alike character ("容基率" → 容积率). `text` is unchanged otherwise.
        """
        if is_pinyin(text):
            return self._pinyin_reader().read(normalize(text)) or text
        found: list[str] = []
        if LATIN.search(text) and (runs := pinyin_runs(text, self._english_words())):
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
                words = {w for text in texts for w in LATIN.findall(text.lower())}
                self._english = frozenset(words | self.en_tokens.stopwords)
            return self._english
