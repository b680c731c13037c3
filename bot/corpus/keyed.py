"""Files keyed by article and clause number beside a document (questions.yaml, statements.yaml):
read and checked the same way, each error naming the file, article and clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.corpus.model import Article
from bot.corpus.translation import read_yaml
from bot.errors import CorpusError


def read_keyed(path: Path, doc_id: str, articles: tuple[Article, ...]) -> tuple[str, dict[str, Any], dict[int, Any]]:
    """The file's display name, its data and its entries by article number.

    Raises CorpusError when it has no 'articles' mapping, is for another document, or names an
    article the source text lacks.
    """
    source = f"{path.parent.name}/{path.name}"
    data = read_yaml(path, source)
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise CorpusError(f"{source}: needs an 'articles' mapping")
    if data.get("doc") not in (None, doc_id):
        raise CorpusError(f"{source}: is for document {data['doc']!r}, not {doc_id!r}")
    entries = {number(k, f"{source}: article"): v for k, v in data["articles"].items()}
    if extra := sorted(set(entries) - {a.number for a in articles}):
        raise CorpusError(f"{source}: article {extra[0]} is not in the source text")
    return source, data, entries


def clause_entries(article: Article, entry: Any, where: str, missing: str) -> dict[int, Any]:
    """An article's entries by clause number; CorpusError (`missing` when it is no mapping) naming
    a clause the article does not have."""
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: {missing}")
    clauses = {number(k, f"{where} clause"): v for k, v in entry.items()}
    if extra := sorted(set(clauses) - {c.index for c in article.clauses}):
        raise CorpusError(f"{where} clause {extra[0]}: the article has only {len(article.clauses)} clauses")
    return clauses


def number(key: object, what: str) -> int:
    """`key` as an article or clause number; CorpusError naming `what` when it is none."""
    try:
        return int(str(key))
    except ValueError:
        raise CorpusError(f"{what} {key!r} is not a number") from None
