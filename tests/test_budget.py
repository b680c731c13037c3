"""A question's time budget: checked between the stages of answering (issue 14: a time budget per
request), refused as 503 by the API and in words by the chat; a slow sender gets 408."""

from __future__ import annotations

import asyncio
import itertools
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send
from web_fakes import FakeBot

from bot.answer.budget import Deadline
from bot.config import Settings
from bot.errors import OverBudget
from bot.web.chat import ChatHandlers
from bot.web.gate import BodyWatch
from bot.web.server import create_app
from bot.web.service import AskService
from bot.web.store import ConversationStore


class Ticks:
    """A clock that advances one second each time it is read."""

    def __init__(self) -> None:
        self.reads = itertools.count()

    def __call__(self) -> float:
        return float(next(self.reads))


def test_a_deadline_stops_at_the_first_stage_past_it() -> None:
    assert Deadline.start(0) is None
    deadline = Deadline.start(1.5, Ticks())  # started at 0: reads 1 (in time), 2 (past)
    assert deadline is not None
    deadline.check("reading")
    with pytest.raises(OverBudget, match="parts") as raised:
        deadline.check("parts")
    assert raised.value.stage == "parts" and raised.value.retry_after > 0


def test_answering_checks_the_budget_between_stages(corpus, fake_retriever) -> None:  # type: ignore[no-untyped-def]
    """A question of many parts is given up part-way when the budget runs out, not answered in full."""
    from bot.answer.composer import Answerer

    answerer = Answerer(Settings.from_env({}), corpus, fake_retriever)
    question = "R签证有效期多久？外籍人才年龄放宽到多少？新认定的省级高新区奖励多少？土地怎么供应？"
    full = answerer.ask(question)
    assert not full.fallback  # answerable in full without a budget
    with pytest.raises(OverBudget) as raised:
        answerer.ask(question, deadline=Deadline.start(2.5, Ticks()))
    assert raised.value.stage == "parts"  # reading (1) in time; the second part (3) is past it


class SlowBot(FakeBot):
    """The fake bot taking `seconds` before it checks its deadline."""

    seconds = 0.2

    def ask(self, question: str, history: Any = None, lang: str | None = None, deadline: Any = None) -> Any:
        time.sleep(self.seconds)
        return super().ask(question, history, lang, deadline)


def test_the_api_answers_503_past_the_budget_and_logs_no_turn(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path), "BOT_ANSWER_BUDGET_S": "0.05"})
    app = create_app(settings, bot=SlowBot(corpus), chat_page=False)  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        slow = client.post("/api/ask", json={"question": "How long is the R visa valid?"})
        assert slow.status_code == 503, slow.text
        assert slow.json()["error"]["code"] == "over_budget" and int(slow.headers["retry-after"]) >= 1
    store = ConversationStore(settings.database_url)
    assert store.conversations() == []
    roomy = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "roomy"), "BOT_ANSWER_BUDGET_S": "5"})
    app = create_app(roomy, bot=SlowBot(corpus), chat_page=False)  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.post("/api/ask", json={"question": "How long is the R visa valid?"}).status_code == 200


def test_the_chat_says_in_words_that_a_question_took_too_long(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = AskService(
        SlowBot(corpus), ConversationStore(f"sqlite:///{tmp_path / 'log.sqlite3'}"), answer_budget_s=0.05
    )  # type: ignore[arg-type]
    handlers = ChatHandlers(service, 200)
    _, messages, state = handlers.add_question("How long is the R visa valid?", [], None)
    messages, state = handlers.answer_pending(messages, state, "en")
    reply = messages[-1]["content"]
    assert "took too long" in reply and corpus.hotline in reply
    assert not state.history  # nothing answered, nothing to follow up on


def run_watched(chunks: list[Message], timeout: float, max_bytes: int = 1000) -> tuple[list[Message], list[Message]]:
    """Run an app that reads its whole body behind a BodyWatch; the client sends `chunks`, then goes
    quiet without finishing. Returns (what the app received, what the client was sent)."""
    sent: list[Message] = []
    seen: list[Message] = []
    queue = list(chunks)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        await asyncio.sleep(60)  # a client that stopped sending
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    async def app(scope: Scope, app_receive: Receive, app_send: Send) -> None:
        while True:
            message = await app_receive()
            seen.append(message)
            if message["type"] == "http.disconnect" or not message.get("more_body"):
                break
        await app_send({"type": "http.response.start", "status": 200, "headers": []})
        await app_send({"type": "http.response.body", "body": b"ok"})

    async def run() -> None:
        watch = BodyWatch(receive, send, max_bytes, timeout)
        await app({"type": "http"}, watch.receive, watch.send)

    with ThreadPoolExecutor(1) as pool:  # a loop of its own
        started = time.monotonic()
        pool.submit(asyncio.run, asyncio.wait_for(run(), 10)).result()
        assert time.monotonic() - started < 5
    return seen, sent


def test_a_client_that_stops_sending_its_body_gets_408() -> None:
    seen, sent = run_watched([{"type": "http.request", "body": b"x" * 10, "more_body": True}], timeout=0.2)
    assert seen[-1]["type"] == "http.disconnect"
    assert sent[0]["status"] == 408 and len(sent) == 2  # the app's own 200 is dropped


def test_a_whole_body_is_passed_on_whatever_the_timeout() -> None:
    seen, sent = run_watched(
        [{"type": "http.request", "body": b"x" * 10, "more_body": True}, {"type": "http.request", "body": b"y"}],
        timeout=0.2,
    )
    assert [m.get("body") for m in seen] == [b"x" * 10, b"y"] and sent[0]["status"] == 200
