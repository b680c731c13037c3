"""What a staff correction is, and the checks it must pass before it is stored (pure: no database, no model).

A staff member corrects the answer to one question in one of three ways (`Action`): the policy does
not answer it (`not_covered`), this article and clause answer it (`article`), or this curated answer
in both languages, resting on this article (and clause) (`answer`). A curated answer may hold no
number that the clauses it cites do not hold: the same check as a model's reply (bot/answer/llm.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.answer.llm import unsupported_numbers
from bot.answer.model import Citation
from bot.corpus.model import Article, Corpus
from bot.text import clean, normalize


class Action(StrEnum):
    NOT_COVERED = "not_covered"
    ARTICLE = "article"
    ANSWER = "answer"


LANGS = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Draft:
    """A correction as a staff member writes it (before it has an id)."""

    question: str
    lang: str
    action: Action
    article: int | None = None
    clause: int | None = None
    answer_zh: str = ""
    answer_en: str = ""
    doc: str = ""
    author: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"action": str(self.action)}

    @classmethod
    def of(cls, data: dict[str, Any]) -> Draft:
        """A draft from a JSON object (an API body or a line of an exported file); ValueError when a
        field has the wrong type or the action is unknown."""
        try:
            action = Action(str(data.get("action", "")))
        except ValueError:
            raise ValueError("action must be not_covered, article or answer") from None
        article, clause = data.get("article"), data.get("clause")
        for name, value in (("article", article), ("clause", clause)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} must be a whole number")
        return cls(
            question=str(data.get("question") or ""),
            lang=str(data.get("lang") or ""),
            action=action,
            article=article,
            clause=clause,
            answer_zh=str(data.get("answer_zh") or ""),
            answer_en=str(data.get("answer_en") or ""),
            doc=str(data.get("doc") or ""),
            author=str(data.get("author") or ""),
        )


@dataclass(frozen=True, slots=True)
class Correction:
    """A stored correction: its draft, its id and when and by whom it was made and last changed."""

    id: int
    draft: Draft
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    before: dict[str, Any] = field(default_factory=dict)  # the answer it replaced (outcome, opening, cited)

    def to_dict(self) -> dict[str, Any]:
        return (
            {"id": self.id}
            | self.draft.to_dict()
            | {
                "created_at": self.created_at.isoformat(),
                "created_by": self.created_by,
                "updated_at": self.updated_at.isoformat(),
                "updated_by": self.updated_by,
                "before": self.before,
            }
        )


def cited_clauses(draft: Draft, corpus: Corpus) -> list[tuple[Article, int]]:
    """The clauses a draft rests on: its clause of its article, or every clause of the article when it
    names none (empty for `not_covered`, or when the article does not exist)."""
    if draft.action is Action.NOT_COVERED or draft.article is None:
        return []
    article = corpus.find_article(draft.article, draft.doc or None)
    if article is None:
        return []
    if draft.clause is None:
        return [(article, c.index) for c in article.clauses]
    return [(article, draft.clause)] if any(c.index == draft.clause for c in article.clauses) else []


def problems(draft: Draft, corpus: Corpus, max_question_chars: int) -> list[str]:
    """Why `draft` cannot be stored, in plain words (empty: it can)."""
    found = _question_problems(draft, max_question_chars)
    if draft.action is Action.NOT_COVERED:
        return found
    if draft.article is None:
        return [*found, f"the action {draft.action} needs the article that answers the question"]
    if not (clauses := cited_clauses(draft, corpus)):
        where = f"article {draft.article}" + (f" clause {draft.clause}" if draft.clause is not None else "")
        return [*found, f"the policy has no {where}"]
    if draft.action is Action.ARTICLE:
        if draft.clause is None:
            found.append("the action article needs the clause that answers the question")
        return found
    citations = [Citation.of(article, index, "en") for article, index in clauses]
    return found + _answer_problems(draft, citations, 4 * max_question_chars)


def _question_problems(draft: Draft, max_question_chars: int) -> list[str]:
    found = []
    if not clean(draft.question):
        found.append("the question is empty")
    elif len(draft.question) > max_question_chars:
        found.append(f"the question is longer than {max_question_chars} characters")
    if draft.lang not in LANGS:
        found.append("lang must be zh or en")
    return found


def _answer_problems(draft: Draft, citations: list[Citation], max_chars: int) -> list[str]:
    """A curated answer: written in both languages, not too long, and every number in the cited clauses."""
    found = []
    for lang, text in (("zh", draft.answer_zh), ("en", draft.answer_en)):
        if not normalize(text):
            found.append(f"answer_{lang} is empty: a curated answer is written in both languages")
        elif len(text) > max_chars:
            found.append(f"answer_{lang} is longer than {max_chars} characters")
        for number in unsupported_numbers(text, citations):
            found.append(f"answer_{lang}: the number {number} is not in the cited clauses (article {draft.article})")
    return found
