"""Questions each clause answers (questions.yaml), joined to the articles they were written for.

They are indexed beside the clauses (doc2query) so that a question in everyday words can find
the clause written in the policy's words. They are never shown or quoted: the clause answers.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.corpus.model import Article
from bot.corpus.translation import read_yaml
from bot.errors import CorpusError


def attach_questions(articles: tuple[Article, ...], path: Path, doc_id: str) -> tuple[Article, ...]:
    """`articles` with the questions of `path` on their clauses; CorpusError naming article and clause."""
    source = f"{path.parent.name}/{path.name}"
    data = read_yaml(path, source)
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise CorpusError(f"{source}: needs an 'articles' mapping")
    if data.get("doc") not in (None, doc_id):
        raise CorpusError(f"{source}: is for document {data['doc']!r}, not {doc_id!r}")
    entries = {_number(k, f"{source}: article"): v for k, v in data["articles"].items()}
    by_number = {a.number: a for a in articles}
    if extra := sorted(set(entries) - set(by_number)):
        raise CorpusError(f"{source}: article {extra[0]} is not in the source text")
    return tuple(_article(a, entries.get(a.number), f"{source} article {a.number}") for a in articles)


def _article(article: Article, entry: Any, where: str) -> Article:
    if entry is None:
        return article
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: needs a mapping of clause numbers")
    clauses = {_number(k, f"{where} clause"): v for k, v in entry.items()}
    if extra := sorted(set(clauses) - {c.index for c in article.clauses}):
        raise CorpusError(f"{where} clause {extra[0]}: the article has only {len(article.clauses)} clauses")
    joined = []
    for clause in article.clauses:
        lists = clauses.get(clause.index) or {}
        if not isinstance(lists, dict) or set(lists) - {"zh", "en"}:
            raise CorpusError(f"{where} clause {clause.index}: needs 'zh' and/or 'en' lists of questions")
        zh, en = (_strings(lists.get(lang), f"{where} clause {clause.index} {lang}") for lang in ("zh", "en"))
        joined.append(replace(clause, questions_zh=zh, questions_en=en))
    return replace(article, clauses=tuple(joined))


def _number(key: object, what: str) -> int:
    try:
        return int(str(key))
    except ValueError:
        raise CorpusError(f"{what} {key!r} is not a number") from None


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorpusError(f"{where}: needs a list of non-empty questions")
    return tuple(v.strip() for v in value)
