"""The public bodies a text names (a science and technology department, the exit-entry police, an embassy)
and the government level it puts each at: what a statement's condition says issues or approves, and what a
question puts up instead ("确认函是市科技局开的吧？" against "省级科技行政部门签发的确认函")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# government levels, lowest first: "市级以上" reaches every level from the city up
LEVELS = ("county", "municipal", "provincial", "national")
_WINDOW_ZH = 10  # characters before a body's name where its level is written ("连云港市科技局")
_WINDOW_EN = 40  # … and characters in English ("the city Public Security Bureau")


@dataclass(frozen=True, slots=True)
class Authority:
    """A body a text names, and the levels it puts it at (empty: none said)."""

    body: str
    levels: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return f"{self.body}@{'/'.join(sorted(self.levels))}" if self.levels else self.body


@dataclass(frozen=True, slots=True)
class AuthorityTable:
    """The bodies and levels of data/cues.yaml (`authorities`), compiled once."""

    bodies: tuple[tuple[str, re.Pattern[str]], ...]
    levels: tuple[tuple[str, re.Pattern[str]], ...]
    above: re.Pattern[str]
    told: re.Pattern[str]  # what follows a body that only says something ("市人社局的人告诉我…", "the police told me")

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AuthorityTable:
        return cls(
            tuple((name, _alternation(spec)) for name, spec in data["bodies"].items()),
            tuple((name, _alternation(data["levels"][name])) for name in LEVELS),
            re.compile(data["above"], re.IGNORECASE),
            re.compile(data["told"], re.IGNORECASE),
        )

    def read(self, text: str) -> frozenset[Authority]:
        """The bodies normalized `text` names, each with the level written just before its name (or in it:
        "科技厅" is a province's), "以上"/"or above" reaching up to every higher level; not a body named as who
        told the asker what they put up."""
        found: set[Authority] = set()
        for body, pattern in self.bodies:
            for m in pattern.finditer(text):
                if self.told.match(text, m.end()):
                    continue  # the body that told the asker something is no body put up to issue or approve
                window = _WINDOW_EN if m.group(0).isascii() else _WINDOW_ZH
                before = text[max(0, m.start() - window) : m.end()]
                found.add(Authority(body, self._levels(before)))
        return frozenset(found)

    def _levels(self, before: str) -> frozenset[str]:
        nearest, level = -1, ""
        for name, pattern in self.levels:
            for m in pattern.finditer(before):
                if m.start() > nearest:
                    nearest, level = m.start(), name
        if not level:
            return frozenset()
        if self.above.search(before, nearest):
            return frozenset(LEVELS[LEVELS.index(level) :])
        return frozenset({level})


def _alternation(spec: dict[str, Any]) -> re.Pattern[str]:
    """One pattern of a cue list's Chinese forms, English forms (as whole words) and patterns; the longest form
    first, so a name is read whole ("科技部门" is no "科技部", the ministry, at the national level)."""
    forms = [re.escape(str(c).lower()) for c in sorted(spec.get("zh", []), key=len, reverse=True)]
    forms += [rf"\b{re.escape(str(c).lower())}\b" for c in sorted(spec.get("en", []), key=len, reverse=True)]
    forms += list(spec.get("patterns", []))
    return re.compile("|".join(forms), re.IGNORECASE)


def other_authorities(asked: frozenset[Authority], stated: frozenset[Authority]) -> tuple[Authority, ...]:
    """The bodies a question names that the statement does not: another body, or the same body at a level
    the statement does not put it at ("市科技局" against "省级科技行政部门"; "市级以上" takes the city's)."""
    other = []
    for authority in asked:
        same = [s for s in stated if s.body == authority.body]
        if not same or (authority.levels and all(s.levels and not authority.levels & s.levels for s in same)):
            other.append(authority)
    return tuple(sorted(other, key=str))
