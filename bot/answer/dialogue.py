"""Follow-up questions resolved from the conversation so far, without an LLM."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answer.cues import Cues, load_cues, words_of
from bot.text import clean, han_count


@dataclass(frozen=True, slots=True)
class Turn:
    """An earlier user question."""

    question: str


def parse_history(history: Sequence[object] | None, limit: int = 2000) -> list[Turn]:
    """Earlier user turns from any of the shapes callers send.

    Accepts strings (earlier questions), {"question": …} rows (other keys, such as "retrieved", are
    ignored), and chat messages {"role": "user"|"assistant", "content": …}; assistant messages are skipped.
    """
    turns: list[Turn] = []
    for item in history or ():
        if isinstance(item, str):
            text = item
        elif isinstance(item, dict):
            if item.get("role") not in (None, "user"):
                continue
            value = item.get("question") or item.get("content") or ""
            text = value if isinstance(value, str) else ""
        else:
            continue
        if text := clean(text, limit):
            turns.append(Turn(text))
    return turns


def looks_like_follow_up(normalized: str, cues: Cues | None = None) -> bool:
    """True when the question leans on an earlier one: a follow-up marker, or too short to stand alone."""
    cues = cues or load_cues()
    text = normalized.strip(" ?？!！。.,，")
    if _switches(text, cues):
        return False
    words = words_of(normalized)
    return _points_back(text, words, cues) or (han_count(text) <= 6 and len(words) <= 4)


def refers_back(normalized: str, cues: Cues | None = None) -> bool:
    """True when the question's words point to something said before it ("那省级的呢？", "what about it?"),
    unless the asker says a new topic starts."""
    cues = cues or load_cues()
    text = normalized.strip(" ?？!！。.,，")
    return not _switches(text, cues) and _points_back(text, words_of(normalized), cues)


def _switches(text: str, cues: Cues) -> bool:
    """The asker says a new topic starts ("换个话题", "different question")."""
    return any(cue in text for cue in cues.follow_switch)


def _points_back(text: str, words: tuple[str, ...], cues: Cues) -> bool:
    """A follow-up marker: a leading "那", a closing "呢", "这个", "what about", "it" …"""
    if text.startswith(cues.follow_zh_start) or text.endswith(cues.follow_zh_end):
        return True
    if any(cue in text for cue in cues.follow_zh_any):
        return True
    joined = " ".join(words)
    if any(joined.startswith(cue + " ") or joined == cue for cue in cues.follow_en_start):
        return True
    # ("there" of "is there any …?" points nowhere, in a question long enough to name its own topic: "Is there any
    # fast-track approval for enterprise investment projects in the zone?"; "is there a cap on the reward?" leans on
    # what was said before it)
    existential = _EXISTENTIAL.search(joined) is not None and len(words) > _OWN_TOPIC_WORDS
    return any(w in cues.follow_en_any for w in words if not (existential and w == "there"))


_OWN_TOPIC_WORDS = 8
_EXISTENTIAL = re.compile(r"\b(is|are|was|were|be|been)\s+there\b|\bthere\s+(is|are|was|were|will|would|be)\b")
