"""Any sentence-transformers model by name or local path; torch is imported only here."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.embed.base import Embedder, Role, normalize_rows
from bot.errors import MissingDependency

# Models trained with instruction prefixes; others embed the text as is.
_PREFIXES = {"e5": ("query: ", "passage: ")}


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model (e.g. BAAI/bge-m3 or a local folder) on the CPU."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingDependency(
                "the sentence-transformers embedder needs: pip install sentence-transformers torch==2.13.0"
            ) from exc
        self._model = SentenceTransformer(model, device="cpu")
        self._prefixes = next((p for key, p in _PREFIXES.items() if key in model.lower()), ("", ""))
        self.id = f"sentence-transformers:{model}"

    def embed_batch(self, texts: Sequence[str], role: Role) -> np.ndarray:
        """Embed a batch, adding the model's query/passage prefix where it has one."""
        prefix = self._prefixes[0] if role == "query" else self._prefixes[1]
        vectors = self._model.encode([prefix + t for t in texts], convert_to_numpy=True, show_progress_bar=False)
        return normalize_rows(np.atleast_2d(vectors))
