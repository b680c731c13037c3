"""The staff console's question runner: read a question file, answer each question, grade the answers.

A question file is JSONL in the eval format ({id, lang, question, articles, facts, fallback}) or CSV
with the same columns (articles "5" or "5;19", facts "10;180" or a JSON list, fallback true/false).
Only `question` is required; an expectation that is absent is not checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bot.answer.model import Answer
from bot.errors import QuestionFileError
from bot.text import normalize

MAX_QUESTIONS = 2000
MAX_ARTICLE = 99
LANGS = ("zh", "en")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_SPLIT = re.compile(r"[;|,，；\s]+")

#: What the runner calls to answer one question.
AnswerFn = Callable[[str], Answer]


@dataclass(frozen=True, slots=True)
class CheckQuestion:
    """A question with what its answer should show; None / empty means 'not checked'."""

    id: str
    question: str
    lang: str | None = None
    articles: tuple[int, ...] = ()
    facts: tuple[str, ...] = ()
    fallback: bool | None = None


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
    def passed(self) -> bool:
        """True when no check failed."""
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
        """How many questions, passed, failed, and failed per check."""
        return {
            "questions": len(self.graded),
            "passed": sum(g.passed for g in self.graded),
            "failed": sum(not g.passed for g in self.graded),
            "articles_failed": sum(g.articles_ok is False for g in self.graded),
            "facts_failed": sum(g.facts_ok is False for g in self.graded),
            "fallback_failed": sum(g.fallback_ok is False for g in self.graded),
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON form: summary, results and the CSV export."""
        return {"summary": self.summary, "results": [g.to_dict() for g in self.graded], "csv": report_csv(self)}


# -- reading --------------------------------------------------------------------------------
def parse_question_file(filename: str, data: bytes) -> list[CheckQuestion]:
    """The questions of an uploaded file: JSONL if named .jsonl/.json, CSV if named .csv, else by its first character.

    Raises QuestionFileError naming the line of the first bad row, for an empty file, for text
    that is not UTF-8 and for more than MAX_QUESTIONS questions.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuestionFileError("the file is not UTF-8 text") from None
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first:
        raise QuestionFileError("the file has no questions")
    name = filename.lower()
    is_csv = name.endswith(".csv") or (not name.endswith((".jsonl", ".json", ".ndjson")) and not first.startswith("{"))
    questions = list(_csv_rows(text) if is_csv else _jsonl_rows(text))
    if not questions:
        raise QuestionFileError("the file has no questions")
    if len(questions) > MAX_QUESTIONS:
        raise QuestionFileError(f"the file has {len(questions)} questions; at most {MAX_QUESTIONS} per run")
    return questions


def _jsonl_rows(text: str) -> Iterator[CheckQuestion]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError(f"expected a JSON object, got {type(row).__name__}")
            yield _question(row, number, articles=row.get("articles"), facts=row.get("facts"))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError too
            raise QuestionFileError(f"line {number}: {exc}") from None


def _csv_rows(text: str) -> Iterator[CheckQuestion]:
    reader = csv.DictReader(io.StringIO(text))
    columns = {name.strip().lower() for name in reader.fieldnames or ()}
    if "question" not in columns:
        raise QuestionFileError("line 1: a CSV question file needs a 'question' column")
    for row in reader:
        number = reader.line_num
        cells = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        if not any(cells.values()):
            continue
        try:
            yield _question(
                {"id": cells.get("id", ""), "question": cells.get("question", ""), "lang": cells.get("lang") or None}
                | {"fallback": _csv_flag(cells.get("fallback", ""))},
                number,
                articles=_csv_list(cells.get("articles", ""), numbers=True),
                facts=_csv_list(cells.get("facts", ""), numbers=False),
            )
        except ValueError as exc:
            raise QuestionFileError(f"line {number}: {exc}") from None


def _csv_list(cell: str, numbers: bool) -> list[Any]:
    if not cell:
        return []
    if cell.startswith("["):
        value = json.loads(cell)
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {cell!r}")
        return value
    parts = [p for p in (_SPLIT.split(cell) if numbers else re.split(r"[;|]", cell)) if p.strip()]
    if not numbers:
        return [p.strip() for p in parts]
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise ValueError(f"articles must be numbers, got {cell!r}") from None


def _csv_flag(cell: str) -> bool | None:
    value = cell.strip().lower()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"fallback must be true or false, got {cell!r}")


def _question(row: dict[str, Any], number: int, *, articles: object, facts: object) -> CheckQuestion:
    question = row.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question must be a non-empty string")
    lang = row.get("lang")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be zh or en, got {lang!r}")
    fallback = row.get("fallback")
    if fallback is not None and not isinstance(fallback, bool):
        raise ValueError(f"fallback must be true or false, got {fallback!r}")
    identifier = row.get("id")
    return CheckQuestion(
        id=str(identifier) if identifier not in (None, "") else str(number),
        question=question.strip(),
        lang=lang,
        articles=article_numbers(articles),
        facts=fact_strings(facts),
        fallback=fallback,
    )


def article_numbers(value: object) -> tuple[int, ...]:
    """The `articles` of a question row: a list of article numbers (None: none). Also read by eval/dataset.py."""
    if value is None:
        return ()
    # bool is an int subclass: true would otherwise pass as article 1
    valid = isinstance(value, list) and all(
        isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= MAX_ARTICLE for n in value
    )
    if not valid:
        raise ValueError(f"articles must be a list of article numbers 1..{MAX_ARTICLE}, got {value!r}")
    return tuple(value)  # type: ignore[arg-type]


def fact_strings(value: object) -> tuple[str, ...]:
    """The `facts` of a question row: a list of strings, blank ones dropped (None: none). Also read by eval."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(fact, str) for fact in value):
        raise ValueError(f"facts must be a list of strings, got {value!r}")
    return tuple(fact for fact in value if fact.strip())


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
