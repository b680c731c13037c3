"""What gets indexed: every clause and every whole article, in Chinese and in English."""

from __future__ import annotations

from dataclasses import dataclass

from bot.corpus.model import Article, Corpus


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
        }


def article_units(article: Article) -> list[Unit]:
    """The article's clauses (prefixed with its title, which carries the topic) and the whole article."""
    units = []
    for lang in ("zh", "en"):
        title = article.title_zh if lang == "zh" else article.title_en
        units.append(_unit(article, 0, lang, title, f"{title}。{article.text_zh if lang == 'zh' else article.text_en}"))
        for clause in article.clauses:
            text = f"{title}：{clause.zh}" if lang == "zh" else f"{title}: {clause.en}"
            units.append(_unit(article, clause.index, lang, title, text))
    return units


def corpus_units(corpus: Corpus) -> list[Unit]:
    """Every unit of every article."""
    return [unit for article in corpus.articles() for unit in article_units(article)]


def _unit(article: Article, clause: int, lang: str, title: str, text: str) -> Unit:
    return Unit(
        id=f"{article.doc}:{article.number}:{clause}:{lang}",
        text=text,
        doc=article.doc,
        article=article.number,
        clause=clause,
        lang=lang,
        section=article.section,
        title=title,
    )
