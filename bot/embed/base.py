"""The embedder interface: one method that embeds a batch; everything else is built on it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Literal

import numpy as np

Role = Literal["query", "passage"]


class Embedder(ABC):
    """A text embedder. Subclasses implement `embed_batch`; vectors are float32 and L2-normalized.
    Where LangChain needs an `Embeddings`, wrap it in bot.embed.langchain_adapter.LangChainEmbeddings."""

    #: stable identifier recorded in the index so a changed model forces a rebuild
    id: str = "abstract"

    @abstractmethod
    def embed_batch(self, texts: Sequence[str], role: Role) -> np.ndarray:
        """Embed `texts` as queries or passages; returns an (n, dim) float32 array."""

    def embed_query_vector(self, text: str) -> np.ndarray:
        """One query as a (dim,) vector."""
        vector: np.ndarray = self.embed_batch([text], "query")[0]
        return vector


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """L2-normalize each row (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
