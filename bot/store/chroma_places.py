"""Where the Chroma collection lives: embedded under the index folder, or on a Chroma server. Two
small implementations of one interface, chosen once by `chroma_place(settings)`; chromadb is imported
only when a client is made."""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from bot.config import Settings
from bot.store.mirror import Mirror

log = logging.getLogger(__name__)


class ChromaPlace(Protocol):
    """What differs between an embedded store and a server."""

    location: str  # for messages
    shared: bool  # others may rebuild it while this process runs: re-check it now and then

    def client(self) -> Any:
        """A chromadb client for it."""
        ...

    def snapshot(self, manifest: dict[str, Any]) -> Mirror | None:
        """Vectors saved beside the store, when they are current (None: read the store)."""
        ...

    def keep(self, mirror: Mirror, manifest: dict[str, Any]) -> None:
        """Save the vectors just read from the store, for the next start."""
        ...

    def forget(self) -> None:
        """Drop the saved vectors (the store is being rebuilt)."""
        ...

    def recover(self, error: Exception) -> None:
        """The store could not be read: make way for a rebuild, or raise when that is not ours to do."""
        ...

    def build_lock(self, client: Any, collection: str) -> Builder:
        """Held while this process builds the collection (others sharing the store wait)."""
        ...


class Builder(Protocol):
    """A held build lock: `beat()` now and then while building."""

    def __enter__(self) -> Builder: ...

    def __exit__(self, *exc: object) -> None: ...

    def beat(self) -> None: ...


class NoLock:
    """An embedded store is this process's alone: nothing to wait for."""

    def __enter__(self) -> NoLock:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def beat(self) -> None:
        return None


class EmbeddedPlace:
    """Chroma's files under `index_dir/chroma`, with the loaded vectors saved beside them (vectors.npz):
    a start-up with a current snapshot does not import chromadb."""

    shared = False

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / "chroma"
        self.location = str(self.path)
        self._snapshot = self.path / "vectors.npz"

    def client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(self.path), settings=ChromaSettings(anonymized_telemetry=False))

    def snapshot(self, manifest: dict[str, Any]) -> Mirror | None:
        if found := Mirror.read(self._snapshot, self._stamp(manifest)):
            return found
        if self._snapshot.exists():
            log.warning(
                "vector snapshot %s does not match the store beside it (replaced, rebuilt or damaged); "
                "reading the store",
                self._snapshot,
            )
        return None

    def keep(self, mirror: Mirror, manifest: dict[str, Any]) -> None:
        mirror.save(self._snapshot, self._stamp(manifest))

    def forget(self) -> None:
        self._snapshot.unlink(missing_ok=True)

    def recover(self, error: Exception) -> None:
        from chromadb.api.client import SharedSystemClient  # type: ignore[attr-defined]

        log.warning("index at %s is unreadable (%s); deleting and rebuilding it", self.location, error)
        SharedSystemClient.clear_system_cache()
        shutil.rmtree(self.path, ignore_errors=True)

    def build_lock(self, client: Any, collection: str) -> Builder:
        return NoLock()

    def _stamp(self, manifest: dict[str, Any]) -> str:
        """The manifest and the state of Chroma's database file: a snapshot is valid only for both."""
        try:
            stat = (self.path / "chroma.sqlite3").stat()
        except OSError:
            return "no database"
        return json.dumps({**manifest, "size": stat.st_size, "mtime": stat.st_mtime_ns}, sort_keys=True)


class ServerPlace:
    """A Chroma server (`chroma run`) at `url`, which other app processes may share."""

    shared = True

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = url

    def client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        parsed = urlparse(self.url)
        return chromadb.HttpClient(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or 8000,
            ssl=parsed.scheme == "https",
            settings=ChromaSettings(anonymized_telemetry=False),
        )

    def snapshot(self, manifest: dict[str, Any]) -> Mirror | None:
        return None  # the server's collection is the one truth: always read it

    def keep(self, mirror: Mirror, manifest: dict[str, Any]) -> None:
        return None

    def forget(self) -> None:
        return None

    def recover(self, error: Exception) -> None:
        raise error  # a server's collection is not this process's to delete

    def build_lock(self, client: Any, collection: str) -> Builder:
        return BuildLock(client, collection)


def chroma_place(settings: Settings) -> ChromaPlace:
    """The server when `BOT_CHROMA_URL` is set, else the embedded store under the index folder."""
    return ServerPlace(settings.chroma_url) if settings.chroma_url else EmbeddedPlace(settings.index_dir)


#: A build lock whose holder has not shown a sign of life for this long is taken over (seconds).
LOCK_STALE_S = 120.0
#: How long a process waits for another's build before it gives up (seconds).
LOCK_WAIT_S = 900.0


class BuildLock:
    """Who builds a shared collection: a lock kept in the Chroma server itself, so that replicas that
    start together build the index once. The lock is a second collection, `<collection>__building`:
    creating it succeeds for one process only; the others wait until it is gone. Its holder refreshes
    the time in its metadata (`beat`) while it builds, and a lock left by a process that died without
    a beat for LOCK_STALE_S is taken over.

    Parameters: `client` (a chromadb client of the server), `collection`, `clock` (wall-clock seconds,
    shared by the processes), `poll_s` (how often a waiting process looks again).
    """

    def __init__(self, client: Any, collection: str, clock: Any = time.time, poll_s: float = 0.5) -> None:
        self.client = client
        self.name = f"{collection}__building"
        self.clock = clock
        self.poll_s = poll_s
        self.owner = uuid.uuid4().hex
        self.waited_s = 0.0
        self._lock: Any = None

    def acquire(self) -> None:
        """Hold the lock (waiting while another live process holds it); TimeoutError after LOCK_WAIT_S."""
        started = self.clock()
        told = False
        while True:
            try:
                self._lock = self.client.create_collection(self.name, metadata=self._meta())
                self.waited_s = self.clock() - started
                return
            except Exception:  # it exists: another process holds it (or held it and died)
                if not told:
                    log.info("another process is building the index (%s); waiting for it", self.name)
                    told = True
            holder = self._holder()
            if holder is not None and self.clock() - float(holder.get("beat", 0)) > LOCK_STALE_S:
                log.warning("the index build lock %s shows no sign of life: taking it over", self.name)
                self._drop(holder.get("owner"))  # only that holder's: another waiter may have taken it over
            elif self.clock() - started > LOCK_WAIT_S:
                raise TimeoutError(f"the index build lock {self.name} was held for over {LOCK_WAIT_S:.0f} s")
            else:
                time.sleep(self.poll_s)

    def beat(self) -> None:
        """A sign of life while building."""
        if self._lock is not None:
            self._lock.modify(metadata=self._meta())

    def release(self) -> None:
        """Let the next process in (only the holder's own lock is dropped)."""
        self._drop(self.owner)
        self._lock = None

    def __enter__(self) -> BuildLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _meta(self) -> dict[str, Any]:
        return {"owner": self.owner, "beat": self.clock()}

    def _holder(self) -> dict[str, Any] | None:
        try:
            return dict(self.client.get_collection(self.name).metadata or {})
        except Exception:
            return None  # released meanwhile

    def _drop(self, owner: object) -> None:
        """Delete the lock if `owner` still holds it (read just before: the window is a request's length)."""
        holder = self._holder()
        if holder is None or holder.get("owner") != owner:
            return
        try:
            self.client.delete_collection(self.name)
        except Exception:
            log.debug("build lock %s already gone", self.name)
