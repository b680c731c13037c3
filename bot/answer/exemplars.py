"""What labelled questions like this one say: the nearest of the eval sets' questions, by the question's vector.

Every question of the eval sets (written blind by others, each labelled with whether the policy answers it) is
stored in `bot/data/exemplars.npz` as its query vector, projected to fewer dimensions and rounded to 8 bits,
beside its label and the set it comes from (`python -m eval.exemplars build` writes the file). A question's
`Vote` is the share of its nearest exemplars the policy does not answer: of the few nearest and of a wider
circle. What the vote decides is `bot.answer.judge.exemplars.reconsider`, a pure function.

The rows are stored grouped by cluster (k-means on the rows, `centroids`, `offsets`), and a question is compared
with the rows of its `PROBES` nearest clusters only: ~6% of them, so that the vote costs a fraction of a
millisecond (`python -m eval.exemplars agreement` measures how often that changes it).

The vectors are those of one embedder (the file names it); with another embedder there is no vote.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "exemplars.npz"
#: how many nearest exemplars each share is taken over
NEAR = 5
WIDE = 20
#: how many clusters a question's rows are looked for in
PROBES = 16
#: the eval sets whose exemplars have no vote in this context (`Bot.leaving_out`: a set measured without its own
#: questions; a context variable, so that one thread's measurement leaves another's answers alone)
LEFT_OUT: ContextVar[frozenset[str]] = ContextVar("exemplars_left_out", default=frozenset())


@dataclass(frozen=True, slots=True)
class Vote:
    """The share of the `NEAR` nearest exemplars the policy does not answer, and of the `WIDE` nearest."""

    near: float
    wide: float


class Exemplars:
    """The labelled questions, searched by cosine in the stored projection (within the nearest clusters when the
    rows are clustered: `offsets[c]:offsets[c + 1]` are the rows of cluster c)."""

    def __init__(
        self,
        vectors: np.ndarray,
        fallback: np.ndarray,
        sources: np.ndarray,
        names: Iterable[str],
        mean: np.ndarray,
        basis: np.ndarray,
        embedder_id: str,
        *,
        centroids: np.ndarray | None = None,
        offsets: np.ndarray | None = None,
        positions: np.ndarray | None = None,
    ) -> None:
        self.rows = unit_rows(vectors.astype(np.float32))
        self.fallback = fallback.astype(bool)
        self.sources = sources.astype(np.int32)
        self.names = tuple(names)
        self._mean = mean.astype(np.float32)
        self._basis = basis.astype(np.float32)
        self.embedder_id = embedder_id
        self._centroids = unit_rows(centroids.astype(np.float32)) if centroids is not None else None
        self._offsets = offsets.astype(np.int64) if offsets is not None else None
        self._dropped: tuple[frozenset[str], np.ndarray] | None = None
        # each row's question: its set (an index into `names`) and its line in that set
        self.positions = positions.astype(np.int64) if positions is not None else np.arange(len(self.fallback))

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> Exemplars | None:
        """The exemplars stored at `path`, or None when there is no such file."""
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                clustered = "centroids" in data.files
                return cls(
                    data["vectors"],
                    data["fallback"],
                    data["sources"],
                    [str(n) for n in data["names"]],
                    data["mean"],
                    data["basis"],
                    str(data["embedder_id"]),
                    centroids=data["centroids"] if clustered else None,
                    offsets=data["offsets"] if clustered else None,
                    positions=data["positions"] if "positions" in data.files else None,
                )
        except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
            log.warning("exemplars at %s not read (%s): answering without their vote", path, exc)
            return None

    def __len__(self) -> int:
        return len(self.fallback)

    def project(self, vector: np.ndarray) -> np.ndarray:
        """`vector` (the embedder's, full size) in the stored projection, unit length."""
        projected = (np.asarray(vector, dtype=np.float32) - self._mean) @ self._basis
        norm = float(np.linalg.norm(projected))
        return projected / norm if norm > 0 else projected

    def _left_out(self, names: frozenset[str]) -> np.ndarray:
        """Which exemplars belong to the sets `names` (the last answer kept: an eval run leaves out one set a while)."""
        cached = self._dropped
        if cached is not None and cached[0] == names:
            return cached[1]
        dropped = np.isin(self.sources, [i for i, name in enumerate(self.names) if name in names])
        self._dropped = (names, dropped)
        return dropped

    def _cosines(self, query: np.ndarray, exact: bool) -> tuple[np.ndarray | None, np.ndarray]:
        """The rows of the `PROBES` clusters nearest `query` (None: every row) and their cosines with it.

        (einsum, not `@`: a BLAS product starts BLAS's threads, which then spin against the embedder's on the next
        question; measured, that made each answer ~70 ms slower on two cores. Each cluster's rows are a slice, so
        nothing is copied.)"""
        if exact or self._centroids is None or self._offsets is None:
            return None, np.einsum("ij,j->i", self.rows, query)
        near = np.sort(np.argsort(-np.einsum("ij,j->i", self._centroids, query), kind="stable")[:PROBES])
        spans = [(int(self._offsets[c]), int(self._offsets[c + 1])) for c in near]
        cosines = np.concatenate([np.einsum("ij,j->i", self.rows[a:b], query) for a, b in spans])
        return np.concatenate([np.arange(a, b) for a, b in spans]), cosines

    def vote(self, vector: np.ndarray, left_out: frozenset[str] = frozenset(), exact: bool = False) -> Vote | None:
        """The shares of the nearest exemplars to `vector` the policy does not answer; exemplars of the sets named in
        `left_out` are not counted (an eval set is measured without its own questions); None when fewer than `NEAR`
        are left.
        `exact` compares with every row instead of the nearest clusters' (for measuring the difference)."""
        rows, cosines = self._cosines(self.project(vector), exact)
        if left_out:
            dropped = self._left_out(left_out)
            cosines = np.where(dropped if rows is None else dropped[rows], -np.inf, cosines)
        wide = min(WIDE, int(np.isfinite(cosines).sum()))
        if wide < NEAR:  # (a share of fewer than the nearest few says too little)
            return None
        nearest = np.argpartition(-cosines, wide - 1)[:wide]
        nearest = nearest[np.argsort(-cosines[nearest], kind="stable")]
        labels = self.fallback[nearest if rows is None else rows[nearest]]
        return Vote(near=float(labels[:NEAR].mean()), wide=float(labels.mean()))


def unit_rows(rows: np.ndarray) -> np.ndarray:
    """`rows` scaled to unit length (zero rows left as they are)."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    scaled: np.ndarray = rows / np.maximum(norms, 1e-12)
    return scaled
