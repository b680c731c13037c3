"""A per-client sliding-window rate limit, keyed by a salted hash of the client address."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable

from bot.errors import RateLimited

WINDOW_S = 60.0
#: Above this many tracked clients, idle ones are forgotten on the next check.
MAX_CLIENTS = 10_000


def client_hash(address: str, salt: str) -> str:
    """A salted SHA-256 of a client address: what is stored and counted instead of the address."""
    return hashlib.sha256(f"{salt}\x00{address}".encode()).hexdigest()[:32]


class RateLimiter:
    """Allows each client at most `per_minute` requests in any 60 s window (0: no limit).

    Parameters: `per_minute`, `clock` (seconds, monotonic; tests pass a fake).
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str, cost: int = 1) -> None:
        """Count a request of `client` as `cost` requests; RateLimited (with the wait in seconds) when
        that would take it over the limit (then nothing is counted)."""
        if self.per_minute <= 0 or cost <= 0:
            return
        now = self.clock()
        with self._lock:
            if len(self._hits) > MAX_CLIENTS:
                self._forget_idle(now)
            hits = self._hits.setdefault(client, deque())
            while hits and now - hits[0] >= WINDOW_S:
                hits.popleft()
            if len(hits) + min(cost, self.per_minute) > self.per_minute:
                raise RateLimited(max(1.0, WINDOW_S - (now - hits[0])) if hits else WINDOW_S)
            hits.extend([now] * cost)

    def blocked(self, client: str) -> float:
        """Seconds until `client` may be counted again (0.0: it may now), counting nothing."""
        if self.per_minute <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            hits = [t for t in self._hits.get(client, ()) if now - t < WINDOW_S]
            return max(1.0, WINDOW_S - (now - hits[0])) if len(hits) >= self.per_minute else 0.0

    def _forget_idle(self, now: float) -> None:
        idle = [client for client, hits in self._hits.items() if not hits or now - hits[-1] >= WINDOW_S]
        for client in idle:
            del self._hits[client]
