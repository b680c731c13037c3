"""What gets indexed: every clause and every whole article, in Chinese and in English, and the
questions written for each clause (kind "question"; they point at the clause they were written for)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from bot.corpus.model import Article, Corpus

#: (doc, article, clause, lang, kind): what the vector index hands back for each unit
UnitKey = tuple[str, int, int, str, str]


@dataclass(frozen=True, slots=True)
class Unit:
    """One searchable passage with the metadata that points back at the policy."""

    id: str
    text: str
    doc: str
    article: int
    clause: int  # 0 for the whole article
    lang: str
    section: int
    title: str
    kind: str = "clause"  # article | clause | question

    @property
    def key(self) -> UnitKey:
        """(doc, article, clause, lang, kind)."""
        return (self.doc, self.article, self.clause, self.lang, self.kind)

    @property
    def metadata(self) -> dict[str, str | int]:
        """Metadata stored beside the vector in Chroma."""
        return {
            "doc": self.doc,
            "article": self.article,
            "clause": self.clause,
            "lang": self.lang,
            "section": self.section,
            "title": self.title,
            "kind": self.kind,
        }


def article_units(article: Article) -> list[Unit]:
    """The article's clauses (prefixed with its title, which carries the topic) and the whole article."""
    units = []
    for lang in ("zh", "en"):
        title = article.title_zh if lang == "zh" else article.title_en
        body = article.text_zh if lang == "zh" else article.text_en
        units.append(_unit(article, 0, lang, title, f"{title}。{body}", "article"))
        for clause in article.clauses:
            text = f"{title}：{clause.zh}" if lang == "zh" else f"{title}: {clause.en}"
            units.append(_unit(article, clause.index, lang, title, text))
            for number, question in enumerate(clause.questions(lang), start=1):
                units.append(_unit(article, clause.index, lang, title, question, "question", number))
    return units


def corpus_units(corpus: Corpus) -> list[Unit]:
    """Every unit of every article."""
    return [unit for article in corpus.articles() for unit in article_units(article)]


def _unit(
    article: Article, clause: int, lang: str, title: str, text: str, kind: str = "clause", number: int = 0
) -> Unit:
    suffix = f":q{number}" if kind == "question" else ""
    return Unit(
        id=f"{article.doc}:{article.number}:{clause}:{lang}{suffix}",
        text=text,
        doc=article.doc,
        article=article.number,
        clause=clause,
        lang=lang,
        section=article.section,
        title=title,
        kind=kind,
    )


class VectorSource(Protocol):
    """What retrieval needs of a vector store: every unit's cosine with a query vector. The Chroma
    index (bot/store/chroma_store.py, embedded or server) implements it; so does the tests' in-memory fake."""

    def scores(self, vector: np.ndarray) -> tuple[list[UnitKey], np.ndarray]:
        """Every unit's key and its cosine with `vector` (empty when the store is unavailable)."""
        ...
