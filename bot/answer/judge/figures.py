"""Rules on what is asked for: a figure, money, a specific thing, a year; and the answer when none objects."""

from __future__ import annotations

import re

from bot.answer.authorities import other_authorities
from bot.answer.cuelist import Specific
from bot.answer.cues import FigureKind, words_of
from bot.answer.figures import stated_figures
from bot.answer.grams import grams, says_none
from bot.answer.judge.asker import party, unmet
from bot.answer.judge.model import (
    FIGURE_OF,
    FIRST_TARGET_YEAR,
    PERMISSIVE,
    PROVIDERS,
    RULE_KINDS,
    TARGET_KINDS,
    ClauseEvidence,
    Evidence,
    Judgement,
    Missing,
    Outcome,
    Stated,
    Thresholds,
)
from bot.answer.judge.pieces import (
    actions_text,
    answering_clauses,
    clause_holds,
    compatible_statements,
    contradicts,
    extends_to_another,
    figure_lead,
    first_statement,
    granted_to_other,
    levels_agree,
    listed_clause,
    named_level,
    names_subject,
    other_object,
    statement_kinds,
    subject_gap,
    thing_words,
    true_premises,
    word_stems,
)
from bot.answer.question import FIRST_PERSON, Attributed, Question


def never_stated(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A kind of figure no statement holds (a fee, deadline, processing time, documents, criteria …), asked
    for, or asked about in a yes/no question whose best clause does not name it ("is there a fee for the
    R visa?"; not "do we owe more land price?", which the clause on land price answers)."""
    top = e.top
    unstated = [
        k
        for k in q.figures
        if k.statement is None
        and not clause_holds(top, k)
        and not (k.written is not None and top is not None and k.written.search(top.text))  # "按照…比例"
        and not _named_by_clause(q, top, k)
        and not (k.name == "criteria" and _meets_target(q, top))
        and not (k.name == "deadline" and _dated_target(q, top))
        and not (k.name == "documents" and _applied_with(q, top))
    ]
    # "不用补缴土地价款吧？": the clause says none is charged ("不再增收土地价款"); a price per mu is still asked
    # (not a time: "什么时候开始执行?之前补交的能退吗" still asks a date)
    charged = bool(unstated) and not any(k.name in ("deadline", "processing_time") for k in unstated)
    if charged and e.top is not None and _says_not_charged(q, e.top) and not _PER_UNIT.search(q.normalized):
        return None
    # (a charge other than the one the clause names: "不增收土地价款,那城市基础设施配套费也一起免吗?")
    if not unstated and (q.intent.yes_no or q.tagged) and q.named_unstated is not None and e.top is not None:
        named = e.top.mentions(q.named_unstated.cues) and not q.intent.other_charge
        named = named or (q.named_unstated.name == "deadline" and _dated_target(q, e.top))  # "…, right?" of its year
        unstated = [q.named_unstated] if not named else []
    also = [k for k in q.figures if k.statement not in (None, "any", "value") and not k.clause.search(q.given)]
    # … what the question word asks decides ("What documents … to get my age limit relaxed?" asks no age)
    if unstated and (any(k.name in q.headed for k in unstated) or figure_lead(q, e, also) is None):
        return Judgement(Outcome.NOT_STATED, "never_stated", lead=e.top, missing=Missing("figure", unstated[0].name))
    return None


def _meets_target(q: Question, clause: ClauseEvidence | None) -> bool:
    """What a target asks to be reached ("…要达到多少才算完成目标?"): the clause's target is the threshold asked."""
    return (
        clause is not None
        and bool(_TARGET_WORD.search(q.normalized))
        and any(s.years or s.kind in TARGET_KINDS for s in clause.stated)
    )


def _applied_with(q: Question, clause: ClauseEvidence | None) -> bool:
    """What one applies with ("要凭什么材料?", "with what document?"), asked of a clause naming it ("可凭…确认函")."""
    return clause is not None and bool(_BY_WHAT.search(q.normalized)) and bool(_HELD_BY.search(clause.text))


_BY_WHAT = re.compile(r"凭(借)?(什么|啥|哪些|哪个|哪种)|\bwith what\b|\bon the (basis|strength) of what\b")
_HELD_BY = re.compile(r"凭\S{1,24}(函|证|书)|\bwith an? [\w\s-]{0,60}(letter|certificate|card)\b", re.IGNORECASE)


def _dated_target(q: Question, clause: ClauseEvidence | None) -> bool:
    """The deadline of a target whose figure the question quotes ("the deadline for the 7% target?", "2030 as the
    deadline for the 80% share, right?"): the target's own year answers it, not a deadline the policy never sets."""
    return clause is not None and any(s.years and q.stated & s.figures for s in clause.stated)


def _named_by_clause(q: Question, clause: ClauseEvidence | None, kind: FigureKind) -> bool:
    """The kind is asked by a word the clause itself has, and not exactly ("which indicators get more weight?":
    the clause raises the weighting of innovation indicators; not "exactly what weight do they carry?")."""
    if clause is None or q.exact or q.quantity or _PER_UNIT.search(q.normalized):
        return False
    return kind.cues.found_in_both(q.normalized, words_of(q.normalized), clause.text, clause.words)


#: having got something already ("已经拿到过", "have received", "have been named")
_GOT = re.compile(
    r"(已经|已)\S{0,8}(拿到|获得|领到|得到|评上|列入|获批)"
    r"|\b(have|has) (already )?(received|got|gotten|won|obtained"
    r"|been (named|awarded|given|granted|selected|rewarded))\b"
)
#: who a measure is for, named in a "which …" question: the policy names none that has got it
_RECIPIENTS = frozenset(
    {"县区", "区县", "县", "企业", "公司", "园区", "高新区", "counties", "county", "districts", "zones", "parks"}
    | {"companies", "firms", "enterprises", "institutions"}
)


def current_state(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """How things stand now, asked of a target: the policy sets targets, it reports no results."""
    top = e.top
    target = top is not None and any(s.years or s.kind in TARGET_KINDS for s in top.stated)
    # … or how many of a measure's results there are, or which ("已经建了几个了", "现在具体有哪些"): the policy
    # supports building them, it counts and names none
    # … or which of those it names have got something ("哪些县区已经拿到过…奖励了?"): it names none
    results = q.counted or q.particulars
    named = bool(q.listing & _RECIPIENTS) and _GOT.search(q.normalized) is not None
    if not (
        q.intent.current_state
        and (q.figures or q.intent.yes_no or q.quantity or q.rank_asked or target or results or named)
    ):
        return None
    if q.gap and q.unheld:  # "我们现在大概4%,离2025年的目标还差多少?": where they stand is theirs, the target answers
        return None
    found = figure_lead(q, e, statement_kinds(q)) if q.figures else None
    if found is not None and found[1].kind in RULE_KINDS and not named:
        return None  # "what is the age limit at the moment?" asks a rule that holds now, not a result
    return Judgement(Outcome.NOT_STATED, "current_state", lead=e.top, missing=Missing("current_state"))


def specifics(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A specific thing the policy never states (family members, a tax type …) that the clause does not name;
    not when the asker asks to have a figure made up ("just make up a number: how big is the rent subsidy?"):
    that request is declined as such."""
    if q.intent.invent:
        return None
    top = e.top
    # a follow-up ("这笔钱可以用在哪？" after the ranking reward) names too little to pick the clause: what any clause
    # of the best article writes out ("用于园区服务能力建设支出") is stated there
    article = [c for c in e.candidates if c.article == top.article] if q.follow_up and top is not None else []
    named = [s for s in q.specifics if top is None or not (_clause_states(q, top, s) or _written_out(s, article))]
    # a family member or partner the question says holds what the statement's subject holds ("我老公…有永久居留
    # 身份证，他能…？") is asked about as that subject; not the spouse of one ("外籍高层次人才的配偶能…？")
    if q.held and top is not None and any(other_object(q.held, s.subject_terms) for s in top.stated):
        named = [s for s in named if not s.holder or s.id in q.specifics_asked]
    # a partner or colleague the question says is a foreign national ("合伙人是新加坡籍") is asked about as the foreign
    # talent a statement names, not as someone beside them
    foreign = top is not None and any(s.statement.subject in _FOREIGN for s in top.stated)
    if foreign and _FOREIGN_HOLDER.search(q.normalized) and _SUBJECT_NAMED.search(q.normalized):
        named = [s for s in named if not s.holder]
    if q.party and top is not None and any(s.gives_money for s in top.stated):
        named = [s for s in named if not s.body]  # a body asking for money: whose money it is, `party` says
    # a thing named only where the asker tells what they mean to do ("想在高新区注册个公司做转化,政策支持科研人员带
    # 成果创业吗?"), before question clauses that ask what the clause itself states, is the scene, not what is asked
    if top is not None and _asks_the_clause(q, top):
        rest = _PLANS.sub(" ", q.normalized)
        told = [s for s in named if not (s.person or s.situation or s.identity or s.industry or s.body)]
        told = [s for s in told if s.id not in q.specifics_asked and not s.cues.found(rest, words_of(rest))]
        # … and an industry said of others, not the asker's own ("化工企业最怕环保出事,高新区在园区环境监测、预警这块
        # 有什么安排?")
        others = [s for s in named if s.industry and s.id not in q.specifics_asked]
        said_of_others = not (FIRST_PERSON.search(q.normalized) or q.intent.yes_no or q.benefit or q.modal)
        told += others if said_of_others else []
        named = [s for s in named if s not in told]
    if not named:
        return None
    if all(s.aspect for s in named) and contradicted(q, e, t) is not None:
        return None  # "能拿200万元奖励，是一次性发放吗？": the wrong figure of the reward is corrected first
    if all(s.aspect for s in named) and (put_up := party(q, e, t)) and put_up.outcome is Outcome.CORRECTED:
        return put_up  # "我公司…政策说能拿100万奖励 啥时候到账": the 100万元 is no company's, said first
    if q.lacks and (lacking := unmet(q, e, t)) is not None and lacking.outcome is Outcome.CORRECTED:
        return lacking  # "any foreigner with a work visa can be legal rep, correct?": the card it takes, said first
    return Judgement(
        Outcome.NOT_STATED,
        "specific",
        lead=top,
        statement=first_statement(top),
        missing=Missing("specific", named[0].id),
    )


#: the subjects a statement names that are foreign persons
_FOREIGN = frozenset({"foreign_talent", "overseas_talent", "pr_foreign_talent"})
#: a partner, shareholder or colleague said to be of a foreign nationality ("合伙人是新加坡籍", "our co-founder is a
#: German citizen"); not only called foreign ("我们的外方股东能不能当…法定代表人?" names no one the clause names)
_FOREIGN_HOLDER = re.compile(
    r"(合伙人|股东|同事|朋友)\S{0,4}是(?!\S{0,4}(中国|香港|澳门|台湾|大陆|内地))\S{1,6}籍"
    r"|\b(co-?founder|partner|shareholder|colleague)s? (is|are|who is|who are) (an? )?"
    r"(?!(chinese|hong kong|macao|macau|taiwanese)\b)\w+ (citizen|national)s?\b"
)
#: … and said to be what the clause names (recognised as foreign high-level talent, holding permanent residence)
_SUBJECT_NAMED = re.compile(
    r"认定为?\S{0,4}(外籍|高层次|高端)|高层次人才|高端人才|急需紧缺|永久居留"
    r"|\b(high-level|high-end|urgently needed) talent\b|\bpermanent residen"
)


#: where the asker tells what they plan to do ("想自己出来在高新区注册个公司做转化,", "we plan to set up a WFOE and")
_PLANS = re.compile(
    r"(想(?!了解|咨询|问|知道|确认|请教)|打算|准备|计划|正打算)[^,，。;；?？!！]{0,20}"
    r"(注册|成立|设立|开设|新建|搬|落户|投资|拿地|买地|租)[^,，。;；?？!！]{0,20}[,，。;；]"
    r"|\b(we|i)('re| are|'m| am)? (plan|planning|want|intend|going|'d like|would like) to "
    r"(set up|register|incorporate|open|build|move|relocate|invest|buy|lease)\b[^,.;?!]{0,80}[,.;]"
)


def _asks_the_clause(q: Question, clause: ClauseEvidence) -> bool:
    """The question clauses share two word pairs with what one of the clause's statements does ("政策支持科研人员带
    成果创业吗?" and "携带科技成果在高新区内创新创业")."""
    return any(len(q.asked_grams & grams(actions_text(s), pairs=True)) >= 2 for s in clause.stated)


def _written_out(s: Specific, clauses: list[ClauseEvidence]) -> bool:
    """One of `clauses` writes out what the specific asks ("用于园区服务能力建设支出" for what the money is for)."""
    return s.stated_by is not None and any(s.stated_by.search(c.text) for c in clauses)


def _clause_states(q: Question, clause: ClauseEvidence, s: Specific) -> bool:
    """The clause names the specific thing, states it (a level: "省级以上实验室"), or provides for everyone what the
    question asks for the person it names (schools and hospitals for an employee's children)."""
    if clause.mentions(s.cues) or (s.stated_by is not None and s.stated_by.search(clause.text)):
        return True
    return s.served(q.normalized, words_of(q.normalized), clause.text, clause.words)


def measure_only(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """How to get or use something (to apply, who is eligible, the rent) that the best article only names as
    what the zones or the government will build or improve ("完善人才公寓等生活配套"): the policy says who
    provides it, not who may use it or how. The thing is the statement of the best article's clauses whose
    action shares most of the question's words (two at least, none that every subject shares: 人才, talent);
    the asker is not its subject ("our park wants to apply to become a provincial park": the parks apply
    themselves)."""
    if not q.access or e.top is None:
        return None
    asked = q.word_grams
    asked_stems = word_stems(asked)

    def shared(s: Stated) -> int:
        return len(word_stems(s.action_marks) & asked_stems)

    scored = [(shared(s), c, s) for c in e.article_clauses(0) for s in c.stated]
    best = max((n for n, _, _ in scored), default=0)
    named = [(c, s) for n, c, s in scored if n == best]
    if best >= 2 and all(_provided(s) and not _asker_is_subject(q, s, asked) for _, s in named):
        clause, stated = named[0]
        return Judgement(Outcome.NOT_STATED, "measure_only", lead=clause, statement=stated, missing=Missing("measure"))
    return None


def _asker_is_subject(q: Question, stated: Stated, asked: frozenset[str]) -> bool:
    """The question names the statement's own subject ("we are an industrial park" of what parks may do), or
    the statement is itself about applying ("加快申报建设自贸试验区联动创新发展区")."""
    return stated.becoming or stated.applies or bool(word_stems(stated.subject_marks) & word_stems(asked))


def _provided(stated: Stated) -> bool:
    """A measure the zones or the government carry out, which gives no one money or leave."""
    return stated.party in PROVIDERS and stated.kind in ("goal", "support") and not stated.statement.funding


def figure(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A figure asked for: answered by a statement of that kind about whom it is asked, else not stated."""
    kinds = statement_kinds(q)
    if not kinds:
        # "just guess a number": the policy holds no figure it does not state (not a permission to invent that
        # instructions aimed at the assistant give, beside a question asking no figure)
        if q.intent.invent and not q.override:
            return Judgement(Outcome.NOT_STATED, "invent", lead=e.top, missing=Missing("claim"))
        return None
    found = figure_lead(q, e, kinds, guess=q.intent.invent)
    if q.later and found is not None and any(k.statement == "target_year" for k in kinds):
        found = _latest_year(e) or found  # "远期目标定到哪一年?": the article's latest year, not the first
    if found is not None:
        return _stated_figure(q, *_for_level(q, *found, kinds), true_premises(q, e.candidates))
    other = figure_lead(q, e, kinds, any_subject=True)
    if other is not None and (q.qualifiers or q.occasions):
        return _other_level(q, e, other, kinds)
    return Judgement(Outcome.NOT_STATED, "figure_absent", lead=e.top, missing=Missing("figure", kinds[0].name))


def level_left_out(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """Money asked of two zone levels on one occasion, where the policy states it for some only ("新认定的国家级
    和省级高新区分别奖励多少？", "How much more does a newly recognised national zone get than a provincial one?"):
    what it does not state for the others is said, the figure it states quoted beside it."""
    # (the occasions are those of the zones' rewards: what a level "gets" on one is money, asked as such or not)
    money = q.benefit or any(k.statement == "amount" for k in q.figures) or bool(_GETS.search(q.normalized))
    if len(q.qualifiers) < 2 or not q.occasions or not money or any(k.statement != "amount" for k in q.figures):
        return None
    found = next(
        (
            (c, s)
            for c in e.candidates
            for s in c.stated
            if s.kind == "amount" and s.qualifiers & q.qualifiers and s.occasions & q.occasions
        ),
        None,
    )
    if found is None:
        return None
    lead, stated = found
    # the levels the lead's article states that money for on the occasions asked
    same = [s for c in e.candidates if c.article == lead.article for s in c.stated if s.kind == stated.kind]
    same = [s for s in same if levels_agree(q.occasions, s.occasions)]
    if any(not s.qualifiers for s in same):
        return None  # stated for every level
    held = {level for s in same for level in s.qualifiers}
    left = sorted(q.qualifiers - held)
    if not left:
        return None
    missing = Missing("subject", FIGURE_OF.get(stated.kind, "measure"), "|".join(map(str, left)))
    return Judgement(Outcome.NOT_STATED, "level_left_out", lead, stated, missing)


#: what a zone level is asked to get on an occasion, or how two levels' money compares (not its use, not priority)
_GETS = re.compile(
    r"\b(gets?|receives?|awarded|paid)\b(?!\s+(priority|preference|support for|help))"
    r"|拿|获得|得到|奖励?(多少|什么)|给多少|区别|差别|不一样|多多少|差多少|\bdifference\b|\bhow much more\b"
)


def _for_level(
    q: Question, lead: ClauseEvidence, stated: Stated, kinds: list[FigureKind]
) -> tuple[ClauseEvidence, Stated]:
    """Of the kinds asked, the figure the clause states apart for the level the question names, when the one
    found is not ("省级高新区排名进位奖50万还是100万？要前进几位？": the provincial zones' 50万元 leads, not the 3
    places both levels share, which would quote the national zones' 100万元 beside it)."""
    if not q.qualifiers or stated.qualifiers:
        return lead, stated
    wanted = {k.statement for k in kinds} - {stated.kind}
    for other in lead.stated:
        if other.kind in wanted and other.qualifiers & q.qualifiers:
            return lead, other
    return lead, stated


def _stated_figure(q: Question, lead: ClauseEvidence, stated: Stated, true: frozenset[str]) -> Judgement:
    """The figure found: for another party than the asker's (a zone's reward asked by a company) it is
    not theirs, unless it is no money and the question names the level it is for ("for the national zone
    specifically, what share of output…?" asks of the zone); one the question contradicts is corrected; else
    it answers."""
    of_level = (
        stated.kind != "amount"
        and not stated.statement.funding
        and bool(stated.qualifiers & q.qualifiers)
        and not q.party_asks
    )
    if _unfunded(q, lead):  # "外籍人才能免费住几年？": not the R visa's 10 years
        return Judgement(Outcome.NOT_STATED, "benefit", lead, stated, Missing("benefit"))
    if _target_for_money(q, lead, stated):  # "R&D subsidies, at what percentage?": not the zones' 7% target
        return Judgement(Outcome.NOT_STATED, "benefit", lead, stated, Missing("benefit"))
    if granted_to_other(q, stated) and not of_level:
        return Judgement(Outcome.NOT_STATED, "party", lead, stated, Missing("party", q.party))
    if contradicts(q, stated, lead, true=true) and not (q.gap and q.unheld):
        return Judgement(Outcome.CORRECTED, "figure_contradicted", lead, stated, Missing("value"))
    return Judgement(Outcome.ANSWERED, "figure", lead=lead, statement=stated)


def _unfunded(q: Question, lead: ClauseEvidence) -> bool:
    """A figure asked of a form of money (a waiver, a subsidy) that the question names, found in a clause
    that gives no money at all: the figure is of something else."""
    return q.benefit and q.benefit_form and not q.stated and not any(s.gives_money for s in lead.stated)


def _target_for_money(q: Question, lead: ClauseEvidence, stated: Stated) -> bool:
    """A figure asked of money (a subsidy's percentage, a reward's count) found as a target a zone is to
    reach, in a clause that gives no money: the figure is of something else."""
    return q.benefit and not q.stated and stated.kind in TARGET_KINDS and not any(s.gives_money for s in lead.stated)


def _other_level(q: Question, e: Evidence, other: tuple[ClauseEvidence, Stated], kinds: list[FigureKind]) -> Judgement:
    """The figure is stated, for another level than the one asked: a premise to correct when the
    question asserts it, else not stated ("新认定的国家级高新区奖励多少？": the 100万元 is the provincial zones').
    Unless another clause of the best article states it for the very level asked ("…a county park newly
    recognised as a provincial zone?": the best clause is the counties' pilot reward)."""
    if named := named_level(q, e, {k.statement for k in kinds}):
        return Judgement(Outcome.ANSWERED, "figure", lead=named[0], statement=named[1])
    kind = kinds[0]
    # put up for confirmation, or given as what the level asked gets ("Since newly recognized national zones get
    # a RMB 1 million bonus, what must they spend it on?"): a premise to correct
    # …unless the question gives the figure to the statement's own level ("省级都有100万，国家级应该更多吧"), or
    # puts up no figure at all ("省级的都有奖励,国家级总不能更少吧": the policy is silent on it, not contradicting it)
    own = any(a.level in other[1].qualifiers and a.figure in other[1].figures for a in q.attributed)
    # … or says the level asked has it too ("…gets RMB 1 million as well, right?": not stated for that level)
    if ((q.confirms and q.stated) or q.premised & other[1].figures) and not own and not extends_to_another(q):
        return Judgement(Outcome.CORRECTED, "figure_other_subject", other[0], other[1], Missing("value"))
    gap = subject_gap(q, other[1], kind.name)
    return Judgement(Outcome.NOT_STATED, "figure_other_subject", other[0], other[1], gap)


# a price per unit of land or floor space ("地价每亩多少", "land price per mu"): a rate the policy never sets
_TARGET_WORD = re.compile(r"目标|\btargets?\b|\bgoals?\b")
_PER_UNIT = re.compile(r"每亩|一亩|每平|\bper (mu|square|sqm|hectare|acre)\b")
# a yes/no question that asks either way ("是否需要补缴？"): it puts up no charge to correct
_NEUTRAL = re.compile(r"是否|需不需要|要不要|用不用|会不会|\bwhether\b|\bdo (we|i|they) (have|need) to\b")


def _says_not_charged(q: Question, clause: ClauseEvidence, asserted: frozenset[str] | None = None) -> bool:
    """The clause says that the charge the question names (in `asserted`, its word grams) is not made
    ("不再增收土地价款")."""
    asserted = q.word_grams if asserted is None else asserted
    return any(len(s.denied & asserted) >= 2 or any(" " in w for w in s.denied & asserted) for s in clause.stated)


def _stated_before_asked(normalized: str) -> str:
    """What a question states before the sentence that asks ("…,要按新增面积补缴土地价款,补缴标准是多少?" →
    "…,要按新增面积补缴土地价款")."""
    sentences = [s for s in _CLAUSES.split(normalized.strip().rstrip("?？ ")) if s.strip()]
    return " ".join(sentences[:-1])


_MONEY_WRITTEN = re.compile(r"\d\s*(万|亿|千)?\s*(元|块)|[万亿]元|\b(rmb|yuan|cny)\b|\bmillion\b", re.IGNORECASE)
_CLAUSES = re.compile(r"[,，;；。!！?？]|[.](?=\s)")


def _charge_put_up(q: Question, top: ClauseEvidence) -> bool:
    """The question puts up a charge the clause says is not made ("不再增收土地价款"): to be confirmed, or stated
    before asking how much it is ("…,要按新增面积补缴土地价款,补缴标准是多少?": the charge is the question's premise;
    not "…,土地价款怎么算?", which asks whether there is one, nor a price per mu). Only a clause denying a charge is
    read for it."""
    if not any(s.denied for s in top.stated):
        return False
    if _NEUTRAL.search(q.normalized) or says_none(q.normalized):
        return False
    if q.confirms:
        return _says_not_charged(q, top)
    premise = _stated_before_asked(q.normalized)
    if not (q.figures and premise) or q.intent.yes_no or _PER_UNIT.search(q.normalized):
        return False
    return _says_not_charged(q, top, grams(premise, pairs=True))


def contradicted(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A figure the question asserts (to be confirmed) that the best clause states otherwise; or a charge it
    asserts ("按政策要补缴土地价款吧？") where the clause says none is made ("不再增收土地价款")."""
    top = e.top
    if top is not None and _charge_put_up(q, top):
        stated = next(s for s in top.stated if s.denied)
        return Judgement(Outcome.CORRECTED, "contradicted", lead=top, statement=stated, missing=Missing("value"))
    if top is not None and q.confirms and q.other_currency:  # "1 million US dollars, yes?": the policy's are yuan
        amount = next((s for s in compatible_statements(q, top) if s.kind == "amount"), None)
        if amount is not None:
            return Judgement(Outcome.CORRECTED, "contradicted", lead=top, statement=amount, missing=Missing("value"))
    if top is None or not q.stated or (q.gap and q.unheld):  # "65% now: how many points short?" claims nothing
        return None
    gives_money = any(s.gives_money for s in top.stated)
    true = true_premises(q, e.candidates)
    for stated in compatible_statements(q, top):
        if q.benefit and stated.kind in TARGET_KINDS and not gives_money:
            continue  # "an R&D subsidy of about 10%?": the zones' 7% R&D target is no subsidy
        if contradicts(q, stated, top, claimed=True, true=true):
            return Judgement(Outcome.CORRECTED, "contradicted", lead=top, statement=stated, missing=Missing("value"))
    if (swapped := _swapped(q, e, top) or _shared(q, top)) is not None:
        return Judgement(Outcome.CORRECTED, "contradicted", lead=top, statement=swapped, missing=Missing("value"))
    return _premise_for_other_level(q, top, true)


def _shared(q: Question, top: ClauseEvidence) -> Stated | None:
    """A figure put up as what two levels both get ("国家级和省级高新区…前进3位以上的都奖100万"), which the clause
    states otherwise for one of them (50万元 for provincial zones): that level's statement."""
    if len(q.qualifiers) < 2 or q.options or not (q.confirms or q.cites_policy) or not _BOTH.search(q.normalized):
        return None
    for stated in top.stated:
        kinds = {f.split(":")[0] for f in stated.figures}
        given = {f for f in q.stated if f.split(":")[0] in kinds}
        if (
            len(given) == 1  # one figure put up for both, not each level's own
            and stated.qualifiers & q.qualifiers
            and levels_agree(q.occasions, stated.occasions)
            and not given & stated.figures
        ):
            return stated
    return None


#: the same said of every level named ("都奖100万", "both get RMB 1 million")
_BOTH = re.compile(
    r"(都|均)(是|奖|给|拿|能拿|可以拿|有|奖励|补)?\S{0,4}\d"
    r"|\b(both|all) (\w+ ){0,2}(get|receive|are given|are awarded|are paid)\b[^.?!]{0,30}\d"
)


def _swapped(q: Question, e: Evidence, top: ClauseEvidence) -> Stated | None:
    """A figure the question gives to one level that the clause states, on that occasion, for the level beside
    it, while the level given it has another ("排名进位奖励省级高新区100万、国家高新区才50万": the ranking
    reward is 100万元 for national zones, 50万元 for provincial ones); not a figure a clause found holds for
    that level and subject ("省级有100万,国家级呢": the provincial zones' new-zone reward)."""
    if q.options:  # "省级是100万还是50万?" puts up a choice, no premise
        return None
    held = [s for c in e.candidates for s in c.stated]
    asked = word_stems(q.word_grams)
    for a in sorted(q.attributed, key=lambda a: (a.level, a.figure)):  # (a set: in a fixed order)
        kind = a.figure.split(":")[0]
        if not any(a.figure in s.figures and not s.qualifiers & {a.level} for s in top.stated if s.qualifiers):
            continue  # the clause gives the figure to no level beside
        given = {b.figure for b in q.attributed if b.level == a.level}  # "national zones: is it 5% or 7%?"
        for stated in top.stated:
            subject = stated.statement.subject
            if (
                a.level in stated.qualifiers
                and _on_occasion(a, stated)
                and any(f.split(":")[0] == kind for f in stated.figures)
                and not given & stated.figures
                and word_stems(stated.action_marks) & asked  # of what it states ("管委会主任年薪50万": no reward)
                and not any(
                    s.statement.subject == subject
                    and a.level in s.qualifiers
                    and a.figure in s.figures
                    and _on_occasion(a, s)
                    for s in held
                )
            ):
                return stated
    return None


def _premise_for_other_level(q: Question, top: ClauseEvidence, true: frozenset[str]) -> Judgement | None:
    """A figure given as what the level asked gets, which the clause states for another level on the same
    occasion ("政策对新认定的国家高新区奖励100万元，那…什么时候能拿到？": the 100万元 is the provincial zones'),
    corrected before what else the question asks is found unstated."""
    if not (q.qualifiers and q.occasions) or q.options:  # "奖50万还是100万?" puts up a choice, no premise
        return None
    if extends_to_another(q):  # "…也奖100万元，对吧？" knows whose the sum is: no premise that misplaces it
        return None
    for stated in top.stated:
        level, occasion = stated.qualifiers, stated.occasions
        if level and not level & q.qualifiers and occasion & q.occasions and (q.premised - true) & stated.figures:
            return Judgement(Outcome.CORRECTED, "figure_other_subject", top, stated, Missing("value"))
    return None


def _on_occasion(given: Attributed, stated: Stated) -> bool:
    """The figure is given on an occasion the statement is for (or either names none)."""
    return not stated.occasions or not given.occasions or bool(given.occasions & stated.occasions)


def other_authority(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A body put up for confirmation that is not the one the best clause names, or not at its level
    ("确认函是市科技局开的吧？" against "省级科技行政部门签发的确认函"; "the exit-entry police approve the
    age relaxation, right?" against "经市级以上科技行政部门批准"): a premise to correct."""
    top = e.top
    if not q.authorities or not (q.confirms or q.intent.yes_no) or top is None:
        return None
    naming = [s for s in top.stated if s.authorities]
    stated = frozenset().union(*(s.authorities for s in naming))
    other = other_authorities(q.authorities, stated) if naming else ()
    if not other:
        return None
    # a choice between the body the clause names and another ("at the consulate back home, or at the exit-entry
    # bureau after arriving?"): the clause answers it, no premise is put up
    if not q.confirms and len(other) < len(q.authorities) and _CHOICE.search(q.normalized):
        return None
    return Judgement(Outcome.CORRECTED, "other_authority", lead=top, statement=naming[0], missing=Missing("value"))


#: two things offered to choose between
_CHOICE = re.compile(r"还是|或者|\bor\b")


def target_years(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """Which years the targets are set for ("目标是分哪几个年份定的?"): the best article's dated clauses answer, all
    of them (the reply quotes each clause of the article that sets a target year); a year the asker mentions in
    passing ("it's Nov 2026 now") asks no target of its own."""
    if not q.target_years or e.top is None:
        return None
    dated = [(c, s) for c in e.article_clauses(0) for s in c.stated if s.kind == "target_year" or s.years]
    if not dated and not any(s.kind in TARGET_KINDS for s in e.top.stated):
        # the best article sets none ("what years are the targets for? 2030?" finds the "2030" of a programme's
        # name): the next article that sets target years answers, else no article of targets was found
        dated = next((found for rank in (1, 2) if (found := _target_years_of(e, rank))), [])
        if not dated:
            return None
    lead, stated = min(dated, key=lambda d: d[1].kind != "target_year") if dated else (e.top, first_statement(e.top))
    return Judgement(Outcome.ANSWERED, "target_years", lead=lead, statement=stated)


def _target_years_of(e: Evidence, rank: int) -> list[tuple[ClauseEvidence, Stated]]:
    """The target-year statements of the article at `rank`."""
    return [(c, s) for c in e.article_clauses(rank) for s in c.stated if s.kind == "target_year"]


#: how far ahead of every clause of the year asked another year's target must be retrieved to be what is asked
_YEAR_MARGIN = 1.3


def other_year(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A target asked for a year the statement is not for ("the R&D target for 2030?": it is for 2025); a
    premise to correct when the question wants it confirmed ("到2030年…超过45%,是这样吗?")."""
    if not q.years:
        return None
    outcome = Outcome.CORRECTED if q.confirms else Outcome.NOT_STATED
    # "有没有定2030年的目标？" (or a deadline put to it): the best article's targets are all for other years
    if not any(k.statement is not None for k in q.figures):
        # (those of the best clause and of clauses the question's words point to, beyond the year itself: "the
        # 2035 R&D target?" is no question of the 2035 vision, "到2035年要建成啥样子?" is)
        def pointed(c: ClauseEvidence) -> bool:
            return any(not w.isdigit() for w in c.shared)

        clauses = e.article_clauses(0)
        near = [c for c in clauses if c is e.top or pointed(c)] if e.top and pointed(e.top) else list(clauses)
        dated = [(c, s) for c in near for s in c.stated if s.years]
        later = {year for year in q.years if year >= FIRST_TARGET_YEAR}

        def described_by(c: ClauseEvidence) -> int:
            return sum(not w.isdigit() for w in c.shared)

        # (not when a clause of the year asked is retrieved near the best, however many words another's target shares:
        # "到2035年高新区要达到什么目标?"; when it is retrieved far behind, the target the question describes is the
        # other year's: "the 2035 R&D intensity targets for national vs provincial zones?" asks the 2025 R&D targets)
        of_year = [c.score for c, s in dated if later & s.years]
        best = max((c.score for c, _ in dated), default=0.0)
        if dated and later and (not of_year or 0 < _YEAR_MARGIN * max(of_year) <= best):
            # "Is the 7% R&D target a 2030 goal?": the policy's own figure put to another year, a premise
            # … or the target the question's words describe ("by 2030 … parks with regional influence": 2035's)
            described = max(dated, key=lambda cs: cs[0].score if of_year else described_by(cs[0]))
            lead, first = next(((c, s) for c, s in dated if q.stated & s.figures), described)
            outcome = Outcome.CORRECTED if _put_to_another_year(q, first) else outcome
            return Judgement(outcome, "other_year", lead, first, Missing("year", "date"))
        return None
    found = figure_lead(q, e, statement_kinds(q)) if q.figures else None
    stated = found[1] if found else None
    if stated is not None and stated.years and not q.years & stated.years:
        # a figure asked for the year ("2035年…要到多少?还是7%吗"): the one the asker guesses is no premise of theirs
        return Judgement(
            outcome,
            "other_year",
            lead=found[0] if found else None,
            statement=stated,
            missing=Missing("year", "date"),
        )
    return None


def _put_to_another_year(q: Question, stated: Stated) -> bool:
    """The question gives the statement's figure without the statement's year ("Is the 7% target a 2030
    goal?"); one that gives it with its year asks on about another ("2025年超过45%,那到2035年呢?")."""
    return bool(q.stated & stated.figures) and not any(year in q.normalized for year in stated.years)


def benefit(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """Money asked for (a reward, subsidy, waiver) where the clauses that would answer state none."""
    if not q.benefit or not (q.intent.yes_no or q.tagged or q.figures or q.benefit_asked):
        return None
    answering = answering_clauses(e, t)
    # "what rewards and penalties …?": the first clauses of two articles; when the best article shares
    # words of the question beyond the money, only those of the second that share them too ("what subsidy
    # for a foreign expert workstation?": the workstation's article, not the one on funds in general)
    if not (q.intent.yes_no or q.tagged or q.figures):
        own = thing_words(q, e.article_clauses(0))
        answering += tuple(
            c
            for c in e.candidates
            if c.rank == 1 and c.position < 2 and (not own or c.shared & own) and compatible_statements(q, c)
        )  # … and states something for the level asked (not the provincial zones' reward for a national one)
    # "按绩效发奖金?": the clause names 绩效奖励 itself; not the zones' own rewards and subsidies, asked by a lab, a
    # person or a township for itself ("we're a provincial key lab, what one-off subsidy would we receive?")
    if any(c.mentions(q.benefit_cues) and not _zones_money(q, c) for c in answering):
        return None
    # an amount answers; other money only the form asked about, when one is (tax incentives are no free rent);
    # neither when it is a zone's or a county's and a company or a person asks ("链主企业能拿什么现金奖励?")
    if any(
        (s.kind == "amount" or (s.statement.funding and not q.benefit_form)) and not granted_to_other(q, s)
        for c in answering
        for s in c.stated
    ):
        return None
    if answering and not any(c.stated for c in answering):
        return None  # a document without statements: nothing to judge by
    return Judgement(
        Outcome.NOT_STATED, "benefit", lead=e.top, statement=first_statement(e.top), missing=Missing("benefit")
    )


def _zones_money(q: Question, clause: ClauseEvidence) -> bool:
    """The clause's money is all the zones' or a government's, and one that is no company asks for itself."""
    others = q.party not in ("", "enterprise")
    return others and bool(clause.stated) and all(granted_to_other(q, s) for s in clause.stated)


def unstated_sum(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A yes/no question whether money it names is given ("入选国家级人才计划的创业者…还能再拿100万元一次性奖励?"), of a
    clause that states no such sum (the talent projects' reward is "a certain proportion" of the investment): the
    policy does not state that sum for what is asked, so no "yes"."""
    top = e.top
    sums = {f for f in q.stated if f.startswith("money:")}
    # (a sum the asker tells before asking, "我们投资了5000万元,能拿奖励吗?", is their own, not one asked)
    asked = q.normalized[len(_stated_before_asked(q.normalized)) :]
    if top is None or not sums:
        return None
    if q.confirms:
        # … or a sum given as money put up to confirm, of a clause that gives no money at all ("each foreign expert
        # workstation gets RMB 200k a year, right?": the sum is the counties' pilot reward); against one that gives
        # another sum, `contradicted` spoke
        if not _GIVEN_AS_MONEY.search(q.normalized) or any(s.gives_money for s in top.stated):
            return None
    elif not (q.intent.yes_no and q.benefit and _MONEY_WRITTEN.search(asked)):
        return None
    if any(s.figures & sums for s in top.stated):
        return None
    return Judgement(Outcome.NOT_STATED, "unstated_sum", lead=top, missing=Missing("figure", "money"))


def unstated_share(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """A share put up to confirm, of a clause that states none ("奖励是按投资额的5%给的吧？" of "a certain
    proportion"): the policy states no share."""
    top = e.top
    if top is None or not q.confirms or any(s.kind == "percentage" for s in top.stated):
        return None
    # (the share put up in the sentence that asks, with the tag after it: not the asker's own, "我们研发投入占营收5%,
    # 可以享受…扶持,对吧?")
    clauses = [c for c in _CLAUSES.split(q.normalized.strip().rstrip("?？ ")) if c.strip()]
    if len(clauses) > 1 and _BARE_TAG.fullmatch(clauses[-1].strip()):
        clauses.pop()
    if not clauses or not any(f.startswith("percent:") for f in stated_figures(clauses[-1])):
        return None
    return Judgement(Outcome.NOT_STATED, "unstated_share", lead=top, missing=Missing("figure", "percent"))


#: a tag, a clause of its own after what it puts up ("…,对吧?", "…, is that right?")
_BARE_TAG = re.compile(
    r"(对吧|对吗|是吧|是吗|对不对|没错吧|没错吗|是不是|是这样吗|对么|right|correct|yes|true|is that (right|correct|so)"
    r"|isn't it|am i right|is it)"
)


#: a sum said to be given ("gets RMB 200k of funding", "奖励20万元"), not the asker's own (an investment, a turnover)
_GIVEN_AS_MONEY = re.compile(
    r"奖励|补贴|补助|资助|奖金|扶持资金|专项资金|\b(funding|funded|grants?|subsid(y|ies)|rewards?|bonus(es)?)\b"
    # … or a sum said to be received ("就能拿50万元", "we'd receive RMB 500k")
    r"|(拿|领|获得|得到)到?\S{0,2}\d+(\.\d+)?\s*[万亿]?元"
    r"|\b(get|gets|receive|receives|be paid|be given)\b.{0,12}\b(rmb|yuan|cny)\b"
)


def answered(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The best clause answers; "Yes —" only when it permits or supports what is asked (`_permits_asked`);
    asked beyond a year ("goals beyond 2025?", "更长远的呢？"), the best article's clause of the latest year."""
    # … asked which things a measure is about ("重点招引哪些产业?"), the clause that lists them
    top = _latest(e) if q.later else (listed_clause(q, e) or e.top)
    # (no "Yes —" to an either-or: "可以当普通高新技术企业的法定代表人吗,还是只限新型研发机构?")
    yes = q.intent.yes_no and q.modal and not q.confirms and not _either_or(q) and _permits_asked(q, top)
    # the statement that leads: one about the zone level asked (a clause may state figures for several)
    permissive = _permissive(q, top)
    compatible = compatible_statements(q, top)
    lead = permissive[0] if permissive else next((s for s in compatible if s.statement.value_zh), None)
    return Judgement(
        Outcome.ANSWERED, "answered", lead=top, statement=lead or (compatible[0] if compatible else None), yes=yes
    )


def _either_or(q: Question) -> bool:
    """The question asks between two things ("A吗,还是只限B?", "A, or is it only B?")."""
    return bool(q.options) or bool(_OR_ONLY.search(q.normalized))


_OR_ONLY = re.compile(r"\bor (is it|are they|is that|just|only)\b|还是只|还是仅")


def _permissive(q: Question, clause: ClauseEvidence | None) -> list[Stated]:
    """The clause's statements permitting or supporting something, for the level and the party asked about."""
    return [s for s in compatible_statements(q, clause) if s.kind in PERMISSIVE and (not q.party or s.party == q.party)]


def _permits_asked(q: Question, clause: ClauseEvidence | None) -> bool:
    """The clause permits or supports what the question asks about: it shares the question's specific words,
    for whom it is asked (the zone level and the party the question names), and names the action its question
    clauses ask of: what "Yes —" needs."""
    permissive = _permissive(q, clause)
    if not permissive or clause is None or not clause.shared:
        return False
    # the question does not ask about doing without what the statement permits ("start working without a
    # separate work permit?")
    if any(q.lacks & s.action_terms for s in permissive):
        return False
    # money asked for ("is there a rent subsidy for …?"): only a statement of money says yes to it
    if q.benefit and not any(s.gives_money for s in permissive):
        return False
    # an asker from a university or another body that is no enterprise, of what only enterprises are given
    if q.non_enterprise and all(s.for_enterprises for s in permissive):
        return False
    # the question also names whom the statement is for, when that is a person or a subject told apart by a
    # quality ("…high-level talent"; "持有永久居留身份证"): a foreign engineer, or foreign talent at large, is not
    # said to be one
    asked = q.word_grams
    named = any(
        not s.subject_marks or not (s.alternatives or s.party == "person") or names_subject(asked, s)
        for s in permissive
    )
    # … and its question clauses name what the statement permits or supports, not only the words before them
    # ("持永久居留证的外国人能当新型研发机构法人，那能不能当普通贸易公司的法人？" asks of a trading company)
    # (marks of the question's language only: "apply for an R visa" holds none an English question can share)
    return named and any(_acts(q, s) for s in permissive)


def _acts(q: Question, stated: Stated) -> bool:
    """The question clauses share a mark of the statement's action in the question's language, or it has none;
    a question clause of a word or two ("…海外并购一家研发机构,高新区支持吗") asks of what the words before it say."""
    marks = frozenset(m for m in stated.action_marks if m.isascii() == (q.lang == "en"))
    asked = q.asked_grams if len(q.asked_grams) > _TAG_GRAMS else q.word_grams
    return not marks or bool(word_stems(marks) & word_stems(asked))


_TAG_GRAMS = 3  # "高新区支持吗": 支持, 区支, 持吗


def _latest_year(e: Evidence) -> tuple[ClauseEvidence, Stated] | None:
    """The best article's clause and statement naming the latest year (of equal years, the better clause's)."""
    dated = [(max(s.years), c, s) for c in e.article_clauses(0) for s in c.stated if s.years]
    return max(dated, key=lambda d: d[0])[1:] if dated else None


def _latest(e: Evidence) -> ClauseEvidence | None:
    """The best article's clause whose statements name the latest year (the best clause when none names one)."""
    found = _latest_year(e)
    return found[0] if found is not None else e.top
