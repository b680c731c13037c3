"""The OpenAI-compatible API, called by the official `openai` client and by LangChain's `ChatOpenAI` (both on the
app in-process through Starlette's TestClient, which is an httpx client): streamed and not, with keys, and
the same answers as /api/ask."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fakes import FakeBot

from bot.config import Settings
from bot.web.openai_api import MODEL_ID
from bot.web.server import create_app

KEY = "unit-test-api-key-0123456789"


def make_client(corpus, tmp_path: Path, **env: str) -> TestClient:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index")} | env)
    return TestClient(create_app(settings, bot=FakeBot(corpus), chat_page=False), raise_server_exceptions=False)  # type: ignore[arg-type]


@pytest.fixture()
def client(corpus, tmp_path: Path) -> TestClient:  # type: ignore[no-untyped-def]
    return make_client(corpus, tmp_path, BOT_API_KEYS=f"{KEY},another-key-0123456789")


def test_the_official_client_gets_the_answer_with_footnotes_and_citations(client: TestClient) -> None:
    from openai import OpenAI

    api = OpenAI(base_url="http://testserver/v1", api_key=KEY, http_client=client)
    assert [m.id for m in api.models.list()] == [MODEL_ID]
    done = api.chat.completions.create(
        model=MODEL_ID, messages=[{"role": "user", "content": "How long is the R visa valid?"}]
    )
    text = done.choices[0].message.content or ""
    assert "180 days" in text and "[1] Article 5 · Attracting high-level talent (11):" in text
    assert done.choices[0].finish_reason == "stop"
    extra = done.model_extra or {}
    assert extra["citations"][0]["article"] == 5 and "180日" in extra["citations"][0]["text_zh"]
    assert extra["policy"]["outcome"] == "answered" and extra["policy"]["fallback"] is False
    same = client.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()
    assert same["answer"].split("\n\n")[0] in text  # the chat's answer, word for word


def test_streaming_sends_chunks_then_the_citations_then_done(client: TestClient) -> None:
    from openai import OpenAI

    api = OpenAI(base_url="http://testserver/v1", api_key=KEY, http_client=client)
    stream = api.chat.completions.create(
        model=MODEL_ID,
        messages=[{"role": "user", "content": "R签证有效期多久？"}],
        stream=True,
    )
    chunks = list(stream)
    assert chunks[0].choices[0].delta.role == "assistant" and len(chunks) > 3
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "180日" in text and "400-107-6681" in text
    assert chunks[-1].choices[0].finish_reason == "stop" and (chunks[-1].model_extra or {})["citations"]


def test_langchain_chat_openai_pointed_at_it_answers(client: TestClient) -> None:
    from langchain_openai import ChatOpenAI

    model = ChatOpenAI(model=MODEL_ID, base_url="http://testserver/v1", api_key=KEY, http_client=client)  # type: ignore[arg-type]
    reply = model.invoke([("user", "How long is the R visa valid?")])
    assert "180 days" in str(reply.content)
    streamed = "".join(str(part.content) for part in model.stream([("user", "How long is the R visa valid?")]))
    assert "180 days" in streamed


def test_the_earlier_user_messages_are_the_conversation(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    messages = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "How long is the R visa valid?"},
        {"role": "assistant", "content": "…"},
        {"role": "user", "content": [{"type": "text", "text": "And for how many days per stay?"}]},
    ]
    body = {"model": MODEL_ID, "messages": messages}
    assert client.post("/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    bot = client.app.state.service.bot  # type: ignore[attr-defined]
    assert bot.calls[-1]["question"] == "And for how many days per stay?"
    assert bot.calls[-1]["history"] == ["How long is the R visa valid?"]


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"model": MODEL_ID, "messages": []}, 422, "messages"),
        ({"model": MODEL_ID, "messages": [{"role": "assistant", "content": "hi"}]}, 422, "last message must be"),
        ({"model": MODEL_ID, "messages": [{"role": "user", "content": "  "}]}, 422, "no text"),
        ({"model": "gpt-4o", "messages": [{"role": "user", "content": "q"}]}, 404, "no model 'gpt-4o'"),
        ({"model": MODEL_ID, "messages": [{"role": "user", "content": "x" * 5000}]}, 413, "longer than"),
        ({"model": MODEL_ID, "messages": [{"role": "wizard", "content": "q"}]}, 422, "role"),
        ({"messages": [{"role": "user", "content": "q"}]}, 422, "model"),
    ],
)
def test_bad_input_gets_a_clear_error_never_a_5xx(client: TestClient, body: dict, status: int, says: str) -> None:  # type: ignore[type-arg]
    response = client.post("/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {KEY}"})
    assert response.status_code == status, response.text
    assert says in response.json()["error"]["message"]


def test_keys_are_required_when_set_and_not_when_unset(client: TestClient, corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = {"model": MODEL_ID, "messages": [{"role": "user", "content": "How long is the R visa valid?"}]}
    assert client.post("/v1/chat/completions", json=body).status_code == 401
    wrong = client.post("/v1/chat/completions", json=body, headers={"Authorization": "Bearer not-a-key-at-all-000"})
    assert wrong.status_code == 401 and "API key" in wrong.json()["error"]["message"]
    other = client.post("/v1/chat/completions", json=body, headers={"Authorization": "Bearer another-key-0123456789"})
    assert other.status_code == 200
    assert client.get("/v1/models").status_code == 401
    open_client = make_client(corpus, tmp_path / "open")
    assert open_client.post("/v1/chat/completions", json=body).status_code == 200
    assert "/v1/chat/completions" in open_client.get("/openapi.json").json()["paths"]


def test_the_api_rate_limit_holds_on_v1(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    limited = make_client(corpus, tmp_path, BOT_RATE_LIMIT_PER_MINUTE="3")
    body = {"model": MODEL_ID, "messages": [{"role": "user", "content": "How long is the R visa valid?"}]}
    statuses = [limited.post("/v1/chat/completions", json=body).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]


def test_a_short_api_key_is_refused_at_start(tmp_path: Path) -> None:
    from bot.errors import ConfigError

    with pytest.raises(ConfigError, match="BOT_API_KEYS"):
        Settings.from_env({"BOT_INDEX_DIR": str(tmp_path), "BOT_API_KEYS": "short"})
