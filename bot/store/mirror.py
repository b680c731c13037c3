"""The collection's vectors held in memory for exact search, and saved as a snapshot beside an embedded store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.store.units import UnitKey


@dataclass(frozen=True, slots=True)
class Mirror:
    """The collection's vectors held in memory: exact search over a few hundred units takes
    microseconds, where a Chroma query takes 4-20 ms (measured; see eval/README.md)."""

    keys: list[UnitKey]
    vectors: np.ndarray

    @classmethod
    def load(cls, collection: Any) -> Mirror:
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
    def read(cls, path: Path, stamp: str) -> Mirror | None:
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
