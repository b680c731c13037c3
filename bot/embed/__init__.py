"""Embedders behind one interface, chosen by `make_embedder` (LangChain's `Embeddings`: langchain_adapter.py)."""

from bot.embed.base import Embedder
from bot.embed.factory import make_embedder

__all__ = ["Embedder", "make_embedder"]
