"""The cue types: a list of cues and how it is matched in a question, and the kinds of thing cues name
(a kind of figure, a specific thing the policy never states, an occasion of a reward, question parts)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bot.text import HAN, han_count

_WORD = re.compile(r"[a-z0-9%]+(?:-[a-z0-9]+)*")
_LONG_WORD = re.compile(r"[a-z]{3,}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CueList:
    """Chinese cues match as substrings, English cues as whole word sequences, `patterns` (regular
    expressions, for a cue with a gap: "how long does … take") anywhere."""

    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    en_words: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)
    en_first: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)
    zh_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # each English cue split into words once, the Chinese ones joined in one pattern: not on every question
        sequences = (tuple(_WORD.findall(cue)) for cue in self.en)
        object.__setattr__(self, "en_words", tuple(seq for seq in sequences if seq))
        # the English cues by their first word: a question's few words pick the cues worth checking
        first: dict[str, list[tuple[str, ...]]] = {}
        for seq in self.en_words:
            first.setdefault(seq[0], []).append(seq)
        object.__setattr__(self, "en_first", {word: tuple(seqs) for word, seqs in first.items()})
        cues = sorted({cue for cue in self.zh if cue}, key=len, reverse=True)
        object.__setattr__(self, "zh_pattern", re.compile("|".join(map(re.escape, cues))) if cues else None)

    def found(self, text: str, words: tuple[str, ...]) -> bool:
        """True if any cue occurs in normalized `text` (whose words are `words`); a cue in the singular
        is found in the plural too ("international school" in "international schools")."""
        if self.zh_pattern is not None and self.zh_pattern.search(text):
            return True
        if any(pattern.search(text) for pattern in self.patterns):
            return True
        if not self.en_first:
            return False
        for variant in dict.fromkeys((words, singular(words))):
            for word in self.en_first.keys() & set(variant):
                if any(has_sequence(variant, seq) for seq in self.en_first[word]):
                    return True
        return False

    def found_in_both(
        self, first: str, first_words: tuple[str, ...], second: str, second_words: tuple[str, ...]
    ) -> bool:
        """True if one and the same cue occurs in both normalized texts (patterns aside)."""
        if any(cue and cue in first and cue in second for cue in self.zh):
            return True
        firsts, seconds = (dict.fromkeys((w, singular(w))) for w in (first_words, second_words))
        return any(
            any(has_sequence(v, seq) for v in firsts) and any(has_sequence(v, seq) for v in seconds)
            for seq in self.en_words
        )

    def first_at(self, text: str) -> int:
        """Where in normalized `text` the first cue starts (`len(text)` when none does)."""
        starts = [m.start() for p in (self.zh_pattern, *self.patterns) if p is not None and (m := p.search(text))]
        for seq in self.en_words:
            if found := re.search(r"\b" + r"\W+".join(map(re.escape, seq)) + r"s?\b", text):
                starts.append(found.start())
        return min(starts, default=len(text))


@dataclass(frozen=True, slots=True)
class FigureKind:
    """A kind of figure (money, percent …): its cues, the kind of statement that holds such a figure
    (None for kinds the policy never states: fees, deadlines, processing times …) and what such a
    figure looks like in a clause without statements."""

    name: str
    cues: CueList
    clause: re.Pattern[str]
    statement: str | None = None
    replaces: tuple[str, ...] = ()  # more general kinds it stands in for when both are asked
    topic: CueList = field(default_factory=CueList)  # nouns that name it without asking it when another kind is asked
    written: re.Pattern[str] | None = None  # what answers it in a clause's words, with statements or not
    alone: bool = False  # asked only when no other kind is (a bare "多少" / "how many")


@dataclass(frozen=True, slots=True)
class Specific:
    """A specific thing the policy never states (family members, a tax type …), named in both languages."""

    id: str
    name_zh: str
    name_en: str
    cues: CueList
    aspect: bool = False  # an aspect of a thing the clause states (how its money is paid): a wrong figure of
    # that thing in the question is corrected before the aspect is said to be unstated
    person: bool = False  # a kind of person: asked about too when named before a question about "them"
    situation: bool = False  # a situation: asked about too when told before a question that refers back to it
    holder: bool = False  # someone who may hold what a statement's subject holds (a spouse, a partner)
    identity: bool = False  # who someone is (ethnic Chinese): asked only when a question clause names it
    document: bool = False  # a property of the policy document itself (when it expires): never out of scope
    # a clause this matches states the thing itself ("省级以上实验室" states what level of laboratory)
    stated_by: re.Pattern[str] | None = None
    # what a clause provides for everyone (education and medical care): a question naming each of these, asked
    # of a clause that names each too, asks it for the person named as well ("员工家里有小孩，配不配学校医院？")
    served_by: tuple[CueList, ...] = ()
    # a kind of body (a university, a hospital, a branch office): asked only by a yes/no question whether one may,
    # whose question clauses name it as the one that may ("Can a university issue incubation bonds?")
    body: bool = False
    # an industry the asker may say it is in ("我们是一家国有化工企业"): asked only when a question clause names it or
    # asks of industries ("…能享受主导产业扶持吗？"), or it is named outside the asker's own business ("听说有家化工企业
    # …"); not by a question of land or approvals that any business asks
    industry: bool = False

    def name(self, lang: str) -> str:
        """What it is called in `lang`."""
        return self.name_zh if lang == "zh" else self.name_en

    def served(self, question: str, words: tuple[str, ...], clause: str, clause_words: tuple[str, ...]) -> bool:
        """The question asks of each thing `served_by` names, and the clause provides each (see `served_by`)."""
        return bool(self.served_by) and all(
            c.found(question, words) and c.found(clause, clause_words) for c in self.served_by
        )


@dataclass(frozen=True, slots=True)
class Implied:
    """What a way of describing the asker implies it is not, or lacks: "普通外籍技术员" is not high-end talent,
    "租的厂房" is no land of one's own, "a 30-person startup" is no leading enterprise."""

    cues: CueList
    not_cases: frozenset[str] = frozenset()  # word grams of the subject it is not
    lacks: frozenset[str] = frozenset()  # word grams of the condition it does not meet
    # word grams of whom it is not, read against a statement's subject only ("台湾籍" is no 外籍 talent, yet
    # a Taiwanese group may bring in the foreign-funded R&D institutions a clause's action names)
    not_whom: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Directions:
    """Pairs of word groups of opposite directions ("提高"/"降低", "delegate"/"centralise"), and what marks a
    question that says them of the policy."""

    pairs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    said: re.Pattern[str]
    any_word: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # every direction word in one pattern: most questions name none, and are read at once
        words = sorted({w for pair in self.pairs for side in pair for w in side}, key=len, reverse=True)
        alternatives = (re.escape(w) if HAN.search(w) else rf"\b{re.escape(w)}\b" for w in words)
        object.__setattr__(self, "any_word", re.compile("|".join(alternatives)) if words else None)

    def put_up(self, text: str) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
        """Each direction word `text` says of the policy (the policy, or what one heard, named before it in its
        clause), as (what it is said of, the words of the opposite direction, whether its clause is a premise before
        the one that asks); none of a pair `text` names both directions of ("提高还是降低")."""
        if self.any_word is None or not self.any_word.search(text):
            return ()
        clauses = [c for c in _CLAUSE_ENDS.split(text) if c.strip()]
        found = []
        for pair in self.pairs:
            sides = [[(c, m) for c in clauses for w in side for m in occurrences(c, w)] for side in pair]
            if sides[0] and sides[1]:
                continue
            for side, at in enumerate(sides):
                found += [
                    (object_of(clause, start, end), pair[1 - side], clause is not clauses[-1])
                    for clause, (start, end) in at
                    if self.said.search(clause[:start])
                ]
        return tuple(found)


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Where `word` occurs in `text` (an English word as a whole word)."""
    pattern = re.escape(word) if HAN.search(word) else rf"\b{re.escape(word)}\b"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def object_of(clause: str, start: int, end: int, reach: int = 14) -> str:
    """What a direction word at `start`…`end` of a clause is said of: what follows it ("降低不良容忍度"), and what
    "把" puts before it ("把授信审批权限上收")."""
    before = clause[:start]
    put = before[before.rfind("把") + 1 :] if "把" in before else ""
    return f"{put} {clause[end : end + reach]}"


#: where a clause ends
_CLAUSE_ENDS = re.compile(r"[,，;；。!！?？]|[.](?=\s)")


@dataclass(frozen=True, slots=True)
class Occasion:
    """What a reward is given for (being newly recognised, moving up the ranking …), named in both languages."""

    name_zh: str
    name_en: str
    cues: CueList

    def name(self, lang: str) -> str:
        """What it is called in `lang`."""
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True, slots=True)
class QuestionParts:
    """Splits a question that asks several things ("how long is the visa valid? and each stay?") into its questions."""

    breaks: dict[str, re.Pattern[str]]  # per language, where one question ends and the next begins
    min_zh_chars: int
    min_en_words: int
    max_parts: int
    short_asked: int = 0  # how much shorter a piece written with a question mark may be
    markers_zh: tuple[str, ...] = ()  # what marks a Chinese question ("吗", "多久"): a space between two ends one
    sentences_en: re.Pattern[str] | None = None  # where an English sentence ends (a long message's asks are its own)

    def split(self, text: str, lang: str) -> list[str]:
        """The questions in `text`, in order; `[text]` when it asks one thing or more than `max_parts`."""
        return [piece for piece, _ in self.marked(text, lang)]

    def marked(self, text: str, lang: str, sentences: bool = False) -> list[tuple[str, bool]]:
        """The questions in `text`, each with whether it ends in a question mark ("Reward for a zone that climbs 3+
        places? And when is it paid out?": the first asks, though it has no question word); `[(text, …)]` when it
        asks one thing or more than `max_parts`. Pieces at the front that end without a question mark only set the
        scene ("我们打算请一位首席科学家过来。他本人不想办普通工作签证。想问:R字签证最长能签多少年?…"): they are
        dropped while there are too many. With `sentences`, an English sentence ends a piece too, as "。" does a
        Chinese one (an e-mail that asks in statements: "Our client would like to know whether …. He would also …")."""
        breaks = self.breaks["zh" if lang == "zh" else "en"]
        found_breaks = list(breaks.finditer(text))
        if sentences and lang != "zh" and self.sentences_en is not None:
            ends = [m for m in self.sentences_en.finditer(text) if not any(_overlaps(m, b) for b in found_breaks)]
            found_breaks = sorted([*found_breaks, *ends], key=lambda m: m.start())
        pieces, at = [], 0  # each piece, whether it counts as asked (the last always), whether a question mark ends it
        joined: list[bool] = []  # … and whether it is joined to the next by "and" or a comma
        for found in found_breaks:
            before = text[at : found.start()]
            if _DASH.fullmatch(found.group()) and (
                _CASE_LAST.search(before) or not (_ASKING_LAST.search(before) or _ENDED.search(before))
            ):
                # "…lab in Germany - does the policy support that?": a dash after no question ends none; nor one after
                # a case ("What happens if a provincial zone is upgraded - how big is the reward?": asked of it)
                continue
            if _COMMA.fullmatch(found.group()) and not _QUESTION_BEFORE_COMMA.match(_last_sentence(before)):
                continue  # "If the ratio goes up, do we pay more?": a comma after no question ends none
            mark = "?" in found.group() or "？" in found.group()
            chunk = self._spoken(_unnumbered(text[at : found.start()]), mark, mark, lang)
            pieces += chunk
            joined += [False] * (len(chunk) - 1) + [
                sentences and lang != "zh" and _JOINED.fullmatch(found.group()) is not None
            ]
            at = found.end()
        pieces += self._spoken(_unnumbered(text[at:]), True, _ASKED_AT_END.search(text) is not None, lang)
        joined += [False] * (len(pieces) - len(joined))
        # in a long English message, an ask joined to the next within one sentence ("…, what reward does it receive, and
        # what is the money for?") ends where that sentence does: in its question mark
        for i in range(len(pieces) - 2, -1, -1):
            if joined[i]:
                pieces[i] = (pieces[i][0], pieces[i][1], pieces[i + 1][2])
        kept = [p for p in pieces if self._substantial(p[0], p[1])]
        # (a closing line asks nothing: "Thanks for your help.", "Best, Jason", "期待您的回复。")
        while len(kept) > self.max_parts and not kept[-1][2] and not self._asks_any(kept[-1][0], lang):
            kept.pop()
        while len(kept) > self.max_parts and not kept[0][1]:
            kept.pop(0)
        if not 1 < len(kept) <= self.max_parts:
            return [(text, _ASKED_AT_END.search(text) is not None)]
        return [(piece, mark) for piece, _, mark in kept]

    def _spoken(self, piece: str, asks: bool, mark: bool, lang: str) -> list[tuple[str, bool, bool]]:
        """A Chinese piece typed or spoken without punctuation, split where a space or a comma falls between two words
        that each ask ("土地怎么支持 审批要多久", "有哪些供应方式,能不能先租后让"), not after a condition or a doubt
        ("不管有没有营业收入,都能申请吗"); words that ask nothing stay with the group before them, or, at the front,
        with what follows ("高新区 外籍人才 工作许可年龄能放宽吗"). Only the last keeps the piece's question mark."""
        if lang != "zh" or not self.markers_zh:
            return [(piece, asks, mark)]
        groups: list[str] = []
        words = _SPACE_OR_COMMA_IN_HAN.split(piece)  # words and, between them, what parts them
        for word, between in zip(words[::2], ["", *words[1::2]], strict=True):
            if groups and self._asks_zh(groups[-1]) and self._asks_zh(word) and not _CONDITION_ZH.match(groups[-1]):
                groups.append(_CONNECTIVE_ZH.sub("", word))
            elif groups:
                groups[-1] = f"{groups[-1]}{between}{word}"
            else:
                groups.append(word)
        return [(g, True, False) for g in groups[:-1]] + [(groups[-1], asks, mark)]  # each group before the last asks

    def _asks_any(self, text: str, lang: str) -> bool:
        """A question mark, a question word or (in Chinese) a marker of a question."""
        return "?" in text or "？" in text or bool(_ASKING_LAST.search(text) if lang == "en" else self._asks_zh(text))

    def _asks_zh(self, text: str) -> bool:
        """A marker of a question in Chinese text, not in a word that asks nothing ("没什么经验", "哪怕", "好几个")."""
        text = _NOT_ASKING_ZH.sub("", text)
        return any(marker in text for marker in self.markers_zh)

    def _substantial(self, piece: str, asks: bool) -> bool:
        """Long enough to be a question of its own; one written with a question mark may be shorter ("Is that
        supported? Any HQ subsidy?", "有补贴吗？")."""
        short = self.short_asked if asks else 0
        return (
            han_count(piece) >= self.min_zh_chars - short or len(_LONG_WORD.findall(piece)) >= self.min_en_words - short
        )


_ASKED_AT_END = re.compile(r"[?？]\s*$")


def _overlaps(one: re.Match[str], other: re.Match[str]) -> bool:
    """Two breaks share characters."""
    return one.start() < other.end() and other.start() < one.end()


#: a dash within a sentence ("What supply methods are there - can we lease first?")
_DASH = re.compile(r"\s+[-–—]\s+")
#: a comma before a question ("How does approval work, is there a commitment system?")
_COMMA = re.compile(r",\s+")
#: … after a sentence that is a question of its own (not "When our FAR increases, …", "What happens if …, …",
#: "Could you please tell me, …")
_QUESTION_BEFORE_COMMA = re.compile(
    r"(?:how|which|who|what(?!\s+(?:if|happens)\b)|is|are|can|does|do)\b(?!.*\b(?:tell me|let me know|if|when)\b)",
    re.IGNORECASE,
)
#: a sentence ended (a dash after it is a bullet)
_ENDED = re.compile(r"[.!?:。！？：]\s*$")
#: a last sentence opening as a question
_ASKING_LAST = re.compile(
    r"(?:^|[.!?:]\s+)(?:what|which|how|who|when|where|why|is|are|can|could|does|do|will|would|should|may)\b[^.!?:]*$",
    re.IGNORECASE,
)
#: a break that joins two asks within one sentence (", and what …", ", how …")
_JOINED = re.compile(r",\s*|,?\s+and\b.*", re.DOTALL)
#: a last sentence that puts a case ("What happens if …", "Suppose …"): what follows a dash asks within it
_CASE_LAST = re.compile(
    r"(?:^|[.!?:]\s+)(?:what\s+(?:if|happens\s+if|would\s+happen\s+if)|suppose|supposing|if)\b[^.!?:]*$", re.IGNORECASE
)
_NOT_ASKING_ZH = re.compile(r"没什么|没多少|哪怕|好几|有几个(?=\S{0,4}(员工|人|企业|公司|项目|朋友))")
#: a space between two Chinese words, or a comma ("产业用地有哪些供应方式,能不能先租后让,租金一平米多少")
_SPACE_OR_COMMA_IN_HAN = re.compile(r"((?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|\s*[,，]\s*)")
#: a word joining one question to the one before ("另外家属能不能随迁", "顺便问下积分制怎么算")
_CONNECTIVE_ZH = re.compile(
    r"^(另外|此外|还有就是|还有(?!没|几)|再一个|再就是|顺便问一?下|顺便问问|顺便|以及|然后)[，,]?"
)
#: a piece that sets a condition or a doubt before what is asked ("不管有没有营业收入,都能申请吗", "不知道有没有名额
#: 限制,能不能现在申请"): no question of its own
_CONDITION_ZH = re.compile(
    r"^(不管|无论|不论|如果|要是|假如|假设|即使|即便|不知道|不清楚|不确定|不晓得|我们不清楚|我不清楚)"
)

#: a list number or bullet opening a piece ("1. ", "2、", "(3)", "Q2:", "b)", "(c)", "②", "- ", "问题二:", "一是",
#: "第二,", "First,")
_NUMBERED = re.compile(
    r"^\s*(?:[(（]?\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|[Qq]\d\b[:.)]?|[(（]?[a-dA-D][)）]|[①②③④⑤]|[-•·](?=\s)|问题[一二三四1-4][:：、.]?|[一二三四]是"
    r"|第[一二三四](?:个问题|点)?[,，、:：]|(?:First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Finally)[,:])\s*"
)


def _last_sentence(text: str) -> str:
    """The text's last sentence, without the spaces around it."""
    return re.split(r"[.!?:;]\s+", text.strip())[-1].strip()


def _unnumbered(piece: str) -> str:
    """A piece without its list number and the commas around it."""
    return _NUMBERED.sub("", piece).strip(" ,，")


def words_of(text: str) -> tuple[str, ...]:
    """The lower-case words of normalized text, as the English cues are matched."""
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=4096)
def singular(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words with a plural -s dropped (schools → school, fees → fee; not class, is, has)."""
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def has_sequence(words: tuple[str, ...], seq: tuple[str, ...]) -> bool:
    n = len(seq)
    return any(words[i : i + n] == seq for i in range(len(words) - n + 1))


def merged(*lists: CueList) -> CueList:
    """One CueList finding what any of `lists` finds."""
    return CueList(
        tuple(c for cl in lists for c in cl.zh),
        tuple(c for cl in lists for c in cl.en),
        tuple(p for cl in lists for p in cl.patterns),
    )
