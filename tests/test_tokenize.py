"""The quick jieba start gives the same dictionary, and so the same words, as jieba's own start."""

from __future__ import annotations

import re

import jieba

from bot.corpus.model import Corpus
from bot.retrieve.tokenize import ChineseTokenizer, jieba_tokenizer


def test_quick_start_loads_the_same_dictionary_as_jieba() -> None:
    jieba_tokenizer()  # makes sure jieba's prepared dictionary exists
    quick = jieba_tokenizer()
    stock = jieba.Tokenizer()
    stock.initialize()
    assert quick.initialized and quick.total == stock.total and quick.FREQ == stock.FREQ


def test_policy_text_is_cut_the_same_way(corpus: Corpus) -> None:
    ours = ChineseTokenizer(corpus.glossary)
    stock = jieba.Tokenizer()
    for term in corpus.glossary.terms:
        for form in term.zh_forms:
            if form and all("\u4e00" <= c <= "\u9fff" for c in form):
                stock.add_word(form, freq=20000)
    text = "".join(clause.zh for article in corpus.articles() for clause in article.clauses)
    runs = re.findall("[\u4e00-\u9fff]+", text)
    expected = [w for run in runs for w in stock.cut_for_search(run) if w not in ours.stopwords]
    assert ours(text) == expected and len(expected) > 1000
