"""Join the English translation (translation.en.yaml) to the parsed Chinese, and check it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from bot.corpus.glossary import Glossary
from bot.corpus.model import Article, Clause, Section
from bot.corpus.parser import ParsedText, canonical
from bot.errors import CorpusError
from bot.yaml_text import load_yaml

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def clause_hash(zh: str) -> str:
    """The fingerprint stored beside each translated clause: sha256 of its canonical Chinese, 16 hex."""
    return hashlib.sha256(canonical(zh).encode("utf-8")).hexdigest()[:16]


def missing_numbers(zh: str, en: str) -> list[str]:
    """The numbers written in digits in `zh` that `en` lacks (full-width digits count)."""
    return [n for n in _NUMBER.findall(canonical(zh)) if not re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", en)]


def read_yaml(path: Path, source: str) -> Any:
    """Parse a YAML file; CorpusError naming the file and position when it is not YAML."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CorpusError(f"{source}: not valid YAML: {exc}") from exc


class Translation:
    """The English of one document: title, section titles, article titles and clauses."""

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.data = data
        self.source = source

    @classmethod
    def load(cls, path: Path) -> Translation:
        """Read a translation file; CorpusError if it is absent or not a mapping."""
        if not path.exists():
            raise CorpusError(f"{path.parent.name}: no translation file {path.name}")
        source = f"{path.parent.name}/{path.name}"
        data = read_yaml(path, source)
        if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
            raise CorpusError(f"{source}: expected a mapping with 'articles'")
        for key in data["articles"]:
            if not isinstance(key, int):
                raise CorpusError(f"{source}: article key {key!r} is not an article number")
        return cls(data, source)

    @property
    def title(self) -> str:
        """The English title of the document."""
        return str(self.data.get("title") or "")

    def sections(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections with their English titles; CorpusError naming a section that has none."""
        titles = self.data.get("sections") or {}
        for section in sections:
            if not str(titles.get(section.number) or "").strip():
                raise CorpusError(f"{self.source}: section {section.number} ({section.title_zh}) has no English title")
        return tuple(replace(s, title_en=str(titles[s.number]).strip()) for s in sections)

    def articles(self, parsed: ParsedText, glossary: Glossary) -> tuple[Article, ...]:
        """The parsed articles with English joined; CorpusError naming article and clause on any mismatch."""
        entries: dict[int, Any] = {int(k): v for k, v in self.data["articles"].items()}
        numbers = {a.number for a in parsed.articles}
        if extra := sorted(set(entries) - numbers):
            raise CorpusError(f"{self.source}: article {extra[0]} is translated but not in the source text")
        return tuple(self._article(a, entries.get(a.number), glossary) for a in parsed.articles)

    def _article(self, article: Article, entry: Any, glossary: Glossary) -> Article:
        where = f"{self.source} article {article.number}"
        if not isinstance(entry, dict):
            raise CorpusError(f"{where}: missing from the translation")
        title_en = str(entry.get("title") or "").strip()
        if not title_en:
            raise CorpusError(f"{where}: the title has no English")
        self._check_numbers(f"{where} title", article.title_zh, title_en)
        translated = entry.get("clauses") or []
        clauses = []
        for clause in article.clauses:
            if clause.index > len(translated):
                raise CorpusError(f"{where} clause {clause.index}: missing from the translation: «{clause.zh}»")
            clauses.append(self._clause(f"{where} clause {clause.index}", clause, translated[clause.index - 1]))
        if len(translated) > len(article.clauses):
            raise CorpusError(
                f"{where} clause {len(article.clauses) + 1}: translated but the source has only "
                f"{len(article.clauses)} clauses"
            )
        departments_en = []
        for name in article.departments_zh:
            try:
                departments_en.append(glossary.english(name))
            except CorpusError as exc:
                raise CorpusError(f"{where}: department {name!r} has no English: {exc}") from exc
        return replace(article, title_en=title_en, clauses=tuple(clauses), departments_en=tuple(departments_en))

    def _clause(self, where: str, clause: Clause, entry: Any) -> Clause:
        if not isinstance(entry, dict) or not str(entry.get("en") or "").strip():
            raise CorpusError(f"{where}: no English for «{clause.zh}»")
        if str(entry.get("sha")) != clause_hash(clause.zh):
            raise CorpusError(
                f"{where}: the Chinese changed since it was translated "
                f"(hash {entry.get('sha')} ≠ {clause_hash(clause.zh)}): «{clause.zh}»"
            )
        en = " ".join(str(entry["en"]).split())
        self._check_numbers(where, clause.zh, en)
        return replace(clause, en=en)

    @staticmethod
    def _check_numbers(where: str, zh: str, en: str) -> None:
        if absent := missing_numbers(zh, en):
            raise CorpusError(f"{where}: number {absent[0]} of the Chinese is missing from the English: «{en}»")
