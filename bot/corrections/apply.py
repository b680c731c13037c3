"""The answer a correction gives (pure: renders; decides nothing but the shape of its action).

- not_covered: what the policy does not state (checked by staff), the closest clauses the assistant had
  found as context, the hotline; `not_stated`, a fallback.
- article: the clause staff named leads and is cited; `answered`.
- answer: the curated answer in the asker's language, citing the clauses it rests on; `answered`.

Each says, after the hotline, that the answer was checked by staff; `corrected_by_staff` is true.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answer.model import Answer, Citation
from bot.answer.render import cited_block
from bot.answer.templates import say
from bot.corpus.model import Corpus
from bot.corrections.model import Action, Correction, cited_clauses
from bot.text import as_sentence


def corrected_answer(base: Answer, correction: Correction, corpus: Corpus) -> Answer:
    """`base` (the assistant's own answer to the question) as `correction` changes it."""
    lang, draft = base.lang, correction.draft
    if draft.action is Action.NOT_COVERED:
        citations = tuple(base.citations[:2] if not base.fallback or base.outcome == "not_stated" else ())
        opening = say(lang, "staff_not_covered" if citations else "staff_not_covered_alone")
        outcome = "not_stated"
    else:
        clauses = cited_clauses(draft, corpus)
        citations = tuple(Citation.of(article, index, lang) for article, index in clauses)
        if draft.action is Action.ARTICLE:
            opening = as_sentence(citations[0].text, lang) if citations else ""
        else:
            opening = draft.answer_zh if lang == "zh" else draft.answer_en
        outcome = "answered"
    return replace(
        base,
        opening=opening,
        citations=citations,
        sources=cited_block(lang, citations) if citations else "",
        closing="\n".join((say(lang, "hotline", hotline=corpus.hotline), say(lang, "staff_checked"))),
        fallback=outcome != "answered",
        outcome=outcome,
        reason="staff_correction",
        mode="extractive",
        corrected_by_staff=True,
    )
