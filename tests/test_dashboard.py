"""The staff dashboard: Beijing days, outcomes read from the log, unanswered questions grouped by similarity,
thumbs down by reason; and its API."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fakes import FakeBot

from bot.config import Settings
from bot.embed.fake import HashEmbedder
from bot.web.dashboard import LoggedFeedback, LoggedTurn, day_bounds, per_day, shares, thumbs_down, unanswered_groups
from bot.web.server import create_app

TOKEN = "unit-test-staff-token-0123456789"
STAFF = {"Authorization": f"Bearer {TOKEN}"}


def turn(question: str, at: datetime, fallback: bool = False, reason: str = "answer") -> LoggedTurn:
    return LoggedTurn(question, at, fallback, reason)


def test_days_are_beijing_days_and_every_day_of_the_range_is_listed() -> None:
    late_utc = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 01:30 on 1 December in Beijing
    turns = [
        turn("R签证多久", late_utc),
        turn("天气", datetime(2026, 11, 30, 15, 0, tzinfo=UTC), True, "out_of_scope"),  # 23:00 on 30 November
        turn("家属签证", datetime(2026, 12, 1, 3, 0), True, "not_specified"),  # naive: written in UTC
    ]
    days = per_day(turns, date(2026, 11, 30), date(2026, 12, 2))
    assert [d["date"] for d in days] == ["2026-11-30", "2026-12-01", "2026-12-02"]
    assert days[0] == {"date": "2026-11-30", "total": 1, "answered": 0, "not_stated": 0, "out_of_scope": 1}
    assert days[1] == {"date": "2026-12-01", "total": 2, "answered": 1, "not_stated": 1, "out_of_scope": 0}
    assert days[2]["total"] == 0
    assert shares(turns) == {"answered": 0.3333, "not_stated": 0.3333, "out_of_scope": 0.3333}
    assert shares([]) == {"answered": 0.0, "not_stated": 0.0, "out_of_scope": 0.0}
    start, end = day_bounds(date(2026, 12, 1), date(2026, 12, 1))
    assert (start, end) == (datetime(2026, 11, 30, 16, tzinfo=UTC), datetime(2026, 12, 1, 16, tzinfo=UTC))


def test_unanswered_questions_are_grouped_by_similarity_largest_first() -> None:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    asked = ["外籍人才的配偶能办签证吗"] * 2 + ["外籍人才的配偶能办签证吗？", "R签证收费多少", "土地出让金多少"]
    turns = [turn(q, at, True, "not_specified") for q in asked] + [turn("R签证多久", at)]
    groups = unanswered_groups(turns, HashEmbedder().embed_query_vector, similar=0.9)
    assert groups[0] == {"count": 3, "question": "外籍人才的配偶能办签证吗", "others": ["外籍人才的配偶能办签证吗？"]}
    assert sorted(g["question"] for g in groups[1:]) == ["R签证收费多少", "土地出让金多少"]
    assert all("R签证多久" not in str(g) for g in groups)  # answered questions are not listed


def test_thumbs_down_are_counted_by_reason() -> None:
    at = datetime(2026, 12, 1, 8, tzinfo=UTC)
    found = thumbs_down([LoggedFeedback("q1", "wrong", "", at), LoggedFeedback("q2", "wrong", "x", at),
                         LoggedFeedback("q3", "", "", at)])  # fmt: skip
    assert found["by_reason"] == [{"reason": "wrong", "count": 2}, {"reason": "not_given", "count": 1}]
    assert found["latest"][0]["time"] == "2026-12-01T16:00+08:00"


@pytest.fixture()
def client(corpus, tmp_path: Path) -> TestClient:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index"), "BOT_STAFF_TOKEN": TOKEN})
    app = create_app(settings, bot=FakeBot(corpus), chat_page=False)  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


def test_the_dashboard_counts_todays_questions_and_thumbs_down_with_reasons(client: TestClient) -> None:
    answered = client.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()
    client.post("/api/ask", json={"question": "What's the weather like?"})
    down = {"answer_id": answered["id"], "rating": "down", "reason": "unclear", "comment": "too long"}
    assert client.post("/api/feedback", json=down).status_code == 201
    assert client.post("/api/feedback", json=down | {"reason": "rude"}).status_code == 422
    figures = client.get("/api/staff/dashboard", headers=STAFF).json()
    assert figures["timezone"] == "Asia/Shanghai" and len(figures["days"]) == 14 and figures["questions"] == 2
    today = figures["days"][-1]
    assert (today["total"], today["answered"], today["out_of_scope"]) == (2, 1, 1)
    assert figures["thumbs_down"]["by_reason"] == [{"reason": "unclear", "count": 1}]
    assert figures["thumbs_down"]["latest"][0]["comment"] == "too long"
    feedback = client.get("/api/staff/feedback", headers=STAFF).json()
    assert feedback[0]["reason"] == "unclear"
    assert client.get("/api/staff/dashboard?from=2026-12-05&to=2026-12-01", headers=STAFF).status_code == 422
    assert client.get("/api/staff/dashboard?from=2020-01-01&to=2026-12-01", headers=STAFF).status_code == 422
    assert client.get("/api/staff/dashboard?from=yesterday", headers=STAFF).status_code == 422
    assert client.get("/api/staff/dashboard").status_code == 401
