"""A question read once into the terms the judge compares with what clauses state."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bot.answer.authorities import Authority
from bot.answer.cues import CueList, Cues, FigureKind, Specific, merged, words_of
from bot.answer.figures import arabic, claimable, limit_values, limited, stated_figures, without_own_ages
from bot.answer.grams import changed_words, grams, negated_grams, not_case_grams
from bot.answer.intent import (
    Intent,
    asked_clauses,
    asking_text,
    declared,
    question_clauses,
    question_text,
    read_intent,
)
from bot.text import HAN, han_count, normalize

_MODAL_EN = ("can", "could", "may", "is it possible", "are we allowed", "am i allowed", "is there")
_MODAL_ZH = ("可以", "能否", "能不能", "可不可以", "可否", "是否可以", "能")


@dataclass(frozen=True, slots=True)
class Question:
    """One question as read: what it asks (the kind), about whom, and the specific things it names.

    `written` is what the asker wrote (markup stripped; a question in pinyin as read into Chinese),
    `search` what retrieval is given (the written text plus policy words read from pinyin or a
    sound-alike typo), `normalized` the written text normalized (simplified Chinese, lower case).
    """

    asked: str
    lang: str
    written: str
    search: str
    normalized: str
    intent: Intent
    given: str = ""  # `normalized` without the asker's own ages: where the figures it gives of the policy are
    qualifiers: frozenset[int] = frozenset()  # the exclusive qualifier groups it names (national, provincial)
    occasions: frozenset[int] = frozenset()  # the occasions of a reward it names (newly recognised, ranking …)
    word_grams: frozenset[str] = frozenset()  # its word grams with adjacent pairs, as the rules compare them
    party: str = ""  # "person", "enterprise" or "township" when it asks for itself as one
    party_asks: bool = False  # … named in the clauses that ask ("what share must our company reach?")
    recipient: str = ""  # … or the party it says a measure's money goes to ("是发给入驻企业的吧？")
    specifics: tuple[Specific, ...] = ()  # things the policy never states that it names
    stated: frozenset[str] = frozenset()  # the figures it states ("money:1000000", "duration:10y" …)
    # … as a premise of its own (see `read_question`)
    premised: frozenset[str] = frozenset()
    # … each beside the one level its clause names and that clause's occasions ("新认定的省级高新区奖100万":
    # provincial, newly recognised, "money:1000000"), as the asker attributes it
    attributed: frozenset[Attributed] = frozenset()
    unheld: frozenset[str] = frozenset()  # … of those, the ones the policy nowhere states
    claims: tuple[FigureKind, ...] = ()  # kinds of the unheld figures it dictates, wants confirmed or promised
    quantity: bool = False  # asks how much or how many of something
    benefit: bool = False  # asks for money given to it (a reward, subsidy, waiver)
    benefit_cues: CueList = field(default_factory=CueList)  # the words that say such money
    benefit_form: bool = False  # … names a form of it that funding does not answer (a waiver, a tax break)
    benefit_asked: bool = False  # asks what money there is ("what cash incentive …?", "有什么补贴？")
    # the fee kind, when a yes/no question names a fee ("is there a fee …?"), or a deadline or processing time
    # ("Is there an application window?"): kinds the policy never states, which a yes/no question asks of too
    named_unstated: FigureKind | None = None
    benefit_text: str = ""  # the part of it that asks for money ("…targets, and what cash rewards …?")
    task: bool = False  # asks the assistant to produce something else (a poem, code, a letter)
    override: bool = False  # aims instructions at the assistant itself (its rules, its role)
    reveal: bool = False  # asks the assistant to reveal its prompt or instructions
    particulars: bool = False  # asks for the particular items (names, a list) behind a measure
    subject_asked: bool = False  # asks whom a measure is for ("适用对象是哪些人？")
    modal: bool = False  # asks whether something can or may be done (so "Yes —" may lead)
    denies: bool = False  # says something may not be done ("can't be legal rep", "不能牵头")
    universal: bool = False  # says something holds for anyone ("any foreigner can …", "所有企业都能…")
    still_applies: bool = False  # asks whether a measure still holds in its case ("…还能享受…吗？", "still apply?")
    chooses: bool = False  # sets its case beside another and asks which one a measure holds for ("…相比，哪种情况…？")
    other_currency: bool = False  # puts money in a currency other than yuan ("1 million US dollars")
    confirms: bool = False  # states something and asks to have it confirmed ("…就行了吧？", "…, right?")
    tagged: bool = False  # … by a tag that asks to have a statement confirmed ("…对吧？", "…, right?")
    cites_policy: bool = False  # it says what the policy states ("政策说…", "according to the policy …")
    time_put_up: bool = False  # says a processing time as a figure ("processing takes about 5 days", "办理只要5天")
    outside: bool = False  # the asker says they are not in a high-tech zone ("we are in the ETDZ")
    outside_names: frozenset[str] = frozenset()  # … the Chinese names of the parks it says it is in ("经开区")
    other_business: bool = False  # the asker's business is no technology business ("we're a trading company")
    non_enterprise: bool = False  # the asker works for no enterprise (a university, a hospital …)
    non_enterprise_kinds: frozenset[str] = frozenset()  # … the kinds of employer it names ("高校", "hospital")
    access: bool = False  # asks how to get or use something (apply, eligibility, rent, how long one may stay)
    self_described: bool = False  # the asker says who they are ("我是德国工程师", "Indian postdoc here")
    exact: bool = False  # asks for something exactly ("具体指标", "exactly what weight")
    rank_asked: bool = False  # asks a place in a ranking ("排第几", "where does it rank")
    counted: bool = False  # asks how many of something there are ("已经建了几个", "how many are there")
    gap: bool = False  # asks how far its own figure is from a target ("现在4%,离2025年目标还差多少?")
    issuing: bool = False  # its question clauses ask of issuing or approving something ("确认函是哪个部门签发的")
    in_charge: bool = False  # … or of the unit in charge ("负责", "牵头", "responsible")
    issue_date: bool = False  # asks when the policy itself was issued ("这个政策是哪天发布的?")
    about_document: bool = False  # asks what the document itself is: its name, its topic, its parts
    target_years: bool = False  # asks which years the targets are set for, as more than one ("分哪几个年份定的")
    later: bool = False  # asks beyond a year or further ahead ("2025年以后", "更长远的呢？", "goals beyond 2025")
    procedure: bool = False  # asks how to apply for or claim something ("首购首用咋申请", "how do we apply")
    lacks: frozenset[str] = frozenset()  # word grams of what the asker says they lack ("没有永久居留证")
    changes: frozenset[str] = frozenset()  # … and words of what it says it changes ("改成商业用途")
    not_cases: frozenset[str] = frozenset()  # … of what its case is not ("不是新型研发机构", "not an R&D institute")
    not_whom: frozenset[str] = frozenset()  # … of whom the asker is not, read against subjects only ("台湾籍": no 外籍)
    authorities: frozenset[Authority] = frozenset()  # the public bodies it names ("市科技局", "the exit-entry office")
    options: tuple[str, ...] = ()  # the two things an either-or question asks between ("全省还是全市")
    option_bodies: frozenset[str] = frozenset()  # … the public bodies they name ("使领馆": embassy)
    option_local: bool = False  # … one of them names the local level of government ("县区", "当地")
    held: frozenset[str] = frozenset()  # … of what a family member it names is said to hold ("我老公…有永久居留身份证")
    # … of the specifics, those its question clauses name ("我先生是外籍高层次人才，我和孩子能一起办吗？": the children)
    specifics_asked: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()  # the years it names ("2030")
    listing: frozenset[str] = frozenset()  # what a "which …?" question asks the members of ("哪些产业": 产业)
    member: str = ""  # what a question asks is among a kind of things listed ("冷链物流算不算主导产业?": 冷链物流)
    # … or is one item of a list ("水产品加工算不算现代农业?": 水产品加工, 现代农业)
    item_member: tuple[str, str] = ("", "")
    # what it compares with, as written ("比全国平均水平高多少": 全国平均水平; "earn more than civil servants")
    compared: tuple[str, ...] = ()
    headed: frozenset[str] = frozenset()  # the figure kinds its question word asks ("What documents …": documents)
    # the directions it says of the policy, each as what it is said of, the words of the opposite direction and
    # whether it is a premise before what is asked ("听说政策要求银行降低不良容忍度,是这样吗?": "不良容忍度", 提高 …)
    directions: tuple[tuple[str, tuple[str, ...], bool], ...] = ()
    asked_grams: frozenset[str] = frozenset()  # the word grams of its question clauses ("…，那能不能当贸易公司的法人")
    follow_up: bool = False  # leans on the conversation before it

    @property
    def figures(self) -> tuple[FigureKind, ...]:
        """The kinds of figure it asks for."""
        return self.intent.figures

    @property
    def long(self) -> bool:
        """A message long enough to dilute what it retrieves as a whole (see `long_message`)."""
        return long_message(self.normalized, self.lang)

    def to_dict(self) -> dict[str, object]:
        """What `python -m bot explain` prints of the reading."""
        signals = [name for name in Intent.__slots__ if getattr(self.intent, name) is True]
        return {
            "lang": self.lang,
            "written": self.written,
            "search": self.search,
            "asks": [k.name for k in self.figures] + (["yes_no"] if self.intent.yes_no else []),
            "signals": signals,
            "qualifiers": sorted(self.qualifiers),
            "occasions": sorted(self.occasions),
            "party": self.party,
            "party_asks": self.party_asks,
            "specifics": [s.id for s in self.specifics],
            "specifics_asked": sorted(self.specifics_asked),
            "held": sorted(self.held),
            "years": sorted(self.years),
            "stated": sorted(self.stated),
            "unheld": sorted(self.unheld),
            "claims": [k.name for k in self.claims],
            "benefit": self.benefit,
            "task": self.task,
            "modal": self.modal,
            "outside": self.outside,
            "other_business": self.other_business,
            "non_enterprise": self.non_enterprise,
            "access": self.access,
            "self_described": self.self_described,
            "exact": self.exact,
            "gap": self.gap,
            "rank_asked": self.rank_asked,
            "counted": self.counted,
            "issuing": self.issuing,
            "issue_date": self.issue_date,
            "about_document": self.about_document,
            "target_years": self.target_years,
            "later": self.later,
            "procedure": self.procedure,
            "premised": sorted(self.premised),
            "confirms": self.confirms,
            "tagged": self.tagged,
            "cites_policy": self.cites_policy,
            "time_put_up": self.time_put_up,
            "denies": self.denies,
            "universal": self.universal,
            "still_applies": self.still_applies,
            "chooses": self.chooses,
            "recipient": self.recipient,
            "authorities": sorted(str(a) for a in self.authorities),
            "options": list(self.options),
            "reveal": self.reveal,
            "follow_up": self.follow_up,
            "listing": sorted(self.listing),
            "member": self.member,
            "compared": list(self.compared),
            "headed": sorted(self.headed),
        }


def read_question(
    asked: str,
    lang: str,
    written: str,
    search: str,
    cues: Cues,
    policy_figures: frozenset[str],
    shield: tuple[str, ...] = (),
) -> Question:
    """Read `written` (the asker's words) in `lang`; `search` is what retrieval will be given;
    `policy_figures` are every figure the policy states; `shield` as for `read_intent`."""
    normalized = colloquial(normalize(written), cues)
    asking = asking_text(normalized, cues)  # "My wife is a teacher. Can I …?" asks nothing about the wife
    words, all_words = words_of(asking), words_of(normalized)
    stated = stated_figures(normalized)
    questions = question_text(normalized, cues)  # the sentences that ask ("…？2025年的我知道" is none)
    heads = heads_of(questions)
    intent = read_intent(normalized, cues, shield, asking)
    benefit = cues.benefit.found(asking, words)
    # "how big is the cash bonus?", "能减多少？": the amount
    if benefit and all(k.alone for k in intent.figures) and cues.quantity.found(asking, words):
        intent = replace(intent, figures=tuple(k for k in cues.figures if k.statement == "amount"))
    forms, form_named = benefit_cues(asking, words, cues)
    modal = _modal(normalized, words, lang)
    question_part = question_clauses(normalized, cues) or asking
    asks_modal = _modal(question_part, words_of(question_part), lang)  # "I'm a student. Can I …?"
    held = grams(" ".join(m.group(1) for pattern in _HELD for m in pattern.finditer(normalized)), pairs=True)
    in_question = _named_in(question_part, cues)
    # a question clause asking of industries asks of the one the asker is in, wherever it says so; else an industry is
    # asked where it is not the asker's own business ("听说有家化工企业要落户…", not "我们是一家国有化工企业")
    industries_asked = cues.industries_asked.found(question_part, words_of(question_part))
    eligible = bool(_ELIGIBLE.search(question_part))  # "Does a company run by … qualify?" asks whether one may too
    unsaid = _unsaid(asking, cues)
    unsaid_words = words_of(unsaid)
    not_own = _OWN_BUSINESS.sub(" ", unsaid)
    industry_text = (normalized, all_words) if industries_asked else (not_own, words_of(not_own))
    unheld = stated - policy_figures
    premise = cues.premise.found(normalized, all_words)
    limits = limit_values(normalized)
    claimed_figures = claimable(unheld, limits)
    options = options_of(normalized)
    offered = stated_figures(" ".join(options)) if options else frozenset()
    if offered & policy_figures:  # "有效期是5年还是10年？": a choice that holds the policy's figure claims neither
        claimed_figures -= offered
    if premise and not (intent.invent or intent.promise or intent.injection or limited(claimed_figures, limits)):
        # "既然政策规定奖励200万": the figures after the words that cite the policy; "前进了4位，按政策能拿多少？"
        # gives the asker's own before them
        claimed_figures &= stated_figures(normalized[cues.premise.first_at(normalized) :])
    hearsay_at = cues.hearsay.first_at(normalized)
    if hearsay_at < len(normalized) and not (intent.invent or intent.promise or premise):
        # "我们总投资约3亿元。听说审批改革了,…是不是…?": what they heard is after the words that say so
        claimed_figures &= stated_figures(normalized[hearsay_at:])
    claims: tuple[FigureKind, ...] = ()
    implied = [i for i in cues.implied if i.cues.found(normalized, all_words)]
    # "…前进5位以上才有奖励，是这样吗？", "a provincial zone also gets 1 million?": a figure to confirm
    # … or a floor of its own put up as the policy's condition ("前进5位以上才给100万元奖励吗")
    tagged = bool(_TAG_QUESTION.search(normalized) or _FLOOR_PUT_UP.search(normalized)) or any(
        stated_figures(s) for s in declared(normalized, cues)
    )
    if claimed_figures and (
        intent.invent or intent.promise or intent.injection or premise or tagged or limited(claimed_figures, limits)
    ):
        # "写明奖励1000万元", "say it is 500万", "since the age limit is 70 …", "最多只能停留90天"
        claimed = {figure.split(":")[0] for figure in claimed_figures}
        claims = tuple(kind for kind in cues.figures if kind.name in claimed)
    # … the zone level in the policy words read from pinyin or sound-alikes too ("shengji gaoxinqu …": 省级高新区)
    read = normalize(search[len(written) :]) if search.startswith(written) else ""
    levels = _asked_levels(f"{normalized} {read}", f"{questions} {read}", cues) if read else None
    levels, occasions = levels or _asked_levels(normalized, questions, cues), occasions_of(normalized, cues)
    # "Our park is a municipal-level park … What reward do we get?": what money a zone level gets asks its amount
    if (
        benefit
        and levels
        and not intent.figures
        and _LEVEL_ZONE.search(normalized)
        and cues.benefit_asked.found(asking, words)
    ):
        intent = replace(intent, figures=tuple(k for k in cues.figures if k.statement == "amount"))
    money = benefit or any(k.statement == "amount" for k in intent.figures)
    party_asks = any(found.found(question_part, words_of(question_part)) for found in cues.parties.values())
    recipient = next((name for name, found in cues.recipients.items() if found.found(normalized, all_words)), "")
    return Question(
        asked=asked,
        lang=lang,
        written=written,
        search=search,
        normalized=normalized,
        word_grams=grams(normalized, pairs=True),
        asked_grams=grams(question_part, pairs=True),
        intent=intent,
        given=without_own_ages(normalized, limits),
        qualifiers=levels,
        attributed=attributed_figures(normalized, cues) if stated else frozenset(),  # no figure, none to attribute
        occasions=occasions,
        party=_party(
            normalized, all_words, money, bool(levels or occasions or recipient), cues, _for_itself(questions, cues)
        ),
        party_asks=party_asks,
        recipient=recipient,
        # people the asking sentence refers to by a pronoun are asked about too ("My husband and kids would
        # come. Can they get R visas?"); "My wife is a teacher. Can I …?" asks nothing about the wife
        # a thing named only where the asker says who they are is no thing asked ("我是一家创投基金的合伙人"), save
        # a person ("I'm the wife of an expert")
        # a person named only before the question clauses, which ask nothing someone may get or do, is the scene
        # ("准备带老婆孩子一起过来，政策里对教育、医疗配套有提到吗？" asks of the zones, not of the family)
        specifics=tuple(
            s
            for s in cues.specifics
            if _named(
                s,
                asking,
                words,
                (unsaid, unsaid_words),
                in_question,
                modal or asks_modal or benefit,
                modal or eligible,
                industry_text,
            )
            or (s.person and _REFERS.search(asking) and s.cues.found(normalized, all_words))
            or (s.situation and _REFERS_SITUATION.search(asking) and s.cues.found(normalized, all_words))
        ),
        stated=stated,
        # a figure said of one level, outside a comparison or a yes/no question ("是不是也是100万？" asks it), is a
        # premise ("Since newly recognized national zones get RMB 1 million, …"); not beside another level named
        # ("省级高新区新认定奖100万我知道，那国家高新区的呢？")
        premised=stated
        if not compares(normalized, cues)
        and not intent.yes_no
        and sum(group.found(normalized, all_words) for group in cues.exclusive_qualifiers) <= 1
        else frozenset(),
        unheld=unheld,
        claims=claims,
        quantity=cues.quantity.found(asking, words),
        benefit=benefit,
        benefit_cues=forms,
        benefit_form=form_named,
        benefit_asked=benefit and cues.benefit_asked.found(asking, words),
        benefit_text=_money_part(asking, lang, cues) if benefit else "",
        named_unstated=next((k for k in cues.figures if k.name == "fee"), None)
        if intent.fee_named or intent.other_charge
        else _named_window(asking, words, cues)
        if intent.yes_no or tagged
        else None,
        task=cues.task.found(normalized, all_words) and not cues.own_writing.found(normalized, all_words),
        directions=cues.directions.put_up(normalized),
        override=cues.override.found(normalized, all_words),
        reveal=cues.reveal.found(normalized, all_words),
        # "… list them pls" asks too: a request, question mark or not
        subject_asked=cues.subject_asked.found(asking, words),
        particulars=cues.particulars.found(asking, words)
        or bool(_REQUEST.search(normalized) and cues.particulars.found(normalized, all_words)),
        modal=modal,
        denies=cues.denies.found(normalized, all_words),
        universal=cues.universal.found(normalized, all_words),
        still_applies=cues.still_applies.found(asking, words),
        chooses=cues.chooses.found(normalized, all_words),
        other_currency=cues.foreign_currency.found(normalized, all_words),
        confirms=intent.injection or premise or tagged,
        tagged=tagged,
        cites_policy=bool(_CITES_POLICY.search(normalized)),
        time_put_up=bool(_TIME_PUT_UP.search(arabic(normalized))),
        outside=cues.outside_zone.found(normalized, all_words) and not cues.becoming_zone.found(normalized, all_words),
        outside_names=frozenset(name for name in cues.outside_zone.zh if name in normalized),
        other_business=cues.other_business.found(normalized, all_words),
        non_enterprise=cues.non_enterprise_employer.found(normalized, all_words),
        # every name of each kind named: "大学" asked is the "高校" a clause names
        non_enterprise_kinds=frozenset(
            name for kind in cues.non_enterprise_kinds if any(n in normalized for n in kind) for name in kind
        ),
        access=cues.access.found(access_text := asked_clauses(normalized, cues) or asking, words_of(access_text)),
        self_described=cues.self_description.found(normalized, all_words),
        later=cues.later_years.found(questions, words_of(questions)),
        procedure=cues.procedure.found(normalized, all_words),
        exact=cues.exact.found(asking, words),
        gap=cues.gap.found(normalized, all_words),
        rank_asked=cues.rank_asked.found(normalized, all_words),
        counted=cues.counted.found(asking, words),
        issuing=cues.issuing.found(question_part, words_of(question_part)),
        in_charge=bool(_IN_CHARGE.search(normalized)),
        issue_date=cues.issue_date.found(normalized, all_words) and not _IN_FORCE.search(normalized),
        about_document=cues.about_document.found(normalized, all_words),
        target_years=cues.target_years.found(questions, words_of(questions)),
        lacks=negated_grams(normalized).union(*(i.lacks for i in implied)),
        changes=changed_words(normalized),
        not_cases=not_case_grams(normalized).union(*(i.not_cases for i in implied)),
        not_whom=frozenset().union(*(i.not_whom for i in implied)),
        authorities=cues.authorities.read(normalized),
        options=options,
        option_bodies=frozenset(a.body for o in options for a in cues.authorities.read(o)),
        option_local=any(w in o for o in options for w in cues.local_level),
        # a holder said to hold something ("外籍合伙人拿的是永久居留身份证,能当…") is no holder asked about
        specifics_asked=_named_in(_HOLDS.sub(" ", question_part), cues) if held else in_question,
        held=held,
        # "2035年的呢？2025年的我知道", "文件提了2025年和2035年的目标，有没有2030年的？": the year asked
        years=asked_years(question_part) or asked_years(questions),
        listing=listing_of(questions, cues.listing_equivalents),
        member=member_of(normalized, lang, written),
        item_member=member_item(normalized, lang),
        compared=compared_with(questions, cues),
        headed=frozenset(k.name for k in intent.figures if any(k.cues.found(h, words_of(h)) for h in heads)),
    )


# a question word and the words it asks of ("What documents does …", "需要哪些材料", "要准备什么材料")
_HEAD = re.compile(r"\b(?:what|which)\s+(?:[a-z]+\s+){0,2}[a-z]+\b|(?:什么|哪些|哪几[类种个项样]?)\S{0,4}")
# … or, in the first question, whether there is ("Is there a minimum salary …", "有没有年薪门槛"; not "…per entry?
# also is there a visa fee?", a part of its own)
_HEAD_THERE = re.compile(
    r"\b(?:is|are) there\s+(?:(?:a|an|any)\s+)?(?:[a-z]+\s+){0,2}[a-z]+\b|(?:有没有|有无|是否有)[^\s,，。?？]{0,6}"
)
_QUESTION_END = re.compile(r"[?？;；]")


# how long the policy holds ("until what date is it in force?"), which the date it was issued does not answer
_IN_FORCE = re.compile(r"\bin force\b|\bexpir|\bvalid\b|\beffective\b|\buntil\b|到期|失效|有效期|施行|生效|截止")
_IN_CHARGE = re.compile(r"负责|牵头|责任单位|主管|\bresponsible\b|\bin charge\b|\bleads?\b")


def heads_of(questions: str) -> list[str]:
    """Each question word of the question clauses with the words it asks of."""
    first = _QUESTION_END.split(questions, maxsplit=1)[0]
    return [m.group(0) for m in _HEAD.finditer(questions)] + [m.group(0) for m in _HEAD_THERE.finditer(first)]


# an English plural noun (no word of grammar that ends in "s": "does", "this" …)
_PLURAL = (
    r"(?!(?:does|was|has|this|its|ours|yours|theirs|plus|always|perhaps|unless|whereas|across|thus|less)\b)"
    r"([a-z]{3,}s)\b"
)
# what a "which …?" question asks the members of: the word after "哪些" or before "有哪些" ("重点招引哪些产业",
# "主导产业有哪些"), the plural noun after "which"/"what (kinds of)" ("which industries", "what kinds of funds")
_LISTING = (
    re.compile(r"(?:哪些|哪几[类种个项]|哪[类种]|哪一些)(?:类型的|方面的|领域的|重点)?([\u4e00-\u9fff]{2})"),
    re.compile(r"([\u4e00-\u9fff]{2})(?:主要)?(?:有|是|包括|包含|指|分别指|分别是)哪些"),
    # "…还有啥供地方式?": what else, of a kind named in few words (not "还有什么海外工程师的试点")
    re.compile(
        r"(?:还有|其他|其它)(?:什么|哪些)(?:样的|类型的|别的)?([\u4e00-\u9fff]{2})(?=[\u4e00-\u9fff]{0,3}(?:[?？,，。;；]|$))"
    ),
    re.compile(rf"\b(?:which|what)\s+(?:(?:kinds?|types?|sorts?|categories)\s+of\s+)?(?:[a-z-]+\s+){{0,2}}?{_PLURAL}"),
    re.compile(rf"\bwhat\s+are\s+the\s+(?:[a-z-]+\s+){{0,2}}?{_PLURAL}"),
)


def listing_of(questions: str, equivalents: Mapping[str, tuple[str, ...]] | None = None) -> frozenset[str]:
    """The words naming what the question clauses ask the members of; an English plural also in the singular; each
    with the words the policy uses for it (`equivalents`: "supply options" are its "supply methods")."""
    found = {m.group(1) for pattern in _LISTING for m in pattern.finditer(questions)}
    singular = {w[:-3] + "y" if w.endswith("ies") else w[:-1] for w in found if w.isascii()}
    named = found | singular
    return frozenset(named | {e for w in named for e in (equivalents or {}).get(w, ())})


def _named_window(asking: str, words: tuple[str, ...], cues: Cues) -> FigureKind | None:
    """The deadline or processing-time kind a yes/no question names ("Is there an application window?")."""
    return next((k for k in cues.figures if k.name in _WINDOWS and k.cues.found(asking, words)), None)


_WINDOWS = frozenset({"deadline", "processing_time"})  # the times of a procedure: the policy states none


def _for_itself(questions: str, cues: Cues) -> bool:
    """The asking sentences ask for the asker, unless they ask of a zone by its level or a reward's occasion ("请问
    国家高新区…前进3位以上的,市里奖励多少?") and name neither a party, the asker ("we", "我们"; not "tell us") nor a
    company ("排名靠前的企业有多少奖励?")."""
    words = words_of(questions)
    if any(cue.found(questions, words) for cue in cues.parties.values()) or FIRST_PERSON.search(
        _TO_US.sub(" ", questions)  # "麻烦也告诉我们一下", "please let us know": the asker asks, for no one
    ):
        return True
    of_zone = _ZONE.search(questions) and (qualifiers_of(questions, cues) or occasions_of(questions, cues))
    return not of_zone or bool(_COMPANY.search(questions))


#: the asker speaking of themselves ("我们", "our")
FIRST_PERSON = re.compile(r"我|咱|本公司|本企业|\b(we|us|our|ours|i|me|my)\b")
_TO_US = re.compile(
    r"(告诉|告知|回复|答复)(一下)?我们?|\b(let (me|us) know|tell (me|us)|reply to (me|us)|get back to (me|us))\b|"
    r"\b(i|we)(\s+would|'d|’d)?( also)? (like to know|appreciate|be grateful|want to know|wonder)\b"
)
_ZONE = re.compile(r"高新区|园区|开发区|县区|县级|\b(zones?|parks?|count(y|ies))\b")
_COMPANY = re.compile(r"企业|公司|厂|\b(compan(y|ies)|firms?|enterprises?|startups?|business(es)?|factor(y|ies))\b")


def _party(
    normalized: str, all_words: tuple[str, ...], money: bool, elsewhere: bool, cues: Cues, asks_itself: bool
) -> str:
    """The party the question asks for itself as ("我们公司…"); asking money, also the one it says it is
    ("被认定为链主企业的话能拿多少奖励?", "I run a software shop … how much can I get?"), unless `elsewhere`: it
    names a zone level, a reward's occasion or whom the money goes to ("…goes to companies' R&D budgets, right?"),
    or it speaks for a zone or a county ("我们高新区"). None when the asking sentences do not ask for the asker
    (`asks_itself`, see `_for_itself`): "我们是一家园区咨询公司,在给客户做政策梳理。请问国家高新区…前进3位以上的,
    市里奖励多少?" asks the national zones' reward."""
    found = next((name for name, cue in cues.parties.items() if cue.found(normalized, all_words)), "")
    if found and not asks_itself:
        return ""
    if found or not money or elsewhere or cues.grantee_self.found(normalized, all_words):
        return found
    return next((name for name, cue in cues.money_askers.items() if cue.found(normalized, all_words)), "")


def _named_in(text: str, cues: Cues) -> frozenset[str]:
    """The ids of the specifics `text` names."""
    words = words_of(text)
    return frozenset(s.id for s in cues.specifics if s.cues.found(text, words))


def _named(
    s: Specific,
    asking: str,
    words: tuple[str, ...],
    unsaid: tuple[str, tuple[str, ...]],
    in_question: frozenset[str],
    asks_of_someone: bool,
    modal: bool = False,
    industry_text: tuple[str, tuple[str, ...]] = ("", ()),
) -> bool:
    """The question names specific `s` as something asked: an identity only in its question clauses ("华裔身份有没有
    额外的优惠？", not "本人美籍华人，…能当法定代表人吗？"); a person in its asking sentences, unless named only
    before question clauses that ask nothing someone may get or do ("准备带老婆孩子一起过来，政策里对教育、医疗配套
    有提到吗？"); an industry in its question clauses or in `industry_text` (the whole text, when a question clause
    asks of industries: "我们是化工企业，能享受主导产业扶持吗？"; else the text without the asker's own business: not
    "我们是一家国有化工企业，…要不要补交土地价款？"); anything else outside where the asker says who they are
    (`unsaid`)."""
    if s.body:  # "高校能不能…？" asks whether one may; "我们是高校，人才公寓怎么申请？" asks nothing of it
        return modal and s.id in in_question
    if s.identity:
        return s.id in in_question
    if s.industry:
        return s.id in in_question or s.cues.found(*industry_text)
    if s.person:
        return s.cues.found(asking, words) and (asks_of_someone or s.id in in_question)
    return s.cues.found(*unsaid)  # the text and its words


def _unsaid(text: str, cues: Cues) -> str:
    """`text` without where the asker says who they are ("我是一家创投基金的合伙人", "I'm a foreign PhD in …") and
    without an alternative it sets aside ("… on contracts rather than through fixed establishment posts?")."""
    for pattern in (*cues.self_description.patterns, *cues.set_aside.patterns):
        text = pattern.sub(" ", text)
    return text


def colloquial(normalized: str, cues: Cues) -> str:
    """Normalized text with its chat forms read as written ones ("确认函咋申请 要准备啥材料", "when r they out")."""
    for pattern, written in cues.colloquial:
        normalized = pattern.sub(written, normalized)
    return normalized


def benefit_cues(asking: str, words: tuple[str, ...], cues: Cues) -> tuple[CueList, bool]:
    """The words of the forms of money asked about ("rent-free space": waivers), which a clause must name
    to answer (every form when the question names none in particular: "any cash?"), and whether one
    of them is a form a statement of funding does not answer."""
    named = [name for name, cl in cues.benefit_forms.items() if name != "money" and cl.found(asking, words)]
    forms = merged(*(cues.benefit_forms[name] for name in named)) if named else cues.benefit
    return forms, any(name not in cues.funding_answers for name in named)


def qualifiers_of(text: str, cues: Cues) -> frozenset[int]:
    """The indexes of the exclusive qualifier groups (national, provincial …) normalized `text` names;
    a floor ("市级以上", "at or above the municipal level") names none, nor does a comparison ("跟省级一样")."""
    text = without_comparisons(cues.qualifier_floor.sub(" ", text), cues)
    becoming = cues.becoming.search(text)
    if becoming is not None and qualifiers_of(text[becoming.end() :], cues):  # "省级高新区升格为国家高新区"
        text = text[becoming.end() :]
    words = words_of(text)
    return frozenset(i for i, group in enumerate(cues.exclusive_qualifiers) if group.found(text, words))


@dataclass(frozen=True)
class Attributed:
    """A figure the question gives to one zone level (and the occasions its clause names)."""

    level: int
    occasions: frozenset[int]
    figure: str  # "money:1000000"


def attributed_figures(normalized: str, cues: Cues) -> frozenset[Attributed]:
    """The figures the question states in a clause naming one level, with that level and the clause's occasions
    ("省级都有100万，国家级应该更多吧" gives the provincial zones' 100万: provincial, "money:1000000")."""
    attributed = set()
    for clause in _CLAUSES.split(normalized):
        levels = qualifiers_of(clause, cues)
        occasions = occasions_of(clause, cues)
        if len(levels) == 1:  # (not a figure of what it compares with: "国家高新区是不是也跟省级的100万一样？")
            figures = stated_figures(without_comparisons(clause, cues))
            attributed |= {Attributed(min(levels), occasions, figure) for figure in figures}
        elif levels:
            attributed |= _each_level(clause, occasions, cues)
    return frozenset(attributed)


def _each_level(clause: str, occasions: frozenset[int], cues: Cues) -> set[Attributed]:
    """A clause naming two levels, each with a figure of its own in a piece of its own ("排名进位奖励省级高新区
    100万、国家高新区才50万"; "70% for national zones but 80% for provincial"): each piece's figures given to its
    level, on the clause's occasions; none when a piece names a level without a figure of its own ("national and
    provincial zones get RMB 1 million and 500k": which is whose is not said) or the clause says "respectively"."""
    if _RESPECTIVELY.search(clause):
        return set()
    pieces = [(qualifiers_of(piece, cues), stated_figures(piece)) for piece in _JOINS.split(clause)]
    named = [(levels, figures) for levels, figures in pieces if levels]
    if any(len(levels) > 1 or not figures for levels, figures in named):
        return set()
    return {Attributed(min(levels), occasions, figure) for levels, figures in named for figure in figures}


_CLAUSES = re.compile(r"[，。？?；;！!]|(?<!\d),|,(?!\d)|\.\s")  # (not "1,000,000")
#: where a clause's pieces join ("省级100万、国家级50万", "… 1 million and national zones only 500k")
_JOINS = re.compile(r"、|\s(?:and|but|while|whereas|vs\.?|versus)\s|而|但|可是|却")
_RESPECTIVELY = re.compile(r"分别|各自|\brespectively\b")


def occasions_of(text: str, cues: Cues) -> frozenset[int]:
    """The indexes of the occasions (newly recognised, moving up the ranking …) normalized `text` names."""
    text = without_comparisons(text, cues)
    words = words_of(text)
    return frozenset(i for i, occasion in enumerate(cues.occasions) if occasion.cues.found(text, words))


def without_comparisons(text: str, cues: Cues) -> str:
    """`text` without what it compares with ("是不是也跟新认定省级高新区一样", "the same as national zones")."""
    for pattern in cues.comparison:
        text = pattern.sub(" ", text)
    return text


def long_message(normalized: str, lang: str) -> bool:
    """A message long enough to dilute what it retrieves as a whole (an e-mail, a web-form enquiry)."""
    if lang == "zh":
        return han_count(normalized) >= LONG_MESSAGE_ZH
    return len(normalized.split()) >= LONG_MESSAGE_EN


#: Chinese characters, or English words, from which a message is long (an enquiry e-mail: a greeting, who writes,
#: then its asks; the single questions and two-part messages of the blind sets are mostly under 60 and 40)
LONG_MESSAGE_ZH = 80
LONG_MESSAGE_EN = 50


def compared_with(text: str, cues: Cues) -> tuple[str, ...]:
    """What normalized `text` compares something with ("比全国平均水平高多少个百分点": 全国平均水平; "more generous
    than what Shanghai offers": what shanghai offers), as written."""
    found = (m.group("other").strip() for pattern in cues.compared_with for m in pattern.finditer(text))
    return tuple(dict.fromkeys(other for other in found if other and not _ASKED_SIDE.match(other)))


#: a side the question asks for ("跟哪个名次比?", "比什么"): no side it names
_ASKED_SIDE = re.compile(r"哪|什么|谁|多少|\b(which|what|who|whom|how)\b")


def compares(text: str, cues: Cues) -> bool:
    """True when normalized `text` compares with something ("能不能参照省级的20万元标准？")."""
    return any(pattern.search(text) for pattern in cues.comparison)


def inherited_occasions(question: Question, earlier: Question) -> frozenset[int]:
    """The occasions a follow-up asks about: its own, or the earlier question's when it only switches the
    zone level ("新认定的省级高新区奖励多少？" → "那国家级的呢？"); "What about counties?" asks about
    counties, whatever they are rewarded for."""
    return question.occasions or (earlier.occasions if question.qualifiers else frozenset())


def as_follow_up(question: Question, earlier: Question) -> Question:
    """A follow-up read with the question before it: it keeps asking what that one asked unless it
    asks something of its own, and about the same zone level unless it names another ("那省级的呢？")."""
    return replace(
        question,
        intent=question.intent.merged_with(earlier.intent),
        qualifiers=question.qualifiers or earlier.qualifiers,
        occasions=inherited_occasions(question, earlier),
        party=question.party or earlier.party,
        party_asks=question.party_asks or earlier.party_asks,
        specifics=question.specifics or earlier.specifics,
        benefit=question.benefit or (earlier.benefit and not question.figures),
        follow_up=True,
    )


# a sentence that requests rather than asks ("… list them pls")
_REQUEST = re.compile(r"(^|[.!?;。！？；]\s*)((please|pls|kindly|can you|could you)\s+)?(list|name|spell|enumerate)\b")
# a third person the asking sentence refers to, named before it
# what a family member is said to hold or be: "我老公…有永久居留身份证", "my husband … holds a … card", "我儿子是外籍
# 高层次人才"
_HOLDER = (
    r"(?:他|她|老公|先生|丈夫|妻子|老婆|太太|爱人|儿子|女儿|孩子|父亲|母亲|合伙人|股东|同事|朋友|\bhusband\b|\bwife\b"
    r"|\bspouse\b|\bson\b|\bdaughter\b|\bhe\b|\bshe\b|\bpartner\b|\bco-?founder\b|\bshareholder\b|\bcolleague\b)"
)
#: holding, said before the holder ("拿着永久居留身份证的外籍股东")
_HOLDING_BEFORE = r"(?:持有|拿到了?|拿了|拿着?(?![不没到])|取得了?|办了)"
_IN_HAND = r"(?:手上|手里)(?:拿的|持的)?是"  # "手上是工作许可证"
_HELD = (
    re.compile(
        _HOLDER
        + r"[^。.;；?？!！]{0,30}?(?:(?:拿|持|用|办)的是|"
        + _IN_HAND
        + r"|持有|有(?!效)|持|拿到了?|拿了|取得了?|获得了?|办了"
        r"|\bholds?\b|\bhas\b|\bgot\b"
        r"|\bobtained\b)\s*([^,，。.;；?？!！]{2,40})"
    ),
    re.compile(_HOLDER + r"\s*(?:是|\bis an?\b)\s*([^,，。.;；?？!！]{2,40})"),
    # … or holds, said before them ("拿了永久居留身份证的外籍合伙人")
    re.compile(_HOLDING_BEFORE + r"\s*([^,，。.;；?？!！]{2,30}?)的\S{0,4}" + _HOLDER),
)
# … of which a holder said to hold a card or permit in so many words ("外籍合伙人拿的是永久居留身份证"), not only "有"
_HOLDS = re.compile(
    _HOLDER
    + r"[^。.;；?？!！,，]{0,10}?(?:(?:拿|持|用)的是|"
    + _IN_HAND
    + r"|持有|拿着|拿到了?|拿了|取得了?|\bholds?\b|\bhas got\b)"
    r"\s*[^,，。.;；?？!！]{2,40}"
    r"|" + _HOLDING_BEFORE + r"\s*[^,，。.;；?？!！]{2,30}?的\S{0,4}" + _HOLDER  # "拿着…的外籍股东"
)
_REFERS = re.compile(r"\b(they|them|their|he|him|his|she|her)\b|(?<!其)他|她", re.IGNORECASE)
# a situation the asker tells of themselves is asked about too ("I want to switch companies. Do I need a new permit?")
_REFERS_SITUATION = re.compile(_REFERS.pattern + r"|\b(i|me|my|we|us|our)\b|我", re.IGNORECASE)
# a statement with a tag that asks to have it confirmed: "…就行了吧？", "…, yes?", "…, isn't it?"
# a floor of its own the asker puts up as the policy's condition ("前进5位以上才给…吗", "only if it moves up 5 or more
# places"): a figure to confirm, like one with a tag
_FLOOR_PUT_UP = re.compile(
    r"\d+\s*\S{0,2}(以上|及以上|或以上)才"
    r"|\bonly (if|when)\b.{0,40}\b\d+ (\w+ )?(or more|and above|or above)\b"
    r"|\b(at least|a minimum of) \d+\s*\w*\s*(\w+ )?(to (get|qualify|receive|be eligible)|required|needed|before)\b"
    r"|\b\d+ (\w+ )?(or more|and above) (\w+ )?(to (get|qualify|receive|be eligible)|required|needed|before)\b"
)


def member_of(text: str, lang: str, written: str = "") -> str:
    """What the question asks is one of a kind of things (industries, fields) a clause may list: the words before
    "算不算/属于…产业" ("冷链物流算不算高新区的主导产业?"), or between "does" and "count as … industry"; "" when it
    asks no such thing, names it in another sentence ("我们是做量子计算的初创公司,属于…吗?"), names only the asker's
    own business ("我们公司", "our business") or an acronym or a term with digits a list may write out ("AI医疗",
    "5G"; told by `written`, the asker's own casing)."""
    found = (_MEMBER_ZH if lang == "zh" else _MEMBER_EN).search(text)
    if not found:
        return ""
    member = _ASKING_FIRST.sub("", found.group("member")).strip()
    # "这两个方向", "these fields": named elsewhere in the message; "我们是做实木家具的,我们这个行业算不算…产业?", "We
    # make furniture. Would our line of business count as …?": the asker's own business is what it says it makes
    spelled = bool(re.search(r"[a-z\d]", member))  # (a Chinese member with letters or digits: "AI医疗", "5G")
    names_nothing = len(_named_words(member, lang)) < (2 if lang == "zh" else 1) and not (lang == "zh" and spelled)
    if (_REFERS_ZH.search(member) if lang == "zh" else _REFERS_EN.search(member)) or names_nothing:
        made = (_MAKES_ZH if lang == "zh" else _MAKES_EN).search(text)
        if made is None:
            return ""
        member = made.group("made").strip()
    words = _named_words(member, lang)
    if lang == "zh":
        return "" if re.search(r"[a-z\d]", member) or len(words) < 2 else member
    forms = (m.group() for w in words if len(w) <= 5 for m in re.finditer(rf"\b{w}s?\b", written, re.I))
    acronym = any(sum(c.isupper() for c in form) >= 2 for form in forms)  # "AI", "IoT", not "Biotech"
    return "" if not words or acronym or re.search(r"\d", member) else member


def member_item(text: str, lang: str) -> tuple[str, str]:
    """What the question asks is one item a list may name, and that item, when it names no kind of thing
    ("水产品加工算不算现代农业?" → 水产品加工, 现代农业; "Does shipbuilding count as advanced manufacturing?");
    ("", "") when it asks no such thing."""
    found = (_ITEM_ZH if lang == "zh" else _ITEM_EN).search(text)
    if not found:
        return "", ""
    member = _ASKING_FIRST.sub("", found.group("member")).strip()
    if (_REFERS_ZH.search(member) if lang == "zh" else _REFERS_EN.search(member)) or len(_named_words(member, lang)) < (
        2 if lang == "zh" else 1
    ):
        return "", ""
    item = found.group("item").strip().split("的")[-1]  # "政策里讲的先进制造": 先进制造
    return (member, item) if item else ("", "")


#: "X算不算Y?", "does X count as Y?": one thing asked to be another a list may name
_ITEM_ZH = re.compile(
    r"(?:^|[，,。？?；;：:！!\s])(?P<member>[^，,。？?；;：:！!\s]{2,16}?)(?:算不算|算是|属不属于|属于)"
    r"(?P<item>[^，,。？?；;：:！!\s吗呢]{2,12})(?:吗|呢)?\s*(?:[？?，,。]|$)"
)
_ITEM_EN = re.compile(
    r"\b(?:does|do|would|will)\s+(?P<member>[\w\s&/-]{2,40}?)\s+"
    r"(?:count as|counts as|fall under|falls under|be considered)\s+(?:an?\s+|the\s+)?['\"‘“]?"
    r"(?P<item>[\w\s-]{3,40}?)['\"’”]?\s*(?:\?|$|,|\bunder\b|\bin\b|\bfor\b)",
    re.I,
)
_MEMBER_ZH = re.compile(
    r"(?:^|[，,。？?；;：:！!])\s*(?!是不是|算不算|算是|属于|属不属于|在不在|包不包括)(?P<member>[^，,。？?；;：:！!]{2,20}?)\s*"
    r"(?:算不算|算是|属不属于|属于|是不是|在不在|包不包括)[^，,。？?；;]{0,12}(?:产业|行业|领域|方向)"
)
_MEMBER_EN = re.compile(
    r"\b(?:does|do|is|are|would|will)\s+(?P<member>[\w\s&/-]{2,60}?)\s+"
    r"(?:count as|counts as|qualify as|fall under|falls under|belong to|be considered|considered)\b"
    r"[^.?!]{0,40}\b(?:industry|industries|sector|sectors|field|fields)\b",
    re.I,
)
#: the asker says what the policy itself states ("政策说…", "according to the policy …"), not what they heard or
#: believe ("既然…", "i was told")
_CITES_POLICY = re.compile(
    r"政策(里|上|中)?(说|规定|要求|写|明确)|(按|按照|根据|依据)(政策|规定|文件)|文件(里|上|中)?(说|规定|写)"
    r"|\b(according to|under|per) (the|this) (policy|document)\b"
    r"|\bthe (policy|document) (says|states|provides|stipulates)\b"
)
#: what opens a question before the thing it asks of ("请问", "想问一下")
_ASKING_FIRST = re.compile(
    r"^\s*(请问一下|请问|想问一下|想问问|想问|问一下|我想知道|想知道|不知道|不清楚|想确认一下|想了解一下|咨询一下)[:：]?"
)
#: a member that refers to what the message named before it
_REFERS_ZH = re.compile(r"[这那该其此]|上述|以上|前面")
_REFERS_EN = re.compile(r"\b(this|that|these|those|it|they|them|such|above|both)\b")
#: the asker's own business, named as no industry ("我们公司", "这个项目")
_OWN_ZH = re.compile(
    r"我们|我司|本公司|咱们|公司|企业|项目|这个|这类|这种|该|的|做|搞|从事|业务|产品|团队|初创|方向|领域|行业|产业|赛道"
)
#: the asker's own business ("我们是一家国有化工企业", "we run a chemical plant"): its industry is no thing asked
_OWN_BUSINESS = re.compile(
    r"(?:我们|我司|本公司|咱们|我公司|我厂)(?:公司|企业)?(?:是|为|作为|这种|这样的|属于|这家|这个)?(?:一家|一个|个)?"
    r"(?:(?!有家|有一家|有个|有些|有几家|在)[^，,。？?；;！!]){0,10}?(?:企业|公司|工厂|厂)"
    r"|\b(?:we are|we're|we run|we operate|i run|i own|our|as) (?:an? )?(?:[\w-]+ ){0,4}?"
    r"(?:company|firm|plant|factory|enterprise|business|group|manufacturer|producer)\b"
)
#: what the asker says its business makes or does ("我们是做实木家具的", "a firm making GaN power devices")
_MAKES_ZH = re.compile(
    r"(?:做|从事|生产|研发|制造)(?!投入|费用|经费|人员|中心|团队|的)(?P<made>[\u4e00-\u9fffa-z0-9]{2,12}?)(?:的|业务|产品|行业)"
)
_MAKES_EN = re.compile(
    r"\b(?:we|i|firm|company|business|startup|manufacturer|maker)\s+(?:that\s+)?(?:makes?|making|manufactures?|"
    r"manufacturing|produces?|producing|develops?|developing|specializ(?:es|ing) in|specialis(?:es|ing) in)\s+"
    r"(?P<made>[a-z][\w&/ -]{1,40}?)(?=\s*(?:[.,;:!?()]|$|\s(?:and|for|in|at|with|here|from)\b))"
)


def _named_words(member: str, lang: str) -> list[str]:
    """What a member names besides the asker's own business ("我们这个行业", "our line of business" name nothing): its
    Chinese characters, or its English words."""
    if lang == "zh":
        return re.findall(HAN, _OWN_ZH.sub("", member))
    return [w for w in re.findall(r"[a-z]+", member) if w not in NAMES_NOTHING_EN]


#: English words of a member that name no industry ("our business", "the … sector"; the judge reads them so too)
NAMES_NOTHING_EN = frozenset(
    "our my the a an we and for with from company companies firm business startup project projects that this these "
    "those like kind type sort such what which one zone zones industry industries sector sectors field fields line of "
    "area areas niche segment segments work activity activities product products".split()
)


_TAG_QUESTION = re.compile(
    r"(吧|是这样吗|是这样的吗|对不对|是吗|对吗|对么|是么|没错吗|是真的吗|[,，]\s*是不是)\s*([?？。]*\s*$|[?？])|[,.]\s*(yes|yeah|yep|no|correct|true|right|ok|okay)\s*\?\s*$"
    # … or said without a mark, as a voice message is ("so the R visa is valid for five years max correct")
    # (not a question in words, "how do i turn right", nor "the right", "get … right", "is correct")
    r"|^(?![^.?!。？！]*\b(?:what|which|how|who|whom|whose|when|where|why)\b)[^.?!。？！]*"
    r"(?<!\bthe)(?<!\bturn)(?<!\bget)(?<!\ball)(?<!\bis)(?<!\bare)(?<!\bbe)"
    r"\s(correct|right|is (that|it) (right|correct|true|so))\s*$"
    r"|\b(is|isn't) (that|this|it) (how it works|the case|so|true|accurate|correct|right)\s*\?\s*$"
    r"|是不是[^?？。]{0,30}(就行|就可以|就够|就好)了?\s*[?？]"
    r"|\b(isn't|aren't|doesn't|don't|won't) (it|they|i|we)\s*\?\s*$"
    # "So the letter comes from the city bureau?": a statement put as a question, no question word in it
    r"|^(?:(?:ok|okay|and|oh|right),?\s+)?so,?\s+(?!(?:is|are|am|was|were|do|does|did|can|could|will|would|should|may"
    r"|might|must|shall|has|have)\b)(?![^?？]*\b(?:what|which|who|whom|whose|when|where|why|how)\b)[^?？]*[?？]\s*$"
)


#: a processing time said as a figure
_TIME_PUT_UP = re.compile(
    r"\b(?:processing|approval|issuance|issuing|review|vetting)\s+(?:usually\s+|normally\s+|only\s+|just\s+)?"
    r"(?:takes?|took)\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+)?\d+\s+(?:working\s+|business\s+)?"
    r"(?:weeks?|days?|months?)\b"
    r"|(?:出签|出证|发证|签发|核发|颁发|办理|审批|审核|受理|批下来|办下来)\S{0,4}(?:只要|只需|只需要|就要|需要|要)"
    r"(?:大概|大约|约)?\d+\s*个?(?:工作日|天|周|星期|礼拜)"
)

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def _asked_levels(normalized: str, questions: str, cues: Cues) -> frozenset[int]:
    """The zone levels the question asks about: those its question clauses name, else its asking sentences,
    else the whole text ("新认定的国家高新区奖励多少？省级的我知道": national; "我们是省级高新区。奖励多少？":
    provincial)."""
    for text in (asked_clauses(normalized, cues), questions, normalized):
        if levels := qualifiers_of(text, cues):
            return levels
    return frozenset()


def _money_part(asking: str, lang: str, cues: Cues) -> str:
    """The part of a question that asks for money (the whole when it asks one thing)."""
    return next((p for p in cues.question_parts.split(asking, lang) if cues.benefit.found(p, words_of(p))), asking)


def years_of(text: str) -> frozenset[str]:
    """The years (2000–2099) normalized `text` names."""
    return frozenset(_YEAR.findall(text))


def asked_years(text: str) -> frozenset[str]:
    """The years a question names, but those it gives as the bounds a year it asks of lies between ("the R&D
    target for 2030, somewhere between the 2025 and 2035 numbers?": 2030) or measures it against
    ("2035年…目标要比2025年提高到多少": 2035) or tells as the year it now is ("现在已经2026年了,…目标是多少?")."""
    years = years_of(text) - {y for m in _NOW_YEAR.finditer(text) for y in m.groups() if y}
    bounds = frozenset(y for pattern in (_BETWEEN, _AGAINST) for m in pattern.finditer(text) for y in m.groups() if y)
    return years - bounds or years


#: a zone or park of a level ("省级高新区", "a municipal-level park"), not a level of talent or of a programme
_LEVEL_ZONE = re.compile(
    r"(?:国家级|国家|省级|省|市级)的?(?:高新技术产业开发区|高新区|园区|开发区|工业园)"
    r"|\b(?:national|provincial|municipal|city|state)(?:[- ]level)?\s+(?:high-tech |hi-tech )?(?:zones?|parks?)\b"
)

#: a year a question measures another against ("比2025年", "than in 2025", "compared with 2025")
_AGAINST = re.compile(
    r"(?:(?<![占对无类评排])比|相比|比起|相较于?)\s*(20\d\d)|\b(?:than|compared (?:to|with)) (?:in |the )?(20\d\d)\b"
)

#: the year the asker says it now is ("现在已经2026年了,", "now that it's 2026")
_NOW_YEAR = re.compile(
    r"(?:现在|目前|如今|今年)(?:已经)?(?:是)?\s*(20\d\d)\s*年了?(?=[,，。\s])"
    r"|\b(?:it's|it is) (?:already |now )?(20\d\d)\b"
)

#: two years a question puts another between
_BETWEEN = re.compile(
    r"\bbetween (?:the )?(20\d\d)\D{0,12}? and (?:the )?(20\d\d)\b"
    r"|介于\s*(20\d\d)\D{0,4}?(?:和|与|到|至)\s*(20\d\d)\D{0,4}?之间"
)


def _modal(normalized: str, words: tuple[str, ...], lang: str) -> bool:
    if lang == "zh":
        return any(m in normalized for m in _MODAL_ZH)
    return " ".join(words).startswith(_MODAL_EN)


_ELIGIBLE = re.compile(r"\b(?:qualif(?:y|ies)|eligible|entitled)\b|有资格|符合条件|够条件|够格")
_SEGMENT = re.compile(r"[,，。;；?？!！\s]")


def _unended(sentence: str, index: int, sentences: list[str]) -> bool:
    """The last of `sentences`, written without a full stop."""
    return index == len(sentences) - 1 and not sentence.rstrip().endswith(("。", "！", "!", ";", "；"))


_OPEN = re.compile(r"(谁|什么|啥|哪\S?|别的|其他|其它)\S{0,2}$")  # "谁报", "啥": the question word, no choice
_SENTENCES = re.compile(r"[^？?；;。！!]+[？?；;。！!]*")
_LEAD = re.compile(r".*(?:是|找|在|去|按|给|由|要|归)")  # "是找人社局批" → "人社局批"
_TAIL = re.compile(r"(?:的|吗|呢|啊|呀|吧)+$")
# levels said colloquially, read as the policy writes them ("省里还是市里" against "市级以上")
_LEVEL_WORDS = (("省里", "省级"), ("市里", "市级"), ("县里", "县级"))


def options_of(normalized: str) -> tuple[str, ...]:
    """The two things a Chinese either-or question asks between ("是在全省范围内排还是全市范围内排？"
    → 全省范围内排, 全市范围内排), levels read as the policy writes them; () when it asks none. Where some
    sentence ends with a question mark, only those sentences put up a choice ("归学校还是归个人,一直扯不清。
    政策里是怎么提的？" tells a dispute and asks what the policy says)."""
    sentences = _SENTENCES.findall(normalized)
    # (a last sentence without a full stop that puts up a choice asks too: "…吗？是绝对禁止还是有余地")
    marked = [
        s
        for i, s in enumerate(sentences)
        if s.rstrip().endswith(("?", "？")) or (_unended(s, i, sentences) and "还是" in s)
    ]
    for segment in _SEGMENT.split(" ".join(marked) if marked else normalized):
        first, found, second = segment.partition("还是")
        if not found:
            continue
        first = _TAIL.sub("", _LEAD.sub("", first))
        second = _TAIL.sub("", re.sub(r"^(?:是|找|在|去|按|给|由|要|归)", "", second))
        for said, written in _LEVEL_WORDS:
            first, second = first.replace(said, written), second.replace(said, written)
        if _OPEN.match(first) or _OPEN.match(second):
            continue  # "是乡镇直接报还是谁报?", "扣钱还是啥": an open alternative asks who or what, no choice
        if len(first) >= 2 and len(second) >= 2:
            return (first, second)
    return ()
