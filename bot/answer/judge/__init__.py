"""Whether the policy answers a question: a pure function of the read question and what retrieval found.

`judge(question, evidence)` runs the rules of `RULES` in order; the first that decides gives the
Judgement: the outcome, the statement it rests on, what the policy does not state, and the rule's
name. No model and no retriever are called here, so every rule is tested in milliseconds with
hand-built inputs (tests/test_judge.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.answer.judge.asker import (
    beyond_limit,
    denied,
    employer,
    excluded,
    other_business,
    outside,
    party,
    qualified_otherwise,
    reversed_direction,
    sufficient,
    unmet,
    unnamed,
)
from bot.answer.judge.figures import (
    answered,
    benefit,
    contradicted,
    current_state,
    figure,
    level_left_out,
    measure_only,
    never_stated,
    other_authority,
    other_year,
    specifics,
    target_years,
    unstated_share,
    unstated_sum,
)
from bot.answer.judge.model import (
    FIGURE_OF,
    FIRST_TARGET_YEAR,
    GRANTOR_PARTIES,
    PERMISSIVE,
    PROVIDERS,
    RULE_KINDS,
    TARGET_KINDS,
    ClauseEvidence,
    Evidence,
    Judgement,
    Missing,
    Outcome,
    Rule,
    Stated,
    Thresholds,
)
from bot.answer.judge.pieces import is_off_topic
from bot.answer.judge.scope import (
    below_floor,
    claimed,
    compared,
    contact,
    either,
    issued_on,
    issuer,
    off_topic,
    other_contact,
    override,
    overview,
    particulars,
    procedure,
    promise,
    responsible,
    task,
    unlisted,
)
from bot.answer.question import Question

# the rules, in the order they are checked (each module holds rules of one concern: scope, asker, figures)
RULES: tuple[Rule, ...] = (
    task,
    override,
    issued_on,
    overview,
    issuer,
    other_contact,
    contact,
    off_topic,
    below_floor,
    claimed,
    responsible,
    promise,
    outside,
    other_business,
    employer,
    measure_only,
    current_state,
    specifics,
    excluded,
    contradicted,
    other_authority,
    never_stated,
    particulars,
    unlisted,
    procedure,
    either,
    party,
    beyond_limit,
    target_years,
    other_year,
    level_left_out,
    compared,
    figure,
    unmet,
    benefit,
    qualified_otherwise,
    denied,
    reversed_direction,
    unnamed,
    sufficient,
    unstated_share,
    unstated_sum,
    answered,
)


def judge(
    question: Question, evidence: Evidence, thresholds: Thresholds | None = None, rules: Sequence[Rule] = RULES
) -> Judgement:
    """The first of `rules` that decides, with the names of those checked before it (`rules` other
    than RULES are for measuring what each rule earns: `python -m eval.rules`)."""
    thresholds = thresholds or Thresholds()
    checked: list[str] = []
    for rule in rules:
        judgement = rule(question, evidence, thresholds)
        if judgement is not None:
            return replace(judgement, trace=tuple(checked))
        checked.append(rule.__name__)
    return Judgement(Outcome.ANSWERED, "answered", lead=evidence.top, trace=tuple(checked))  # no rule decided


__all__ = [
    "FIGURE_OF",
    "FIRST_TARGET_YEAR",
    "GRANTOR_PARTIES",
    "PERMISSIVE",
    "PROVIDERS",
    "RULES",
    "RULE_KINDS",
    "TARGET_KINDS",
    "ClauseEvidence",
    "Evidence",
    "Judgement",
    "Missing",
    "Outcome",
    "Rule",
    "Stated",
    "Thresholds",
    "is_off_topic",
    "judge",
]
