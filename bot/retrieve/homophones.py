"""Chinese typos of the homophone kind ("容基率" for 容积率): the policy's words a question misspells.

Chinese is typed by pinyin, so the usual typo is another character with the same sound. A word
of the policy (three to five characters) is found in a question when the question has the same
characters at every position but one, and the character there shares a reading with the word's.
The words found are added after the question, as pinyin readings are; the question is not changed.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_MIN, _MAX = 3, 5  # word lengths considered: shorter ones have too many sound-alikes; longer ones hold shorter
_MASK = "\0"


@lru_cache(maxsize=1)
def _readings_table() -> dict[int, str]:
    """pypinyin's table of character readings (code point → "jī,zhǐ").

    Its module is loaded by itself: importing the `pypinyin` package also loads its phrase tables,
    0.34 s against 0.07 s here, and this runs on the first Chinese question of a process.
    """
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypinyin is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py"
    module_spec = importlib.util.spec_from_file_location("_pypinyin_readings", path)
    if module_spec is None or module_spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    table: dict[int, str] = module.pinyin_dict
    return table


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """The toneless pinyin readings of one character (empty for a character pypinyin does not know)."""
    marked = _readings_table().get(ord(char), "")
    plain = unicodedata.normalize("NFD", marked)
    return frozenset("".join(c for c in plain if not unicodedata.combining(c)).replace("ü", "v").split(",")) - {""}


class HomophoneCorrector:
    """Finds the policy's `words` (repeats ignored) that a question writes with one sound-alike character."""

    def __init__(self, words: Iterable[str]) -> None:
        spelled = {word for word in words if _MIN <= len(word) <= _MAX}
        self._masked: dict[str, list[tuple[str, int]]] = {}
        for word in spelled:
            for at in range(len(word)):
                self._masked.setdefault(word[:at] + _MASK + word[at + 1 :], []).append((word, at))
        self._chars = {char for key in self._masked for char in key} - {_MASK}
        # what a window must share with a word for one typo at a given place to be possible: its first
        # two characters (typo at 2 or later), its second and third (typo at 0), its first and third
        # (typo at 1); three set lookups rule out most places of a question before any masked lookup
        self._heads = {word[:2] for word in spelled}
        self._after_first = {word[1:3] for word in spelled}
        self._around_second = {word[0] + word[2] for word in spelled}

    def find(self, text: str) -> list[str]:
        """The words `text` misspells, in the order they occur."""
        found: list[str] = []
        for start in range(len(text) - _MIN + 1):
            typo_at = (  # whether a typo at 0, at 1, at 2 or later is possible in a window from `start`
                text[start + 1 : start + 3] in self._after_first,
                text[start] + text[start + 2] in self._around_second,
                text[start : start + 2] in self._heads,
            )
            if any(typo_at):
                found += self._from(text, start, typo_at)
        return list(dict.fromkeys(found))

    def _from(self, text: str, start: int, typo_at: tuple[bool, bool, bool]) -> list[str]:
        """The words misspelled by the windows of 3 to 5 characters from `start`."""
        found: list[str] = []
        strangers: list[int] = []  # positions in the window of characters no word has
        for end in range(start + 1, min(start + _MAX, len(text)) + 1):
            if text[end - 1] not in self._chars:
                strangers.append(end - 1 - start)
                if len(strangers) > 1:
                    break  # two characters off: no word is one typo away
            if end - start < _MIN:
                continue
            window = text[start:end]
            for at in strangers or range(end - start):
                if typo_at[min(at, 2)]:
                    for word, position in self._masked.get(window[:at] + _MASK + window[at + 1 :], ()):
                        typed = window[position]
                        if typed != word[position] and readings(typed) & readings(word[position]):
                            found.append(word)
        return found
