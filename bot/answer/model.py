"""What an answer is: the reply text, whether it fell back, and the clauses it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited clause: in the answer's language (`text`) and the Chinese original (`text_zh`)."""

    doc: str
    article: int
    title: str
    clause: int
    text: str
    text_zh: str
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form (without the display label)."""
        return {
            "doc": self.doc,
            "article": self.article,
            "title": self.title,
            "clause": self.clause,
            "text": self.text,
            "text_zh": self.text_zh,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """The assistant's reply to one question.

    `text` is the whole reply in `lang` (the hotline included on fallback); `outcome` is the judge's
    (answered, corrected, not_stated, out_of_scope); `fallback` is true exactly when the policy could
    not answer (not_stated, out_of_scope); `reason` says why the reply took its shape (answer,
    department, contact, out_of_scope, not_specified, empty, junk, chit_chat, …).
    """

    question: str
    lang: str
    text: str
    fallback: bool
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[int, ...] = ()
    reason: str = "answer"
    outcome: str = "answered"
    resolved_question: str = ""
    mode: str = "extractive"  # or "llm" when a verified model reply leads the answer
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `python -m bot ask --json` (without id, question and latency)."""
        return {
            "lang": self.lang,
            "answer": self.text,
            "fallback": self.fallback,
            "citations": [c.to_dict() for c in self.citations],
            "retrieved": list(self.retrieved),
            "reason": self.reason,
            "outcome": self.outcome,
            "mode": self.mode,
        }
