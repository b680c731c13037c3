"""Chinese numerals (一 … 九十九) to and from integers, and the article numbers a text cites."""

import re

from bot.errors import CorpusError

_DIGITS = "零一二三四五六七八九"
_VALUE = {ch: i for i, ch in enumerate(_DIGITS)} | {"〇": 0, "两": 2}


def chinese_to_int(text: str) -> int:
    """Parse a Chinese numeral from 一 to 九十九 (十, 十五, 二十, 二十六 …).

    Raises CorpusError for anything else, naming the text.
    """
    if not text or any(ch not in _VALUE and ch != "十" for ch in text):
        raise CorpusError(f"not a Chinese numeral: {text!r}")
    if "十" not in text:
        if len(text) != 1 or _VALUE[text] == 0:
            raise CorpusError(f"not a Chinese numeral between 1 and 99: {text!r}")
        return _VALUE[text]
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        raise CorpusError(f"not a Chinese numeral between 1 and 99: {text!r}")
    tens_value = _VALUE[tens] if tens else 1
    units_value = _VALUE[units] if units else 0
    if tens_value == 0 or (tens and tens_value == 1) or (units and units_value == 0):
        raise CorpusError(f"not a Chinese numeral between 1 and 99: {text!r}")
    return tens_value * 10 + units_value


def int_to_chinese(number: int) -> str:
    """Write 1 … 99 as a Chinese numeral, the way article markers do: 一, 十, 十一, 二十六."""
    if not 1 <= number <= 99:
        raise ValueError(f"only 1..99 can be written: {number}")
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


_ARTICLE_EN = re.compile(r"\barticles?\s+(\d+)|\barts?\.\s*(\d+)", re.IGNORECASE)
_ARTICLE_ZH = re.compile(r"第([一二三四五六七八九十]+|\d+)条")


def cited_articles(text: str) -> set[int]:
    """Article numbers a text cites: "Article 5", "Art. 5", "第五条", "第5条" (a numeral that is none, "第一十条",
    is not read)."""
    found = {int(a or b) for a, b in _ARTICLE_EN.findall(text)}
    for numeral in _ARTICLE_ZH.findall(text):
        try:
            found.add(int(numeral) if numeral.isdigit() else chinese_to_int(numeral))
        except CorpusError:
            continue
    return found
