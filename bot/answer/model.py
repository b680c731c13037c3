"""What an answer is: the reply text, whether it fell back, and the clauses it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.corpus.model import Article


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

    @classmethod
    def of(cls, article: Article, index: int, lang: str) -> Citation:
        """Clause `index` of `article` in `lang`, with its Chinese original."""
        clause = article.clause(index)
        return cls(
            doc=article.doc,
            article=article.number,
            title=article.title_zh if lang == "zh" else article.title_en,
            clause=index,
            text=clause.zh if lang == "zh" else clause.en,
            text_zh=clause.zh,
            label=article.label(lang),
        )

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
    """The assistant's reply to one question, in three parts every surface renders from: the `opening`
    (what the policy states, or exactly what it does not), the `sources` (the cited clauses as text,
    under "Based on:"; a surface that shows `citations` as cards leaves it out) and the `closing` (the
    hotline). `text` is the three joined, the whole reply in `lang`; `outcome` is the judge's
    (answered, corrected, not_stated, out_of_scope); `fallback` is true exactly when the policy could
    not answer (not_stated, out_of_scope); `reason` says why the reply took its shape (answer,
    department, contact, out_of_scope, not_specified, empty, junk, chit_chat, staff_correction, …).
    """

    question: str
    lang: str
    opening: str
    fallback: bool
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[int, ...] = ()
    reason: str = "answer"
    outcome: str = "answered"
    resolved_question: str = ""
    mode: str = "extractive"  # or "llm" when a verified model reply leads the answer
    sources: str = ""
    closing: str = ""
    corrected_by_staff: bool = False  # a staff correction (bot/corrections) gave this answer
    suggestions: tuple[str, ...] = ()  # questions to ask next, from the cited articles (bot/answer/suggest.py)

    @property
    def text(self) -> str:
        """The whole reply: opening, sources and closing, a blank line between them."""
        return "\n\n".join(part for part in (self.opening, self.sources, self.closing) if part)

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
            "corrected_by_staff": self.corrected_by_staff,
            "suggestions": list(self.suggestions),
        }
