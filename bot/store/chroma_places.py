"""Where the Chroma collection lives: embedded under the index folder, or on a Chroma server. Two
small implementations of one interface, chosen once by `chroma_place(settings)`; chromadb is imported
only when a client is made."""

from __future__ import annotations

import json
import logging
import shutil
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


def chroma_place(settings: Settings) -> ChromaPlace:
    """The server when `BOT_CHROMA_URL` is set, else the embedded store under the index folder."""
    return ServerPlace(settings.chroma_url) if settings.chroma_url else EmbeddedPlace(settings.index_dir)
