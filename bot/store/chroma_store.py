"""The vector index: Chroma through langchain-chroma, embedded under index/ or on a server.

chromadb and langchain_chroma are imported only here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from bot.config import Settings
from bot.corpus.model import Corpus
from bot.embed.base import Embedder
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


@dataclass(frozen=True, slots=True)
class _Mirror:
    """The collection's vectors held in memory: exact search over a few hundred units takes
    microseconds, where a Chroma query takes 4-20 ms (measured; see eval/README.md)."""

    keys: list[UnitKey]
    vectors: np.ndarray

    @classmethod
    def load(cls, collection: Any) -> _Mirror:
        got = collection.get(include=["embeddings", "metadatas"])
        keys = [
            (str(m["doc"]), int(m["article"]), int(m["clause"]), str(m["lang"]), str(m["kind"]))
            for m in got["metadatas"]
        ]
        return cls(keys, np.asarray(got["embeddings"], dtype=np.float32))

    def save(self, path: Path, stamp: str) -> None:
        """Write a snapshot that `read` accepts only while `stamp` is unchanged."""
        keys = np.array(["\t".join(str(part) for part in key) for key in self.keys])
        partial = path.with_name(f".{path.name}.partial")
        with partial.open("wb") as out:
            np.savez(out, keys=keys, vectors=self.vectors, stamp=np.array(stamp))
        partial.replace(path)  # readers see the old snapshot or the whole new one, never half of one

    @property
    def digest(self) -> str:
        """A fingerprint of the vectors and their keys: another store, or a changed one, has another."""
        hashed = hashlib.sha256("\n".join("\t".join(map(str, key)) for key in self.keys).encode())
        hashed.update(np.ascontiguousarray(self.vectors).tobytes())
        return hashed.hexdigest()[:16]

    @classmethod
    def read(cls, path: Path, stamp: str) -> _Mirror | None:
        """The snapshot at `path` if it was written under `stamp`, else None."""
        try:
            with np.load(path) as data:
                if str(data["stamp"]) != stamp:
                    return None
                keys = [tuple(k.split("\t")) for k in data["keys"].tolist()]
                return cls(
                    [(d, int(a), int(c), lang, kind) for d, a, c, lang, kind in keys],
                    data["vectors"].astype(np.float32),
                )
        except Exception:  # any damage to the snapshot (truncated, not a zip …): read Chroma instead
            return None


class VectorIndex:
    """Keeps a Chroma collection in step with the corpus and embedder, and searches it.

    `ensure()` builds the collection when it is missing, stale (other corpus fingerprint,
    embedder or schema) or unreadable, then loads its vectors for exact in-memory search.
    """

    def __init__(self, settings: Settings, embedder: Embedder, corpus: Corpus, progress: bool = False) -> None:
        self.settings = settings
        self.embedder = embedder
        self.corpus = corpus
        self.progress = progress
        self.manifest = {"corpus": corpus.fingerprint, "embedder": embedder.id, "schema": SCHEMA}
        self._store: Any = None
        self._mirror: _Mirror | None = None
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
        return self.settings.chroma_url or str(self.settings.index_dir / "chroma")

    def ensure(self) -> bool:
        """Open the collection, rebuilding it if needed; returns True if it was (re)built."""
        with self._lock:
            if self._store is not None or self._mirror is not None:
                return False
            if not self.settings.chroma_url and (snapshot := _Mirror.read(self._snapshot, self._stamp())):
                self._mirror = snapshot  # the store is current: no need to import chromadb at start-up
                return False
            if not self.settings.chroma_url and self._snapshot.exists():
                log.warning(
                    "vector snapshot %s does not match the store beside it (replaced, rebuilt or damaged); "
                    "reading the store",
                    self._snapshot,
                )
            try:
                return self._open()
            except Exception as exc:
                if self.settings.chroma_url:
                    raise
                log.warning("index at %s is unreadable (%s); deleting and rebuilding it", self.location, exc)
                self._wipe_embedded()
                return self._open()

    def rebuild(self) -> None:
        """Drop and rebuild the collection unconditionally."""
        with self._lock:
            client = self._client()
            self._drop(client)
            self._store = None
            self._mirror = None
            self._snapshot.unlink(missing_ok=True)
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

    def _current_mirror(self) -> _Mirror | None:
        now = time.monotonic()
        due = self._mirror is None or (self.settings.chroma_url and now >= self._refresh_at)
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
        client = self._client()
        if changed := self._stale(client, len(self._mirror.keys) if self._mirror else 0):
            log.warning(
                "the collection at %s changed since its vectors were loaded (%s); reloading", self.location, changed
            )
            with self._lock:
                self._store = None
                self._mirror = None
            self.ensure()

    def _open(self) -> bool:
        from langchain_chroma import Chroma

        client = self._client()
        units = corpus_units(self.corpus)
        stale = self._stale(client, len(units))
        if stale:
            log.info("building the index at %s: %s", self.location, stale)
            self._drop(client)
        store = Chroma(
            client=client,
            collection_name=self.settings.collection,
            embedding_function=self.embedder,
            collection_metadata={**self.manifest, "units": len(units)},
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        if stale:
            self._add(store, units)
        self._store = store
        self._mirror = _Mirror.load(client.get_collection(self.settings.collection))
        if not self.settings.chroma_url:
            self._mirror.save(self._snapshot, self._stamp())
        self.rebuilt = self.rebuilt or bool(stale)
        return bool(stale)

    @property
    def _snapshot(self) -> Path:
        """Embedded mode: the loaded vectors saved beside the Chroma files they came from."""
        return self.settings.index_dir / "chroma" / "vectors.npz"

    def _stamp(self) -> str:
        """The manifest and the state of Chroma's database file: a snapshot is valid only for both."""
        database = self.settings.index_dir / "chroma" / "chroma.sqlite3"
        try:
            stat = database.stat()
        except OSError:
            return "no database"
        return json.dumps({**self.manifest, "size": stat.st_size, "mtime": stat.st_mtime_ns}, sort_keys=True)

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

    def _add(self, store: Any, units: list[Unit]) -> None:
        batches = range(0, len(units), BATCH)
        if self.progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="indexing", unit="batch", leave=False)
        for start in batches:
            batch = units[start : start + BATCH]
            store.add_texts([u.text for u in batch], metadatas=[u.metadata for u in batch], ids=[u.id for u in batch])

    def _client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.settings.chroma_url:
            url = urlparse(self.settings.chroma_url)
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        path = self.settings.index_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)

    def _drop(self, client: Any) -> None:
        try:
            client.delete_collection(self.settings.collection)
        except Exception:
            log.debug("no collection %s to drop", self.settings.collection)

    def _wipe_embedded(self) -> None:
        from chromadb.api.client import SharedSystemClient  # type: ignore[attr-defined]

        SharedSystemClient.clear_system_cache()
        shutil.rmtree(self.settings.index_dir / "chroma", ignore_errors=True)
