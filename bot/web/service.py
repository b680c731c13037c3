"""The assistant as the web app uses it: every answer timed, logged and open to feedback."""

from __future__ import annotations

import logging
import secrets
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.answer.budget import Deadline
from bot.answer.model import Answer
from bot.errors import OverBudget
from bot.retrieve.hybrid import dense_text
from bot.text import han_count
from bot.web.ratelimit import Limiter, RateLimiter, client_hash
from bot.web.store import ConversationStore, TurnRecord

if TYPE_CHECKING:
    from bot.assistant import Bot

log = logging.getLogger(__name__)

RATINGS = ("up", "down")
#: Why an answer got a thumbs down: wrong, not what was asked, unclear, other.
FEEDBACK_REASONS = ("wrong", "not_answered", "unclear", "other")
#: Characters of a question that cost about as much as one short question to answer (most of the cost
#: is embedding, which grows with length up to what the dense channel reads: see bot.retrieve.hybrid).
ZH_CHARS_PER_QUESTION = 40
OTHER_CHARS_PER_QUESTION = 120


def question_cost(question: str) -> int:
    """What answering `question` costs, in short questions: a 1000-character question counts as
    several against the rate limit, so that the limit bounds work, not requests."""
    text = dense_text(question)
    per = ZH_CHARS_PER_QUESTION if han_count(text) * 3 > len(text) else OTHER_CHARS_PER_QUESTION
    return 1 + len(text) // per


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """An answer with the id it was logged under and how long it took."""

    id: str
    conversation_id: str
    answer: Answer
    latency_ms: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON line of `python -m bot ask --json`, with this answer's id."""
        return (
            {"id": self.id, "question": self.answer.question}
            | self.answer.to_dict()
            | {"latency_ms": round(self.latency_ms, 2)}
        )


class AskService:
    """Answers questions with a Bot, logs each turn in a ConversationStore and records feedback.

    Parameters: `bot`, `store`, `rate_limit_per_minute` (per client, 0: off), `salt` of the
    client-address hashes (default: a new random one, so hashes cannot be linked across restarts),
    `answer_budget_s` (seconds one asked question may take, 0: no budget), `limits` (makes a rate
    limit from its scope and requests per minute; default: in this process's memory).
    """

    def __init__(
        self,
        bot: Bot,
        store: ConversationStore,
        rate_limit_per_minute: int = 0,
        salt: str = "",
        answer_budget_s: float = 0.0,
        limits: Callable[[str, int], Limiter] = lambda _scope, per_minute: RateLimiter(per_minute),
    ) -> None:
        self.bot = bot
        self.store = store
        self.answer_budget_s = answer_budget_s
        self.limiter = limits("api", rate_limit_per_minute)
        self._limits = limits
        self.salt = salt or secrets.token_hex(16)

    @property
    def hotline(self) -> str:
        """The investment hotline of the policy."""
        return self.bot.corpus.hotline

    def client(self, address: str | None) -> str:
        """The salted hash a client address is counted and logged under."""
        return client_hash(address or "unknown", self.salt)

    def new_limiter(self, scope: str, per_minute: int) -> Limiter:
        """Another rate limit kept where this service keeps its own (the gate's events and staff logins)."""
        return self._limits(scope, per_minute)

    def check_rate(self, client: str, cost: int = 1) -> None:
        """Count `cost` requests of `client` (a hash from `client()`); RateLimited when over the limit."""
        self.limiter.check(client, cost)

    def answer(self, question: str, history: Sequence[object] | None = None, lang: str | None = None) -> Answer:
        """The bot's answer, not logged and without a time budget (for the staff runner's batches)."""
        answer: Answer = self.bot.ask(question, history=history, lang=lang)  # Bot is thread-safe
        return answer

    def ask(
        self,
        question: str,
        *,
        history: Sequence[object] | None = None,
        lang: str | None = None,
        conversation_id: str | None = None,
        channel: str = "api",
        client: str = "",
        budget_s: float | None = None,
    ) -> LoggedAnswer:
        """Answer `question` within the answer budget and log the turn; returns the answer with its id
        and latency (OverBudget when the budget runs out: nothing is logged). `budget_s`: a channel's own
        budget (WeChat's 5-second window), at most the service's."""
        started = time.perf_counter()
        budget = min(b for b in (budget_s, self.answer_budget_s) if b) if (budget_s or self.answer_budget_s) else 0.0
        deadline = Deadline.start(budget)
        try:
            answer: Answer = self.bot.ask(question, history=history, lang=lang, deadline=deadline)
        except OverBudget as exc:
            log.warning("question of %d characters given up at %s: over its time budget", len(question), exc.stage)
            raise
        latency = (time.perf_counter() - started) * 1000
        answer_id = str(uuid.uuid4())
        logged = LoggedAnswer(answer_id, conversation_id or answer_id, answer, latency)
        self._log(logged, channel, client)
        return logged

    def _log(self, logged: LoggedAnswer, channel: str, client: str) -> None:
        record = TurnRecord.answered(
            logged.id, logged.conversation_id, channel, logged.answer, logged.latency_ms, client
        )
        try:
            self.store.log_turn(record)
        except Exception:  # an answer is worth more than its log line
            log.exception("could not log turn %s", logged.id)

    def feedback(
        self, answer_id: str, rating: str, comment: str = "", client: str = "", reason: str = "", key: str = ""
    ) -> int:
        """Record a thumbs up/down (with why, for a down) on a logged answer; returns the feedback id
        (NotFound, ValueError). `key`: the request's own key, so that a retried request is stored once."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be up or down, got {rating!r}")
        if reason and reason not in FEEDBACK_REASONS:
            raise ValueError(f"reason must be one of {', '.join(FEEDBACK_REASONS)}, got {reason!r}")
        reason = reason if rating == "down" else ""
        return self.store.add_feedback(answer_id, rating, comment.strip(), client, reason, key)
