"""Find glossary terms in a question, in either language, for expansion and routing."""

from __future__ import annotations

import re

from bot.corpus.glossary import Glossary, Term
from bot.retrieve.tokenize import stem
from bot.text import normalize

_ORGANISATION = frozenset(
    stem(w) for w in "office bureau commission department association committee bank administration".split()
)
_GENERIC = frozenset(stem(w) for w in "municipal city the of and for lianyungang people's people s".split())
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+(?:[&.'+][a-z0-9]+)*")


def _words(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(text.lower()))


class TermMatcher:
    """Matches Chinese forms as substrings and English forms as stemmed word sequences."""

    def __init__(self, glossary: Glossary) -> None:
        self._zh: list[tuple[str, Term]] = sorted(
            ((normalize(form), t) for t in glossary.terms for form in t.zh_forms if _HAN.search(form)),
            key=lambda p: -len(p[0]),
        )
        # each form's first position in _zh (its rank: longest first), and the lengths of the forms
        # starting with each character, so a question looks up only substrings that could be forms
        self._zh_rank: dict[str, int] = {}
        self._zh_lengths: dict[str, list[int]] = {}
        for position, (form, _) in enumerate(self._zh):
            if self._zh_rank.setdefault(form, position) == position:
                lengths = self._zh_lengths.setdefault(form[0], [])
                if len(form) not in lengths:
                    lengths.append(len(form))
        self._en: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
        for term in glossary.terms:
            for form in term.en_forms:
                if words := _words(form):
                    self._en.setdefault(words[0], []).append((words, term))
        for candidates in self._en.values():
            candidates.sort(key=lambda p: -len(p[0]))
        cores = (
            (frozenset(_words(form)) - _ORGANISATION - _GENERIC, term)
            for term in glossary.terms
            if term.kind == "department"
            for form in term.en_forms
        )
        self._department_cores = sorted(((c, t) for c, t in cores if len(c) >= 2), key=lambda p: -len(p[0]))

    def find(self, normalized: str) -> list[Term]:
        """Terms named in `normalized` (simplified, lower-cased) text; longest forms win overlaps."""
        found: dict[str, Term] = {}
        words = _words(normalized)
        self._find_zh(normalized, found)
        self._find_en(words, found)
        if not any(t.kind == "department" for t in found.values()):
            self._find_department_loosely(set(words), found)
        return list(found.values())

    def _find_department_loosely(self, words: set[str], found: dict[str, Term]) -> None:
        """ "the Government Affairs Service Office" names 市政务办 although no form matches word for word:
        a department counts when the question has an organisation word and every distinctive word of one of
        its English forms (at least two)."""
        if not words & _ORGANISATION:
            return
        for core, term in self._department_cores:
            if core <= words:
                found.setdefault(term.zh, term)
                return

    def _find_zh(self, text: str, found: dict[str, Term]) -> None:
        """Every occurrence of every form, longest forms first (glossary order among equals), each
        taken unless it overlaps one taken before."""
        rank = self._zh_rank
        occurrences = sorted(
            (position, start)
            for start, char in enumerate(text)
            for length in self._zh_lengths.get(char, ())
            if (position := rank.get(text[start : start + length])) is not None
        )
        taken = [False] * len(text)
        for position, start in occurrences:
            form, term = self._zh[position]
            span = range(start, start + len(form))
            if not any(taken[i] for i in span):
                for i in span:
                    taken[i] = True
                found.setdefault(term.zh, term)

    def _find_en(self, words: tuple[str, ...], found: dict[str, Term]) -> None:
        i = 0
        while i < len(words):
            for seq, term in self._en.get(words[i], ()):
                if words[i : i + len(seq)] == seq:
                    found.setdefault(term.zh, term)
                    i += len(seq)
                    break
            else:
                i += 1
