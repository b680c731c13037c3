"""The per-client rate limit and the hashing of client addresses."""

from __future__ import annotations

import pytest

from bot.errors import RateLimited
from bot.web.ratelimit import RateLimiter, client_hash


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_allows_n_per_minute_then_refuses_with_the_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock)
    limiter.check("a")
    clock.now += 10
    limiter.check("a")
    with pytest.raises(RateLimited) as refused:
        limiter.check("a")
    assert refused.value.retry_after == pytest.approx(50.0)
    limiter.check("b")  # another client has its own window


def test_window_slides() -> None:
    clock = Clock()
    limiter = RateLimiter(1, clock)
    limiter.check("a")
    clock.now += 60
    limiter.check("a")


def test_zero_means_no_limit() -> None:
    limiter = RateLimiter(0, Clock())
    for _ in range(1000):
        limiter.check("a")


def test_client_hash_is_salted_and_hides_the_address() -> None:
    one, other = client_hash("203.0.113.7", "salt-1"), client_hash("203.0.113.7", "salt-2")
    assert one != other and "203.0.113.7" not in one
    assert one == client_hash("203.0.113.7", "salt-1") and len(one) == 32
