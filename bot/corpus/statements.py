"""What each clause states (statements.yaml), joined to the clauses and checked like the translation.

A statement says what a clause gives, allows, requires or aims at, for whom, and under what
condition: the terms the answerability judge compares a question with. Every value it holds must
appear in the clause's Chinese and English, so a typo in the data fails loading instead of
putting a figure in an answer that the policy does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.corpus.keyed import clause_entries, read_keyed
from bot.corpus.model import Article, Clause, Statement, Subject
from bot.corpus.parser import canonical
from bot.errors import CorpusError

STATEMENT_KINDS = frozenset(
    {"amount", "percentage", "period", "age", "count", "target_year"}  # kinds that carry a value
    | {"permission", "obligation", "support", "list", "goal"}
)
VALUED_KINDS = frozenset({"amount", "percentage", "period", "age", "count", "target_year"})
PARTIES = frozenset({"zone", "enterprise", "person", "institution", "government", "project"})


@dataclass(frozen=True, slots=True)
class StatementFile:
    """The subjects a document's statements are about, and its articles with statements attached."""

    subjects: tuple[Subject, ...]
    articles: tuple[Article, ...]


def attach_statements(articles: tuple[Article, ...], path: Path, doc_id: str) -> StatementFile:
    """`articles` with the statements of `path` on their clauses.

    Raises CorpusError naming the article and clause when a clause has no statement, a value is
    missing from the clause's Chinese or English, a kind or subject is unknown, or a field is absent.
    """
    source, data, entries = read_keyed(path, doc_id, articles)
    subjects = _subjects(data.get("subjects"), source)
    known = {s.id for s in subjects}
    joined = tuple(_article(a, entries.get(a.number), f"{source} article {a.number}", known) for a in articles)
    return StatementFile(subjects, joined)


def _subjects(raw: Any, source: str) -> tuple[Subject, ...]:
    if not isinstance(raw, dict) or not raw:
        raise CorpusError(f"{source}: needs a 'subjects' mapping of id → {{zh, en}}")
    subjects = []
    for key, names in raw.items():
        if not isinstance(names, dict) or not names.get("zh") or not names.get("en"):
            raise CorpusError(f"{source}: subject {key!r} needs a Chinese and an English name")
        if names.get("party") not in PARTIES:
            raise CorpusError(f"{source}: subject {key!r} needs a party, one of {', '.join(sorted(PARTIES))}")
        subjects.append(Subject(str(key), str(names["zh"]), str(names["en"]), str(names["party"])))
    return tuple(subjects)


def _article(article: Article, entry: Any, where: str, subjects: set[str]) -> Article:
    clauses = clause_entries(article, entry, where, "has no statements (every clause needs at least one)")
    joined = []
    for clause in article.clauses:
        here = f"{where} clause {clause.index}"
        raw = clauses.get(clause.index)
        if not isinstance(raw, list) or not raw:
            raise CorpusError(f"{here}: has no statement (every clause needs at least one): «{clause.zh}»")
        statements = tuple(_statement(item, clause, f"{here} statement {n}", subjects) for n, item in enumerate(raw, 1))
        joined.append(replace(clause, statements=statements))
    return replace(article, clauses=tuple(joined))


def _statement(raw: Any, clause: Clause, where: str, subjects: set[str]) -> Statement:
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: needs a mapping")
    kind = str(raw.get("kind", ""))
    if kind not in STATEMENT_KINDS:
        raise CorpusError(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(STATEMENT_KINDS))})")
    subject = str(raw.get("subject", ""))
    if subject not in subjects:
        raise CorpusError(f"{where}: subject {subject!r} is not listed under 'subjects'")
    action_zh, action_en = _pair(raw.get("action"), f"{where} action", required=True)
    condition_zh, condition_en = _pair(raw.get("condition"), f"{where} condition", required=False)
    value_zh, value_en = _pair(raw.get("value"), f"{where} value", required=kind in VALUED_KINDS)
    if value_zh and kind not in VALUED_KINDS:
        raise CorpusError(f"{where}: a {kind} statement takes no value")
    if value_zh and canonical(value_zh) not in canonical(clause.zh):
        raise CorpusError(f"{where}: value {value_zh!r} is not in the clause's Chinese: «{clause.zh}»")
    if value_en and value_en not in clause.en:
        raise CorpusError(f"{where}: value {value_en!r} is not in the clause's English: «{clause.en}»")
    return Statement(
        kind=kind,
        subject=subject,
        action_zh=action_zh,
        action_en=action_en,
        value_zh=value_zh,
        value_en=value_en,
        condition_zh=condition_zh,
        condition_en=condition_en,
        funding=bool(raw.get("funding", False)),
    )


def _pair(raw: Any, where: str, required: bool) -> tuple[str, str]:
    if raw is None and not required:
        return "", ""
    if not isinstance(raw, dict) or not str(raw.get("zh") or "").strip() or not str(raw.get("en") or "").strip():
        raise CorpusError(f"{where}: needs both 'zh' and 'en'")
    return str(raw["zh"]).strip(), str(raw["en"]).strip()
