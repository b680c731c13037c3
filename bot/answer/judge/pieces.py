"""The comparisons the rules share: which clause holds a figure, for whom, and what a question names."""

from __future__ import annotations

import re
from itertools import pairwise

from bot.answer.cues import FigureKind
from bot.answer.judge.model import GRANTOR_PARTIES, ClauseEvidence, Evidence, Missing, Stated, Thresholds
from bot.answer.question import Question
from bot.corpus.model import Statement


def is_off_topic(q: Question, e: Evidence, t: Thresholds) -> bool:
    """Out of scope by a cue, by lack of evidence, or small talk (question parts use it to skip a part)."""
    if any(s.document for s in q.specifics):
        return False  # "when does this policy expire?" asks of the policy itself
    if q.intent.out_of_scope:
        return True
    if q.intent.responsible and e.named_units:
        return False
    if e.cited:  # "第二十四条用大白话讲讲", "Article 4 in plain English pls": of the policy, whatever its words
        return False
    no_shared_words = not e.topical_terms and (
        not e.has_words or (e.lexical_best == 0.0 and e.dense_best < t.dense_strong)
    )
    thin = not e.topical_terms and e.lexical_best < t.lexical_thin and e.dense_best < t.dense_thin
    weak = e.dense_best < t.dense_floor and e.lexical_best < t.lexical_floor
    small_talk = (
        q.intent.chit_chat
        and not q.figures
        and len(q.normalized) <= t.chit_chat_max_chars  # a greeting before a long question is manners
        and (
            q.intent.about_assistant  # "你是真人还是机器人？": 机器人 is a policy word, but not here
            or (not e.policy_terms and e.lexical_best < t.chit_chat_floor)
        )  # "hey, am I too old for a work permit?" is a question, greeting or not
    )
    return no_shared_words or thin or weak or small_talk


def statement_kinds(q: Question) -> list[FigureKind]:
    """The figure kinds asked that statements can hold; a kind the question itself states ("when is the
    deadline for the RMB 1 million reward?") is not asked, unless it states every kind it names (then the
    kinds whose figures the policy does not hold are) or offers its figures as options."""
    kinds = [k for k in q.figures if k.statement is not None]
    # figures put up as options ("奖50万还是100万？") ask which one holds: that kind is asked
    offered = [k for k in kinds if any(k.clause.search(option) for option in q.options)]
    kept = [k for k in kinds if not k.clause.search(q.given) or k in offered]
    # every kind named is stated too ("relaxed to 65, is each permit valid 1 year or longer?"): the one whose
    # figure the policy does not hold is what is in doubt, the others are premises
    doubted = [k for k in kinds if any(figure.partition(":")[0] == k.name for figure in q.unheld)]
    return kept or (doubted if len(doubted) < len(kinds) else []) or kinds


def figure_lead(
    q: Question, e: Evidence, kinds: list[FigureKind], guess: bool = False, any_subject: bool = False
) -> tuple[ClauseEvidence, Stated] | None:
    """The clause and statement that answer a request for a figure of one of `kinds`.

    The clause is the first that holds a figure of such a kind and is the best clause of the best
    article, or shares the question's specific words (always required when asked to guess, and then
    only in the best article). Its statement must be about the zone level asked (with `any_subject`,
    about anyone): a clause that holds the figure for another level answers that the policy states
    none for this one, rather than sending the search on to a clause about something else."""
    top = e.top
    if top is None or not kinds:
        return None
    wanted = {k.statement for k in kinds}
    if "value" in wanted and not counts(q):  # "专项资金一年有多少？": an amount, which no list of names gives
        wanted = (wanted - {"value"}) | {"any"}
    for candidate in e.candidates:
        if candidate.rank > (0 if guess else 2) or candidate.position >= 4:
            if candidate.rank > (0 if guess else 2):
                break
            continue
        if not any(of_wanted_kind(s, wanted) for s in candidate.stated) and not writes_figure(candidate, kinds):
            continue
        chosen = candidate is top and not guess and not q.follow_up
        # a clause sharing only some of the words the best match shares ("IP" of "IP insurance") is about
        # something broader or beside the point; a clause of another article must share more
        if not chosen and not points_closer(candidate, top):
            continue
        stated = holding_statement(q, candidate, wanted, any_subject)
        return (candidate, stated) if stated is not None else None
    return None


def actions_text(s: Stated) -> str:
    """What a statement does, in both languages, lower case."""
    return f"{s.statement.action_zh} {s.statement.action_en}".lower()


def counts(q: Question) -> bool:
    """A bare "how many"/"多少" counts things ("重点发展多少个产业？"), unless it asks an amount: "多少" closing
    the question or before money or area ("一年有多少？", "还有多少可供的工业用地？")."""
    if q.lang == "en":
        return "how many" in q.normalized
    return not _AMOUNT_ASKED.search(q.normalized)


_AMOUNT_ASKED = re.compile(r"多少(?=钱|资金|经费|金额|面积|亩|平方|可供|[？?，,。！!\s]|$)|还有多少")


def holding_statement(q: Question, clause: ClauseEvidence, wanted: set[str | None], any_subject: bool) -> Stated | None:
    """The clause's first statement of a wanted kind about whom the question asks."""
    if not clause.stated:  # a document without statements: the figure as the clause writes it
        return Stated(Statement(kind=str(next(iter(wanted))), subject="", action_zh="", action_en=""))
    pool = clause.stated if any_subject else compatible_statements(q, clause)
    found = next((s for s in pool if of_wanted_kind(s, wanted) and not _zones_counted(q, s, wanted)), None)
    if found is None:
        return None
    return pointed_statement(q, clause, found) or found


def pointed_statement(
    q: Question, clause: ClauseEvidence | None, stated: Stated | None, corrected: bool = False
) -> Stated | None:
    """Of the figures the clause states of one kind for one subject ("R字签证有效期最高10年、每次停留时间最高
    180日"), the one the question's own words point to and no other: a word of its action the others lack
    (有效期, valid; 每次, stay) or its unit (几年, how many days), figures the question writes aside. None when
    the clause states one such figure, or the question points to none or to several. A figure put up to be
    corrected points by its unit ("only good for 5 years, right?": the validity in years, not the stay in days)."""
    if clause is None or stated is None or not stated.statement.value_zh:
        return None
    same = [
        s
        for s in clause.stated
        if s.kind == stated.kind and s.statement.subject == stated.statement.subject and s.statement.value_zh
    ]
    if len(same) < 2:
        return None
    text = _WRITTEN_FIGURE.sub(" ", q.normalized.lower())
    words = [_action_words(s.statement.action(q.lang), q.lang) for s in same]
    hits = [
        len((own - frozenset().union(*(w for w in words if w is not own))) & _action_words(text, q.lang))
        + _same_unit(text, s.statement.value_zh)
        for own, s in zip(words, same, strict=True)
    ]
    pointed = [s for s, n in zip(same, hits, strict=True) if n]
    if corrected and len(pointed) != 1:
        units = {f.split(":")[1][-1] for f in q.unheld if f.startswith("duration:")}
        pointed = [s for s in same if units and all(_UNIT_ZH[u].search(s.statement.value_zh) for u in units)]
    return pointed[0] if len(pointed) == 1 else None


_UNIT_ZH = {"y": re.compile(r"年"), "m": re.compile(r"月"), "d": re.compile(r"日|天")}


def _action_words(text: str, lang: str) -> frozenset[str]:
    """Chinese character pairs, or English words of three letters or more cut to five ("validity" → "valid")."""
    if lang == "zh":
        chars = re.sub(r"[^\w]", " ", text)
        return frozenset(a + b for a, b in pairwise(chars) if " " not in a + b) - _GENERIC_PAIRS
    return frozenset(w[:5] for w in re.findall(r"[a-z]{3,}", text.lower())) - _FUNCTION_WORDS


#: English words of grammar, which point to no one figure ("the" of "each stay on the R visa")
_FUNCTION_WORDS = frozenset({"the", "and", "for", "with", "from", "per", "are", "can", "was", "its", "our", "you"})


def _same_unit(text: str, value_zh: str) -> int:
    """1 when the question asks in the unit the value is in ("待多少天" of "180日"), else 0."""
    return int(any(unit.search(value_zh) and asked.search(text) for unit, asked in _UNITS))


#: pairs any question of a period has ("多长时间"): they point to no one figure
_GENERIC_PAIRS = frozenset({"时间", "最高", "最长", "期限", "多长", "多久"})
_WRITTEN_FIGURE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*个?(?:年|日|天|月)|\d+(?:\.\d+)?\s*(?:years?|days?|months?)"
    r"|\b(?:half a|a|one|two|three|six) (?:years?|days?|months?)\b"
)  # a figure the question writes itself ("大概半年吗", "roughly half a year"): no unit it asks in
_UNITS = (
    (re.compile(r"日|天"), re.compile(r"天|(?<!工作)日(?!本|期|常|前|后)|\bdays?\b")),
    (re.compile(r"年"), re.compile(r"年|\byears?\b")),
    (re.compile(r"月"), re.compile(r"个月|\bmonths?\b")),
)


def _zones_counted(q: Question, stated: Stated, wanted: set[str | None]) -> bool:
    """Zones or parks counted ("连云港目前都有哪几个高新区?"), which no list gives (of cities, industries …): the
    policy names no zone."""
    return stated.kind == "list" and "count" in wanted and bool(_ZONES_COUNTED.search(q.normalized))


_ZONES_COUNTED = re.compile(
    r"(几|多少)(个|家|座)?\S{0,4}(高新区|园区|开发区|产业园)|\bhow many\b(\s+[\w-]+){0,3}\s+(zones|parks)\b",
    re.IGNORECASE,
)


def of_wanted_kind(stated: Stated, wanted: set[str | None]) -> bool:
    """A statement of a wanted kind ("any": any kind that holds a value; "value": that or a list, which
    answers a bare "how many"; a year in its condition answers "by which year": "到2025年 … 7%")."""
    if stated.kind in wanted or ("target_year" in wanted and bool(stated.years)):
        return True
    if ("count" in wanted or "value" in wanted) and stated.kind == "list":  # "how many industries does it name?"
        return True
    return bool({"any", "value"} & wanted) and bool(stated.statement.value_zh)


def granted_to_other(q: Question, stated: Stated) -> bool:
    """The statement is for zones or governments, and the question asks for a company or a person: its
    money or figure is not the asker's."""
    return bool(q.party) and stated.party in GRANTOR_PARTIES and stated.party != q.party


def points_closer(candidate: ClauseEvidence, top: ClauseEvidence) -> bool:
    """A clause other than the best that the question's own words point to: it shares specific words,
    and every one the best shares (figures and years aside: those are judged by other rules). A clause
    sharing other words than the best is about another thing ("how long is the work permit valid?": the
    R visa's validity shares "valid", the work-permit clause "work permit")."""
    words = {w for w in top.shared if not w.isdigit()}
    if candidate.article != top.article:  # another article: its own words must point to it, beyond the best's
        return candidate.shared > words  # ("知识产权质押贷款贴多少？": not the IP pilot counties' reward)
    return bool(candidate.shared) and candidate.shared >= words


def writes_figure(clause: ClauseEvidence, kinds: list[FigureKind]) -> bool:
    """A clause without statements that writes a figure of one of `kinds`."""
    return not clause.stated and any(k.clause.search(clause.text) for k in kinds)


def clause_holds(clause: ClauseEvidence | None, kind: FigureKind) -> bool:
    """A clause without statements that writes a figure of this kind (kept for documents without statements)."""
    return clause is not None and writes_figure(clause, [kind])


def compatible_statements(q: Question, clause: ClauseEvidence | None) -> list[Stated]:
    """The clause's statements for the zone level the question names (all when it names none)."""
    if clause is None:
        return []
    return [
        s for s in clause.stated if levels_agree(q.qualifiers, s.qualifiers) and levels_agree(q.occasions, s.occasions)
    ]


def named_level(
    q: Question, e: Evidence, wanted: set[str | None] | None = None
) -> tuple[ClauseEvidence, Stated] | None:
    """A clause of the best article stating a figure (of a kind in `wanted`; any figure when None) for the very
    level and occasion the question names, when the best clause states it for another ("a county park … newly
    recognised as a provincial zone": the best clause is the counties' pilot reward; "a provincial zone that
    moves up the same way?": the best clause is the new provincial zones' reward)."""
    for clause in e.article_clauses(0)[:4]:
        for stated in compatible_statements(q, clause):
            named = (not q.qualifiers or q.qualifiers & stated.qualifiers) and (
                not q.occasions or q.occasions & stated.occasions
            )
            if named and (stated.kind in wanted if wanted is not None else bool(stated.statement.value_zh)):
                return clause, stated
    return None


def levels_agree(asked: frozenset[int], held: frozenset[int]) -> bool:
    """A statement naming no level (or occasion) is for every one; else it must name one asked."""
    return not asked or not held or bool(asked & held)


def subject_gap(q: Question, stated: Stated, what: str) -> Missing:
    """What is not stated when a statement is for another subject: another zone level, or the same
    level on another occasion ("新获批的国家高新区": the national zones' reward is for moving up the ranking)."""
    asked = "|".join(str(i) for i in sorted(q.qualifiers))
    if (
        q.occasions
        and levels_agree(q.qualifiers, stated.qualifiers)
        and not levels_agree(q.occasions, stated.occasions)
    ):
        return Missing("occasion", what, asked)
    return Missing("subject", what, asked)


def true_premises(q: Question, clauses: tuple[ClauseEvidence, ...]) -> frozenset[str]:
    """The figures the question gives to a level (and occasion) that a statement for that level and occasion
    holds: true premises, which contradict nothing ("省级高新区…要超过70%,那国家高新区要求多少": the 70% is the
    provincial zones'; "新认定的省级高新区奖100万,那…排名前进了3位以上,奖多少?": the 100万 is their new-zone reward)."""
    return frozenset(
        a.figure
        for a in q.attributed
        for clause in clauses
        for s in clause.stated
        # a statement for one occasion (newly recognised) holds the figure only when the asker names that occasion
        # (an occasion named elsewhere in the question holds for a figure given without one: "国家高新区排名进位奖励比
        # 省级高新区多吗？省级是50万")
        if a.figure in s.figures
        and a.level in s.qualifiers
        and (not s.occasions or (a.occasions or q.occasions) & s.occasions)
    )


def contradicts(
    q: Question,
    stated: Stated,
    clause: ClauseEvidence | None = None,
    claimed: bool = False,
    true: frozenset[str] = frozenset(),
) -> bool:
    """The question asserts a figure of the statement's kind with a value the clause does not hold
    ("…200万元, right?"), other than its `true` premises. An amount or a share a question names is a claim
    about the policy whatever its form (with `claimed`); other figures only when it asks to confirm (a
    63-year-old's age is theirs)."""
    about_policy = claimed and stated.kind in ("amount", "percentage")
    if not stated.figures or (stated.kind == "age" and not q.claims):  # "I'm 68": the asker's own age
        return False
    if not (about_policy or q.confirms or (q.intent.yes_no and not claimed) or q.intent.invent):
        return False
    kinds = {f.split(":")[0] for f in stated.figures}
    if kinds & replaced_by_time(q):
        return False  # "processing takes about 5 days, right?" puts up a processing time, not a period of stay
    given = {f for f in q.stated if f.split(":")[0] in kinds}
    mine = given - true  # "5%还是7%?": one of the figures given held is no contradiction
    held = frozenset(f for s in compatible_statements(q, clause) for f in s.figures) if clause else stated.figures
    # "…once its ranking climbs 5 or more places" put up as the policy's: another floor than its 3, no case meeting it
    floor = floor_of(stated)
    other_floor = q.confirms and floor is not None and bool(floors_given(q.normalized) - {floor})
    return bool(mine) and not given & held and (other_floor or not meets_floor(stated, mine))


def meets_floor(stated: Stated, figures: set[str]) -> bool:
    """The statement's figure is a floor ("前进3位以上", "at least 7%") and every figure given reaches it:
    "we moved up 4 places" meets "3 or more", it does not contradict it."""
    floor = floor_of(stated)
    return floor is not None and all(_number(f) >= floor for f in figures)


def floor_of(stated: Stated) -> float | None:
    """The statement's figure when it is a floor ("前进3位以上", "at least 7%"), else None."""
    statement = stated.statement
    # the floor is the value's own ("3位以上" of the 3 places), not one of its condition's other figures (the
    # 50万元 of "前进3位以上" is no floor: "100万元, right?" contradicts it)
    values = ((statement.value_zh, statement.condition_zh), (statement.value_en, statement.condition_en))
    own = [statement.value_zh, statement.value_en] + [c for v, c in values if v and v in c]
    if not _FLOOR.search(" ".join(own)):
        return None
    return min((_number(f) for f in stated.figures), default=None)


def _number(figure: str) -> float:
    """The value of a figure ("count:4" → 4, "duration:10y" → 10)."""
    return float(figure.split(":")[1].rstrip("ymd"))


_FLOOR = re.compile(r"以上|不低于|至少|\bor more\b|\bat least\b|\band above\b|\bor above\b")
# a number the question writes as a floor ("5位以上", "至少5位", "5 or more places", "at least 5"), or as what
# alone earns it ("only gets it if it moves up 5 places", "只有前进5位才有", "has to beat it by 5 places")
_FLOOR_GIVEN = re.compile(
    r"(\d+)\s*\S?\s*(?:以上|及以上|或以上)|(?:不低于|至少)\s*(\d+)"
    r"|\b(\d+)\s+(?:\w+\s+)?(?:or more|and above|or above)\b|\bat least\s+(\d+)\b"
    r"|\bonly\b[^.?;!]{0,40}?\b(?:if|when|once)\b[^.?;!\d]{0,30}(\d+)|只有[^,，。?？;；\d]{0,12}(\d+)\S{0,8}才"
    r"|\b(?:has|have|needs?|must|is required) to\b[^.?;!\d]{0,40}(\d+)"
    r"|(?:必须|需要|得)[^,，。?？;；\d]{0,12}(\d+)\S{0,8}才"
)


def floors_given(normalized: str) -> set[float]:
    """The numbers normalized text writes as floors."""
    return {float(next(g for g in m.groups() if g)) for m in _FLOOR_GIVEN.finditer(normalized)}


def extends_to_another(q: Question) -> bool:
    """The question says what it puts up holds of its subject too ("新认定的国家级高新区也奖100万元，对吧？", "…gets
    RMB 1 million as well, right?"): it knows whose the statement is and asks whether another has it, which the
    policy does not say; no premise that misplaces it."""
    return bool(_EXTENDED.search(q.normalized))


_EXTENDED = re.compile(r"也|同样|一样|\balso\b|\bas well\b|\btoo\b|\bthe same\b|\blikewise\b")


def answering_clauses(e: Evidence, t: Thresholds) -> tuple[ClauseEvidence, ...]:
    """The best article's clauses an answer would quote: the best and those close to it."""
    clauses = e.article_clauses(0)
    if not clauses:
        return ()
    best = clauses[0].score
    return tuple(c for c in clauses[:3] if c.score >= t.close_clause * best)


def other_object(lacks: frozenset[str], action: frozenset[str]) -> bool:
    """The question says its case is not what the statement's action names ("a normal WFOE, not an R&D
    institute"; "不是新型研发机构"): two shared word pairs, or one English word (by its first five letters)."""
    shared = lacks & action
    return len(shared) >= 2 or bool(stems(lacks) & stems(action)) or any(" " in w for w in shared)


def names_subject(asked: frozenset[str], stated: Stated) -> bool:
    """The question's word grams `asked` name whom the statement is for: one of its subject marks, or an English
    one by its first five letters ("high-level talent"; "持有永久居留身份证")."""
    marks = stated.subject_marks
    return bool(marks & asked or stems(marks) & stems(asked))


def stems(terms: frozenset[str]) -> set[str]:
    """The first five letters of the long English words among `terms` ("representative(s)")."""
    return {w[:5] for w in terms if w.isascii() and " " not in w}


def word_stems(terms: frozenset[str]) -> frozenset[str]:
    """Word grams with each English word cut to its first five letters ("talent apartment(s)" → "talen apart");
    Chinese grams as they are."""
    return frozenset(" ".join(w[:5] for w in t.split()) if t.isascii() else t for t in terms)


def thing_words(q: Question, clauses: tuple[ClauseEvidence, ...]) -> frozenset[str]:
    """The words of the question's money part the clauses share, other than figures and the money itself:
    the thing the money is asked for ("what subsidy for a foreign expert workstation?"; not the targets of
    "what are the 2025 targets, and what cash rewards …?")."""
    shared = frozenset().union(*(c.shared for c in clauses))
    return frozenset(w for w in shared if not w.isdigit() and not q.benefit_cues.found(w, (w,)) and w in q.benefit_text)


def listed_clause(q: Question, e: Evidence) -> ClauseEvidence | None:
    """The clause that lists what a "which …?" question asks the members of ("重点招引哪些产业?": the clause listing
    生命健康、新材料… as 产业), in the best three articles, when the best clause lists no such thing."""

    if not q.listing or e.top is None or lists_named(q, e.top):
        return None
    return next((c for c in e.candidates if c.rank <= 2 and lists_named(q, c)), None)


def lists_named(q: Question, clause: ClauseEvidence) -> bool:
    """The clause lists what a "which …?" question asks the members of, by the word it asks with."""
    return any(s.kind == "list" and any(w in s.category for w in q.listing) for s in clause.stated)


def first_statement(clause: ClauseEvidence | None) -> Stated | None:
    return clause.stated[0] if clause is not None and clause.stated else None


def replaced_by_time(q: Question) -> frozenset[str]:
    """The kinds of figure a processing time the question puts up replaces ("processing takes about 5 days, right?",
    "R签证办理只要5天吧？"): its period is that time, which the policy never states, not its period of stay; a period
    it puts up elsewhere ("Since the R visa is valid for 5 years, how long does it take to issue?") is still one."""
    if not q.time_put_up:
        return frozenset()
    return frozenset(kind for asked in q.figures if asked.name == "processing_time" for kind in asked.replaces)
