"""What a question asks for: contact, responsible units, a figure, yes/no, or nothing the policy covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answer.cues import Cues, FigureKind, load_cues, words_of
from bot.answer.figures import stated_figures

_CLAUSE_BREAK = re.compile(r"[,;:.!?]+|\s[-–—]+\s")
_SENTENCE_BREAK = re.compile(r"[？?；;。！!]+")
_ZH_CLAUSE_BREAK = re.compile(r"[，,]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a place named as where the asker comes from or is based (the place itself: the words up to a break)
_ORIGIN = re.compile(
    r"(?:来自|总部在|总部位于)[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,3}(?:国籍|(?<!外)籍)"  # not 外籍: "foreign"
    # who the asker is by where they are from ("本人是新加坡华侨", "我们是香港投资者")
    r"|[\u4e00-\u9fff]{2,3}(?=华侨|华人|侨胞|侨商|公民|居民|商人|企业家|投资者|投资人|人[,，。；\s])"
    r"|[\u4e00-\u9fff]{2,3}的?(?=母公司|总公司)"  # "新加坡母公司想在这边建研发总部"
    r"|(?:我们|我司|本公司)是[\u4e00-\u9fff]{2,3}(?=的)"  # "我们是新加坡的一家风投机构"
    r"|\b[a-z]+(?= (?:parent|head office|headquarters|hq)\b)"  # "our Singapore parent company"
    r"|从[\u4e00-\u9fff]{2,8}?(?=搬|迁|转移|过来|来)"
    # another city's park this one is compared with ("跟苏州工业园区一样…？政策里写的是哪些"): a question of this one
    r"|(?:跟|和|与|同|像)[\u4e00-\u9fff]{2,8}?(?=一样|相同|似的)"
    # where the asker already runs plants ("在苏州和合肥都有工厂"), or the embassy abroad one applies at
    r"|在[\u4e00-\u9fff]{2,3}(?:和|、|及|以及)?[\u4e00-\u9fff]{0,3}?都?(?:有|设有|开了|建了)(?=工厂|厂|公司|分公司|子公司|总部|基地|研发中心|办事处)"
    r"|[\u4e00-\u9fff]{2,3}的?(?=(?:中国)?(?:驻\S{0,4})?(?:大使馆|使馆|领事馆|领馆|总领馆))"
    r"|\b(?:embassy|consulate|consulate general|consulate-general) in [a-z']+(?: [a-z']+)?"
    r"|\b(?:plants?|factories|factory|offices|subsidiar(?:y|ies)|operations) in [a-z']+(?: and [a-z']+)?"
    r"|\b(?:from|based in|headquartered in)\s+[a-z' ]{3,12}?"
    r"(?=[,.;!?)]|\s(?:and|who|that|with|looking|wanting|interested|planning|considering)\b|$)"
)


# a comparison said before the question ("跟昆山、苏州比,", "compared with Suzhou,"): the question is of this city
_COMPARED = re.compile(
    r"(?:跟|和|与|同|比起|相比)[^,，。?？]{0,14}?(?:相比|比较|比)(?:起来)?[,，]|\bcompared (?:with|to) [^,.?]{2,40},"
)
_ALSO_HERE = re.compile(
    r"(?<=[,，;；。])\s*[^,，;；。]{0,6}(连云港|这个政策|本政策|该政策|这份政策|这边|咱们这|你们这|我们这)[^,，?？]{0,16}也"
    r"|\b(does|do|will|would|can|is) (lianyungang|this policy|the lianyungang policy|your policy|this zone|your zone"
    r"|the policy here)\b.{0,50}\b(too|as well|also|likewise|similarly)\b"
)
_HERE_AFTER = re.compile(
    r"(?<=[,，;；。?？])\s*[^,，;；。?？]{0,10}(?:连云港|这个政策|本政策|该政策)|(?<=[,;.?])\s+[^,;.?]{0,30}\blianyungang\b"
)
_HOME = re.compile(r"连云港|\blianyungang\b")  # … when what follows asks of this city
# … not which of the two, nor how they compare ("算高还是低", "more generous")
_WHICH = re.compile(r"哪个|哪边|哪里更|谁更|还是|更|\bwhich (one|is|city)\b|\b(better|worse|higher|lower|more|less)\b")
_ENTITY_ZH = (
    "集团|公司|企业|基金|客商|投资者|投资人|团队|工厂|厂商|资本|外企|机构|银行"
    "|总部|母公司|总公司|分公司|子公司|工程师|专家"  # "新加坡总部派来的技术总监": where the firm is from
    "|事务所|律所|咨询|研究院|研究所|实验室"
)
# after "一家", "a", "our": a few words of what kind the entity is ("一家民营投资公司", "a Nanjing law firm", "our
# Wuhan R&D subsidiary"), not a park or district of that city ("苏州工业园区的企业", "Suzhou Industrial Park firms":
# that city's own measures)
_BETWEEN_ZH = r"(?:(?![区园市县省])[\u4e00-\u9fffA-Za-z0-9]){0,8}?"
_BETWEEN_EN = r"(?:(?!(?:park|parks|zone|zones|district|area|city|industrial|hi-tech|high-tech)\b)[a-z0-9&-]+\s+){0,3}?"
_ENTITY_EN = (
    "fund|funds|group|company|companies|firm|firms|investor|investors|team|manufacturer|startup|bank|business"
    "|headquarters|hq|parent|office|engineer|engineers|expert|experts"
    "|subsidiary|subsidiaries|branch|plant|factory|lab|laboratory|consultancy"
)


@lru_cache(maxsize=4)
def _entities_of(cities_zh: tuple[str, ...], cities_en: tuple[str, ...]) -> re.Pattern[str]:
    """A city named as where a company, fund or investor is from ("一家香港集团", "香港一家基金", "a Suzhou firm")."""
    zh = "|".join(map(re.escape, cities_zh))
    en = "|".join(map(re.escape, cities_en))
    return re.compile(
        rf"(?:{zh})(?:的)?(?=(?:外籍|外国)?(?:{_ENTITY_ZH}))"  # "我是苏州的外籍工程师": where the engineer works
        rf"|(?:{zh})(?:的)?(?:一家|一个|某家?|某个)(?={_BETWEEN_ZH}(?:{_ENTITY_ZH}))"
        rf"|\b(?:{en})(?:-based)?(?=\s+(?:{_ENTITY_EN})\b)"
        rf"|\b(?:a|an|our|my|one)\s+(?:{en})(?:-based)?(?=\s+{_BETWEEN_EN}(?:{_ENTITY_EN})\b)"
    )


#: The asker's own case told as it now stands, before what they ask ("我现在已经拿到永久居留身份证了，…").
_TOLD_NOW = re.compile(
    r"(?:^|[，,。；;])\s*(?:我|我们|本人|他|她|我司)?\S{0,3}?(?:现在|目前)已经[^，,。；;？?]{1,20}了\s*[，,。；;]"
)

#: The asker's own case ("guarantee land for our project"): a guarantee asked for them is a promise.
_OWN_CASE = re.compile(r"\b(?:we|our|us|my|me|i)\b")


@dataclass(frozen=True, slots=True)
class Intent:
    """The signals read off the question text alone."""

    contact: bool = False  # asks for the phone number or the hotline
    other_contact: bool = False  # asks for an address, email, website … (the policy gives none)
    responsible: bool = False
    figures: tuple[FigureKind, ...] = ()
    yes_no: bool = False
    invent: bool = False
    promise: bool = False  # asks for a promise or guarantee
    guarantee_only: bool = False  # only "guarantee(d)" says so: a clause that speaks of guaranteeing answers it
    injection: bool = False  # tries to change the assistant's role or rules, or dictates what it should say
    current_state: bool = False  # asks how things stand now (the policy sets targets, it reports nothing)
    out_of_scope: bool = False
    chit_chat: bool = False
    about_assistant: bool = False  # small talk about the assistant itself ("are you a robot?")
    fee_named: bool = False  # its asking sentences name a fee or price, asked or not ("is there a fee for …?")
    other_charge: bool = False  # … a charge besides a land price (配套费, stamp duty), which no clause names

    def merged_with(self, earlier: Intent) -> Intent:
        """A follow-up keeps asking for the earlier figure or units when it names none itself."""
        return Intent(
            contact=self.contact,
            other_contact=self.other_contact,
            responsible=self.responsible or (earlier.responsible and not self.figures),
            figures=self.figures or (earlier.figures if not self.responsible else ()),
            yes_no=self.yes_no,
            invent=self.invent,
            promise=self.promise,
            guarantee_only=self.guarantee_only,
            injection=self.injection,
            current_state=self.current_state,
            out_of_scope=self.out_of_scope,
            chit_chat=self.chit_chat,
            about_assistant=self.about_assistant,
            fee_named=self.fee_named,
            other_charge=self.other_charge,
        )


def read_intent(
    normalized: str, cues: Cues | None = None, shield: tuple[str, ...] = (), asking: str | None = None
) -> Intent:
    """Read the intent of a normalized question (simplified Chinese, lower-case English).

    `shield`: glossary forms that hold an out-of-scope cue ("food processing"); within them it is no cue.
    `asking`: the question's `asking_text`, when the caller has it already.
    """
    cues = cues or load_cues()
    words = words_of(normalized)
    unshielded = normalized
    for form in shield:
        if form in unshielded:
            unshielded = unshielded.replace(form, " ")
    yes_no = _yes_no(normalized, words, cues)
    # the sentences that ask: how things stand is asked only there ("Our rank is now 4 places better than our best.
    # What's the reward?" asks the reward), and a topic out of scope (within shielded glossary forms, no cue)
    questions = question_text(normalized, cues)
    scoped = questions if unshielded == normalized else question_text(unshielded, cues)
    asking = asking if asking is not None else asking_text(normalized, cues)
    asked = _figures_asked(asking, cues)
    replaced = {name for kind in cues.figures if kind.name in asked for name in kind.replaces}
    figures = tuple(kind for kind in cues.figures if kind.name in asked - replaced)
    if any(not kind.alone for kind in figures):  # "多少" of "补贴多少" asks the amount
        figures = tuple(kind for kind in figures if not kind.alone)
    return Intent(
        contact=_asks_contact(normalized, words, cues, asking),
        other_contact=cues.other_contact.found(normalized, words),
        responsible=cues.responsible.found(normalized, words),
        figures=figures,
        yes_no=yes_no,
        invent=cues.invent.found(normalized, words),
        promise=cues.promise.found(normalized, words) or cues.guarantee.found(normalized, words),
        guarantee_only=cues.guarantee.found(normalized, words)
        and not cues.promise.found(normalized, words)
        and not _OWN_CASE.search(normalized),
        injection=cues.injection.found(normalized, words) or cues.hearsay.found(normalized, words),
        # (not the asker's own case told: "我现在已经拿到永久居留身份证了，能不能…？")
        current_state=cues.current_state.found(questions, words_of(questions)) and not _TOLD_NOW.search(questions),
        out_of_scope=_out_of_scope(scoped, cues),
        chit_chat=cues.chit_chat.found(normalized, words) or cues.about_assistant.found(normalized, words),
        about_assistant=cues.about_assistant.found(normalized, words),
        fee_named=cues.fee_named.found(chosen := _ALTERNATIVE.sub(" ", asking), words_of(chosen)),
        other_charge=cues.other_charge.found(chosen, words_of(chosen)),
    )


def _figures_asked(asking: str, cues: Cues) -> set[str]:
    """The names of the kinds of figure the question's sentences ask for.

    Only sentences that ask count. A yes/no sentence naming a figure ("Do we owe any extra fees?")
    asks for none, unless it also asks how much, or ends on two figures put up as options ("is that 5% or
    10%?"); a sentence after it still may ("有没有人才公寓？房租多少？").
    """
    asked: set[str] = set()
    for whole in _SENTENCE_BREAK.split(asking):  # only the asking sentences: "…请几位专家过来。" asks no count
        # the condition it is asked under names no figure asked ("If my age limit is relaxed, how long is each permit
        # valid?" asks no age)
        sentence = _asking_part(_CONDITION.sub("", whole, count=1), cues)
        words = words_of(sentence)
        kinds = _kinds(sentence, cues)
        if kinds and not (_yes_no(sentence, words, cues) and not cues.figure_question.found(sentence, words)):
            asked |= kinds
        else:  # "Is the policy still valid, or when does it expire?": its wh-part asks
            asked |= {name for part in _wh_parts(sentence) for name in _kinds(part, cues)}
            # two figures it ends on, put up as options ("is that 5% or 10%?", "是5%还是10%"): which one, asked
            if offered := _OFFERED.search(sentence):
                asked |= {figure.split(":")[0] for figure in stated_figures(offered.group())}
    return asked


_CONDITION = re.compile(r"^\s*(?:if|once|after)\b[^,;?]{3,80},\s*(?=\w+\s+\w+\s+\w+)")


def _kinds(text: str, cues: Cues) -> set[str]:
    """The kinds of figure `text` names; a kind only named by a noun ("documents for the age
    relaxation") counts when no other kind is named. A number told roughly ("十几个人", "好几家") or the few one
    works with ("跟几所大学") asks none."""
    text = _ROUGHLY.sub("数", text)
    text = text if _HOW_MANY_NEEDED.search(text) else _FEW.sub(r"\1数", text)
    words = words_of(text)
    return {kind.name for kind in cues.figures if kind.cues.found(text, words)} or {
        kind.name for kind in cues.figures if kind.topic.found(text, words)
    }


#: 几 in a number told roughly ("十几个人", "二十几家", "好几个"), not asked ("能拿几万?" asks)
_ROUGHLY = re.compile(r"[一二两三四五六七八九十百千万好]+几")
#: 几 of the partners one does something with ("跟几所大学一起", "联合几家上下游企业"): a few, not asked
_FEW = re.compile(r"([跟和同]|(?<!参)与|联合|联手|拉上|带上|约上)几(?=[所家个位名])")
#: … unless how many are needed is asked ("至少要跟几所高校合作?")
_HOW_MANY_NEEDED = re.compile(r"至少|最少|最多|必须|需要|要求|规定|才能|才可以")


def _wh_parts(sentence: str) -> list[str]:
    """The parts of an English sentence after its first that open with a question word ("…, or when …")."""
    parts = []
    for part in _CLAUSE_BREAK.split(sentence)[1:]:
        words = [w for w in words_of(part) if w not in _CONJUNCTIONS]
        if words and words[0] in _WH_EN:
            parts.append(part)
    return parts


#: two figures a sentence ends on, put up as options ("is that 5% or 10%", "是5年还是10年吗", "5 years or 10 years"),
#: not figures that describe something asked about ("Can a 60 or 65 year old apply…", "成立3年或者5年的企业…")
_OFFERED = re.compile(
    r"\d[\d.,]*\s*[^\s\d,，]{0,8}\s*(?:\bor\b|还是|或者|或是)\s*\d[\d.,]*\s*[^\s\d,，]{0,8}\s*[吗呢啊]?\s*$",
    re.IGNORECASE,
)
# what the asker would do otherwise ("…, rather than paying the full transfer fee upfront?"): not asked about
_ALTERNATIVE = re.compile(r"\b(rather than|instead of)\b[^,.;?!]*|(而不是|而非)[^，。；？！,.;?!]*", re.IGNORECASE)
_ASKER = re.compile(r"\s*(i'?m|i am|我是|我今年|本人是|本人)", re.IGNORECASE)  # the asker says who they are
_SENTENCE = re.compile(r"[^？?；;。！!.]+[？?；;。！!.]*")
_WH_EN = frozenset({"what", "which", "how", "who", "when", "where", "why", "whats", "what's"})
_CONJUNCTIONS = frozenset({"or", "and", "but", "so", "then", "also"})
_LEADING = frozenset({"for", "by", "in", "at", "to", "within", "from", "of", "on", "with", "until", "till"})


def asked_clauses(normalized: str, cues: Cues) -> str:
    """The question clauses of a normalized text: each asking sentence from its first question clause on
    ("新认定的国家高新区奖励多少？文件里只看到省级的，国家级的有没有" asks of national zones; "" when nothing asks)."""
    return " ".join(_asking_part(s, cues) for s in _SENTENCE.findall(normalized) if _marked(s, cues))


def question_clauses(normalized: str, cues: Cues) -> str:
    """`asked_clauses` in either language: an English asking sentence from its first clause that opens with a
    question word ("Relocating with my wife and kids - does the policy say anything about schools?" asks of the
    policy, not of the family)."""
    parts = []
    for sentence in _SENTENCE.findall(normalized):
        if not _marked(sentence, cues):
            continue
        if _HAN.search(sentence):
            marked = any(marker in sentence for marker in cues.question_markers_zh)
            parts.append(
                _asking_part(sentence, cues) if marked else _ZH_CLAUSE_BREAK.split(sentence)[-1]
            )  # "…，允许不？"
            continue
        clauses = _CLAUSE_BREAK.split(sentence)
        opens = [
            i for i, c in enumerate(clauses) if (w := words_of(c)) and (w[0] in _WH_EN or w[0] in cues.yes_no_en_start)
        ]
        parts.append(" ".join(clauses[opens[0] :]) if opens else sentence)
    return " ".join(parts)


_MORE_MARKERS_ZH = ("谁", "几", "么", "没", "否", "何")  # words that ask, beyond those that start a question clause


def declared(normalized: str, cues: Cues) -> list[str]:
    """The sentences that state something and ask only by their question mark ("So a zone has to climb 5
    places to get the reward?", "省级高新区也奖励100万元？"): statements put up to be confirmed."""
    found = []
    for sentence in _SENTENCE.findall(normalized):
        if not sentence.rstrip().endswith(("?", "？")):
            continue
        if any(pattern.search(sentence) for pattern in cues.comparison):
            continue  # "Same RMB 1 million as provincial?" asks whether it is the same, it puts up no figure
        if _HAN.search(sentence):
            if not any(marker in sentence for marker in (*cues.question_markers_zh, *_MORE_MARKERS_ZH)):
                found.append(sentence)
            continue
        words = words_of(sentence)
        firsts = [next((w for w in words_of(c) if w not in _CONJUNCTIONS), "") for c in _CLAUSE_BREAK.split(sentence)]
        asks = any(w in _WH_EN or w in cues.yes_no_en_start for w in firsts) or _WH_EN.intersection(words)
        if not (asks or cues.question_markers_en.found(sentence, words)):
            found.append(sentence)
    return found


def question_text(normalized: str, cues: Cues) -> str:
    """The sentences of a normalized text that ask: "以前在苏州工作。高新区有没有放宽？" asks only about the
    zone (the whole text when nothing asks)."""
    asking = [sentence for sentence in _SENTENCE.findall(normalized) if _asks(sentence, cues)]
    return " ".join(asking) if asking else normalized


def _marked(sentence: str, cues: Cues) -> bool:
    """The sentence ends with a question mark or holds a Chinese question marker."""
    return sentence.rstrip().endswith(("?", "？")) or any(m in sentence for m in cues.question_markers_zh)


def _asks(sentence: str, cues: Cues) -> bool:
    """The sentence asks: it is marked as a question, opens with a question word, or holds an English marker."""
    words = words_of(sentence)
    opens = bool(words) and (words[0] in _WH_EN or words[0] in cues.yes_no_en_start)
    # "for how many years", "by when": a question word after a preposition
    opens = opens or (len(words) > 1 and words[0] in _LEADING and words[1] in _WH_EN)
    return _marked(sentence, cues) or opens or cues.question_markers_en.found(sentence, words)


def _asks_contact(normalized: str, words: tuple[str, ...], cues: Cues, asking: str) -> bool:
    """A phone number or the hotline asked for, in the sentences that ask, or before one that asks for a number or
    another way through ("我想打电话咨询一下。号码是多少?", "热线打不通。还有其他办法咨询吗?"); a greeting to the
    hotline ("Dear hotline team,") asks for none, nor a phone in the scene the asker sets ("Small e-commerce seller
    here, moving into … (phone accessories). … Is there any option … to lease first …?")."""
    addressed = _TO_THE_HOTLINE.sub(" ", normalized, count=1)
    if not cues.contact.found(addressed, words if addressed == normalized else words_of(addressed)):
        return False
    asked = _TO_THE_HOTLINE.sub(" ", asking, count=1)
    return asked == addressed or cues.contact.found(asked, words_of(asked)) or bool(_NUMBER_ASKED.search(asked))


# a number asked for, of a phone or hotline named before the sentence that asks
_NUMBER_ASKED = re.compile(
    r"号码|多少号|电话|热线|打哪|拨打|办法|方式|怎么联系|咨询|"
    r"\b(number|call|dial|ring|reach|get through|what should i do|another way|other ways?)\b"
)


# a greeting to the hotline ("Dear hotline team,", "招商热线您好"): it asks for no number
_TO_THE_HOTLINE = re.compile(
    r"^\s*(?:dear|hi|hello|hey|to)\s+(?:the\s+)?(?:investment\s+)?(?:hotline|helpline)(?:\s+(?:team|staff|colleagues))?\b"
    r"|^\s*(?:尊敬的)?(?:招商)?热线(?:工作人员|的工作人员)?(?:您好|你好)"
)


def _out_of_scope(questions: str, cues: Cues) -> bool:
    """What the question asks is none of the policy's business: by a topic cue, or another city's measures."""
    words = words_of(questions)
    return cues.out_of_scope.found(questions, words) or _other_city(questions, words, cues)


def asking_text(normalized: str, cues: Cues | None = None) -> str:
    """The sentences of a normalized question that ask something, and those in which the asker says
    who they are: "My wife is a teacher. Can I get an R visa?" asks only the second; "I'm a student.
    Can I get a work permit?" asks both. The whole text when no sentence looks like a question."""
    cues = cues or load_cues()
    asking = [s for s in _SENTENCE.findall(normalized) if _asks(s, cues) or _ASKER.match(s)]
    return " ".join(asking) if asking else normalized


def _asking_part(sentence: str, cues: Cues) -> str:
    """A Chinese sentence without the clauses before its first question clause: those set the scene."""
    clauses = _ZH_CLAUSE_BREAK.split(sentence)
    for at, clause in enumerate(clauses):
        if any(marker in clause for marker in cues.question_markers_zh):
            # "聘用制人员的薪酬标准，政策里有没有具体规定？": a clause that asks only whether the policy says
            # something asks of the clause before it
            start = at - 1 if at and _BARE_ASK.match(clause.strip()) else at
            return "，".join(clauses[start:])
    return sentence


_BARE_ASK = re.compile(
    r"^(?:那|请问|想问一?下|问一?下)?(?:这个|这份|本)?(?:政策|文件)?(?:里|中|上|里面)?(?:面)?(?:有没有|是否有?|有无|有)?"
    r"(?:具体|明确)?的?(?:规定|说明|提到|提|说|写|明确|要求)(?:过)?(?:吗|呢|没有|不)?\s*[?？]?$"
)


# "也是100万么？": 么 closing a sentence asks as 吗 does (not 什么, 怎么, 那么, 这么, 多么)
_MO_QUESTION = re.compile(r"(?<![什怎那这多要干为甚])么\s*(?:[?？。!！]|$)")

# "支不支持", "批不批", "有没有": a verb said, denied and said again asks yes or no, whatever the verb
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")

# "这个政策支持不?", "有补贴没有?": a verb closed by its denial asks yes or no too (not "为什么不?", "也不")
_V_NOT = re.compile(r"[\u4e00-\u9fff](?<![么也都还并决绝])(?:不|没有?)\s*(?:[?？]|$)")


def _yes_no(text: str, words: tuple[str, ...], cues: Cues) -> bool:
    return (
        any(cue in text for cue in cues.yes_no_zh)
        or bool(_MO_QUESTION.search(text))
        or bool(_A_NOT_A.search(text))
        or bool(_V_NOT.search(text))
        or any(
            (first := words_of(part)) and first[0] in cues.yes_no_en_start and not _request(first, cues)
            for part in _CLAUSE_BREAK.split(text)
        )
    )  # "our factory wants to add floors - do we pay more?" asks yes or no after its first clause


def _request(words: tuple[str, ...], cues: Cues) -> bool:
    """An English clause asking the assistant to tell something ("Could you (please) indicate the price…"):
    a request for it, not a yes or no."""
    rest = [w for w in words[1:4] if w not in ("please", "kindly")]
    return len(rest) >= 2 and rest[0] == "you" and rest[1] in cues.request_en


def _other_city(normalized: str, words: tuple[str, ...], cues: Cues) -> bool:
    """Another city's own measures: any city the policy doesn't name, or a partner city's benefits.

    Not when the asker would move from that city to this one.
    """
    if cues.relocation.found(normalized, words) and cues.home_city.found(normalized, words):
        return False
    # where the asker comes from ("we're a VC from Singapore", "总部在苏州", "一家香港集团"), or a city the question
    # compares this one with before asking of it ("跟昆山、苏州比,连云港…?"), names no other city's measures
    normalized = _ORIGIN.sub(" ", normalized)
    compared = _COMPARED.search(normalized)
    if compared and _HOME.search(normalized, compared.end()) and not _WHICH.search(normalized, compared.end()):
        normalized = normalized[: compared.start()] + " " + normalized[compared.end() :]
    # … or what another city does, said before asking whether this one does it too ("苏州那边支持…上市,连云港这个政策也
    # 支持吗?", "Suzhou gives …; does this policy do that too?")
    if also := _ALSO_HERE.search(normalized):
        normalized = normalized[also.start() :]
    # … or a situation told of another city, then a question of this one ("合肥那边企业反映检查太多,连云港高新区对督查
    # 检查是怎么规定的"; "…在苏州工业园区有个技术总监,如果换到连云港高新区的企业上班,…能放宽吗?"), not how they compare
    elif (here := _HERE_AFTER.search(normalized)) and not _WHICH.search(normalized, here.start()):
        normalized = normalized[here.start() :]
    normalized = _entities_of(cues.other_cities.zh, cues.other_cities.en).sub(" ", normalized)
    words = words_of(normalized)
    if cues.other_cities.found(normalized, words):
        # "Does your zone partner with parks in Suzhou?" asks about this policy's cooperation
        about_cooperation = cues.cooperation.found(normalized, words)
        return not about_cooperation or cues.city_benefits.found(normalized, words)
    if not cues.partner_cities.found(normalized, words) or cues.cooperation.found(normalized, words):
        return False
    # a partner city's benefits, or a zone of its own ("上海自贸区的外国人工作许可怎么办理?": the Shanghai free trade
    # zone's procedure, not this policy's), not its reforms copied here ("上海自贸区的改革试点政策能在高新区复制推广
    # 吗？")
    own_zone = _zones_of(cues.partner_cities.zh, cues.partner_cities.en).search(normalized)
    # … or its own work permits, asked of no zone here ("How do I apply for a work permit in Shenzhen?"; not "He had a
    # work permit in Beijing; can the age be relaxed if he now works for a company in the high-tech zone?")
    permit = _permits_of(cues.partner_cities.zh, cues.partner_cities.en).search(normalized)
    return (
        cues.city_benefits.found(normalized, words)
        or (own_zone is not None and not _COPIED.search(normalized))
        or (permit is not None and not _THIS_ZONE.search(normalized))
    )


#: reforms or experience copied from elsewhere (what the policy's zones do with free trade zones' pilot policies)
_COPIED = re.compile(r"复制|推广|借鉴|\b(replicat|copy|copie|learn from|adopt)")


@lru_cache(maxsize=1)
def _zones_of(cities_zh: tuple[str, ...], cities_en: tuple[str, ...]) -> re.Pattern[str]:
    """A partner city's own zone named as such ("上海自贸区", "Shenzhen's free trade zone")."""
    zh, en = _alternation(cities_zh), _alternation(cities_en)
    return re.compile(
        rf"(?:{zh})(?:的)?(?:自贸区|自贸试验区|自由贸易试验区|临港新片区|浦东新区|前海|张江|中关村)"
        rf"|\b(?:{en})(?:'s)?\s+(?:pilot\s+)?(?:free[- ]trade (?:zone|area)|ftz|lingang|pudong|qianhai|zhangjiang"
        rf"|zhongguancun)\b"
    )


@lru_cache(maxsize=1)
def _permits_of(cities_zh: tuple[str, ...], cities_en: tuple[str, ...]) -> re.Pattern[str]:
    """A partner city's own work permits ("上海浦东外国人工作许可", "a work permit in Shenzhen")."""
    zh, en = _alternation(cities_zh), _alternation(cities_en)
    return re.compile(
        rf"(?:{zh})(?:市)?(?:浦东|南山)?(?:新区)?(?:的)?(?:外国人|外籍人才|外籍)?(?:工作许可|工作签证|居留许可)"
        rf"|\b(?:work permits?|residence permits?|work visas?|z visas?|age limits?)\b[^.?!]{{0,30}}\bin (?:{en})\b"
    )


def _alternation(names: tuple[str, ...]) -> str:
    """A regular-expression alternation of names, each taken literally."""
    return "|".join(map(re.escape, names))


#: this policy's zones or city named: a partner city's permit is then the asker's past or a comparison, not the ask
_THIS_ZONE = re.compile(r"高新区|园区|开发区|连云港|\b(high-tech|hi-tech|zones?|parks?|lianyungang|here)\b")
