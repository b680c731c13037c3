"""The last word of the labelled questions nearest a question: pure functions of the judgements and their vote."""

from __future__ import annotations

from bot.answer.exemplars import Vote
from bot.answer.judge.model import Evidence, Judgement, Missing, Outcome, Thresholds
from bot.answer.question import Question


def needs_vote(q: Question, whole: Judgement, final: Judgement, evidence: Evidence) -> bool:
    """Whether `reconsider` could turn on the vote (it is computed only then): an answer of the whole question where
    no rule found anything amiss (the judge's default), asked on its own, naming no article by its number, and no
    attack on the assistant. (A follow-up is retrieved with the question before it, which no exemplar was; an attack's
    wording, not what it asks of the policy, would choose its neighbours; "第二十四条用大白话讲讲" asks for the article
    it names.)"""
    attack = q.task or q.override or q.reveal or q.intent.injection
    alone = not (q.follow_up or evidence.cited or attack)
    return alone and final is whole and whole.outcome is Outcome.ANSWERED and whole.rule == "answered"


def reconsider(
    q: Question, whole: Judgement, final: Judgement, vote: Vote | None, evidence: Evidence, t: Thresholds
) -> Judgement:
    """`final` (the judgement an answer is rendered from: the whole question's, or the part answered), or "not
    stated" where it is an answer `needs_vote` lets the vote overturn and at least `t.exemplar_decline` of the few
    nearest labelled questions are ones the policy does not answer. The clause it rested on is kept as the closest
    ("Can a PR holder also be the legal rep of an ordinary trading company?" beside the clause on new-type R&D
    institutions). The vote never turns a decline into an answer: measured, that answered fees, family members and
    list members the judge had rightly declined."""
    if vote is None or not needs_vote(q, whole, final, evidence) or vote.near < t.exemplar_decline:
        return final
    return Judgement(
        Outcome.NOT_STATED,
        "exemplars",
        lead=whole.lead or evidence.top,
        missing=Missing("unaddressed"),
        trace=(*whole.trace, whole.rule),
    )
