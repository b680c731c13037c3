"""Embedders behind one interface (also a LangChain Embeddings), chosen by `make_embedder`."""

from bot.embed.base import Embedder
from bot.embed.factory import make_embedder

__all__ = ["Embedder", "make_embedder"]
