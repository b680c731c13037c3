"""The vector index: Chroma through langchain-chroma, embedded under index/ or on a server
(bot/store/chroma_places.py), its vectors searched in memory (bot/store/mirror.py).

chromadb and langchain_chroma are imported only here and in chroma_places.py.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot.config import Settings
from bot.corpus.model import Corpus
from bot.embed.base import Embedder
from bot.store.chroma_places import Builder, chroma_place
from bot.store.mirror import Mirror
from bot.store.units import Unit, UnitKey, corpus_units

log = logging.getLogger(__name__)

#: bump when what is indexed changes, so existing indexes are rebuilt
SCHEMA = 4
BATCH = 32
#: server mode: how often the loaded vectors are checked against the server's collection
REFRESH_S = 30.0


@dataclass(frozen=True, slots=True)
class VectorHit:
    """One unit found by vector similarity (cosine, higher is closer)."""

    doc: str
    article: int
    clause: int
    lang: str
    score: float
    kind: str = "clause"


class VectorIndex:
    """Keeps a Chroma collection in step with the corpus and embedder, and searches it.

    `ensure()` builds the collection when it is missing, stale (other corpus fingerprint,
    embedder or schema) or unreadable, then loads its vectors for exact in-memory search. Where the
    collection lives (embedded or on a server) is the `ChromaPlace` chosen once from the settings.
    """

    def __init__(self, settings: Settings, embedder: Embedder, corpus: Corpus, progress: bool = False) -> None:
        self.settings = settings
        self.embedder = embedder
        self.corpus = corpus
        self.progress = progress
        self.place = chroma_place(settings)
        self.manifest = {"corpus": corpus.fingerprint, "embedder": embedder.id, "schema": SCHEMA}
        self._store: Any = None
        self._mirror: Mirror | None = None
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()  # one thread re-checks the store; the others use the loaded vectors
        self._retry_at = 0.0
        self._refresh_at = 0.0
        self.rebuilt = False

    @property
    def identity(self) -> str:
        """The fingerprint of the vectors in use ("" while none are loaded)."""
        mirror = self._mirror
        return mirror.digest if mirror is not None else ""

    @property
    def location(self) -> str:
        """Where the index lives, for messages."""
        return self.place.location

    def ensure(self) -> bool:
        """Open the collection, rebuilding it if needed; returns True if it was (re)built."""
        with self._lock:
            if self._store is not None or self._mirror is not None:
                return False
            if snapshot := self.place.snapshot(self.manifest):
                self._mirror = snapshot  # the store is current: no need to import chromadb at start-up
                return False
            try:
                return self._open()
            except Exception as exc:
                self.place.recover(exc)
                return self._open()

    def rebuild(self) -> None:
        """Drop and rebuild the collection unconditionally."""
        with self._lock:
            client = self.place.client()
            self._drop(client)
            self._store = None
            self._mirror = None
            self.place.forget()
            self._open()

    def search(self, vector: np.ndarray, k: int) -> list[VectorHit]:
        """The k units nearest to `vector` (exact cosine over the loaded vectors).

        Returns [] with a warning while the store cannot be reached and no vectors are
        loaded; reconnects on a later call (at most once a second).
        """
        keys, scores = self.scores(vector)
        top = np.argsort(-scores)[:k]
        return [
            VectorHit(doc, article, clause, lang, float(scores[i]), kind)
            for i in top
            for doc, article, clause, lang, kind in [keys[i]]
        ]

    def scores(self, vector: np.ndarray) -> tuple[list[UnitKey], np.ndarray]:
        """Cosine of `vector` with every unit: (unit keys (doc, article, clause, lang, kind), scores)."""
        mirror = self._current_mirror()
        if mirror is None:
            return [], np.zeros(0, dtype=np.float32)
        # einsum, not `@`: for a matrix this size OpenBLAS starts threads that keep spinning after
        # the product and take the cores from the next question's embedding (measured: embedding
        # 20 ms → 47 ms, with 1,267 units); einsum's single loop costs ~0.2 ms and leaves them alone
        return mirror.keys, np.einsum("ij,j->i", mirror.vectors, vector.astype(np.float32))

    def _current_mirror(self) -> Mirror | None:
        now = time.monotonic()
        due = self._mirror is None or (self.place.shared and now >= self._refresh_at)
        if not due or now < self._retry_at or not self._refreshing.acquire(blocking=False):
            return self._mirror
        try:
            if self._mirror is not None:
                self._revalidate()
            else:
                self.ensure()
        except Exception as exc:  # in server mode the store is a network service
            log.warning(
                "vector index unavailable at %s (%s); %s",
                self.location,
                exc,
                "keeping the loaded vectors" if self._mirror else "answering from lexical retrieval",
            )
            self._retry_at = now + 1.0
        finally:
            self._refresh_at = now + REFRESH_S
            self._refreshing.release()
        return self._mirror

    def _revalidate(self) -> None:
        """Server mode: reload when someone else rebuilt or dropped the collection."""
        client = self.place.client()
        if changed := self._stale(client, len(self._mirror.keys) if self._mirror else 0):
            log.warning(
                "the collection at %s changed since its vectors were loaded (%s); reloading", self.location, changed
            )
            with self._lock:
                self._store = None
                self._mirror = None
            self.ensure()

    def _open(self) -> bool:
        client = self.place.client()
        units = corpus_units(self.corpus)
        stale = self._stale(client, len(units))
        if stale:  # built under the store's lock: replicas sharing a server build it once
            with self.place.build_lock(client, self.settings.collection) as lock:
                stale = self._stale(client, len(units))  # another process may have built it meanwhile
                store = self._chroma(client, units, stale, lock)
        else:
            store = self._chroma(client, units, stale, None)
        self._store = store
        self._mirror = Mirror.load(client.get_collection(self.settings.collection))
        self.place.keep(self._mirror, self.manifest)
        self.rebuilt = self.rebuilt or bool(stale)
        return bool(stale)

    def _chroma(self, client: Any, units: list[Unit], stale: str, lock: Builder | None) -> Any:
        """The langchain store on the collection, (re)built first when `stale` says why."""
        from langchain_chroma import Chroma

        from bot.embed.langchain_adapter import LangChainEmbeddings

        if stale:
            log.info("building the index at %s: %s", self.location, stale)
            self._drop(client)
        store = Chroma(
            client=client,
            collection_name=self.settings.collection,
            embedding_function=LangChainEmbeddings(self.embedder),
            collection_metadata={**self.manifest, "units": len(units)},
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        if stale:
            self._add(store, units, lock.beat if lock is not None else None)
        return store

    def _stale(self, client: Any, expected_units: int) -> str:
        try:
            collection = client.get_collection(self.settings.collection)
        except Exception:
            return "no index yet"
        metadata = collection.metadata or {}
        for key, value in self.manifest.items():
            if metadata.get(key) != value:
                return f"{key} changed ({metadata.get(key)} → {value})"
        if metadata.get("units") != expected_units or collection.count() != expected_units:
            return f"incomplete ({collection.count()} of {expected_units} units)"
        return ""

    def _add(self, store: Any, units: list[Unit], beat: Callable[[], None] | None = None) -> None:
        batches = range(0, len(units), BATCH)
        if self.progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="indexing", unit="batch", leave=False)
        for start in batches:
            batch = units[start : start + BATCH]
            store.add_texts([u.text for u in batch], metadatas=[u.metadata for u in batch], ids=[u.id for u in batch])
            if beat is not None:
                beat()

    def _drop(self, client: Any) -> None:
        try:
            client.delete_collection(self.settings.collection)
        except Exception:
            log.debug("no collection %s to drop", self.settings.collection)
