"""The corrections desk: checks a staff correction, stores it with the answer it replaces, and applies it at once
(the bot's corrections are reloaded; other processes sharing the database see it within their refresh
interval). The staff API (bot/web/corrections.py) and the command line (`python -m bot corrections`) use it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bot.corrections.book import question_key
from bot.corrections.model import Correction, Draft, problems
from bot.corrections.store import CorrectionStore
from bot.errors import InvalidCorrection
from bot.questions import jsonl_objects

if TYPE_CHECKING:
    from bot.assistant import Bot


class CorrectionDesk:
    """Checks, stores and applies corrections. Parameters: the `bot` they apply to, their `store`, and the
    longest question accepted."""

    def __init__(self, bot: Bot, store: CorrectionStore, max_question_chars: int) -> None:
        self.bot = bot
        self.store = store
        self.max_question_chars = max_question_chars
        book = getattr(bot, "corrections", None)  # a test's stand-in bot may take none
        if hasattr(bot, "use_corrections") and (book is None or book.store is not store):
            bot.use_corrections(store)

    def check(self, draft: Draft) -> None:
        """InvalidCorrection saying why, when `draft` cannot be stored."""
        if found := problems(draft, self.bot.corpus, self.max_question_chars):
            raise InvalidCorrection(found)

    def before(self, draft: Draft) -> dict[str, Any]:
        """What the assistant answers to the question without any correction."""
        answer = self.bot.ask(draft.question, lang=draft.lang, corrections=False)
        return {
            "outcome": answer.outcome,
            "fallback": answer.fallback,
            "opening": answer.opening,
            "cited": list(dict.fromkeys(c.article for c in answer.citations)),
        }

    def add(self, draft: Draft) -> Correction:
        self.check(draft)
        correction = self.store.add(draft, self.before(draft))
        self._applied()
        return correction

    def update(self, correction_id: int, draft: Draft) -> Correction:
        self.check(draft)
        correction = self.store.update(correction_id, draft)
        self._applied()
        return correction

    def remove(self, correction_id: int, author: str = "") -> None:
        self.store.remove(correction_id, author)
        self._applied()

    def export(self) -> str:
        """Every correction as JSON lines, in the shape `import_` reads back."""
        return exported(self.store)

    def import_(self, text: str, author: str = "") -> dict[str, int]:
        """Corrections from JSON lines: all are checked first and none is stored if any is wrong; a question
        that already has a correction gets its correction replaced."""
        drafts: list[Draft] = []
        found: list[str] = []
        for number, row in jsonl_objects(text.splitlines()):
            try:
                if isinstance(row, ValueError):
                    raise row
                draft = Draft.of(row | ({"author": author} if author else {}))
            except ValueError as exc:
                found.append(f"line {number}: {exc}")
                continue
            found += [f"line {number}: {p}" for p in problems(draft, self.bot.corpus, self.max_question_chars)]
            drafts.append(draft)
        if found or not drafts:
            raise InvalidCorrection(found or ["the file holds no correction"])
        existing = {(question_key(c.draft.question), c.draft.lang): c.id for c in self.store.all()}
        counts = {"created": 0, "updated": 0}
        for draft in drafts:
            if (known := existing.get((question_key(draft.question), draft.lang))) is not None:
                self.store.update(known, draft)
                counts["updated"] += 1
            else:
                existing[(question_key(draft.question), draft.lang)] = self.store.add(draft, self.before(draft)).id
                counts["created"] += 1
        self._applied()
        return counts

    def _applied(self) -> None:
        if (book := getattr(self.bot, "corrections", None)) is not None:
            book.reload()


def exported(store: CorrectionStore) -> str:
    """Every correction of `store` as JSON lines, in the shape `CorrectionDesk.import_` reads back."""
    lines = [json.dumps(c.draft.to_dict() | {"id": c.id}, ensure_ascii=False) for c in store.all()]
    return "".join(line + "\n" for line in lines)
