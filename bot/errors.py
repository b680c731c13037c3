"""Errors a user or operator can see; each turns into a clear message or an HTTP 4xx."""


class BotError(Exception):
    """Base of every error this package raises on purpose."""


class CorpusError(BotError):
    """The corpus on disk is malformed or its translation disagrees with the source."""


class ConfigError(BotError):
    """A configuration value is missing or invalid."""


class MissingDependency(BotError):
    """An optional package needed by the configured backend is not installed."""


class InvalidQuestion(BotError):
    """A question is empty, too long or otherwise unusable."""


class NotFound(BotError):
    """A requested article, answer or conversation does not exist."""


class QuestionFileError(BotError):
    """An uploaded question file is malformed; the message names the line."""


class InvalidCorrection(BotError):
    """A staff correction cannot be stored: `problems` says why (a number its clauses do not hold, …)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class RateLimited(BotError):
    """A client asked more often than the rate limit allows; `retry_after` is in seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"too many requests; retry in {retry_after:.0f} s")
        self.retry_after = retry_after


class OverBudget(BotError):
    """Answering a question took longer than its time budget (BOT_ANSWER_BUDGET_S); `stage` is where
    the budget ran out, `retry_after` (seconds) when to ask again."""

    def __init__(self, stage: str, budget_s: float, retry_after: float = 2.0) -> None:
        super().__init__(f"answering took longer than {budget_s:g} s (at {stage}); ask a shorter question")
        self.stage = stage
        self.retry_after = retry_after
