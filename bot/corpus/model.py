"""The policy as data: documents, sections, articles, clauses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.corpus.glossary import Glossary


#: the highest article number a document can have (articles are numbered in Chinese numerals, 一 … 九十九)
MAX_ARTICLE = 99


@dataclass(frozen=True, slots=True)
class Subject:
    """Whom a statement is about (national_zone, foreign_talent …), named in both languages."""

    id: str
    zh: str
    en: str
    party: str = ""  # zone, enterprise, person, institution, government or project

    def name(self, lang: str) -> str:
        """What it is called in `lang`."""
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing a clause states: its kind, its value (if any), whom it is for, what, and on what condition."""

    kind: str  # amount, percentage, period, age, count, target_year, permission, obligation, support, list, goal
    subject: str  # a Subject id
    action_zh: str
    action_en: str
    value_zh: str = ""  # as written in the clause's Chinese ("100万元") …
    value_en: str = ""  # … and English ("RMB 1 million")
    condition_zh: str = ""
    condition_en: str = ""
    funding: bool = False  # gives or steers money (rewards, subsidies, funds, credit)

    def value(self, lang: str) -> str:
        """The value as the clause writes it in `lang`."""
        return self.value_zh if lang == "zh" else self.value_en

    def action(self, lang: str) -> str:
        """What is given, allowed, required or aimed at, in `lang`."""
        return self.action_zh if lang == "zh" else self.action_en

    def condition(self, lang: str) -> str:
        """The condition it holds under, in `lang` ("" when none)."""
        return self.condition_zh if lang == "zh" else self.condition_en

    def to_dict(self) -> dict[str, object]:
        """JSON form, as `python -m bot corpus --json` shows it."""
        out: dict[str, object] = {"kind": self.kind, "subject": self.subject}
        if self.value_zh:
            out["value"] = {"zh": self.value_zh, "en": self.value_en}
        out["action"] = {"zh": self.action_zh, "en": self.action_en}
        if self.condition_zh:
            out["condition"] = {"zh": self.condition_zh, "en": self.condition_en}
        if self.funding:
            out["funding"] = True
        return out


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence of an article (split on 。 and ；), with its English."""

    index: int
    zh: str
    en: str = ""
    questions_zh: tuple[str, ...] = ()  # questions this clause answers, in everyday words (questions.yaml)
    questions_en: tuple[str, ...] = ()
    statements: tuple[Statement, ...] = ()  # what it states (statements.yaml)

    def questions(self, lang: str) -> tuple[str, ...]:
        """The questions written for this clause in `lang`."""
        return self.questions_zh if lang == "zh" else self.questions_en


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section heading (一、总体要求)."""

    number: int
    title_zh: str
    title_en: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A numbered article, (一) … (二十六), of one document."""

    doc: str
    number: int
    section: int
    title_zh: str
    text_zh: str
    clauses: tuple[Clause, ...]
    departments_zh: tuple[str, ...] = ()
    title_en: str = ""
    departments_en: tuple[str, ...] = ()

    @property
    def text_en(self) -> str:
        """The English body: the English clauses joined."""
        return " ".join(clause.en for clause in self.clauses)

    def clause(self, index: int) -> Clause:
        """The clause with this 1-based index."""
        return self.clauses[index - 1]

    def label(self, lang: str) -> str:
        """'第五条 加快集聚高层次人才' or 'Article 5 · Attracting high-level talent'."""
        if lang == "zh":
            from bot.numerals import int_to_chinese

            return f"第{int_to_chinese(self.number)}条 {self.title_zh}"
        return f"Article {self.number} · {self.title_en or self.title_zh}"

    def to_dict(self) -> dict[str, object]:
        """The JSON shape printed by `python -m bot corpus --json`."""
        return {
            "doc": self.doc,
            "number": self.number,
            "section": self.section,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "text_zh": self.text_zh,
            "text_en": self.text_en,
            "departments_zh": list(self.departments_zh),
            "departments_en": list(self.departments_en),
            "clauses": [
                {"index": c.index, "zh": c.zh, "en": c.en, "statements": [s.to_dict() for s in c.statements]}
                for c in self.clauses
            ],
        }


@dataclass(frozen=True, slots=True)
class Document:
    """One policy document with its metadata."""

    id: str
    title_zh: str
    date: str
    source: str
    hotline: str
    sections: tuple[Section, ...]
    articles: tuple[Article, ...]
    title_en: str = ""
    subjects: tuple[Subject, ...] = ()  # whom its statements are about

    def article(self, number: int) -> Article:
        """The article with this number; KeyError if there is none."""
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(f"{self.id} has no article {number}")

    def section(self, number: int) -> Section:
        """The section with this number; KeyError if there is none."""
        for section in self.sections:
            if section.number == number:
                return section
        raise KeyError(f"{self.id} has no section {number}")


@dataclass(frozen=True, slots=True)
class Corpus:
    """All documents, the glossary and a fingerprint of the files they came from."""

    documents: tuple[Document, ...]
    glossary: Glossary
    fingerprint: str = ""
    by_key: dict[tuple[str, int], Article] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for document in self.documents:
            for article in document.articles:
                self.by_key[(document.id, article.number)] = article

    def articles(self) -> Iterator[Article]:
        """Every article of every document, in order."""
        for document in self.documents:
            yield from document.articles

    def article(self, doc: str, number: int) -> Article:
        """The article (doc, number); KeyError if there is none."""
        return self.by_key[(doc, number)]

    def find_article(self, number: int, doc: str | None = None) -> Article | None:
        """The article with this number, of document `doc` (default: the first document that has one)."""
        return next((a for a in self.articles() if a.number == number and doc in (None, a.doc)), None)

    def document(self, doc: str) -> Document:
        """The document with this id; KeyError if there is none."""
        for document in self.documents:
            if document.id == doc:
                return document
        raise KeyError(f"no document {doc!r}")

    @property
    def hotline(self) -> str:
        """The hotline of the first document that has one."""
        return next((d.hotline for d in self.documents if d.hotline), "")
