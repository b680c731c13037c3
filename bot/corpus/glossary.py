"""The zh⇄en glossary of policy terms and departments (corpus/glossary.tsv)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from bot.errors import CorpusError

COLUMNS = ["zh", "en", "kind", "zh_aliases", "en_aliases"]
KINDS = {"term", "department", "place", "programme"}


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary row: the Chinese term, its English, and the other ways people write them."""

    zh: str
    en: str
    kind: str
    zh_aliases: tuple[str, ...] = ()
    en_aliases: tuple[str, ...] = ()

    @property
    def zh_forms(self) -> tuple[str, ...]:
        """The term and its Chinese aliases."""
        return (self.zh, *self.zh_aliases)

    @property
    def en_forms(self) -> tuple[str, ...]:
        """The English term and its English aliases."""
        return (self.en, *self.en_aliases)


class Glossary:
    """Lookup over the glossary rows, by Chinese term or by any surface form."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = tuple(terms)
        self._by_zh = {term.zh: term for term in terms}

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, zh: str) -> Term | None:
        """The row whose Chinese term is exactly `zh`."""
        return self._by_zh.get(zh)

    def departments(self) -> tuple[Term, ...]:
        """The rows of kind 'department'."""
        return tuple(t for t in self.terms if t.kind == "department")

    def english(self, zh: str) -> str:
        """The English of `zh`; CorpusError when the glossary lacks it."""
        term = self._by_zh.get(zh)
        if term is None:
            raise CorpusError(f"glossary.tsv has no row for {zh!r}")
        return term.en

    @classmethod
    def parse(cls, text: str, source: str = "glossary.tsv") -> Glossary:
        """Read the TSV text; CorpusError naming the line on a malformed row."""
        reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != COLUMNS:
            raise CorpusError(f"{source}: header must be {' | '.join(COLUMNS)}, got {header}")
        terms: list[Term] = []
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                raise CorpusError(f"{source} line {line}: expected {len(COLUMNS)} columns, got {len(row)}")
            zh, en, kind, zh_aliases, en_aliases = (cell.strip() for cell in row)
            if not zh or not en or kind not in KINDS:
                raise CorpusError(f"{source} line {line}: needs zh, en and a kind in {sorted(KINDS)}")
            terms.append(Term(zh, en, kind, _aliases(zh_aliases), _aliases(en_aliases)))
        return cls(terms)

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read a glossary file; an absent file is an empty glossary."""
        if not path.exists():
            return cls([])
        return cls.parse(path.read_text(encoding="utf-8"), source=str(path.name))


def _aliases(cell: str) -> tuple[str, ...]:
    return tuple(alias.strip() for alias in cell.split("|") if alias.strip())
