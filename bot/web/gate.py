"""The front gate of the web app: who a client is and what one client may cost, decided before any
request body is read.

`route_of` (what a path may carry and which checks it gets) and `client_address` (the client's
address behind trusted proxies) are pure functions; `Gate` is the ASGI middleware that applies them:

- requests to refused paths (Gradio's file upload) get 403;
- the staff API's token is checked before its body is read; a client that fails it too often gets 429,
  and every failure is logged with the client's hash, never the token;
- the rate limit is counted before the body is read, on the API and on the chat page's events;
- a client may have only so many costly requests (questions) in flight at once;
- a body larger than its route allows gets 413, whether it declares its length or is sent in chunks:
  the bytes actually received are counted and reading stops at the limit;
- a client that pauses longer than `read_timeout_s` while sending a body gets 408 (a slow sender holds
  no worker for long).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import threading
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.errors import RateLimited
from bot.netaddr import client_address, parse_networks

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.web.service import AskService

log = logging.getLogger(__name__)

#: Largest request body outside the staff upload: a question, its history and some slack.
MAX_BODY_BYTES = 256_000
#: Largest body of a chat-page event (a question of at most a few thousand characters and its state).
MAX_EVENT_BYTES = 64_000
#: Largest body of anything else (pages are fetched, not posted).
MAX_OTHER_BYTES = 16_000
#: Chat-page events one question makes (the question, its answer, the page's bookkeeping): their
#: limit is this many times the API's, so that the page's own worded limit is met first.
EVENTS_PER_QUESTION = 4


@dataclass(frozen=True, slots=True)
class Route:
    """What the gate does with a request: the body it may carry and the checks it gets."""

    max_bytes: int
    rate: str = ""  # the rate limit it counts against: "api", "events" (the chat page's) or none
    staff: bool = False  # needs the staff token
    costly: bool = False  # answers questions: counted against the client's requests in flight
    refused: bool = False  # never served (uploads)


def route_of(method: str, path: str, upload_bytes: int) -> Route:
    """The Route of a request (`upload_bytes`: the largest staff question file)."""
    if "/upload" in path and path.startswith(("/gradio_api/", "/upload")):
        return Route(0, refused=True)
    if path.startswith("/api/staff/"):
        return Route(upload_bytes + 64_000, rate="api", staff=True, costly=path == "/api/staff/run")
    if path.startswith("/v1/"):  # the OpenAI-compatible API: the API's limits
        return Route(MAX_BODY_BYTES, rate="api", costly=method == "POST" and path == "/v1/chat/completions")
    if path.startswith("/api/"):
        rate = "" if path == "/api/health" else "api"
        return Route(MAX_BODY_BYTES, rate=rate, costly=method == "POST" and path == "/api/ask")
    if path.startswith("/gradio_api/") and method == "POST":
        return Route(MAX_EVENT_BYTES, rate="events", costly=True)
    return Route(MAX_OTHER_BYTES)


def staff_token_refusal(token: str, authorization: str) -> tuple[int, str, str] | None:
    """(status, code, message) when the `Authorization` header does not carry the staff `token`
    (403 when no token is configured: the console is closed); None when it does."""
    if not token:
        return 403, "forbidden", "the staff console is closed (BOT_STAFF_TOKEN is not set)"
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return 401, "unauthorized", "a staff token is required"
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        return 403, "forbidden", "wrong staff token"
    return None


class InFlight:
    """How many costly requests each client has running; `enter` refuses one more than `cap` (0: no cap)."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    def enter(self, client: str) -> bool:
        """Count a request of `client` in; False (not counted) when it already has `cap` running."""
        with self._lock:
            if self.cap and self._running[client] >= self.cap:
                return False
            self._running[client] += 1
            return True

    def leave(self, client: str) -> None:
        """Count a request of `client` out."""
        with self._lock:
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]


class Gate:
    """ASGI middleware applying the Route of every HTTP request before the app reads its body."""

    def __init__(self, app: ASGIApp, service: AskService, settings: Settings) -> None:
        self.app = app
        self.service = service
        self.settings = settings
        self.trusted = parse_networks(settings.trusted_proxies)
        self.in_flight = InFlight(settings.max_concurrent_per_client)
        self.staff_failures = service.new_limiter("staff", settings.staff_failures_per_minute)
        # the chat page's own limit answers in words first; this one stops direct callers of its events
        self.events = service.new_limiter("events", settings.rate_limit_per_minute * EVENTS_PER_QUESTION)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        forwarded = [v.decode("latin-1") for k, v in headers if k == b"x-forwarded-for"]
        peer = scope["client"][0] if scope.get("client") else None
        client = self.service.client(client_address(peer, forwarded, self.trusted))
        scope.setdefault("state", {})["client"] = client
        route = route_of(scope["method"], scope.get("path", ""), self.settings.max_upload_bytes)
        named = dict(headers)
        # a refused request's body is not read: closing the connection spares reading what is still coming
        unread = named.get(b"content-length", b"0") not in (b"", b"0") or b"transfer-encoding" in named
        if self.settings.rate_limit_store == "database":  # a database round trip: not on the event loop
            refusal = await run_in_threadpool(self._refusal, route, client, named)
        else:
            refusal = self._refusal(route, client, named)
        if refusal is not None:
            status, code, message, *retry = refusal
            await _reply(send, status, code, message, retry[0] if retry else None, close=unread)
            return
        if route.costly and not self.in_flight.enter(client):
            message = "too many of your requests are running; wait for them"
            await _reply(send, 429, "rate_limited", message, 1.0, close=unread)
            return
        try:
            await self._pass(scope, receive, send, route.max_bytes, self.settings.read_timeout_s)
        finally:
            if route.costly:
                self.in_flight.leave(client)

    def _refusal(self, route: Route, client: str, headers: dict[bytes, bytes]) -> tuple[Any, ...] | None:
        """(status, code, message[, retry after]) when the request is refused before its body is read."""
        if route.refused:
            return 403, "forbidden", "uploads are not accepted here"
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > route.max_bytes:
            return 413, "payload_too_large", f"the request body is larger than {route.max_bytes} bytes"
        if route.staff:
            denied = self._staff_denial(client, headers.get(b"authorization", b"").decode("latin-1"))
            if denied is not None:
                return denied
        try:
            if route.rate == "api":
                self.service.check_rate(client)
            elif route.rate == "events":
                self.events.check(client)
        except RateLimited as exc:
            return 429, "rate_limited", str(exc), exc.retry_after
        return None

    def _staff_denial(self, client: str, authorization: str) -> tuple[Any, ...] | None:
        """401/403 for a missing or wrong staff token (429 after too many failures), logged without it."""
        if self.settings.staff_token:
            wait = self.staff_failures.blocked(client)
            if wait:  # even the right token: a client guessing must not learn when it has guessed right
                log.warning("staff request refused for client %s: too many failures", client[:12])
                return 429, "rate_limited", f"too many failed staff logins; retry in {wait:.0f} s", wait
        denied = staff_token_refusal(self.settings.staff_token, authorization)
        if denied is None or not self.settings.staff_token:
            return denied
        try:
            self.staff_failures.check(client)
        except RateLimited as exc:
            log.warning("staff token refused for client %s: too many failures", client[:12])
            return 429, "rate_limited", "too many failed staff logins; " + str(exc), exc.retry_after
        log.warning("staff token refused for client %s (%s)", client[:12], denied[1])
        return denied

    async def _pass(self, scope: Scope, receive: Receive, send: Send, max_bytes: int, timeout: float) -> None:
        """Run the app on a watched body (see BodyWatch)."""
        watch = BodyWatch(receive, send, max_bytes, timeout)
        try:
            await self.app(scope, watch.receive, watch.send)
        except Exception:
            if not watch.replied:
                raise  # a 413/408 was sent: what the app made of the cut body does not matter


class BodyWatch:
    """One request's channel as the app sees it: the body bytes received are counted; past `max_bytes`
    the client gets 413, and when it pauses more than `timeout` seconds (0: no limit) before its body
    is complete, 408; either way the app then sees the client gone and its own response is dropped."""

    def __init__(self, receive: Receive, send: Send, max_bytes: int, timeout: float) -> None:
        self._receive = receive
        self._send = send
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.received = 0
        self.complete = False  # the whole body has arrived: waiting now is for a disconnect, unbounded
        self.started = False  # the app has started its response
        self.replied = False  # the gate answered instead of the app

    async def receive(self) -> Message:
        """The next message from the client, counted and timed."""
        if self.complete or not self.timeout:
            message = await self._receive()
        else:
            try:
                message = await asyncio.wait_for(self._receive(), self.timeout)
            except TimeoutError:
                log.warning("request body not received within %g s; answered 408", self.timeout)
                return await self._refuse(
                    408, "request_timeout", f"the request body did not arrive within {self.timeout:g} s"
                )
        if message["type"] == "http.request":
            self.complete = not message.get("more_body", False)
            self.received += len(message.get("body", b""))
            if self.received > self.max_bytes:
                return await self._refuse(
                    413, "payload_too_large", f"the request body is larger than {self.max_bytes} bytes"
                )
        return message

    async def send(self, message: Message) -> None:
        """Pass the app's response on, unless the gate has answered already."""
        if self.replied:
            return
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)

    async def _refuse(self, status: int, code: str, text: str) -> Message:
        if not self.started and not self.replied:
            self.replied = True
            await _reply(self._send, status, code, text, close=True)  # the rest of the body is not wanted
        return {"type": "http.disconnect"}


async def _reply(
    send: Send, status: int, code: str, message: str, retry_after: float | None = None, close: bool = False
) -> None:
    """A JSON error {"error": {"code", "message"}} sent straight on the ASGI channel; with `close`, the
    connection is closed after it (the server then stops reading a body nobody will use)."""
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(max(1, round(retry_after))).encode()))
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
