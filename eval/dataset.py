"""The dev set: questions with their gold articles, read and checked line by line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.questions import article_numbers, fact_strings, jsonl_objects

LANGS = ("zh", "en")
KINDS = (
    "fact",
    "paraphrase",
    "colloquial",
    "crosslingual-concept",
    "department",
    "multi-article",
    "traditional",
    "typo",
    "contact",
    "out-of-scope",
    "adversarial",
)
REQUIRED = ("id", "lang", "question", "articles", "facts", "fallback", "kind")
OUTCOMES = ("answered", "corrected", "not_stated", "out_of_scope")


class QuestionsError(ValueError):
    """A line of a questions file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Question:
    """One dev-set question.

    `articles` are the gold article numbers, primary first; `facts` are strings a correct
    answer contains; `fallback` is true when the assistant should hand over to the hotline.
    Sets written for the answerability judge also give `outcome` (answered, corrected, not_stated,
    out_of_scope; fallback is then true exactly for the last two), `wrong_facts` (figures the policy
    states for another subject than the one asked: they must not lead the answer) and `yes_no`.
    """

    id: str
    lang: str
    question: str
    articles: tuple[int, ...]
    facts: tuple[str, ...]
    fallback: bool
    kind: str
    outcome: str | None = None
    wrong_facts: tuple[str, ...] = ()
    yes_no: bool = False

    @property
    def retrieval_answerable(self) -> bool:
        """True when retrieval alone can be scored: no fallback expected and gold articles given."""
        return not self.fallback and bool(self.articles)


def load_questions(path: Path | str) -> list[Question]:
    """Read a JSONL questions file and validate every row.

    Blank lines are skipped. Raises QuestionsError naming the file and line on the first bad row
    (invalid JSON, a missing key, lang not zh|en, articles not a list of ints 1..99, an unknown
    kind, a repeated id).
    """
    path = Path(path)
    questions: list[Question] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, row in jsonl_objects(lines):
            try:
                if isinstance(row, ValueError):
                    raise row
                question = question_of(row)
            except ValueError as exc:
                raise QuestionsError(f"{path}:{number}: {exc}") from None
            if question.id in seen:
                raise QuestionsError(f"{path}:{number}: id {question.id!r} appears twice")
            seen.add(question.id)
            questions.append(question)
    return questions


def parse_question(line: str) -> Question:
    """One JSONL row as a Question; ValueError says what is wrong with it."""
    row = json.loads(line)
    if not isinstance(row, dict):
        raise ValueError(f"expected a JSON object, got {type(row).__name__}")
    return question_of(row)


def question_of(row: dict[str, Any]) -> Question:
    """One question file row (a JSON object) as a Question; ValueError says what is wrong with it."""
    missing = [key for key in REQUIRED if key not in row]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    outcome = _choice(row, "outcome", OUTCOMES) if "outcome" in row else None
    fallback = _flag(row, "fallback")
    if outcome is not None and fallback != (outcome in ("not_stated", "out_of_scope")):
        raise ValueError(f"fallback {fallback} disagrees with outcome {outcome}")
    return Question(
        id=_text(row, "id"),
        lang=_choice(row, "lang", LANGS),
        question=_text(row, "question"),
        articles=article_numbers(_given(row, "articles")),
        facts=fact_strings(_given(row, "facts")),
        fallback=fallback,
        # the judge's sets label their kinds freely (wrong_subject, premise, …); the others use KINDS
        kind=_text(row, "kind") if outcome is not None else _choice(row, "kind", KINDS),
        outcome=outcome,
        wrong_facts=fact_strings(row.get("wrong_facts") or []),
        yes_no=_flag(row, "yes_no") if "yes_no" in row else False,
    )


def retrieval_answerable(questions: Iterable[Question]) -> list[Question]:
    """The questions retrieval can be scored on (fallback false, gold articles given)."""
    return [q for q in questions if q.retrieval_answerable]


def _given(row: dict[str, Any], key: str) -> object:
    # the staff runner lets a row leave these out (None); the dev set always states them
    if row[key] is None:
        raise ValueError(f"{key} must be a list, got null")
    return row[key]


def _text(row: dict[str, Any], key: str) -> str:
    value = row[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty string, got {value!r}")
    return value


def _choice(row: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = row[key]
    if value not in allowed:
        raise ValueError(f"{key} must be one of {', '.join(allowed)}; got {value!r}")
    return str(value)


def _flag(row: dict[str, Any], key: str) -> bool:
    value = row[key]
    if not isinstance(value, bool):
        raise ValueError(f"{key} must be true or false, got {value!r}")
    return value
