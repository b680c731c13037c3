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
