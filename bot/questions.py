"""Question files: JSONL in the eval format ({id, lang, question, articles, facts, fallback}) or CSV with the
same columns (articles "5" or "5;19", facts "10;180" or a JSON list, fallback true/false), read into
questions with their expectations. Only `question` is required; an expectation that is absent is not
checked. The staff console's runner and the eval harness read their files here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bot.corpus.model import MAX_ARTICLE
from bot.errors import QuestionFileError

MAX_QUESTIONS = 2000
LANGS = ("zh", "en")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}
_SPLIT = re.compile(r"[;|,，；\s]+")


@dataclass(frozen=True, slots=True)
class CheckQuestion:
    """A question with what its answer should show; None / empty means 'not checked'."""

    id: str
    question: str
    lang: str | None = None
    articles: tuple[int, ...] = ()
    facts: tuple[str, ...] = ()
    fallback: bool | None = None


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


def jsonl_objects(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | ValueError]]:
    """(line number, its JSON object) for each non-blank line, or (line number, the ValueError saying what
    is wrong with it): the one JSONL reading of the CLI, the staff runner and the eval harness, each of
    which decides what a bad line means to it."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError too
            yield number, exc
            continue
        if isinstance(row, dict):
            yield number, row
        else:
            yield number, ValueError(f"expected a JSON object, got {type(row).__name__}")


def _jsonl_rows(text: str) -> Iterator[CheckQuestion]:
    for number, row in jsonl_objects(text.splitlines()):
        try:
            if isinstance(row, ValueError):
                raise row
            yield _question(row, number, articles=row.get("articles"), facts=row.get("facts"))
        except ValueError as exc:
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
