"""Tell Chinese from English: mixed scripts, traditional characters, pinyin and typos included."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from bot.text import HAN, normalize

_LATIN_WORD = re.compile(r"[a-z]{2,}")
#: words separated only by spaces, hyphens or quotes (a split word list, as `pinyin_runs` reads it)
_LATIN_CHUNK = re.compile(r"[a-z]+(?:[\s\-'‘’\"“”]+[a-z]+)*")
_LETTER_WORD = re.compile(r"[a-z]+")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_OTHER_LETTERS = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f]")
_QUOTED = re.compile(r"[(（“\"'‘《「][^)）”\"'’》」]{1,20}[)）”\"'’》」]")
_ZH_GRAMMAR = re.compile(r"[的吗呢吧了么是有在和对会能要我你您哪谁请]|怎么|什么|多少|可以|如何|哪些")
_EN_GRAMMAR = frozenset(
    "what how is are the do does can could which who for of to and i we my our you your a an in on "
    "with be will would should there any this that it".split()
)
_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_FINALS = (
    "a o e i u v ai ei ui ao ou iu ie ve er an en in un vn ang eng ing ong ia iao ian iang iong ua uo uai uan uang ue"
).split()


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (ü written v), and some that do not exist."""
    return frozenset({i + f for i in _INITIALS for f in _FINALS} | set(_FINALS))


def _is_pinyin(word: str) -> bool:
    """True if `word` splits into pinyin syllables (greedy, longest first)."""
    return _syllable_count(word) > 0


def _syllable_count(word: str) -> int:
    """How many syllables `word` splits into (greedy, longest first); 0 when it is not pinyin."""
    syllables = pinyin_syllables()
    i = count = 0
    while i < len(word):
        for size in (6, 5, 4, 3, 2, 1):
            if word[i : i + size] in syllables:
                i += size
                count += 1
                break
        else:
            return 0
    return count


def pinyin_runs(text: str, english: Collection[str]) -> list[str]:
    """Pinyin inside a question in other words ("what does 'shuang zhao shuang yin' mean?").

    A run is a stretch of consecutive words that all split into pinyin syllables, trimmed of
    the words in `english` (and English grammar words) at its ends, with at least two
    syllables and at least one word that is not English.
    """
    runs = []
    for chunk in _LATIN_CHUNK.findall(normalize(text)):
        current: list[str] = []
        for word in [*_LETTER_WORD.findall(chunk), ""]:
            if word and _syllable_count(word):
                current.append(word)
                continue
            while current and (current[0] in english or current[0] in _EN_GRAMMAR):
                current.pop(0)
            while current and (current[-1] in english or current[-1] in _EN_GRAMMAR):
                current.pop()
            if current and sum(_syllable_count(w) for w in current) >= 2:
                runs.append(" ".join(current))
            current = []
    return runs


def detect_language(text: str) -> str:
    """'zh' or 'en' for a question; text in neither script is answered in English."""
    normalized = normalize(text)
    han = len(HAN.findall(_QUOTED.sub(" ", normalized)))
    words = _LATIN_WORD.findall(normalized)
    if not words:
        return "zh" if HAN.search(normalized) or _KANA_HANGUL.search(normalized) else "en"
    if not han:
        return "zh" if _looks_like_pinyin(words) else "en"
    if _mostly_pinyin(words):
        return "zh"  # "waiji rencai R签 youxiaoqi 是多少?": pinyin beside Chinese is Chinese ("he" too)
    zh_score = han + 2 * len(_ZH_GRAMMAR.findall(normalized))
    en_score = 2 * len(words) + 2 * sum(w in _EN_GRAMMAR for w in words)
    return "zh" if zh_score >= en_score else "en"


def is_pinyin(text: str) -> bool:
    """True for a question written in pinyin only: no Chinese characters, and (nearly) every word pinyin."""
    normalized = normalize(text)
    return not HAN.search(normalized) and _looks_like_pinyin(_LATIN_WORD.findall(normalized))


def _looks_like_pinyin(words: list[str]) -> bool:
    """Latin words alone read as pinyin: mostly pinyin, and no English grammar word among them."""
    return not any(w in _EN_GRAMMAR for w in words) and _mostly_pinyin(words)


def _mostly_pinyin(words: list[str]) -> bool:
    """Three words or more, nine in ten of them pinyin syllables."""
    return len(words) >= 3 and sum(_is_pinyin(w) for w in words) >= 0.9 * len(words)


def is_supported_script(text: str) -> bool:
    """False when the text is written mainly in a script the assistant cannot read (Cyrillic, Arabic …)."""
    normalized = normalize(text)
    other = len(_OTHER_LETTERS.findall(normalized))
    return other == 0 or other < len(HAN.findall(normalized)) + len(re.findall(r"[a-z]", normalized)) // 2
