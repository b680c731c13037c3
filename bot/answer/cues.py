"""Recognise what a question asks for from the cue lists in data/cues.yaml."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from bot.answer.authorities import AuthorityTable
from bot.answer.cuelist import (
    CueList,
    Directions,
    FigureKind,
    Implied,
    Occasion,
    QuestionParts,
    Specific,
    merged,
    words_of,
)
from bot.errors import BotError
from bot.text import han_count
from bot.yaml_text import load_yaml

if TYPE_CHECKING:
    from bot.corpus.glossary import Glossary


__all__ = [
    "CueConflict",
    "CueList",
    "Cues",
    "FigureKind",
    "Occasion",
    "QuestionParts",
    "Specific",
    "check_cues",
    "load_cues",
    "merged",
    "words_of",
]


class CueConflict(BotError):
    """Two cue lists, or a cue list and the glossary, disagree about a cue."""


@dataclass(frozen=True, slots=True)
class Cues:
    """All cue lists, loaded once."""

    contact: CueList
    other_contact: CueList
    responsible: CueList
    figures: tuple[FigureKind, ...]
    yes_no_zh: tuple[str, ...]
    question_markers_zh: tuple[str, ...]
    question_markers_en: CueList
    yes_no_en_start: frozenset[str]
    request_en: frozenset[str]  # "could you tell me …": a request, no yes or no
    figure_question: CueList
    other_cities: CueList
    partner_cities: CueList
    city_benefits: CueList
    cooperation: CueList
    relocation: CueList
    home_city: CueList
    invent: CueList
    promise: CueList
    guarantee: CueList
    injection: CueList
    current_state: CueList
    out_of_scope: CueList
    place_only: frozenset[str]
    function_words: frozenset[str]  # words that ask or refer, not name a thing ("能不能", "does")
    asking_words: re.Pattern[str]  # where a question's asking words end ("有没有", "可以", "is there", "can we")
    equivalents: Mapping[str, tuple[str, ...]]  # a question's word → the policy's words for it ("purchas" → "transfer")
    chit_chat: CueList
    about_assistant: CueList
    follow_zh_start: tuple[str, ...]
    follow_zh_end: tuple[str, ...]
    follow_zh_any: tuple[str, ...]
    follow_en_start: tuple[str, ...]
    follow_en_any: frozenset[str]
    follow_switch: tuple[str, ...]
    question_parts: QuestionParts
    exclusive_qualifiers: tuple[CueList, ...]
    occasions: tuple[Occasion, ...]
    becoming: re.Pattern[str]
    qualifier_floor: re.Pattern[str]
    task: CueList
    own_writing: CueList
    premise: CueList
    hearsay: CueList  # what the asker heard said (only a figure after it is claimed)
    override: CueList
    particulars: CueList
    listed_subject_common: tuple[str, ...]
    self_description: CueList  # the asker says who they are ("我是德国工程师", "Indian postdoc here")
    set_aside: CueList  # an alternative the question sets aside ("rather than through fixed posts")
    industries_asked: CueList  # a question clause asking of industries ("算不算重点产业", "is our sector favoured")
    non_enterprise_kinds: tuple[tuple[str, ...], ...]  # each kind under its names
    foreign_currency: CueList
    denies: CueList
    universal: CueList
    still_applies: CueList  # asks whether a measure still holds in the asker's changed case
    chooses: CueList  # sets the asker's case beside the stated one and asks which it holds for
    local_level: tuple[str, ...]  # names of the local level of government ("所在地", "县区")
    authorities: AuthorityTable
    subject_asked: CueList
    quantity: CueList
    benefit_asked: CueList
    reveal: CueList
    funding_answers: frozenset[str]  # forms of money a statement of funding answers
    outside_zone: CueList
    becoming_zone: CueList  # the asker's park is to become a zone ("准备申报省级高新区"): not outside what it asks
    implied: tuple[Implied, ...]  # descriptions of the asker that imply what it is not or lacks
    colloquial: tuple[tuple[re.Pattern[str], str], ...]  # chat forms read as written ones ("啥" → "什么", "r" → "are")
    other_business: CueList
    fee_named: CueList  # a fee or price named in a yes/no question ("is there a fee for the R visa?")
    other_charge: CueList  # a charge besides a land price ("城市基础设施配套费", "stamp duty")
    directions: Directions  # words of opposite directions ("提高"/"降低"), put up of the policy
    listing_equivalents: dict[str, tuple[str, ...]]  # what "which …?" asks the members of, in the policy's words
    tech_enterprise_words: tuple[str, ...]
    institution_words: tuple[str, ...]  # kinds of institution a statement's action may be for (新型研发机构)
    non_enterprise_employer: CueList
    later_years: CueList  # asks beyond a year or further ahead ("更长远的呢？")
    procedure: CueList  # asks how to apply for or claim something ("首购首用咋申请", "how do we apply")
    exact: CueList  # asks for something exactly ("具体", "exactly")
    gap: CueList  # asks how far the asker's own figure is from a target ("离目标还差多少")
    rank_asked: CueList  # asks a place in a ranking ("排第几", "where does it rank")
    counted: CueList  # asks how many of something there are ("几个", "how many")
    issuing: CueList  # words of issuing or approving something ("签发", "approve")
    issue_date: CueList  # asks when the policy itself was issued ("这个政策是哪天发布的")
    about_document: CueList  # asks what the document itself is ("这个文件全称叫啥?主要讲什么的")
    target_years: CueList  # asks which years the targets are set for ("分哪几个年份")
    access: CueList  # asks how to get or use something: apply, eligibility, rent, how long one may stay
    enterprise_words: tuple[str, ...]
    comparison: tuple[re.Pattern[str], ...]
    compared_with: tuple[re.Pattern[str], ...]  # what a question compares with, as its group "other"
    zone_words: tuple[str, ...]
    benefit: CueList  # every form of money given to the asker
    benefit_forms: dict[str, CueList]  # … by form (money: any form)
    parties: dict[str, CueList]
    money_askers: dict[str, CueList]  # what the asker says it is, asking money for itself ("链主企业", "my shop")
    grantee_self: CueList  # the asker speaks for a zone, a county or its government ("我们高新区", "our county")
    recipients: dict[str, CueList]
    specifics: tuple[Specific, ...]


def check_cues(cues: Cues, glossary: Glossary) -> tuple[str, ...]:
    """Check the cue lists against each other and the glossary; returns the glossary forms that shield
    an out-of-scope cue inside them ("food processing" holds "food": the policy's 现代农业).

    Raises CueConflict naming the cues when an out-of-scope cue is itself a glossary form, a figure
    cue or a specific: each names something the policy is near, and out of scope is checked first.
    """
    out_of_scope = {*cues.out_of_scope.zh, *cues.out_of_scope.en}
    forms = {f.lower() for term in glossary.terms for f in (*term.zh_forms, term.en, *term.en_aliases)}
    near = {c for kind in cues.figures for c in (*kind.cues.zh, *kind.cues.en, *kind.topic.zh, *kind.topic.en)}
    near |= {c for specific in cues.specifics for c in (*specific.cues.zh, *specific.cues.en)}
    if clash := sorted(out_of_scope & (forms | near)):
        raise CueConflict(f"cues.yaml: out_of_scope cues that name what the policy is near: {', '.join(clash)}")
    longer = (f for f in forms - out_of_scope if len(words_of(f)) > 1 or (han_count(f) > 2 and not f.isascii()))
    return tuple(sorted(f for f in longer if cues.out_of_scope.found(f, words_of(f))))


def _bilingual(names: object, where: str) -> tuple[str, str]:
    """A name in Chinese and English ({zh: …, en: …}); a comma left unquoted in a YAML flow mapping splits the
    English name into a key of its own, which fails here, naming the entry."""
    if not isinstance(names, dict) or set(names) != {"zh", "en"} or not all(names.values()):
        raise ValueError(f"cues.yaml {where}: the name must be exactly {{zh: …, en: …}}, got {names!r}")
    return str(names["zh"]), str(names["en"])


def _cue_list(data: dict[str, Any]) -> CueList:
    return CueList(
        tuple(str(c).lower() for c in data.get("zh", [])),
        tuple(str(c).lower() for c in data.get("en", [])),
        tuple(re.compile(p, re.IGNORECASE) for p in data.get("patterns", [])),
    )


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read data/cues.yaml."""
    data = load_yaml(resources.files("bot.data").joinpath("cues.yaml").read_text(encoding="utf-8"))
    follow = data["follow_up"]
    return Cues(
        contact=_cue_list(data["contact"]),
        other_contact=_cue_list(data["other_contact"]),
        responsible=_cue_list(data["responsible"]),
        figures=tuple(
            FigureKind(
                name,
                _cue_list(spec),
                re.compile(spec["clause"], re.IGNORECASE),
                spec.get("statement"),
                tuple(spec.get("replaces", ())),
                _cue_list(spec.get("topic", {})),
                re.compile(spec["written"], re.IGNORECASE) if spec.get("written") else None,
                bool(spec.get("alone", False)),
            )
            for name, spec in data["figures"].items()
        ),
        yes_no_zh=tuple(data["yes_no"]["zh"]),
        question_markers_zh=tuple(data["question_markers_zh"]),
        question_markers_en=CueList((), tuple(str(c).lower() for c in data["question_markers_en"])),
        yes_no_en_start=frozenset(data["yes_no"]["en_start"]),
        request_en=frozenset(data["yes_no"]["request_en"]),
        figure_question=_cue_list(data["figure_question"]),
        other_cities=_cue_list(data["other_cities"]),
        partner_cities=_cue_list(data["partner_cities"]),
        city_benefits=_cue_list(data["city_benefits"]),
        cooperation=_cue_list(data["cooperation"]),
        relocation=_cue_list(data["relocation"]),
        home_city=_cue_list(data["home_city"]),
        invent=_cue_list(data["invent"]),
        promise=_cue_list(data["promise"]),
        guarantee=_cue_list(data["guarantee"]),
        injection=_cue_list(data["injection"]),
        current_state=_cue_list(data["current_state"]),
        out_of_scope=_cue_list(data["out_of_scope"]),
        place_only=frozenset(data["place_only"]),
        function_words=frozenset(data["function_words"]["zh"]) | frozenset(data["function_words"]["en"]),
        asking_words=re.compile(
            "|".join(map(re.escape, data["asking_words"]["zh"])) + "|" + data["asking_words"]["en"], re.IGNORECASE
        ),
        equivalents={
            str(word): tuple(map(str, policy))
            for lang in ("zh", "en")
            for word, policy in data["equivalents"][lang].items()
        },
        chit_chat=_cue_list(data["chit_chat"]),
        about_assistant=_cue_list(data["about_assistant"]),
        follow_zh_start=tuple(follow["zh_start"]),
        follow_zh_end=tuple(follow["zh_end"]),
        follow_zh_any=tuple(follow["zh_any"]),
        follow_en_start=tuple(follow["en_start"]),
        follow_en_any=frozenset(follow["en_any"]),
        follow_switch=tuple(str(c).lower() for c in follow["switch"]),
        question_parts=QuestionParts(
            breaks={lang: re.compile(data["question_parts"][lang], re.IGNORECASE) for lang in ("zh", "en")},
            min_zh_chars=int(data["question_parts"]["min_zh_chars"]),
            min_en_words=int(data["question_parts"]["min_en_words"]),
            short_asked=int(data["question_parts"]["short_asked"]),
            max_parts=int(data["question_parts"]["max_parts"]),
            markers_zh=tuple(data["question_markers_zh"]) + tuple(data["question_parts"]["spoken_zh"]),
            sentences_en=re.compile(data["question_parts"]["sentences_en"]),
        ),
        exclusive_qualifiers=tuple(_cue_list(group) for group in data["exclusive_qualifiers"]),
        occasions=tuple(Occasion(*_bilingual(o["name"], "occasions"), _cue_list(o)) for o in data["occasions"]),
        becoming=re.compile(data["becoming"], re.IGNORECASE),
        qualifier_floor=re.compile(data["qualifier_floor"], re.IGNORECASE),
        task=_cue_list(data["task"]),
        own_writing=_cue_list(data["own_writing"]),
        premise=_cue_list(data["premise"]),
        hearsay=_cue_list(data["hearsay"]),
        override=_cue_list(data["override"]),
        particulars=_cue_list(data["particulars"]),
        listed_subject_common=tuple(str(w) for w in data["listed_subject_common"]),
        self_description=_cue_list(data["self_description"]),
        set_aside=_cue_list(data["set_aside"]),
        industries_asked=_cue_list(data["industries_asked"]),
        non_enterprise_kinds=tuple(tuple(str(k).lower() for k in group) for group in data["non_enterprise_kinds"]),
        foreign_currency=_cue_list(data["foreign_currency"]),
        denies=_cue_list(data["denies"]),
        universal=_cue_list(data["universal"]),
        still_applies=_cue_list(data["still_applies"]),
        chooses=_cue_list(data["chooses"]),
        local_level=tuple(str(w) for w in data["local_level"]),
        authorities=AuthorityTable.from_data(data["authorities"]),
        subject_asked=_cue_list(data["subject_asked"]),
        quantity=_cue_list(data["quantity"]),
        benefit_asked=_cue_list(data["benefit_asked"]),
        reveal=_cue_list(data["reveal"]),
        funding_answers=frozenset(data["benefit_funding_answers"]),
        outside_zone=_cue_list(data["outside_zone"]),
        becoming_zone=_cue_list(data["becoming_zone"]),
        implied=tuple(
            Implied(
                _cue_list(spec),
                frozenset(spec.get("not_cases", ())),
                frozenset(spec.get("lacks", ())),
                frozenset(spec.get("not_whom", ())),
            )
            for spec in data["implied"]
        ),
        colloquial=tuple((re.compile(p, re.IGNORECASE), str(r)) for p, r in data["colloquial"]),
        other_business=_cue_list(data["other_business"]),
        fee_named=_cue_list(data["fee_named"]),
        other_charge=_cue_list(data["other_charge"]),
        listing_equivalents={k: tuple(v) for k, v in data["listing_equivalents"].items()},
        directions=Directions(
            tuple(
                (tuple(map(str.lower, p["zh"][0] + p["en"][0])), tuple(map(str.lower, p["zh"][1] + p["en"][1])))
                for p in data["directions"]
            ),
            re.compile(data["direction_said"], re.IGNORECASE),
        ),
        tech_enterprise_words=tuple(data["tech_enterprise_words"]),
        institution_words=tuple(data["institution_words"]),
        non_enterprise_employer=_cue_list(data["non_enterprise_employer"]),
        access=_cue_list(data["access"]),
        exact=_cue_list(data["exact"]),
        gap=_cue_list(data["gap"]),
        rank_asked=_cue_list(data["rank_asked"]),
        counted=_cue_list(data["counted"]),
        issuing=_cue_list(data["issuing"]),
        issue_date=_cue_list(data["issue_date"]),
        about_document=_cue_list(data["about_document"]),
        target_years=_cue_list(data["target_years"]),
        later_years=_cue_list(data["later_years"]),
        procedure=_cue_list(data["procedure"]),
        enterprise_words=tuple(data["enterprise_words"]),
        comparison=tuple(re.compile(p, re.IGNORECASE) for p in data["comparison"]),
        compared_with=tuple(re.compile(p, re.IGNORECASE) for p in data["compared_with"]),
        zone_words=tuple(data["zone_words"]),
        benefit=merged(*(_cue_list(spec) for spec in data["benefit"].values())),
        benefit_forms={name: _cue_list(spec) for name, spec in data["benefit"].items()},
        parties={name: _cue_list(spec) for name, spec in data["parties"].items()},
        money_askers={name: _cue_list(spec) for name, spec in data["money_askers"].items()},
        grantee_self=_cue_list(data["grantee_self"]),
        recipients={name: _cue_list(spec) for name, spec in data["recipients"].items()},
        specifics=tuple(
            Specific(
                name,
                *_bilingual(spec["name"], f"specifics.{name}"),
                _cue_list(spec),
                bool(spec.get("aspect")),
                bool(spec.get("person")),
                bool(spec.get("situation")),
                bool(spec.get("person") or spec.get("holder")),
                bool(spec.get("identity")),
                bool(spec.get("document")),
                re.compile(spec["stated_by"], re.IGNORECASE) if spec.get("stated_by") else None,
                tuple(_cue_list(group) for group in spec.get("served_by", ())),
                bool(spec.get("body")),
                bool(spec.get("industry")),
            )
            for name, spec in data["specifics"].items()
        ),
    )
