"""An Embedder as LangChain's `Embeddings`, where LangChain needs one (langchain-chroma); langchain_core is
imported only here, so the embedder interface itself costs no LangChain import."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from bot.embed.base import Embedder


class LangChainEmbeddings(Embeddings):
    """Wraps an Embedder: passages as documents, questions as queries (vectors as lists of floats)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain: embed passages."""
        return [[float(x) for x in row] for row in self.embedder.embed_batch(texts, "passage")]

    def embed_query(self, text: str) -> list[float]:
        """LangChain: embed one query."""
        return [float(x) for x in self.embedder.embed_query_vector(text)]
