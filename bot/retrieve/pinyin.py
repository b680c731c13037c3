"""Questions typed in toneless pinyin ("gaoxinqu jiangli duoshao"), read back into Chinese characters.

The reader knows the words of the policy (jieba's words of every Chinese clause, the glossary's
Chinese forms) and a short list of question words, each under its toneless pinyin. A question is
split into a sequence of those words by a shortest path over its letters: each known word costs
1, a word that starts or ends inside a typed word costs a little more, a lone pinyin syllable no
known word explains costs 2 and is dropped, any other letter costs 3 and is dropped. Among words
with the same pinyin the one the policy uses most wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources

from bot.language import pinyin_syllables

_LETTERS = re.compile(r"[a-z]+")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_LONGEST_KEY = 24  # letters; no word of the policy has a longer pinyin
_KNOWN, _INSIDE, _SYLLABLE, _LETTER = 1.0, 0.3, 2.0, 3.0


def _question_words() -> list[str]:
    text = resources.files("bot.data").joinpath("pinyin_words.txt").read_text(encoding="utf-8")
    return [w for line in text.splitlines() if (w := line.strip()) and not w.startswith("#")]


class PinyinReader:
    """Turns toneless pinyin into the policy's Chinese words; built from `words` (repeats count)."""

    def __init__(self, words: Iterable[str]) -> None:
        from pypinyin import Style, lazy_pinyin

        counts = Counter(w for w in words if _HAN_WORD.fullmatch(w))
        counts.update({w: 1 for w in _question_words()})
        best: dict[str, tuple[int, int, str]] = {}
        for word, count in counts.items():
            key = "".join(lazy_pinyin(word, style=Style.NORMAL)).replace("ü", "v")
            if _LETTERS.fullmatch(key) and len(key) <= _LONGEST_KEY:
                rank = (count, len(word), word)  # the most used, then the longest
                if key not in best or rank > best[key]:
                    best[key] = rank
        self.words = {key: rank[2] for key, rank in best.items()}

    def read(self, text: str) -> str:
        """The Chinese reading of the pinyin in `text` (normalized, lower-case); "" when none is found."""
        return "".join(self._path(text))

    def read_known(self, text: str) -> str:
        """The reading of `text` when known words explain every letter of it, else "".

        For pinyin inside an English question ("what is 'shuang zhao shuang yin'?"), where a
        partial reading would more likely be English words that happen to spell syllables.
        """
        words = self._path(text)
        return "".join(words) if words and all(words) else ""

    def _path(self, text: str) -> list[str]:
        """The cheapest split of `text`'s letters: a word per piece, "" for each piece dropped."""
        typed = _LETTERS.findall(text)
        letters = "".join(typed)
        bounds = {0}
        for word in typed:
            bounds.add(max(bounds) + len(word))
        syllables = pinyin_syllables()
        size = len(letters)
        cost = [0.0] + [float("inf")] * size
        step: list[tuple[int, str]] = [(0, "")] * (size + 1)
        for start in range(size):
            if cost[start] == float("inf"):
                continue
            for end in range(start + 1, min(size, start + _LONGEST_KEY) + 1):
                piece = letters[start:end]
                word = self.words.get(piece)
                if word is not None:
                    extra = _INSIDE * ((start not in bounds) + (end not in bounds))
                    self._relax(cost, step, start, end, _KNOWN + extra, word)
                elif piece in syllables:
                    self._relax(cost, step, start, end, _SYLLABLE, "")
            self._relax(cost, step, start, start + 1, _LETTER, "")
        pieces = []
        at = size
        while at > 0:
            start, word = step[at]
            pieces.append(word)
            at = start
        return pieces[::-1]

    @staticmethod
    def _relax(cost: list[float], step: list[tuple[int, str]], start: int, end: int, price: float, word: str) -> None:
        if cost[start] + price < cost[end]:
            cost[end] = cost[start] + price
            step[end] = (start, word)
