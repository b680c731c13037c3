"""The front gate, in-process: what one client may send and cost, decided before a body is read.

Each test here is a finding of an attack on loopback (issue 14) that today's gate refuses.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send
from web_fakes import FakeBot

from bot.config import Settings
from bot.errors import ConfigError, RateLimited
from bot.netaddr import client_address, parse_networks
from bot.web.gate import MAX_BODY_BYTES, Gate, InFlight, route_of
from bot.web.ratelimit import RateLimiter
from bot.web.server import create_app
from bot.web.store import MAX_FEEDBACK_PER_ANSWER

TOKEN = "gate-test-staff-token-0123456789"
MakeClient = Callable[..., TestClient]


@pytest.fixture()
def make_client(corpus, tmp_path: Path) -> MakeClient:  # type: ignore[no-untyped-def]
    def make(**env: str) -> TestClient:
        values = {"BOT_INDEX_DIR": str(tmp_path / "index"), "BOT_STAFF_TOKEN": TOKEN} | env
        app = create_app(Settings.from_env(values), bot=FakeBot(corpus), chat_page=False)  # type: ignore[arg-type]
        return TestClient(app, raise_server_exceptions=False)

    return make


def chunks(total: int, size: int = 64_000) -> Iterator[bytes]:
    """A body sent chunked (no Content-Length)."""
    sent = 0
    while sent < total:
        yield b"x" * min(size, total - sent)
        sent += size


# -- routes and addresses: pure functions ------------------------------------------------------
def test_routes() -> None:
    assert route_of("POST", "/gradio_api/upload", 2_000_000).refused
    assert route_of("POST", "/upload", 2_000_000).refused
    ask = route_of("POST", "/api/ask", 2_000_000)
    assert (ask.rate, ask.costly, ask.max_bytes) == ("api", True, MAX_BODY_BYTES)
    assert route_of("POST", "/api/staff/run", 2_000_000).staff
    assert route_of("GET", "/api/health", 2_000_000).rate == ""
    event = route_of("POST", "/gradio_api/queue/join", 2_000_000)
    assert event.rate == "events" and event.max_bytes < MAX_BODY_BYTES


def test_a_forwarded_header_counts_only_from_a_trusted_proxy() -> None:
    nginx = parse_networks("127.0.0.1")
    assert client_address("203.0.113.9", ["1.2.3.4"], ()) == "203.0.113.9"  # no trusted proxies: ignored
    assert client_address("203.0.113.9", ["1.2.3.4"], nginx) == "203.0.113.9"  # not from the proxy
    assert client_address("127.0.0.1", ["198.51.100.7"], nginx) == "198.51.100.7"
    # a client's own header is kept by the proxy, which appends the address it saw: that one counts
    assert client_address("127.0.0.1", ["1.2.3.4, 198.51.100.7"], nginx) == "198.51.100.7"
    chain = parse_networks("127.0.0.1, 10.0.0.0/8")
    assert client_address("127.0.0.1", ["198.51.100.7, 10.1.2.3"], chain) == "198.51.100.7"
    assert client_address("127.0.0.1", ["not-an-address"], nginx) == "not-an-address"
    assert client_address("127.0.0.1", [], nginx) == "127.0.0.1"


def test_per_client_cap_on_requests_in_flight() -> None:
    flight = InFlight(2)
    assert flight.enter("a") and flight.enter("a") and not flight.enter("a")
    assert flight.enter("b")
    flight.leave("a")
    assert flight.enter("a")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BOT_STAFF_TOKEN": "short"}, "at least 24 characters"),
        ({"BOT_TRUSTED_PROXIES": "127.0.0.1, nginx"}, "BOT_TRUSTED_PROXIES"),
        ({"BOT_MAX_CONCURRENT_PER_CLIENT": "-1"}, "BOT_MAX_CONCURRENT_PER_CLIENT"),
    ],
)
def test_unsafe_settings_stop_start_up_saying_why(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)


# -- bodies ------------------------------------------------------------------------------------
def test_a_chunked_body_is_cut_at_the_limit(make_client: MakeClient) -> None:
    response = make_client().post(
        "/api/ask", content=chunks(MAX_BODY_BYTES * 4), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"


def test_a_chunked_upload_without_a_token_is_refused(make_client: MakeClient) -> None:
    response = make_client().post("/api/staff/run", content=chunks(5_000_000), headers={"content-type": "text/csv"})
    assert response.status_code == 401


def test_chat_page_uploads_are_refused(make_client: MakeClient) -> None:
    response = make_client().post("/gradio_api/upload", content=b"x" * 1000)
    assert response.status_code == 403


def test_a_refused_body_closes_the_connection_and_a_refusal_without_one_does_not(make_client: MakeClient) -> None:
    """The server need not read the rest of a body it refused (a 100 MB upload cost the other clients
    twice their latency while it was drained); a refusal with nothing left to read keeps the connection."""
    client = make_client()
    for response in (
        client.post("/gradio_api/upload", content=b"x" * 1000),
        client.post("/api/staff/run", content=chunks(300_000), headers={"content-type": "text/csv"}),
        client.post("/api/ask", content=chunks(MAX_BODY_BYTES + 10)),
    ):
        assert response.status_code in (401, 403, 413) and response.headers["connection"] == "close", response
    assert "connection" not in client.get("/gradio_api/upload").headers


# -- staff tokens ------------------------------------------------------------------------------
def test_failed_staff_logins_are_limited_and_logged_without_the_token(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(BOT_STAFF_FAILURES_PER_MINUTE="3")
    guess = "guess-" + "g" * 30
    with caplog.at_level(logging.WARNING, logger="bot.web.gate"):
        statuses = [
            client.get("/api/staff/session", headers={"Authorization": f"Bearer {guess}"}).status_code for _ in range(5)
        ]
    assert statuses == [403, 403, 403, 429, 429]
    assert "staff token refused" in caplog.text and guess not in caplog.text
    # a client that has failed too often is refused even the right token (it must not learn it guessed
    # right); another client is not
    assert client.get("/api/staff/session", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 429
    other = make_client(BOT_STAFF_FAILURES_PER_MINUTE="3")
    assert other.get("/api/staff/session", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


# -- one client's share --------------------------------------------------------------------------
def test_a_client_may_have_only_so_many_requests_in_flight(tmp_path: Path) -> None:
    """Two slow questions of one client at once with a cap of 1: the second is refused, another client's is not."""
    release = asyncio.Event()

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    class Service:
        def client(self, address: str | None) -> str:
            return address or ""

        def check_rate(self, client: str) -> None:
            return None

        def new_limiter(self, scope: str, per_minute: int) -> RateLimiter:
            return RateLimiter(per_minute)

    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path), "BOT_MAX_CONCURRENT_PER_CLIENT": "1"})
    gate = Gate(slow, Service(), settings)  # type: ignore[arg-type]

    async def run() -> list[int]:
        def client(host: str) -> httpx.AsyncClient:
            transport = httpx.ASGITransport(app=gate, client=(host, 1234))
            return httpx.AsyncClient(transport=transport, base_url="http://gate")

        async with client("10.0.0.1") as one, client("10.0.0.2") as two:
            first = asyncio.create_task(one.post("/api/ask", json={}))
            await asyncio.sleep(0.05)
            second = await one.post("/api/ask", json={})
            third = asyncio.create_task(two.post("/api/ask", json={}))
            await asyncio.sleep(0.05)
            release.set()
            return [(await first).status_code, second.status_code, (await third).status_code]

    with ThreadPoolExecutor(1) as pool:  # a loop of its own: the browser tests may leave one running here
        assert pool.submit(asyncio.run, run()).result() == [200, 429, 200]


# -- what the API reads ------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["\u200b", "\u200b\u200c\ufeff", "\u2060 \u200d"])
def test_a_question_of_invisible_characters_is_empty(make_client: MakeClient, question: str) -> None:
    response = make_client().post("/api/ask", json={"question": question})
    assert response.status_code in (400, 422) and "empty" in response.json()["error"]["message"]


@pytest.mark.parametrize("number", ["1.0", "+5", "5_0", "٥", "0x5"])
def test_only_digits_name_an_article(make_client: MakeClient, number: str) -> None:
    assert make_client().get(f"/api/articles/{number}").status_code == 422


def test_feedback_per_answer_is_bounded(make_client: MakeClient) -> None:
    client = make_client(BOT_RATE_LIMIT_PER_MINUTE="0")
    answer_id = client.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()["id"]
    statuses = [
        client.post("/api/feedback", json={"answer_id": answer_id, "rating": "up"}).status_code
        for _ in range(MAX_FEEDBACK_PER_ANSWER + 2)
    ]
    assert statuses[:MAX_FEEDBACK_PER_ANSWER] == [201] * MAX_FEEDBACK_PER_ANSWER
    assert statuses[MAX_FEEDBACK_PER_ANSWER:] == [429, 429]


def test_a_long_question_counts_as_several_against_the_rate_limit() -> None:
    from bot.web.service import question_cost

    assert question_cost("R签证有效期多久？") == 1 == question_cost("How long is the R visa valid?")
    assert question_cost("高新区奖励" * 200) >= 4 and question_cost("reward " * 140) >= 4
    limiter = RateLimiter(6, clock=lambda: 100.0)
    limiter.check("a", question_cost("高新区奖励" * 200))
    with pytest.raises(RateLimited):
        limiter.check("a", question_cost("高新区奖励" * 200))
    limiter.check("a")  # a short one still fits


def test_the_dense_channel_reads_a_bounded_part_of_a_question() -> None:
    from bot.retrieve.hybrid import DENSE_OTHER_CHARS, DENSE_ZH_CHARS, dense_text

    assert dense_text("R签证有效期多久？") == "R签证有效期多久？"
    assert len(dense_text("高新区" * 400)) == DENSE_ZH_CHARS
    assert len(dense_text("reward " * 400)) == DENSE_OTHER_CHARS
