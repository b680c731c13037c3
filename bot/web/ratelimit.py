"""Per-client sliding-window rate limits, keyed by a salted hash of the client address: in this
process's memory (the default, one replica) or in the database (replicas behind one proxy)."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Connection, Table, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.errors import RateLimited
from bot.web.tables import RateHitRow

RATE_HITS: Table = RateHitRow.__table__  # type: ignore[assignment]

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

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


class Limiter(Protocol):
    """What the web app asks of a rate limit, in memory or shared."""

    per_minute: int

    def check(self, client: str, cost: int = 1) -> None: ...

    def blocked(self, client: str) -> float: ...


#: Rows of minutes older than the previous one are deleted about this often (seconds).
PURGE_EVERY_S = 60.0


class SharedRateLimiter:
    """The same limit kept in the database, so that replicas behind one proxy share it.

    A sliding-window counter: requests are counted per client and minute (table rate_hits, one upsert
    per request), and the previous minute's count is weighted by the share of it still inside the last
    60 s. Counting comes first (the row stays locked until commit) and is rolled back when over the
    limit, so two replicas racing for a client's last request never both allow it.

    Parameters: `engine`, `scope` (one name per limit: api, events, staff), `per_minute` (0: no limit),
    `clock` (wall-clock seconds: replicas share it, unlike a monotonic clock).
    """

    def __init__(self, engine: Engine, scope: str, per_minute: int, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.scope = scope
        self.per_minute = per_minute
        self.clock = clock
        self._purged_at = 0.0

    def check(self, client: str, cost: int = 1) -> None:
        """Count a request of `client` as `cost` requests; RateLimited (with the wait in seconds) when
        that takes it over the limit (then nothing is counted)."""
        if self.per_minute <= 0 or cost <= 0:
            return
        cost = min(cost, self.per_minute)
        now = self.clock()
        minute, share = divmod(now, 60.0)
        try:
            with self.engine.begin() as connection:
                current = self._add(connection, client, int(minute), cost)
                previous = self._hits(connection, client, int(minute) - 1)
                if previous * (1 - share / 60.0) + current > self.per_minute:  # raised inside: rolled back
                    raise RateLimited(_wait(previous, current - cost, cost, self.per_minute, share))
            if now - self._purged_at >= PURGE_EVERY_S:
                self._purged_at = now
                self._purge(int(minute))
        except SQLAlchemyError as exc:  # the database is away: serve rather than refuse everyone
            log.warning("rate limit not counted (%s): the database is unavailable", type(exc).__name__)

    def blocked(self, client: str) -> float:
        """Seconds until `client` may be counted again (0.0: it may now), counting nothing."""
        if self.per_minute <= 0:
            return 0.0
        minute, share = divmod(self.clock(), 60.0)
        try:
            with self.engine.connect() as connection:
                current = self._hits(connection, client, int(minute))
                previous = self._hits(connection, client, int(minute) - 1)
        except SQLAlchemyError:
            return 0.0
        if previous * (1 - share / 60.0) + current + 1 <= self.per_minute:
            return 0.0
        return _wait(previous, current, 1, self.per_minute, share)

    def _add(self, connection: Connection, client: str, minute: int, cost: int) -> int:
        table = RATE_HITS
        insert = (pg_insert if connection.dialect.name == "postgresql" else sqlite_insert)(table)
        statement = insert.values(scope=self.scope, client=client, minute=minute, hits=cost).on_conflict_do_update(
            index_elements=["scope", "client", "minute"], set_={"hits": table.c.hits + cost}
        )
        return int(connection.execute(statement.returning(table.c.hits)).scalar_one())

    def _hits(self, connection: Connection, client: str, minute: int) -> int:
        row = RATE_HITS.c
        query = select(row.hits).where(row.scope == self.scope, row.client == client, row.minute == minute)
        return int(connection.execute(query).scalar() or 0)

    def _purge(self, minute: int) -> None:
        row = RATE_HITS.c
        with self.engine.begin() as connection:
            connection.execute(delete(RATE_HITS).where(row.minute < minute - 1))


def _wait(previous: int, current: int, cost: int, per_minute: int, share: float) -> float:
    """Seconds until `cost` more requests fit: when the previous minute's weight has decayed enough, or
    at the next minute when this minute's own count is what stands in the way."""
    room = per_minute - current - cost
    if previous > 0 and room >= 0:
        return max(1.0, (1 - room / previous) * 60.0 - share)
    return max(1.0, 60.0 - share)


def make_limiter(settings: Settings, engine: Engine, scope: str, per_minute: int) -> Limiter:
    """The rate limit of `scope`: in this process's memory, or in the database replicas share
    (BOT_RATE_LIMIT_STORE=database)."""
    if settings.rate_limit_store == "database":
        return SharedRateLimiter(engine, scope, per_minute)
    return RateLimiter(per_minute)
