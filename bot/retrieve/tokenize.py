"""Tokenizers for the lexical index: jieba for Chinese, a light stemmer for English."""

from __future__ import annotations

import logging
import marshal
import re
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from bot.corpus.glossary import Glossary

_WORD = re.compile(r"[a-z0-9]+(?:[&.'][a-z0-9]+)*")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _data_lines(name: str) -> set[str]:
    text = resources.files("bot.data").joinpath(name).read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: the Snowball English stemmer in C

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """Snowball (Porter 2) stem of an English word: zones → zone, industries → industri."""
    return str(_stemmer().stemWord(word))


class EnglishTokenizer:
    """Lower-cased word tokens, stopwords removed, lightly stemmed."""

    def __init__(self) -> None:
        self.stopwords = _data_lines("stopwords_en.txt")

    def __call__(self, text: str) -> list[str]:
        """Tokens of already-normalized (lower-cased) text."""
        return [stem(w) for w in _WORD.findall(text) if w not in self.stopwords]


def jieba_tokenizer() -> Any:
    """A jieba Tokenizer with its default dictionary loaded.

    jieba keeps the prepared dictionary in a marshal file in the temp folder and reads it with
    `marshal.load(file)`, which takes over a second here; `marshal.loads` of the same bytes takes
    a third of that. When that file is readable it is loaded so; otherwise jieba builds it.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    try:
        freq, total = marshal.loads((Path(tempfile.gettempdir()) / "jieba.cache").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        tokenizer.initialize()
        return tokenizer
    if isinstance(freq, dict) and isinstance(total, int) and freq:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    else:
        tokenizer.initialize()
    return tokenizer


class ChineseTokenizer:
    """jieba search-mode words, with the glossary as user dictionary and stopwords removed."""

    def __init__(self, glossary: Glossary) -> None:
        self._jieba = jieba_tokenizer()
        for term in glossary.terms:
            for form in term.zh_forms:
                if _HAN_RUN.fullmatch(form):
                    self._jieba.add_word(form, freq=20000)
        self.stopwords = _data_lines("stopwords_zh.txt")

    def words(self, text: str) -> list[str]:
        """jieba's words of the Chinese runs of `text`, stopwords kept (accurate mode)."""
        return [w for run in _HAN_RUN.findall(text) for w in self._jieba.cut(run)]

    def __call__(self, text: str) -> list[str]:
        """Tokens of the Chinese runs of already-normalized text."""
        tokens: list[str] = []
        for run in _HAN_RUN.findall(text):
            tokens.extend(w for w in self._jieba.cut_for_search(run) if w not in self.stopwords)
        return tokens
