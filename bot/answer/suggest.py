"""Questions to ask next, drawn from the articles an answer cites: for each cited article, the first written
question (questions.yaml) of each clause the answer did not quote, in the answer's language, clauses that
state a figure first (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answer.model import Citation
from bot.corpus.model import Corpus
from bot.text import normalize

MAX_SUGGESTIONS = 3


def follow_ups(citations: Sequence[Citation], corpus: Corpus, lang: str, asked: str) -> tuple[str, ...]:
    """Up to MAX_SUGGESTIONS questions the cited articles answer beyond the quoted clauses (none that is the
    question asked)."""
    quoted = {(c.doc, c.article, c.clause) for c in citations}
    said = "".join(normalize(asked).split())
    found: list[str] = []
    for doc, number in dict.fromkeys((c.doc, c.article) for c in citations):
        article = corpus.article(doc, number)
        concrete_first = sorted(article.clauses, key=lambda c: not any(s.value_zh for s in c.statements))
        for clause in concrete_first:
            written = [q for q in clause.questions(lang) if q.rstrip().endswith(("?", "？"))]  # whole questions only
            if (doc, number, clause.index) in quoted or not written:
                continue
            question = written[0]
            if "".join(normalize(question).split()) != said and question not in found:
                found.append(question)
            if len(found) == MAX_SUGGESTIONS:
                return tuple(found)
    return tuple(found)
