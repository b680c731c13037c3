"""Rules on who asks: an asker outside the zones, of another business, lacking a condition, of another level."""

from __future__ import annotations

import re
from itertools import pairwise

from bot.answer.cuelist import object_of, occurrences
from bot.answer.figures import ages_in_words, ages_past
from bot.answer.grams import grams
from bot.answer.judge.model import (
    FIGURE_OF,
    GRANTOR_PARTIES,
    PERMISSIVE,
    PROVIDERS,
    RULE_KINDS,
    Evidence,
    Judgement,
    Missing,
    Outcome,
    Stated,
    Thresholds,
)
from bot.answer.judge.pieces import (
    answering_clauses,
    compatible_statements,
    extends_to_another,
    granted_to_other,
    named_level,
    names_subject,
    other_object,
    stems,
    subject_gap,
)
from bot.answer.question import Question
from bot.text import HAN


def outside(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The asker is outside the high-tech zones ("我们在经开区", "not in the high-tech zone") and the best
    clause states everything for the zones or those in them: the policy says nothing of others."""
    top = e.top
    if not q.outside or top is None or not top.stated or not all(s.in_zones for s in _giving(top.stated)):
        return None
    if any(name in top.text for name in q.outside_names):
        return None  # the clause itself speaks of that kind of park ("加强高新区与经开区深度合作")
    return Judgement(_unless_put_up_for_all(q), "outside", top, top.stated[0], Missing("outside"))


def _giving(stated: tuple[Stated, ...]) -> list[Stated]:
    """A clause's statements but the lists that spell out how a subject already stated for does it ("加大对高新区
    科技型企业信贷投放" by "差异化绩效考核、下放授信审批权限…"): such a list gives no one else anything."""
    return [
        s
        for s in stated
        if s.kind != "list" or not any(o.in_zones and o.statement.subject == s.statement.subject for o in stated)
    ]


def _unless_put_up_for_all(q: Question) -> Outcome:
    """Not stated for the asker's case; but a premise that the measure holds for anyone, put up for confirmation, is
    corrected ("any foreigner can be legal rep, no need for permanent residence, correct?"; "Since the policy lets
    anyone working in Lianyungang get a work permit up to 65, he's fine, right?")."""
    return Outcome.CORRECTED if q.confirms and q.universal else Outcome.NOT_STATED


def other_business(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The asker's business is no technology business ("we're a trading company") and what the best clause
    gives, it gives technology-based or high-tech enterprises; or the asker names a business or an employer of
    another kind than the institution a permission is for ("legal representative of our hospital"): the policy
    says nothing of others."""
    top = e.top
    giving = [s for s in top.stated if s.kind in PERMISSIVE or s.kind == "amount"] if top is not None else []
    if not (q.other_business or q.non_enterprise_kinds) or not giving:
        return None
    if q.other_business and all(s.for_tech for s in giving):
        return Judgement(_unless_put_up_for_all(q), "other_business", top, giving[0], Missing("other_business"))
    # "can I be legal representative of a trading company?", "… of our hospital?": what it permits is for another
    # kind of institution
    asked = q.word_grams
    matched = [s for s in giving if s.action_terms & asked or stems(s.action_terms) & stems(asked)]
    if matched and all(s.institutions and not any(w in q.normalized for w in s.institutions) for s in matched):
        return Judgement(_unless_put_up_for_all(q), "other_business", top, matched[0], Missing("object"))
    return None


def employer(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The asker works for no enterprise ("I teach at a university, not a company") and what the best clause
    gives, it gives those in enterprises: the policy says nothing of other employers."""
    top = e.top
    giving = [s for s in top.stated if s.kind in PERMISSIVE or s.kind in RULE_KINDS] if top is not None else []
    if not q.non_enterprise or not giving or not all(s.for_enterprises for s in giving):
        return None
    if top is not None and any(_names(top.text, kind) for kind in q.non_enterprise_kinds):
        return None  # "我们是高校，想和骨干企业联合培养人才": the clause names universities itself
    return Judgement(Outcome.NOT_STATED, "employer", top, giving[0], Missing("employer"))


def _names(text: str, kind: str) -> bool:
    """`text` names the kind of employer, in the plural too ("university" in "universities")."""
    return kind in text or (kind.endswith("y") and kind[:-1] + "ies" in text)


def excluded(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The asker's case is not the one the best clauses state something for: they change what a condition
    keeps unchanged ("改成商业用途" against "不改变土地用途"; a premise to correct when they ask to have
    it confirmed), or they say they are not its subject ("普通外籍技术员(不是高端人才)": the 65 is for
    high-end talent), or they leave out the measure a figure is of ("the normal age cap, without that
    relaxation?"). Checked before any figure is given: a figure for others is no answer to them."""
    not_subject = q.not_cases | q.not_whom
    if not (not_subject or q.changes or q.lacks):
        return None
    answering = [(c, stated) for c in answering_clauses(e, t) for stated in c.stated]
    for c, stated in answering:
        if q.changes & stated.kept:
            # … whether the measure still holds for them, the condition answers: it is stated only for that case;
            # what they would get or pay instead is not stated
            # … or which of their case and the one kept unchanged it holds for ("…和改变土地用途相比，哪种情况…？")
            still = (q.still_applies and q.intent.yes_no and not q.figures) or _asks_which(q)
            outcome = Outcome.CORRECTED if q.confirms else Outcome.ANSWERED if still else Outcome.NOT_STATED
            return Judgement(outcome, "excluded", lead=c, statement=stated, missing=Missing("changed"))
    # the measure itself left out ("the normal age cap, without that relaxation?"): its figure is not the one asked
    for c, stated in answering:
        if stated.figures and q.lacks and other_object(q.lacks, stated.action_terms):
            return Judgement(Outcome.NOT_STATED, "excluded", lead=c, statement=stated, missing=Missing("condition"))
    # not its subject: only when every statement that would answer is for that subject ("not a high-tech
    # zone, can we become one?": what the zones get is not for them, what other parks may do is)
    others = [(c, s) for c, s in answering if other_object(not_subject, s.subject_terms) and not also_named(q, s)]
    if not_subject and others and len(others) == len(answering):
        c, stated = others[0]
        return Judgement(Outcome.NOT_STATED, "excluded", lead=c, statement=stated, missing=Missing("condition"))
    return None


def unmet(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The asker says they lack what a statement requires ("I don't have permanent residence"; "没有永久居留证")."""
    if not (q.lacks or q.not_cases):
        return None
    for c in answering_clauses(e, t):
        for stated in c.stated:
            if stated.kind not in PERMISSIVE:
                continue
            # "without changing the land use" meets "not changing the land use": a condition's own negations
            # … not what a statement on becoming something is for ("not a high-tech zone: can we become one?")
            lacking = any(t in stated.terms and t not in stated.negated for t in q.lacks) and not stated.becoming
            if lacking and not also_named(q, stated):
                # … unless they set the case that has it beside their own and ask which ("持永久居留身份证的和没有
                # 永居的相比,能不能当法定代表人?"): the condition answers
                # … or offer what the statement requires as the other choice ("是有工作许可就行还是必须持永久居留
                # 身份证?", "…with just a work permit …, or is a permanent residence card needed?")
                which = _asks_which(q) or _offered(q, stated.terms & q.lacks)
                outcome = Outcome.ANSWERED if which else _unless_put_up_for_all(q)
                return Judgement(outcome, "unmet", lead=c, statement=stated, missing=Missing("condition"))
            # "(不是新型研发机构)的法定代表人"; not "not a high-tech zone: can we become one?"
            # … not what a denial put up for confirmation names ("…aren't allowed to lead projects, right?": `denied`)
            if not stated.becoming and not (q.denies and q.confirms) and other_object(q.not_cases, stated.action_terms):
                return Judgement(Outcome.NOT_STATED, "unmet", lead=c, statement=stated, missing=Missing("object"))
    return None


def _asks_which(q: Question) -> bool:
    """The question sets the asker's case beside the one a condition states and asks which it holds for, not how
    much the one pays ("…相比，要多交多少？") nor a premise put up to confirm (corrected first)."""
    return q.chooses and not q.quantity and not q.confirms and not _HOW_MUCH.search(q.normalized)


def _offered(q: Question, required: frozenset[str]) -> bool:
    """What a statement requires is named after the question's "还是"/"or is": one of the choices it asks between,
    not a premise put up to confirm nor a sum asked."""
    alternative = _ALTERNATIVE.search(q.normalized)
    if alternative is None or q.confirms or q.quantity or _HOW_MUCH.search(q.normalized):
        return False
    rest = q.normalized[alternative.end() :]
    return any(term in rest for term in required)


#: where a question offers its other choice ("…就行还是必须…", "…, or is … needed?")
_ALTERNATIVE = re.compile(r"还是|\bor (?:is|are|do|does|must|would|will|should|can|need)\b")

#: how much or how many (of the changed case: "…相比，要多交多少？" asks an amount the policy does not state)
_HOW_MUCH = re.compile(r"多少|几[个项年次位万]|\bhow (much|many)\b")


def beyond_limit(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """An age the asker gives above the age limit a clause states ("I'm 68 …"): the policy says nothing of them;
    a premise to correct when they want it confirmed ("…can go up to 70, so our 68-year-old qualifies, right?")."""
    ages = [int(f.split(":")[1]) for f in q.stated if f.startswith("age:")] + ages_in_words(q.normalized)
    past = ages_past(q.normalized)  # "超过65岁还能再放宽吗?", "beyond 65": anyone older than that
    if not (ages or past) or q.claims:
        return None
    for c in answering_clauses(e, t):
        for stated in c.stated:
            limits = [int(f.split(":")[1]) for f in stated.figures if f.startswith("age:")]
            if stated.kind != "age" or not limits:
                continue
            if ages and max(ages) > max(limits):
                asked = str(max(ages))
            elif past and max(past) >= max(limits):
                asked = f">{max(past)}"
            else:
                continue
            outcome = Outcome.CORRECTED if q.confirms else Outcome.NOT_STATED
            return Judgement(outcome, "beyond_limit", lead=c, statement=stated, missing=Missing("beyond", asked))
    return None


def party(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """Money asked for by a company or a person where the policy states it only for zones or counties; said
    to go to companies and put up for confirmation ("那100万元是发给入驻企业的吧？"), a premise to correct."""
    # … or asked how much of it goes to companies ("落户企业能分到多少?"; whether it may go to them is the clause's use)
    how_much = any(k.name in ("money", "value") for k in q.figures)
    if q.recipient and not q.party and (q.confirms or how_much):
        money = [s for c in answering_clauses(e, t) for s in c.stated if s.kind == "amount"]
        granted = [s for s in money if s.party in GRANTOR_PARTIES and s.party != q.recipient]
        if money and len(granted) == len(money):
            # "…how much of it goes to companies located in the zone?": how much they get is not stated
            if q.confirms:
                return Judgement(Outcome.CORRECTED, "party", lead=e.top, statement=granted[0], missing=Missing("party"))
            return Judgement(Outcome.NOT_STATED, "party", e.top, granted[0], Missing("party", q.recipient))
    # a figure of another kind asked ("what share of output for the national zone?") asks of no money
    if not q.party or not (q.benefit or any(k.statement == "amount" for k in q.figures) or q.intent.yes_no):
        return None
    money = [s for c in answering_clauses(e, t) for s in c.stated if s.gives_money]
    # the sum the question names, where one is stated ("does the county government itself also get RMB 1 million?":
    # the zones' 1 million, not the counties' pilot rewards beside it)
    money = [s for s in money if set(q.stated) & s.figures] or money
    if money and all(granted_to_other(q, s) for s in money):
        # "我们公司入选了省级知识产权示范企业，按政策可以领20万元，去哪里申请？": the figure it takes as given is the
        # counties'; "按政策是不是能拿50万元？" asks whether it may, which the policy does not say
        # … nor does "只要企业落户…就能拿100万元对吧?", which states it and asks to have it confirmed
        # … but a sum believed to come with a company's own title ("被认定为瞪羚企业后能拿50万元,是吧?"), not said to
        # be the policy's, is for something the policy rewards no one for: not stated
        titled = _TITLE.search(q.normalized) and not q.cites_policy
        claims = q.confirms and (q.tagged or not q.intent.yes_no) and not titled
        put_up = [s for s in money if set(q.stated) & s.figures] if claims else []
        if put_up:
            return Judgement(Outcome.CORRECTED, "party", lead=e.top, statement=put_up[0], missing=Missing("party"))
        return Judgement(Outcome.NOT_STATED, "party", lead=e.top, statement=money[0], missing=Missing("party", q.party))
    return _support_of_others(q, e, t)


def _support_of_others(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """An individual asks whether they may have what the answering clauses give only enterprises ("Sole proprietor
    here: do I qualify for the tech SME support?"): the policy does not say. (A university or a hospital asking whether
    it may do what a clause names enterprises for is left to the clause: "我们学校能不能在高新区建众创空间".)"""
    # (asked for the asker: not "is that the points test for individual foreign workers?")
    if q.party != "person" or not q.intent.yes_no or not (q.access or q.modal or q.benefit or q.self_described):
        return None
    # (what the zones or a government carry out gives no one anything: "举办创新创业大赛")
    stated = [s for c in answering_clauses(e, t) for s in c.stated if s.party not in PROVIDERS or s.gives_money]
    giving = [s for s in stated if s.kind in PERMISSIVE or s.gives_money]
    if not giving or not all(s.party == "enterprise" for s in giving):
        return None
    return Judgement(Outcome.NOT_STATED, "party", e.top, giving[0], Missing("party_support", q.party))


#: a company's own title or recognition ("评上专精特新", "certified as a high-tech enterprise")
_TITLE = re.compile(
    r"(评上|评为|获评|入选|认定为|认定成|被认定|成为|晋级为?)\S{0,3}(专精特新|小巨人|瞪羚|独角兽|单项冠军|科技型中小企业|高新技术企业|高企)"
    r"|\b(recogni[sz]ed|certified|named|rated|selected|designated|qualif(y|ies|ied)|becom(e|es|ing))\b.{0,20}"
    r"\b(gazelle|little giant|unicorn|single champion|high-tech enterprise|hnte|specialized and sophisticated)"
    # … or such a company named as the one that gets it ("瞪羚企业能拿20万元吧", "Gazelle enterprises get …")
    r"|(专精特新|小巨人|瞪羚|独角兽|单项冠军)(企业|公司)"
    r"|\b(gazelle|little giant|unicorn|single champion|specialized and sophisticated)"
    r" (enterprises?|companies|company|firms?)\b"
)


def qualified_otherwise(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The best clause states everything only for another level than the one asked about ("新认定的国家级
    高新区有什么奖励？": the 100万元 is for provincial zones; "省级专项资金有没有倾斜？": municipal funds)."""
    top = e.top
    if top is None or not (q.qualifiers or q.occasions) or not top.stated or compatible_statements(q, top):
        return None
    # another clause of the article states it for the level and occasion asked (what it is, not how to get it)
    if not q.access and (named := named_level(q, e)):
        return Judgement(Outcome.ANSWERED, "figure", lead=named[0], statement=named[1])
    first = next((s for s in top.stated if s.statement.value_zh), top.stated[0])
    # "拿市级科技局开的确认函就行了吧？", "新认定的国家级高新区给100万元奖励,对吧?": a premise to correct, the letter is
    # the province's, the sum the provincial zones'; not "新认定的国家级高新区也奖100万元，对吧？", which knows whose
    # it is and asks whether another level has it too (the policy does not say)
    if q.confirms and not extends_to_another(q):
        return Judgement(Outcome.CORRECTED, "qualified_otherwise", lead=top, statement=first, missing=Missing("value"))
    what = FIGURE_OF.get(first.kind, "measure")
    return Judgement(Outcome.NOT_STATED, "qualified_otherwise", top, first, subject_gap(q, first, what))


def reversed_direction(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The question says of the policy a direction the best clause states the opposite of, for the same thing ("听说
    政策要求银行降低不良容忍度" against "提高不良容忍度"; "centralise credit approval" against "delegation of credit
    approval authority"): a premise to correct."""
    top = e.top
    if top is None:
        return None
    # … put up as a premise before what is asked, or to be confirmed ("…,是这样吗?"), not asked ("政策要求降低…吗?")
    for said_of, opposite, premise in q.directions:
        if not (premise or q.confirms):
            continue
        for word in opposite:
            for start, end in occurrences(top.text, word):
                if _same_thing(said_of, object_of(top.text, start, end)):
                    stated = next(
                        (s for s in top.stated if word in f"{s.statement.action_zh} {s.statement.action_en}".lower()),
                        None,
                    )
                    stated = stated or next(iter(compatible_statements(q, top)), None)
                    return Judgement(
                        Outcome.CORRECTED, "reversed", lead=top, statement=stated, missing=Missing("value")
                    )
    return None


def _same_thing(asked: str, stated: str) -> bool:
    """What two direction words are said of is the same thing: two Chinese character pairs in common, or an English
    word of five letters or more, save words that name nothing in particular ("企业", "their")."""
    pairs = {a + b for a, b in pairwise(asked) if HAN.match(a) and HAN.match(b)} - _GENERIC_PAIRS
    if sum(p in stated for p in pairs) >= _SAME_PAIRS:
        return True
    words = {w[:5] for w in _LONG.findall(asked)} - _GENERIC
    return bool(words & {w[:5] for w in _LONG.findall(stated)})


_LONG = re.compile(r"[a-z]{5,}")
_SAME_PAIRS = 2
#: Chinese pairs and English words of five letters or more that name nothing in particular
_GENERIC_PAIRS = frozenset({"企业", "业的", "政策", "高新", "新区", "技术", "科技", "园区", "我们", "对于", "进一"})
_GENERIC = frozenset({"their", "there", "which", "about", "would", "shoul", "could", "these", "those", "other"})
_GENERIC |= frozenset({"after", "where", "while", "being", "zones", "polic", "enter", "compa", "techn", "firms"})


def denied(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The question puts up for confirmation that something may not be done which the best clause permits,
    for whom it asks ("PR holders can't be the legal rep of a new-type R&D institution, right?"): a premise
    to correct."""
    top = e.top
    if not (q.denies and q.confirms) or top is None:
        return None
    asked = q.word_grams
    for stated in compatible_statements(q, top):
        shares = len(stated.action_terms & asked) >= 2 or stems(stated.action_terms) & stems(asked)
        if stated.kind == "permission" and shares:
            return Judgement(Outcome.CORRECTED, "denied", lead=top, statement=stated, missing=Missing("value"))
    return None


def unnamed(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """An asker who says who they are asks whether they may ("Indian postdoc here, can I apply for the R
    visa?"), and the best clause permits it only to subjects told apart by a quality ("外籍高层次人才、急需紧缺
    人才") the question does not name: the policy does not say whether the asker is one."""
    top = e.top
    if not (q.self_described and q.intent.yes_no and (q.modal or q.access)) or top is None:
        return None
    permissive = [s for s in compatible_statements(q, top) if s.kind in PERMISSIVE]
    if not permissive or not all(s.alternatives for s in permissive):
        return None
    asked = q.word_grams
    if any(names_subject(asked, s) for s in permissive):
        return None
    return Judgement(Outcome.NOT_STATED, "unnamed", lead=top, statement=permissive[0], missing=Missing("condition"))


def sufficient(q: Question, e: Evidence, t: Thresholds) -> Judgement | None:
    """The question puts up that anyone, or one thing alone, is enough ("只要在高新区企业工作就能把年龄放宽到
    65岁吗?") for what the best clause permits a person or an enterprise only on a condition the question does
    not name (the approval of the science and technology department): a premise to correct when put up for
    confirmation; asked, answered by the clause without a "yes"."""
    top = e.top
    if not (q.universal and (q.confirms or q.intent.yes_no)) or q.options or top is None:
        return None
    asked = q.word_grams
    for stated in compatible_statements(q, top):
        if stated.kind not in PERMISSIVE or stated.party in PROVIDERS or not stated.statement.condition_zh:
            continue
        condition = stated.statement.condition_zh + " " + stated.statement.condition_en.lower()
        named = grams(condition, pairs=True)
        if not (named & asked or stems(named) & stems(asked)):
            # asked, not put up for confirmation: the clause answers, with no "Yes —" (it is not anyone's)
            outcome = Outcome.CORRECTED if q.confirms else Outcome.ANSWERED
            return Judgement(outcome, "sufficient", lead=top, statement=stated, missing=Missing("condition"))
    return None


def also_named(q: Question, stated: Stated) -> bool:
    """The question names itself, not negated, as another of the subjects the statement lists ("算急需紧缺人才，
    但不是高层次专家" against "外籍高层次人才、急需紧缺人才": one of them is enough)."""
    cores = stated.alternatives  # "高层次", "急需紧缺" of "外籍高层次人才、急需紧缺人才"
    said_not = q.not_cases | q.not_whom | q.lacks
    # only when what it is not is one of them ("不是高层次专家"), not what all share ("台湾籍": no 外籍 at all)
    if not any(grams(core, pairs=True) & said_not for core in cores):
        return False
    return any(len(c) >= 2 and c in q.normalized and not grams(c, pairs=True) <= said_not for c in cores)
