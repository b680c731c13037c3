"""The staff console's question runner: answer each question of a question file (bot/questions.py) and
grade the answers."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bot.answer.model import Answer
from bot.questions import CheckQuestion
from bot.text import normalize

_FORMULA = ("=", "+", "-", "@", "\t", "\r")

#: What the runner calls to answer one question.
AnswerFn = Callable[[str], Answer]


@dataclass(frozen=True, slots=True)
class Graded:
    """One answered question and its checks (None: not checked)."""

    question: CheckQuestion
    answer: Answer
    latency_ms: float
    top_article: int | None
    articles_ok: bool | None
    missing_facts: tuple[str, ...]
    facts_ok: bool | None
    fallback_ok: bool | None

    @property
    def checked(self) -> bool:
        """True when the question file gave something to check (articles, facts or the fallback)."""
        return (self.articles_ok, self.facts_ok, self.fallback_ok) != (None, None, None)

    @property
    def passed(self) -> bool | None:
        """True when no check failed; None when nothing was checked (a file without expectations)."""
        if not self.checked:
            return None
        return False not in (self.articles_ok, self.facts_ok, self.fallback_ok)

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the console (and the CSV export)."""
        q, a = self.question, self.answer
        return {
            "id": q.id,
            "question": q.question,
            "expected_lang": q.lang,
            "expected_articles": list(q.articles),
            "expected_facts": list(q.facts),
            "expected_fallback": q.fallback,
            "lang": a.lang,
            "answer": a.text,
            "fallback": a.fallback,
            "reason": a.reason,
            "top_article": self.top_article,
            "cited": list(dict.fromkeys(c.article for c in a.citations)),
            "retrieved": list(a.retrieved),
            "articles_ok": self.articles_ok,
            "facts_ok": self.facts_ok,
            "missing_facts": list(self.missing_facts),
            "fallback_ok": self.fallback_ok,
            "passed": self.passed,
            "latency_ms": round(self.latency_ms, 2),
        }


@dataclass(frozen=True, slots=True)
class RunReport:
    """Every graded question of one file and the totals."""

    graded: tuple[Graded, ...]

    @property
    def summary(self) -> dict[str, int]:
        """How many questions, passed, failed, not checked (no expectation given), and failed per check."""
        return {
            "questions": len(self.graded),
            "passed": sum(g.passed is True for g in self.graded),
            "failed": sum(g.passed is False for g in self.graded),
            "not_checked": sum(g.passed is None for g in self.graded),
            "articles_failed": sum(g.articles_ok is False for g in self.graded),
            "facts_failed": sum(g.facts_ok is False for g in self.graded),
            "fallback_failed": sum(g.fallback_ok is False for g in self.graded),
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON form: summary, results and the CSV export."""
        return {"summary": self.summary, "results": [g.to_dict() for g in self.graded], "csv": report_csv(self)}


# -- grading --------------------------------------------------------------------------------
def top_article(answer: Answer) -> int | None:
    """The article the answer rests on: its first citation, else the top retrieved article."""
    if answer.citations:
        return answer.citations[0].article
    return answer.retrieved[0] if answer.retrieved else None


def grade(question: CheckQuestion, answer: Answer, latency_ms: float = 0.0) -> Graded:
    """Check `answer` against `question`'s expected articles, facts and fallback."""
    top = top_article(answer)
    said = normalize(answer.text)
    missing = tuple(fact for fact in question.facts if normalize(fact) not in said)
    return Graded(
        question=question,
        answer=answer,
        latency_ms=latency_ms,
        top_article=top,
        articles_ok=(top in question.articles) if question.articles else None,
        missing_facts=missing,
        facts_ok=not missing if question.facts else None,
        fallback_ok=(answer.fallback == question.fallback) if question.fallback is not None else None,
    )


def run_questions(questions: Iterable[CheckQuestion], answer: AnswerFn) -> RunReport:
    """Answer and grade every question in order."""
    graded = []
    for question in questions:
        started = time.perf_counter()
        reply = answer(question.question)
        graded.append(grade(question, reply, (time.perf_counter() - started) * 1000))
    return RunReport(tuple(graded))


CSV_COLUMNS = (
    "id",
    "question",
    "passed",
    "articles_ok",
    "facts_ok",
    "fallback_ok",
    "expected_articles",
    "top_article",
    "expected_facts",
    "missing_facts",
    "expected_fallback",
    "fallback",
    "reason",
    "lang",
    "answer",
    "latency_ms",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value  # a spreadsheet would run it as a formula
    return str(value)


def report_csv(report: RunReport) -> str:
    """The graded results as CSV (one row per question, CSV_COLUMNS)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for graded in report.graded:
        row = graded.to_dict()
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()
