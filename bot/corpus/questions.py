"""Questions each clause answers (questions.yaml), joined to the articles they were written for.

They are indexed beside the clauses (doc2query) so that a question in everyday words can find
the clause written in the policy's words. They are never shown or quoted: the clause answers.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.corpus.keyed import clause_entries, read_keyed
from bot.corpus.model import Article
from bot.errors import CorpusError


def attach_questions(articles: tuple[Article, ...], path: Path, doc_id: str) -> tuple[Article, ...]:
    """`articles` with the questions of `path` on their clauses; CorpusError naming article and clause."""
    source, _, entries = read_keyed(path, doc_id, articles)
    return tuple(_article(a, entries.get(a.number), f"{source} article {a.number}") for a in articles)


def _article(article: Article, entry: Any, where: str) -> Article:
    if entry is None:
        return article
    clauses = clause_entries(article, entry, where, "needs a mapping of clause numbers")
    joined = []
    for clause in article.clauses:
        lists = clauses.get(clause.index) or {}
        if not isinstance(lists, dict) or set(lists) - {"zh", "en"}:
            raise CorpusError(f"{where} clause {clause.index}: needs 'zh' and/or 'en' lists of questions")
        zh, en = (_strings(lists.get(lang), f"{where} clause {clause.index} {lang}") for lang in ("zh", "en"))
        joined.append(replace(clause, questions_zh=zh, questions_en=en))
    return replace(article, clauses=tuple(joined))


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorpusError(f"{where}: needs a list of non-empty questions")
    return tuple(v.strip() for v in value)
