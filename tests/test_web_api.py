"""The REST API in-process (FastAPI TestClient, no chat page): shapes, JSON errors, limits, staff auth."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA_DIR
from fastapi.testclient import TestClient
from web_fakes import FakeBot

from bot.config import Settings
from bot.web.server import create_app

TOKEN = "unit-test-staff-token-0123456789"
STAFF = {"Authorization": f"Bearer {TOKEN}"}

MakeClient = Callable[..., TestClient]


@pytest.fixture()
def make_client(corpus, tmp_path: Path) -> MakeClient:  # type: ignore[no-untyped-def]
    def make(**env: str) -> TestClient:
        values = {"BOT_INDEX_DIR": str(tmp_path / "index"), "BOT_STAFF_TOKEN": TOKEN} | env
        settings = Settings.from_env(values)
        app = create_app(settings, bot=FakeBot(corpus), chat_page=False)  # type: ignore[arg-type]
        return TestClient(app, raise_server_exceptions=False)

    return make


@pytest.fixture()
def client(make_client: MakeClient) -> TestClient:
    return make_client()


def error_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    return dict(body["error"])


def test_ask_returns_the_cli_json_line_with_an_answer_id(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "How long is the R visa valid?"})
    assert response.status_code == 200
    body = response.json()
    for key in (
        "id",
        "question",
        "lang",
        "answer",
        "fallback",
        "citations",
        "retrieved",
        "reason",
        "outcome",
        "latency_ms",
    ):
        assert key in body, key
    assert body["lang"] == "en" and body["citations"][0]["article"] == 5 and body["fallback"] is False
    assert body["outcome"] == "answered"
    spec = client.get("/openapi.json").json()["components"]["schemas"]["AskResponse"]["properties"]["outcome"]
    assert spec["enum"] == ["answered", "corrected", "not_stated", "out_of_scope"]
    assert set(body["citations"][0]) == {"doc", "article", "title", "clause", "text", "text_zh"}


def test_ask_passes_history_and_language_to_the_bot(client: TestClient) -> None:
    history = [
        "外籍人才工作许可年龄？",
        {"role": "user", "content": "R字签证呢？"},
        {"question": "工作许可？", "citations": [{"article": 5, "clause": 10}], "retrieved": [5, 19]},
    ]
    response = client.post("/api/ask", json={"question": "How long?", "history": history, "lang": "zh"})
    assert response.json()["lang"] == "zh"
    bot = client.app.state.service.bot  # type: ignore[attr-defined]
    assert bot.calls[-1]["history"] == history and bot.calls[-1]["lang"] == "zh"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"question": 123}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
        ({"question": "visa", "lang": "fr"}, 422, "invalid_request"),
        ({"question": "visa", "history": "not a list"}, 422, "invalid_request"),
        ({"question": "   "}, 422, "invalid_question"),
        ([1, 2], 422, "invalid_request"),
        ({"question": "x" * 1001}, 413, "payload_too_large"),
        ({"question": "visa", "history": [{"citations": [{"article": "abc"}]}]}, 422, "invalid_request"),
        ({"question": "visa", "history": [{"retrieved": ["²"]}]}, 422, "invalid_request"),
        ({"question": "visa", "history": [42]}, 422, "invalid_request"),
    ],
)
def test_bad_ask_requests_get_a_json_4xx(client: TestClient, body: object, status: int, code: str) -> None:
    response = client.post("/api/ask", json=body)
    assert response.status_code == status
    assert error_of(response)["code"] == code


@pytest.mark.parametrize("body", [rb'{"question": "visa\ud800"}', rb'{"question": "visa", "history": ["\udfff"]}'])
def test_lone_surrogates_are_refused_not_fatal(client: TestClient, body: bytes) -> None:
    response = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and "surrogate" in error_of(response)["message"]


def test_invalid_json_is_a_400(client: TestClient) -> None:
    response = client.post("/api/ask", content=b'{"question": ', headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and error_of(response)["code"] == "invalid_json"


def test_oversize_body_is_refused_before_parsing(client: TestClient) -> None:
    response = client.post("/api/ask", content=b"x" * 300_000, headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and error_of(response)["code"] == "payload_too_large"


def test_question_limit_follows_the_settings(make_client: MakeClient) -> None:
    client = make_client(BOT_MAX_QUESTION_CHARS="10")
    assert client.post("/api/ask", json={"question": "R visa?"}).status_code == 200
    assert client.post("/api/ask", json={"question": "How long is the R visa?"}).status_code == 413


def test_unknown_paths_and_methods_are_json(client: TestClient) -> None:
    assert error_of(client.get("/api/nothing"))["code"] == "not_found"
    response = client.get("/api/ask")
    assert response.status_code == 405 and error_of(response)["code"] == "method_not_allowed"


def test_a_bug_is_a_json_500_without_a_trace(client: TestClient) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals")

    client.app.state.service.bot.ask = broken  # type: ignore[attr-defined]
    response = client.post("/api/ask", json={"question": "How long is the R visa valid?"})
    assert response.status_code == 500
    assert "secret internals" not in response.text and error_of(response)["code"] == "internal_error"


def test_articles_list_and_one_article(client: TestClient) -> None:
    articles = client.get("/api/articles").json()
    assert len(articles) == 26 and articles[4]["number"] == 5
    article = client.get("/api/articles/5").json()
    assert article["label_en"] == "Article 5 · Attracting high-level talent"
    assert article["label_zh"] == "第五条 加快集聚高层次人才"
    assert article["text_zh"] and article["text_en"] and article["departments_zh"] and article["departments_en"]
    assert client.get("/api/articles/5", params={"doc": "lyg-hitech-2023"}).status_code == 200
    assert client.get("/api/articles", params={"doc": "other"}).json() == []


@pytest.mark.parametrize(("path", "status"), [("/api/articles/99", 404), ("/api/articles/abc", 422)])
def test_missing_or_malformed_article_is_json(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status and error_of(response)


def test_missing_article_in_another_document_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/5", params={"doc": "other"})
    assert response.status_code == 404 and "other" in error_of(response)["message"]


def test_feedback_on_an_answer(client: TestClient) -> None:
    answer = client.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()
    response = client.post("/api/feedback", json={"answer_id": answer["id"], "rating": "up", "comment": "clear"})
    assert response.status_code == 201 and response.json()["rating"] == "up"
    feedback = client.get("/api/staff/feedback", headers=STAFF).json()
    assert [(f["rating"], f["comment"], f["question"]) for f in feedback] == [
        ("up", "clear", "How long is the R visa valid?")
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"answer_id": "unknown", "rating": "up"}, 404),
        ({"answer_id": "x", "rating": "meh"}, 422),
        ({"rating": "up"}, 422),
        ({"answer_id": "x", "rating": "up", "comment": "c" * 2001}, 422),
    ],
)
def test_bad_feedback_is_a_json_4xx(client: TestClient, body: dict[str, str], status: int) -> None:
    response = client.post("/api/feedback", json=body)
    assert response.status_code == status and error_of(response)


def test_rate_limit_answers_429_with_retry_after(make_client: MakeClient) -> None:
    client = make_client(BOT_RATE_LIMIT_PER_MINUTE="2")
    assert client.get("/api/articles/5").status_code == 200
    assert client.post("/api/ask", json={"question": "R visa?"}).status_code == 200
    refused = client.post("/api/ask", json={"question": "R visa?"})
    assert refused.status_code == 429 and error_of(refused)["code"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) > 0
    assert client.get("/healthz").status_code == 200, "health checks are not limited"


def test_no_client_address_is_stored(client: TestClient, tmp_path: Path) -> None:
    client.post("/api/ask", json={"question": "How long is the R visa valid?"})
    turn = client.app.state.service.store.conversations()[0]  # type: ignore[attr-defined]
    stored = client.app.state.service.store.conversation(turn.id)[0]  # type: ignore[attr-defined]
    assert stored.client_hash and stored.client_hash != "testclient" and len(stored.client_hash) == 32
    assert b"testclient" not in (tmp_path / "index" / "conversations.sqlite3").read_bytes()


def test_health(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "documents": 1, "articles": 26, "hotline": "400-107-6681"}


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/articles", "/api/articles/{number}", "/api/feedback", "/healthz"} <= set(spec["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "/docs/docs.js" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    script = client.get("/docs/docs.js").text
    assert "http://" not in script and "https://" not in script


# -- staff ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/staff/session", "/api/staff/conversations", "/api/staff/fallbacks"])
def test_staff_api_needs_the_token(client: TestClient, path: str) -> None:
    missing = client.get(path)
    assert missing.status_code == 401 and error_of(missing)["code"] == "unauthorized"
    wrong = client.get(path, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and error_of(wrong)["code"] == "forbidden"
    assert client.get(path, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    assert client.get(path, headers=STAFF).status_code == 200


def test_staff_console_is_closed_without_a_configured_token(make_client: MakeClient) -> None:
    client = make_client(BOT_STAFF_TOKEN="")
    response = client.get("/api/staff/session", headers={"Authorization": "Bearer "})
    assert response.status_code == 403 and "closed" in error_of(response)["message"]
    assert client.get("/staff").status_code == 200, "the page itself loads and reports the refusal"


def test_staff_page_is_self_contained(client: TestClient) -> None:
    page = client.get("/staff")
    assert "/staff/staff.js" in page.text and "https://" not in page.text and "http://" not in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    # the sign-in form cannot be sent before its script has taken it over (it would send the token in the address)
    assert re.search(r'<input type="submit" id="login-button"[^>]* disabled>', page.text)


@pytest.mark.parametrize("name", ["staff_questions.jsonl", "staff_questions.csv"])
def test_staff_runs_a_question_file(client: TestClient, name: str) -> None:
    data = (DATA_DIR / name).read_bytes()
    response = client.post("/api/staff/run", headers=STAFF, files={"file": (name, data)})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["summary"]["questions"] == 3
    assert report["csv"].startswith("id,question,passed,")
    assert all(isinstance(r["passed"], bool) for r in report["results"])


def test_a_file_without_expectations_is_run_but_nothing_counts_as_passed(client: TestClient) -> None:
    data = b"id,question\nq1,How long is the R visa valid?\n"
    report = client.post("/api/staff/run", headers=STAFF, files={"file": ("plain.csv", data)}).json()
    assert report["summary"]["passed"] == 0 and report["summary"]["failed"] == 0
    assert report["summary"]["not_checked"] == 1 and report["results"][0]["passed"] is None


def test_staff_run_refuses_a_bad_file_with_the_line(client: TestClient) -> None:
    response = client.post("/api/staff/run", headers=STAFF, files={"file": ("q.jsonl", b'{"question": 1}\n')})
    assert response.status_code == 422 and error_of(response)["message"].startswith("line 1:")


def test_staff_run_refuses_an_oversize_file(make_client: MakeClient) -> None:
    client = make_client(BOT_MAX_UPLOAD_BYTES="100")
    data = b"\n".join(json.dumps({"question": f"q{n}"}).encode() for n in range(20))
    response = client.post("/api/staff/run", headers=STAFF, files={"file": ("q.jsonl", data)})
    assert response.status_code == 413 and error_of(response)


def test_staff_sees_conversations_and_fallbacks(client: TestClient) -> None:
    for question in ("How long is the R visa valid?", "What is the weather?", "what is the weather"):
        client.post("/api/ask", json={"question": question, "conversation_id": "conv-1"})
    conversations = client.get("/api/staff/conversations", headers=STAFF).json()
    assert [(c["id"], c["turns"], c["fallbacks"]) for c in conversations] == [("conv-1", 3, 2)]
    turns = client.get("/api/staff/conversations/conv-1", headers=STAFF).json()["turns"]
    assert turns[0]["question"] == "How long is the R visa valid?"
    assert client.get("/api/staff/conversations/none", headers=STAFF).status_code == 404
    fallbacks = client.get("/api/staff/fallbacks", headers=STAFF).json()
    assert [(f["key"], f["count"]) for f in fallbacks] == [("what is the weather", 2)]


def test_the_real_bot_with_the_hash_embedder_answers_through_the_api(tmp_path: Path) -> None:
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index"), "BOT_EMBEDDER": "hash"})
    client = TestClient(create_app(settings, chat_page=False))
    body = client.post("/api/ask", json={"question": "R字签证的有效期最长是多少年？"}).json()
    assert body["lang"] == "zh" and body["answer"] and isinstance(body["retrieved"], list)
    assert client.app.state.service.store.turn(body["id"]).question == "R字签证的有效期最长是多少年？"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "error, status, code",
    [
        ("MissingDependency", 503, "unavailable"),
        ("ConfigError", 500, "configuration_error"),
        ("InvalidQuestion", 422, "invalid_question"),
        ("NotFound", 404, "not_found"),
    ],
)
def test_errors_map_to_http_status_by_the_table(corpus, tmp_path: Path, error: str, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    """A server's configuration or a missing package is its fault (5xx, logged, no details to the client);
    a client's mistake is 4xx with the reason."""
    import bot.errors

    class Failing(FakeBot):
        def ask(self, question: str, history: object = None, lang: str | None = None, deadline: object = None) -> None:
            raise getattr(bot.errors, error)("the detail: BOT_LLM_API_KEY=secret")

    app = create_app(Settings.from_env({"BOT_INDEX_DIR": str(tmp_path)}), bot=Failing(corpus), chat_page=False)  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/api/ask", json={"question": "R visa?"})
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)
    assert ("secret" in response.text) is (status < 500)


def test_a_bad_setting_stops_start_up_not_the_first_question(tmp_path: Path) -> None:
    from bot.errors import ConfigError

    with pytest.raises(ConfigError, match="BOT_LLM_MODEL"):
        Settings.from_env({"BOT_INDEX_DIR": str(tmp_path), "BOT_LLM": "openai"})


def test_a_whole_article_opens_as_a_page_in_both_languages(client: TestClient) -> None:
    page = client.get("/articles/5")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "第五条 加快集聚高层次人才" in page.text and "Article 5 · Attracting high-level talent" in page.text
    assert "65岁" in page.text and "relaxed to 65" in page.text and "400-107-6681" in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert client.get("/articles/99").status_code == 404
    assert client.get("/articles/five").status_code == 422
