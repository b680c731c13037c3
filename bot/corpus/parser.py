"""Parse the raw Chinese policy text into sections, articles, clauses and departments."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.corpus.model import Article, Clause, Section
from bot.errors import CorpusError
from bot.numerals import chinese_to_int

_NUMERAL = "[一二三四五六七八九十]+"
_SECTION = re.compile(rf"^\s*({_NUMERAL})\s*[、,，.．]\s*(\S.*?)\s*$")
_ARTICLE = re.compile(rf"^\s*[(（]\s*({_NUMERAL})\s*[)）]\s*")
_RESPONSIBLE = re.compile(r"[(（]\s*责任单位\s*[:：]\s*((?:[^()（）]|[(（][^()（）]*[)）])*?)\s*[)）]\s*$")
_CONTACT = re.compile(r"^\s*(?:招商热线|招商电话|咨询电话|联系电话|热线)\s*[:：]\s*(\S.*?)\s*$")
_CLAUSE_END = re.compile(r"(?<=[。；;])")
_UNIT_SPLIT = re.compile(r"[、,，;；]")
# A department name ends in one of these; a fragment that doesn't ("各县") joins the next one.
_UNIT_SUFFIXES = ("局", "办", "委", "部", "会", "行", "政府", "协", "院", "所", "中心", "室", "处", "厅", "组", "司")


@dataclass(frozen=True, slots=True)
class ParsedText:
    """What the raw text itself says: sections, articles (Chinese only) and the hotline."""

    sections: tuple[Section, ...]
    articles: tuple[Article, ...]
    hotline: str


def canonical(text: str) -> str:
    """Fold full-width ASCII forms (（）：，０-９) to ASCII; the form that is hashed and compared."""
    return unicodedata.normalize("NFKC", text)


def split_clauses(body: str) -> list[str]:
    """Split an article body into sentences after each 。 or ；, dropping blanks."""
    return [part.strip() for part in _CLAUSE_END.split(body) if part.strip()]


def split_departments(closing: str) -> tuple[str, ...]:
    """Split '市科技局、市发改委,各县、区人民政府' into units; '各县、区人民政府' stays one."""
    units: list[str] = []
    pending = ""
    for fragment in (f.strip() for f in _UNIT_SPLIT.split(closing)):
        if not fragment:
            continue
        name = f"{pending}、{fragment}" if pending else fragment
        if name.endswith(_UNIT_SUFFIXES):
            units.append(name)
            pending = ""
        else:
            pending = name
    if pending:
        units.append(pending)
    return tuple(units)


class PolicyParser:
    """Turns one document's raw text into a ParsedText.

    Articles are lines opening with (一) … (九十九), in full-width or ASCII parentheses;
    sections are lines like 一、总体要求; an article runs until the next article,
    section or contact line (招商热线:…).
    """

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id

    def parse(self, raw: str) -> ParsedText:
        """Parse `raw`; raise CorpusError naming the document and article on malformed text."""
        sections: list[Section] = []
        blocks: list[tuple[int, int, list[str]]] = []  # (number, section, lines)
        hotline = ""
        current: list[str] | None = None
        for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if contact := _CONTACT.match(line):
                hotline = hotline or contact.group(1)
                current = None
            elif section := _SECTION.match(line):
                sections.append(Section(chinese_to_int(section.group(1)), section.group(2)))
                current = None
            elif article := _ARTICLE.match(line):
                number = chinese_to_int(article.group(1))
                current = [line[article.end() :]]
                blocks.append((number, sections[-1].number if sections else 0, current))
            elif current is not None and line.strip():
                current.append(line.strip())
        self._check_numbering([number for number, _, _ in blocks], "article")
        self._check_numbering([s.number for s in sections], "section")
        articles = tuple(self._article(n, s, "\n".join(lines)) for n, s, lines in blocks)
        return ParsedText(tuple(sections), articles, hotline)

    def _check_numbering(self, numbers: list[int], what: str) -> None:
        for expected, number in enumerate(numbers, start=1):
            if number != expected:
                raise CorpusError(
                    f"{self.doc_id}: {what}s must be numbered 1..{len(numbers)} in order; "
                    f"found {what} {number} where {expected} was expected"
                )
        if not numbers and what == "article":
            raise CorpusError(f"{self.doc_id}: no articles found (lines opening with (一), (二) …)")

    def _article(self, number: int, section: int, text: str) -> Article:
        title, sep, body = text.partition("。")
        if not sep or not title.strip():
            raise CorpusError(f"{self.doc_id} article {number}: no title (text up to the first 。)")
        departments: tuple[str, ...] = ()
        if responsible := _RESPONSIBLE.search(body):
            departments = split_departments(responsible.group(1))
            body = body[: responsible.start()]
        body = body.strip()
        clauses = tuple(Clause(i, zh) for i, zh in enumerate(split_clauses(body), start=1))
        if not clauses:
            raise CorpusError(f"{self.doc_id} article {number}: no text after the title")
        return Article(
            doc=self.doc_id,
            number=number,
            section=section,
            title_zh=title.strip(),
            text_zh=body,
            clauses=clauses,
            departments_zh=departments,
        )
