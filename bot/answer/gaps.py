"""The sentences that say what the policy does not state, by the kind of gap the judge found: a figure,
a subject, a condition, an occasion …, said against the statement that is stated instead."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answer.cues import Occasion
from bot.answer.judge import Judgement, Missing, Stated
from bot.answer.question import Question
from bot.answer.templates import figure_name, say
from bot.corpus.model import Subject

_SPACE = {"zh": "", "en": " "}

# the gaps said against the statement that is stated instead
_ABOUT_STATEMENT = frozenset(
    {
        "beyond",
        "below",
        "condition",
        "changed",
        "party",
        "party_support",
        "subject",
        "occasion",
        "outside",
        "other_business",
        "employer",
        "measure",
        "object",
    }
)


#: of those, the gaps a part of a question is told in its own note: whom or what occasion the statement is for, or an
#: age beyond its limit (not who the asker is, which a scene sentence read as a part may say: "我们是一家…公司，…引进
#: 几位海外专家")
_PART_GAPS = frozenset({"subject", "occasion", "beyond"})


def part_gap(j: Judgement) -> bool:
    """A part's gap its note says as such (see `_PART_GAPS`): said against the statement that is stated."""
    return j.missing is not None and j.statement is not None and j.missing.kind in _PART_GAPS


class GapSentences:
    """Says what is not stated; every sentence comes from templates.yaml."""

    def __init__(
        self, subjects: dict[str, Subject], qualifiers: dict[str, frozenset[int]], occasions: tuple[Occasion, ...]
    ) -> None:
        self.subjects = subjects
        self.qualifiers = qualifiers
        self.occasions = occasions

    def sentence(self, q: Question, j: Judgement) -> str:
        """The sentence naming what the policy does not state, by the kind of gap the judge found."""
        lang, missing = q.lang, j.missing
        kind = missing.kind if missing else "figure"
        plain = {"current_state": "current_state", "promise": "promise", "benefit": "benefit_not_stated"}
        plain |= {"approver": "approver_not_stated", "task": "task_part"}  # (task: an opinion asked beside a question)
        plain |= {"unaddressed": "unaddressed"}  # (what most questions like it are declined for: `reconsider`)
        if kind in plain:
            return say(lang, plain[kind])
        if kind == "claim":
            if q.claims:
                return say(lang, "figure_not_in_policy")
            return self._invented(q, say(lang, "not_specified", figure=self._figure(lang, q)))
        if missing is not None and kind in ("specific", "choice", "year", "listed", "compared"):
            return self._named(q, missing, j.statement)
        if missing is not None and j.statement is not None and kind in _ABOUT_STATEMENT:
            return self._about_statement(q, missing, j.statement)
        what = missing.what if missing and missing.what else (q.figures[0].name if q.figures else "count")
        return self._invented(q, say(lang, "not_specified", figure=figure_name(lang, what)))

    def _named(self, q: Question, missing: Missing, stated: Stated | None) -> str:
        """A thing the policy never states that the question names, the two it asks between, or the years it
        asks about that the statement is not for."""
        if missing.kind == "choice":
            return say(q.lang, "choice_not_stated", first=missing.what, second=missing.asked)
        if missing.kind == "listed":
            return say(q.lang, "member_not_listed", member=missing.what)
        if missing.kind == "compared":  # (as the asker wrote it: "Shanghai", not "shanghai")
            found = re.search(re.escape(missing.what), q.written, re.IGNORECASE)
            return say(q.lang, "compared_not_stated", other=found.group() if found else missing.what)
        if missing.kind == "year":
            if stated is None or not stated.years or not q.years - stated.years:
                return say(q.lang, "not_specified", figure=figure_name(q.lang, missing.what))
            sep = "、" if q.lang == "zh" else ", "
            asked, named = sep.join(sorted(q.years - stated.years)), sep.join(sorted(stated.years))
            return say(q.lang, "year_not_stated", asked=asked, stated=named)
        specific = next(s for s in q.specifics if s.id == missing.what)
        return say(q.lang, "specific_not_stated", thing=specific.name(q.lang))

    def _about_statement(self, q: Question, missing: Missing, stated: Stated) -> str:
        """What is not stated, said against the statement that is: its value, subject, condition or object."""
        lang = q.lang

        def party() -> dict[str, str]:
            return {"asker": say(lang, f"party_{missing.what}"), "subject": self.subject(lang, stated)}

        fills: dict[str, Callable[[], dict[str, str]]] = {
            "beyond": lambda: {"value": stated.statement.value(lang), "asked": _age_asked(lang, missing.what)},
            "below": lambda: {"given": missing.what, "condition": stated.statement.condition(lang)},
            "object": lambda: {"action": stated.statement.action(lang)},
            "condition": lambda: {"subject": self.subject(lang, stated)},
            "changed": lambda: {"condition": stated.statement.condition(lang)},
            "party": party,
            "party_support": party,  # (money, or another measure, the policy states for parties of another kind)
            "outside": dict,
            "other_business": dict,
            "employer": dict,
            "measure": lambda: {"subject": self.subject(lang, stated), "action": stated.statement.action(lang)},
        }
        if missing.kind in fills:
            return say(lang, f"{missing.kind}_not_stated", **fills[missing.kind]())
        if missing.kind == "occasion":
            occasion = "、".join(self.occasions[i].name(lang) for i in sorted(q.occasions))
            asked = self._counterpart(lang, stated, q.qualifiers) if q.qualifiers else say(lang, "asked_subject")
            figure = figure_name(lang, missing.what)
            return say(lang, "occasion_not_stated", figure=figure, occasion=occasion, asked=asked)
        # (the levels the question asks that the statement is not for: one of two asked, "…国家级和省级…")
        levels = frozenset(int(i) for i in missing.asked.split("|")) if missing.asked else q.qualifiers
        return say(
            lang,
            "subject_not_stated",
            figure=figure_name(lang, missing.what),
            asked=self._counterpart(lang, stated, levels),
            action=stated.statement.action(lang),
            subject=self.subject(lang, stated),
        )

    def _invented(self, q: Question, text: str) -> str:
        """`text`, after "I do not make up figures" when the question asked for one to be made up."""
        return joined(q.lang, say(q.lang, "invent"), text) if q.intent.invent else text

    def subject(self, lang: str, stated: Stated) -> str:
        subject = self.subjects.get(stated.statement.subject)
        return subject.name(lang) if subject else stated.statement.subject

    def _counterpart(self, lang: str, stated: Stated, asked: frozenset[int]) -> str:
        """The subject the question asks about instead of the statement's: the one of the same party
        whose name holds the qualifier asked (national_zone for provincial_zone), else one of any party
        (a county's pilot reward names the national level too); else a phrase."""
        named = [s for s in self.subjects.values() if asked and self.qualifiers.get(s.id) == asked]
        same_party = [s for s in named if s.party == stated.party]
        return (same_party or named)[0].name(lang) if named else say(lang, "asked_subject")

    def _figure(self, lang: str, q: Question) -> str:
        return figure_name(lang, q.figures[0].name if q.figures else "count")


def joined(lang: str, first: str, second: str) -> str:
    """Two sentences as one text: no space between Chinese ones."""
    return f"{first}{_SPACE['zh' if lang == 'zh' else 'en']}{second}"


def _age_asked(lang: str, what: str) -> str:
    """The age the asker gave ("68"), or the one they asked past (">65": "超过65", "over 65")."""
    if not what.startswith(">"):
        return what
    return f"超过{what[1:]}" if lang == "zh" else f"over {what[1:]}"
