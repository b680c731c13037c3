"""The last word of the labelled questions nearest a question: pure functions of the judgements and their vote."""

from __future__ import annotations

from bot.answer.exemplars import Vote
from bot.answer.judge.model import Evidence, Judgement, Missing, Outcome, Thresholds
from bot.answer.question import Question

#: the gaps a decline may be overturned on: what is asked (a thing the clause does not name, a figure, a choice, a
#: benefit, a claimed figure, how a measure is used, a member of a list), never whom, where or when it is for (a
#: subject, party, condition, year, the zones' outside, an age beyond the limit, the present state, a promise, a
#: contact): answered anyway, those would give a figure for someone the statement is not about
_WHAT_IS_ASKED = frozenset({"specific", "figure", "choice", "benefit", "claim", "measure", "listed"})


def _declinable(q: Question, whole: Judgement, final: Judgement) -> bool:
    """An answer of the whole question where no rule found anything amiss (the judge's default), in a question that
    is no attack on the assistant (whose wording, not what it asks of the policy, would choose its neighbours)."""
    attack = q.task or q.override or q.reveal or q.intent.injection
    return final is whole and whole.rule == "answered" and not attack


def _answerable(whole: Judgement, final: Judgement, evidence: Evidence) -> bool:
    """A decline of the whole question for what it asks (`_WHAT_IS_ASKED`), with a clause to answer from."""
    gap = whole.missing.kind if whole.missing is not None else ""
    return final is whole and whole.outcome is Outcome.NOT_STATED and gap in _WHAT_IS_ASKED and evidence.top is not None


def needs_vote(q: Question, whole: Judgement, final: Judgement, evidence: Evidence) -> bool:
    """Whether `reconsider` could turn on the vote (it is computed only then)."""
    return _declinable(q, whole, final) or _answerable(whole, final, evidence)


def reconsider(
    q: Question, whole: Judgement, final: Judgement, vote: Vote | None, evidence: Evidence, t: Thresholds
) -> Judgement:
    """`final` (the judgement an answer is rendered from: the whole question's, or the part answered), or the opposite
    where the labelled questions nearest the whole all but agree against it:
    - an answer where no rule found anything amiss (`_declinable`) and at least `t.exemplar_decline` of the few
      nearest are questions the policy does not answer: not stated, the clause it rested on kept as the closest
      ("Can a PR holder also be the legal rep of an ordinary trading company?" beside the clause on new-type R&D
      institutions);
    - a decline for what is asked (`_answerable`) where at most `t.exemplar_answer` of the wider circle are: answered
      by the best clause, with no "Yes —" (a question like many the policy answers, declined by a reading of its
      words).
    Out of scope (role play, instructions to the assistant, other topics), a decline for whom, where or when, and an
    answer through one part of a question the judge declined as a whole are left as they are."""
    if vote is None:
        return final
    if _declinable(q, whole, final) and vote.near >= t.exemplar_decline:
        return Judgement(
            Outcome.NOT_STATED,
            "exemplars",
            lead=whole.lead or evidence.top,
            missing=Missing("unlike"),
            trace=(*whole.trace, whole.rule),
        )
    if _answerable(whole, final, evidence) and vote.wide <= t.exemplar_answer:
        return Judgement(Outcome.ANSWERED, "exemplars", lead=evidence.top, trace=(*whole.trace, whole.rule))
    return final
