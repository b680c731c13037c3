"""The money amounts, percentages and periods a text states, as values, so that a figure a question
asserts can be checked against the policy ("写明奖励1000万元", "state that projects get 30%")."""

from __future__ import annotations

import re

from bot.errors import CorpusError
from bot.numerals import chinese_to_int

_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_SCALE = {"": 1.0, "万": 1e4, "亿": 1e8, "million": 1e6, "billion": 1e9}
_SCALE |= {"k": 1e3, "w": 1e4, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6}  # as typed: "RMB 500k", "50w元", "1m yuan"
_UNIT = r"\s*(?:(万|亿|million|billion|mln|mil|mn|k|m|w)(?![a-z]))?"
_MONEY = (
    re.compile(r"(?:rmb|cny|¥)\s*" + _NUMBER + _UNIT),  # RMB 1 million, ¥500
    re.compile(_NUMBER + _UNIT + r"\s*(?:元|块钱|yuan|rmb|cny)"),  # 1000万元, 5 million yuan
    re.compile(_NUMBER + r"\s*个?\s*(万|亿)"),  # 50万, 1个亿
    # "also gets 1 million?": the policy's millions are yuan; not "5 million people"
    re.compile(
        _NUMBER + r"\s*(million|billion)\b(?!\s+(?:people|persons|residents|inhabitants|users|visitors|tons"
        r"|tonnes|square|sq|units|pieces|vehicles|cars|jobs|workers|households))"
    ),
    # "national zones only 500k, right?", "a 100k bonus": thousands as typed, said as money
    re.compile(
        r"(?<![\w.,])" + _NUMBER + r"(k)\b(?=\s*(?:[,.?!;)]|$|bonus|reward|subsid|grant|yuan|rmb|prize|funding|cash"
        r"|each|per\b|right|correct|\?))"
    ),
)
_PERCENT = re.compile(r"(?<![\d.])" + _NUMBER + r"\s*%|百分之\s*" + _NUMBER)
# a period, not a year ("到2030年" names a year: four digits from 1900 on are one) nor the year before or after
# ("比上一年": 上1年 once numerals are read)
# (not an age: "64 years old")
_PERIOD = re.compile(
    r"(?<![\d.上下])(?!(?:19|20)\d\d\s*年)(\d+)\s*(年|个月|日|天|years?|months?|days?)(?![\d])(?!s?[\s-]*old\b)"
)
_AGE = re.compile(
    r"(?<![\d.])(\d{2})\s*(?:岁|周岁|years? old|-year-old)|\bage[d]?\s+(\d{2})\b|\bi'?m\s+(\d{2})\b|\bi am\s+(\d{2})\b"
    r"|(?:今年|已经|我)\s*(\d{2})\s*了"  # "我今年66了"
)
# an age given as the policy's limit ("放宽到70岁", "up to age 70"), not as the asker's own
AGE_LIMIT = re.compile(
    r"(放宽到|放宽至|放宽|上限是?|上限为|up to age|age limit (is|of)|age cap (is|of)|limit of|limit to"
    r"|extended to|raised to"
    r"|relax(?:es|ed)? (?:it |the \w+ )?to|relaxed to)"
    r"\s*(\d{2})"
)
# an age limit raised to a figure ("放宽到70", "relaxes the age limit to 70"); "the age limit is 60" is the
# general rule the policy relaxes, not a claim about the policy
_RELAXED_TO = re.compile(
    r"(放宽到|放宽至|limit to|extended to|raised to|relax(?:es|ed)? (?:it |the \w+ )?to)\s*(\d{2})"
)
_AGE_WORD = re.compile(r"\bage\b|年龄")
# an age limit said as how far it goes or is pushed ("the age cap only goes up to 63", "can be stretched to 70",
# "年龄能延长到70"): an age only where the text speaks of age
_UP_TO = re.compile(
    r"\b(?:go|goes|going|be|is|only)\s+up\s+to\s+(\d{2})\b"
    r"|\b(?:stretch|stretched|stretches|pushed|push|bumped|bump|increased|increase|lifted|lift|upped|moved)"
    r"(?:\s+up)?\s+to\s+(\d{2})\b"
    r"|(?:延长|提高|提升|调高|调整|延)(?:到|至)\s*(\d{2})(?!\d)"
)
# working life said to last to a figure ("keep a work permit until 70", "干到70"): an age without the word
_WORK_UNTIL = re.compile(
    r"\b(?:work|works|working|worked|employed|employment|permit|permits)\b[^.?!,;]{0,30}?"
    r"\buntil\s+(?:the\s+age\s+of\s+|age\s+)?(\d{2})\b"
    r"|(?:干|工作|上班)到\s*(\d{2})(?!\d)"
)
# someone said to be of an age ("Our chief scientist is 68."), where the text speaks of age
_IS_AGE = re.compile(r"\b(?:is|turns|turned|turning|he's|she's|who's)\s+(\d{2})\b(?![.,]?\d)")
_AGE_RANGE = (50, 99)  # the ages a limit is set at ("放宽到70"); "extended to 10" is no age
_UNIT_AFTER = re.compile(r"\s*(年|个月|日|天|万|元|%|years?|months?|days?|percent)")
# a figure given as a limit ("最多只能停留90天", "at most 90 days"): a premise about the policy's limit
LIMITED = re.compile(
    r"(最多|最长|最高|只能|仅能|上限|不超过|不得超过|封顶|限定|at most|no more than|a maximum of|maximum of|up to|only"
    r"|capped at|capped to|limited to|a cap of|cap of|cap at)"
    r"[^,，。;；?？!！\d]{0,20}?(\d+)"
)
# a period or age written in Chinese numerals ("五年", "两个月", "六十五岁"), read as a figure after a word
# of a limit or validity ("最长只有五年", "放宽到七十岁")
_LIMIT_BEFORE = re.compile(r"最|只|仅|有效期|期限|停留|放宽|上限|超过|长达|为期|有效")
_EN_LIMIT_BEFORE = re.compile(
    r"\b(valid|validity|stay|stays|up to|at most|maximum|max|limit|only|relaxed|raised|capped|cap|lasts?)\b"
)
_EN_NUMBER = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_FIGURE = re.compile(
    r"\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)(?=[\s-]+(?:years?|months?|days?)\b)"
)
_CHINESE_FIGURE = re.compile(
    r"(?<![零一二两三四五六七八九十])([一二两三四五六七八九十]{1,3})(?=\s*(?:个月|年|天|日|周岁|岁))"
)
# a sum in Chinese numerals ("奖励五十万", "一百万元", "三百块", "一个亿", "百分之十"): before 万 or 亿
# (not another numeral after it, "两万五", nor a measure, "一万平"), before 元 or 块 with a ten, hundred
# or thousand in it (not "一元化"), or after 百分之 (not "百分之十几"); not part of a vaguer number
# ("几十万", "数十万") or a decimal ("一点五亿")
_CHINESE_AMOUNT = re.compile(
    r"(?<![零一二两三四五六七八九十百千万亿几数多好上成点])([一二两三四五六七八九十][一二两三四五六七八九十百千零]*)"
    r"(?=\s*个?\s*[万亿](?![一二两三四五六七八九十几多平亩人名个家吨台套米字户次火]))"
    r"|(?<![零一二两三四五六七八九十百千万亿几数多好上成点])([一二两三四五六七八九][十百千][一二两三四五六七八九十百千零]*)"
    r"(?=\s*(?:元|块))"
    r"|(?<=百分之)([一二两三四五六七八九十][一二两三四五六七八九十百零]*)(?![几多点])"
)
_HAN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_PLACE = {"十": 10, "百": 100, "千": 1000}
# a number in English words that is a sum, a share or an age ("five hundred thousand yuan", "a million RMB", "relaxed to
# sixty"): one with a ten, hundred, thousand or million in it (not "five years", which `_EN_FIGURE` reads after a
# word of a limit only, nor a ten before a period, nor a decimal: "one point two million")
_EN_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
# a number of places a ranking moves in English words ("climb three spots", "moved up four places")
_EN_PLACES = re.compile(
    rf"\b((?:up|by|climb\w*|mov\w*|ris\w*|rose|jump\w*|improv\w*|advanc\w*))\s+({_EN_WORD})(?=[\s-]+"
    r"(?:places|spots|positions|ranks)\b)"
)
_EN_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# an age given in words or roughly ("四十岁左右", "四十多岁", "40多岁", "sixty-three years old"): no figure to compare,
# but an age the text gives of someone
_AGE_GIVEN = re.compile(
    r"[一二两三四五六七八九十\d]{1,3}\s*(?:多|来|几)?\s*(?:周岁|岁)"
    rf"|\b{_EN_WORD}(?:[\s-]+{_EN_UNIT})?[\s-]+years?[\s-]+old\b"
)
_EN_SCALE = r"(?:hundred|thousand|million|billion)"
_EN_AMOUNT = re.compile(
    rf"(?<!\bpoint\s)\b(?:(?:a|{_EN_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_EN_WORD}|{_EN_SCALE}))*[\s-]+{_EN_SCALE}"
    rf"(?:[\s-]+(?:and[\s-]+)?{_EN_WORD}(?![\s-]+{_EN_SCALE}))?"
    rf"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+{_EN_UNIT})?"
    rf"(?![\s-]+{_EN_UNIT}\b)(?![\s-]+(?:years?|months?|days?)\b))\b(?!\s+point\b)"
)
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
# words without which `_EN_PLACES`, `_EN_AMOUNT` find nothing
_PLACE_WORDS = ("places", "spots", "positions", "ranks")
_AMOUNT_WORDS = (
    *("hundred", "thousand", "million", "billion"),
    *("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
)
_COUNT = re.compile(
    r"(?<![\d.])(\d+)\s*(?:(?:or more|or fewer|and above|or above|or so)\s+)?"
    r"(?:位|名|强|places?\b|positions?\b|spots?\b)"
    r"|\btop[\s-]*(\d+)\b|前\s*(\d+)(?![\d.]|\s*(?:位|名|强|年|个月|天|日))"
)
_PERIOD_UNIT = {"年": "y", "year": "y", "years": "y", "个月": "m", "month": "m", "months": "m"}


def stated_figures(normalized: str) -> frozenset[str]:
    """'money:<yuan>', 'percent:<value>', 'age:<years>', 'duration:<n><y|m|d>' and 'count:<n>' for every
    amount, percentage, age, period and number of places in normalized text (a year such as 2025年
    reads as a period too: the policy has it as well)."""
    normalized = arabic(normalized)
    found: set[str] = set()
    taken: list[tuple[int, int]] = []
    for pattern in _MONEY:
        for match in pattern.finditer(normalized):
            if any(start <= match.start() < end for start, end in taken):
                continue  # "RMB 1 million yuan" is one amount
            taken.append(match.span())
            value = float(match.group(1).replace(",", "")) * _SCALE[match.group(2) or ""]
            found.add(f"money:{_plain(value)}")
    for match in _PERCENT.finditer(normalized):
        found.add(f"percent:{_plain(float((match.group(1) or match.group(2)).replace(',', '')))}")
    ages, ages_in_years = _ages(normalized)
    found |= ages
    for match in _PERIOD.finditer(normalized):
        if match.end(1) in ages_in_years:
            continue
        found.add(f"duration:{int(match.group(1))}{_PERIOD_UNIT.get(match.group(2), 'd')}")
    for match in _COUNT.finditer(normalized):
        found.add(f"count:{_number(match)}")
    return frozenset(found)


def gives_age(normalized: str) -> bool:
    """The text gives someone's age, in digits, in words or roughly ("年龄都在四十岁左右", "he is sixty-three years
    old")."""
    return bool(_AGE_GIVEN.search(normalized))


def ages_in_words(normalized: str) -> list[int]:
    """The ages text gives in Chinese numerals ("我父亲七十岁了", "六十八周岁"): an exact age, not a rough one
    ("四十多岁"); digits are `stated_figures`'."""
    ages = []
    for match in _AGE_IN_WORDS.finditer(normalized):
        try:
            ages.append(chinese_to_int(match.group(1)))
        except CorpusError:  # "一二岁": not one numeral
            continue
    return ages


_AGE_IN_WORDS = re.compile(
    r"(?<![零一二两三四五六七八九十几多])([一二三四五六七八九十]{1,3})\s*(?:周岁|岁)(?![多左上])"
)


def _ages(normalized: str) -> tuple[set[str], set[int]]:
    """The ages text gives, and where those written in years end ("the age limit can only be relaxed to
    60 years" gives an age, not a period)."""
    found = {f"age:{_number(match)}" for match in _AGE.finditer(normalized)}
    in_years: set[int] = set()
    speaks_of_age = bool(_AGE_WORD.search(normalized))
    for match in _RELAXED_TO.finditer(normalized):  # "relaxes the age limit to 70": an age without its unit
        value = int(match.group(match.lastindex or 0))
        unit = _UNIT_AFTER.match(normalized, match.end())
        years = unit is not None and unit.group(1) in ("年", "year", "years") and speaks_of_age
        if _AGE_RANGE[0] <= value <= _AGE_RANGE[1] and (unit is None or years):
            found.add(f"age:{value}")
            if unit is not None:
                in_years.add(match.end())
    said = (*_UP_TO.finditer(normalized), *_IS_AGE.finditer(normalized)) if speaks_of_age else ()
    for match in (*said, *_WORK_UNTIL.finditer(normalized)):
        value = _number(match)
        if _AGE_RANGE[0] <= value <= _AGE_RANGE[1] and _UNIT_AFTER.match(normalized, match.end()) is None:
            found.add(f"age:{value}")
    return found, in_years


def _number(match: re.Match[str]) -> int:
    """The number of a match whose pattern has one group per way of saying it ("top 50", "前50", "50名")."""
    return int(next(group for group in match.groups() if group))


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def arabic(normalized: str) -> str:
    """Periods and ages written in Chinese numerals or English number words after a word of a limit or
    validity, in digits ("最长只有五年" → "最长只有5年", "valid for five years" → "valid for 5 years";
    "成立三年", "we have been here five years" are the asker's own and stay as written)."""

    def digits(match: re.Match[str]) -> str:
        if not _LIMIT_BEFORE.search(normalized, max(0, match.start() - 6), match.start()):
            return match.group(1)
        try:
            return str(chinese_to_int(match.group(1)))
        except CorpusError:  # "一二年": not one numeral
            return match.group(1)

    def english(match: re.Match[str]) -> str:
        if not _EN_LIMIT_BEFORE.search(normalized, max(0, match.start() - 25), match.start()):
            return match.group(1)
        tens, _, units = match.group(1).replace(" ", "-").partition("-")
        return str(_EN_NUMBER[tens] + (_EN_NUMBER[units] if units else 0))

    text = _EN_FIGURE.sub(english, _CHINESE_FIGURE.sub(digits, normalized))
    # (numbers in words are rare: a quick look for the words they need first)
    if any(word in text for word in _PLACE_WORDS):
        text = _EN_PLACES.sub(lambda m: f"{m.group(1)} {_EN_NUMBER[m.group(2)]}", text)
    if any(word in text for word in _AMOUNT_WORDS):
        text = _EN_AMOUNT.sub(_english_amount, text)
    return _CHINESE_AMOUNT.sub(_chinese_amount, text) if any(c in text for c in "万亿元块百分") else text


def _chinese_amount(match: re.Match[str]) -> str:
    """A sum or share in Chinese numerals in digits ("五十万" → "50万", "一百万元" → "100万元", "百分之十" →
    "百分之10"); as written when it is no numeral below ten thousand."""
    numeral = next(group for group in match.groups() if group)
    value = han_number(numeral)
    return numeral if value is None else str(value)


def han_number(text: str) -> int | None:
    """A Chinese numeral below ten thousand (一百, 两千五百, 一百零五, 五十, 十五), or None; not one said short, its
    last digit's place left out ("三千五": 3500 or 3005?)."""
    total, digit, zero = 0, None, False
    for ch in text:
        if ch == "零":
            zero = True
        elif ch in _HAN_DIGIT:
            if digit is not None:
                return None  # "五五": no numeral
            digit = _HAN_DIGIT[ch]
        elif ch in _HAN_PLACE:
            total += (1 if digit is None else digit) * _HAN_PLACE[ch]
            digit, zero = None, False
        else:
            return None
    if digit is not None and total >= 100 and not zero and text[-2] != "十":
        return None  # "三千五", "两百五": the place of the 五 is left out
    return total + (digit or 0) or None


def _english_amount(match: re.Match[str]) -> str:
    """A number in English words in digits ("five hundred thousand" → "500000", "a million" → "1000000",
    "one million two hundred thousand" → "1200000", "sixty-five" → "65")."""
    total, current = 0, 0
    for word in match.group(0).replace("-", " ").split():
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in _EN_SCALES:
            total, current = total + max(current, 1) * _EN_SCALES[word], 0
        elif word != "and":
            current += 1 if word == "a" else _EN_NUMBER[word]
    return str(total + current)


def limit_values(normalized: str) -> frozenset[str]:
    """The numbers normalized text gives as a limit (an age limit, a longest stay …), as written digits."""
    normalized = arabic(normalized)
    return frozenset(
        m.group(m.lastindex or 0) for pattern in (AGE_LIMIT, LIMITED) for m in pattern.finditer(normalized)
    )


def without_own_ages(normalized: str, limits: frozenset[str]) -> str:
    """`normalized` with the ages that are the asker's own (not given as a limit) blanked out: what is
    left states the figures the question gives of the policy ("我今年62岁，年龄上限是多少？" gives none)."""
    return _AGE.sub(lambda m: m.group(0) if next(g for g in m.groups() if g) in limits else " ", normalized)


def claimable(unheld: frozenset[str], limits: frozenset[str]) -> frozenset[str]:
    """The figures of `unheld` that can be claims about the policy: all but ages other than a limit
    (a 62-year-old's own age is theirs: "我今年62岁，年龄能放宽到多少？")."""
    return frozenset(f for f in unheld if not f.startswith("age:") or f.split(":")[1] in limits)


def limited(figures: frozenset[str], limits: frozenset[str]) -> frozenset[str]:
    """The figures (period, age, count) given as a limit: "duration:90d" for "最多只能停留90天"."""
    return frozenset(
        f
        for f in figures
        if f.split(":")[0] in ("duration", "age", "count") and f.split(":")[1].rstrip("ymd") in limits
    )


# an age asked above a number ("超过65岁", "65岁以上的", "beyond 65", "older than 65"): a case past that age
_PAST_AGE = re.compile(
    r"(?:超过|超出|高于|大于|过了)\s*(\d{2})\s*(?:周岁|岁)|(\d{2})\s*(?:周岁|岁)\s*(?:以上|之上|往上)"
    r"|\b(?:beyond|above|over|older than|past)\s+(?:the\s+)?(?:age\s+(?:of\s+)?|limit\s+of\s+)?(\d{2})\b(?!\s*%)"
)


def ages_past(normalized: str) -> list[int]:
    """The numbers normalized text asks about ages past ("超过65岁", "beyond 65": 65)."""
    return [int(next(g for g in m.groups() if g)) for m in _PAST_AGE.finditer(arabic(normalized))]
