"""A deterministic, model-free embedder for unit tests: hashed character n-grams."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from bot.embed.base import Embedder, Role, normalize_rows


class HashEmbedder(Embedder):
    """Bag of hashed character 1- and 2-grams; similar strings get similar vectors."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.id = f"hash-{dim}"

    def embed_batch(self, texts: Sequence[str], role: Role) -> np.ndarray:
        """Embed each text as normalized n-gram counts (the role is ignored)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            lowered = text.lower()
            for gram in [*lowered, *(lowered[i : i + 2] for i in range(len(lowered) - 1))]:
                if gram.strip():
                    bucket = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=4).digest(), "little")
                    out[row, bucket % self.dim] += 1.0
        return normalize_rows(out)
