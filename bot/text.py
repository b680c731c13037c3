"""Input normalization shared by retrieval and language detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from bot.yaml_text import load_yaml

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
_SPACES = re.compile(r"\s+")
#: a Chinese character: CJK unified ideographs, extensions A and B+, compatibility ideographs
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def written_in(word: str, text: str, words: tuple[str, ...]) -> bool:
    """A question's specific word is written in a text: a Chinese one anywhere in it (inside a longer word too), an
    English stem at the start of one of its `words`."""
    return word in text if HAN.search(word) else any(w.startswith(word) for w in words)


def written_as(
    word: str, text: str, words: tuple[str, ...], equivalents: Mapping[str, tuple[str, ...]] | None = None
) -> bool:
    """`word`, or one of its `equivalents` ("purchas" → "transfer"), is written in the text (see `written_in`); a
    Chinese compound of six or more characters where both its halves are, at one split ("企业投资项目审批" in
    "…投资项目审批改革,实行企业投资项目承诺制…"; not a shorter one: "省级高新区" in "省级孵化器…国家高新区")."""
    return any(written_in(w, text, words) for w in (word, *(equivalents or {}).get(word, ()))) or _halves_written(
        word, text
    )


def _halves_written(word: str, text: str) -> bool:
    if len(word) < 6 or not all(HAN.match(c) for c in word):
        return False
    return any(word[:i] in text and word[i:] in text for i in range(2, len(word) - 1))


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def clean(text: str, limit: int | None = None) -> str:
    """Strip control, bidi and zero-width characters and lone surrogates (from undecodable input),
    collapse whitespace; cut at `limit` characters."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    return text[:limit] if limit is not None else text


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC t2s); other text unchanged."""
    if not HAN.search(text):
        return text
    return str(_converter().convert(text))


@lru_cache(maxsize=1)
def _regional() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """Any of the regional forms (one pass to tell text without them), and each with its Mandarin."""
    data = load_yaml(resources.files("bot.data").joinpath("regional.yaml").read_text(encoding="utf-8"))
    pairs = tuple((re.compile(pattern), written) for pattern, written in data)
    return re.compile("|".join(f"(?:{pattern})" for pattern, _ in data)), pairs


def to_mandarin(text: str) -> str:
    """Simplified text with Cantonese written forms and Hong Kong / Taiwan words read as mainland Mandarin
    ("有冇补贴", "几多钱", "我哋系…": data/regional.yaml)."""
    any_form, pairs = _regional()
    if not any_form.search(text):
        return text
    for pattern, written in pairs:
        text = pattern.sub(written, text)
    return text


def normalize(text: str) -> str:
    """The form retrieval sees: NFKC (full-width → ASCII), simplified Chinese in Mandarin forms, lower-case
    Latin."""
    return to_mandarin(to_simplified(unicodedata.normalize("NFKC", clean(text)))).lower()


def han_count(text: str) -> int:
    """How many Chinese characters `text` has."""
    return len(HAN.findall(text))


def over_limit(question: str, limit: int) -> bool:
    """Whether a question is longer than `limit` characters (BOT_MAX_QUESTION_CHARS), counted as the asker
    wrote it: the one length check of the chat, the API, the staff runner and the answer stage."""
    return len(question) > limit


_OPEN_ENDS = ";；,，、:："


def capitalized(text: str) -> str:
    """`text` with its first letter in upper case (an English clause quoted alone: "national high-tech zones
    and …" continues a sentence of the policy)."""
    return text[:1].upper() + text[1:]


def as_sentence(text: str, lang: str, capital: bool = True) -> str:
    """A clause quoted as a whole reply: no ";" or "," left open at its end ("…relaxed to 65;"), a full stop
    instead, and in English a capital first letter (unless `capital` is false: it follows "Yes — ")."""
    stripped = text.rstrip()
    if stripped and stripped[-1] in _OPEN_ENDS:
        stripped = stripped[:-1].rstrip() + ("。" if lang == "zh" else ".")
    return capitalized(stripped) if lang == "en" and capital else stripped
