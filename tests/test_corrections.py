"""Staff corrections without a model: the checks, the matching, the store and its history, the answers they give,
and the staff API (with the stand-in bot and the hash embedder)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from web_fakes import FakeBot

from bot.answer.model import Answer, Citation
from bot.config import Settings
from bot.corrections.apply import corrected_answer
from bot.corrections.book import CorrectionBook, nearest, question_key
from bot.corrections.model import Action, Draft, problems
from bot.corrections.store import CorrectionStore, open_existing
from bot.embed.fake import HashEmbedder
from bot.web.server import create_app

TOKEN = "unit-test-staff-token-0123456789"
STAFF = {"Authorization": f"Bearer {TOKEN}", "X-Staff-Name": "Li Wei"}


def draft(**values: object) -> Draft:
    return Draft.of({"question": "R签证能待多久？", "lang": "zh", "action": "not_covered"} | values)


# -- checks --------------------------------------------------------------------------------
def test_a_curated_answer_may_only_hold_numbers_of_the_clauses_it_cites(corpus) -> None:  # type: ignore[no-untyped-def]
    article5 = corpus.article("lyg-hitech-2023", 5)
    clause = next(c for c in article5.clauses if "180" in c.zh)
    good = draft(action="answer", article=5, clause=clause.index, answer_zh="最长10年，每次停留最多180日。",
                 answer_en="Up to 10 years; up to 180 days per stay.")  # fmt: skip
    assert problems(good, corpus, 1000) == []
    wrong = draft(action="answer", article=5, clause=clause.index, answer_zh="每次停留最多365日。",
                  answer_en="Up to 10 years; stays of 90 days.")  # fmt: skip
    found = problems(wrong, corpus, 1000)
    assert any("365" in p and p.startswith("answer_zh") for p in found), found
    assert any("90" in p and p.startswith("answer_en") for p in found), found
    assert not any(" 10 " in p for p in found)


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"action": "article"}, "needs the article"),
        ({"action": "article", "article": 5}, "needs the clause"),
        ({"action": "article", "article": 5, "clause": 99}, "no article 5 clause 99"),
        ({"action": "answer", "article": 40}, "no article 40"),
        ({"action": "answer", "article": 5, "answer_zh": "可以。"}, "answer_en is empty"),
        ({"question": "  "}, "question is empty"),
        ({"lang": "fr"}, "lang must be zh or en"),
    ],
)
def test_a_correction_that_cannot_work_is_refused_saying_why(corpus, values: dict[str, object], says: str) -> None:  # type: ignore[no-untyped-def]
    assert any(says in p for p in problems(draft(**values), corpus, 1000))


def test_a_draft_with_an_unknown_action_or_a_non_number_article_is_refused() -> None:
    with pytest.raises(ValueError, match="action must be"):
        Draft.of({"question": "q", "lang": "en", "action": "delete"})
    with pytest.raises(ValueError, match="article must be a whole number"):
        Draft.of({"question": "q", "lang": "en", "action": "article", "article": "5"})


# -- matching ------------------------------------------------------------------------------
def test_the_same_question_matches_whatever_its_spacing_and_end_punctuation() -> None:
    assert question_key(" R签证 能待多久？ ") == question_key("R签证能待多久")
    assert nearest("R签证能待多久?", None, ["别的问题", "R签证能待多久？"], np.zeros((2, 4)), 0.99) == (1, 1.0)


def test_a_rewording_matches_above_the_threshold_and_only_when_it_names_the_same_numbers() -> None:
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]])
    close = np.array([0.96, 0.28])  # cosine 0.96 with the first
    assert nearest("我62岁能办吗", close, ["我62岁可以办吗", "别的"], vectors, 0.95) == (0, pytest.approx(0.96))
    assert nearest("我62岁能办吗", close, ["我62岁可以办吗", "别的"], vectors, 0.97) is None
    assert nearest("我68岁能办吗", close, ["我62岁可以办吗", "别的"], vectors, 0.95) is None


def test_corrections_made_by_another_process_apply_after_the_refresh_interval(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    mine, theirs = CorrectionStore(url), CorrectionStore(url)  # two replicas' connections to one database
    embedder = HashEmbedder()
    book = CorrectionBook(mine, embedder.embed_query_vector, threshold=0.9, refresh_s=0.2)
    assert book.match("外籍人才的家属能办签证吗") is None
    theirs.add(draft(question="外籍人才的家属能办签证吗"))
    time.sleep(0.3)
    match = book.match("外籍人才的家属能办签证吗？")
    assert match is not None and match.same_question and match.correction.draft.action is Action.NOT_COVERED
    theirs.remove(match.correction.id)
    time.sleep(0.3)
    assert book.match("外籍人才的家属能办签证吗") is None


# -- the store -----------------------------------------------------------------------------
def test_every_change_is_kept_with_who_when_before_and_after(tmp_path: Path) -> None:
    store = CorrectionStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    first = store.add(draft(author="Wang"), before={"outcome": "answered"})
    assert first.created_by == first.updated_by == "Wang" and first.before == {"outcome": "answered"}
    revision = store.revision()
    changed = store.update(first.id, draft(action="article", article=5, clause=11, author="Li"))
    assert changed.created_by == "Wang" and changed.updated_by == "Li" and store.revision() > revision
    assert changed.updated_at >= changed.created_at and changed.updated_at.tzinfo is not None
    store.remove(first.id, "Zhao")
    assert store.all() == []
    events = store.history(first.id)
    assert [(e["event"], e["who"]) for e in events] == [("removed", "Zhao"), ("updated", "Li"), ("created", "Wang")]
    assert events[1]["before"]["action"] == "not_covered" and events[1]["after"]["action"] == "article"
    with pytest.raises(Exception, match="no correction"):
        store.update(first.id, draft())


def test_the_command_line_opens_no_database_that_does_not_exist(tmp_path: Path) -> None:
    assert open_existing(f"sqlite:///{tmp_path / 'none.sqlite3'}") is None
    assert not (tmp_path / "none.sqlite3").exists()
    CorrectionStore(f"sqlite:///{tmp_path / 'there.sqlite3'}")
    assert open_existing(f"sqlite:///{tmp_path / 'there.sqlite3'}") is not None


# -- the answers corrections give ------------------------------------------------------------
def _base(corpus, lang: str = "en") -> Answer:  # type: ignore[no-untyped-def]
    article = corpus.article("lyg-hitech-2023", 5)
    citation = Citation.of(article, 11, lang)
    return Answer("q", lang, "Yes — " + citation.text, False, (citation,), (5, 19), outcome="answered")


def test_not_covered_says_staff_found_the_policy_silent_and_gives_the_hotline(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = CorrectionStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    answer = corrected_answer(_base(corpus), store.add(draft(lang="en")), corpus)
    assert (answer.outcome, answer.fallback, answer.corrected_by_staff) == ("not_stated", True, True)
    assert answer.opening.startswith("Investment-promotion staff have checked: the policy does not state")
    assert not answer.opening.startswith("Yes")
    assert corpus.hotline in answer.closing and "corrected by investment-promotion staff" in answer.closing
    assert answer.to_dict()["corrected_by_staff"] is True


def test_an_article_correction_leads_with_the_clause_staff_named(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = CorrectionStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    land = corpus.article("lyg-hitech-2023", 19)
    answer = corrected_answer(_base(corpus, "zh"), store.add(draft(action="article", article=19, clause=1)), corpus)
    assert answer.opening == land.clause(1).zh and [c.article for c in answer.citations] == [19]
    assert (answer.outcome, answer.fallback) == ("answered", False) and "审核更正" in answer.closing


def test_a_curated_answer_is_given_in_the_askers_language_with_its_clause(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = CorrectionStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    made = store.add(draft(action="answer", article=5, clause=11, answer_zh="中文答复。", answer_en="The answer."))
    assert corrected_answer(_base(corpus, "en"), made, corpus).opening == "The answer."
    zh = corrected_answer(_base(corpus, "zh"), made, corpus)
    assert zh.opening == "中文答复。" and zh.citations[0].text_zh == corpus.article("lyg-hitech-2023", 5).clause(11).zh


# -- the staff API ---------------------------------------------------------------------------
@pytest.fixture()
def client(corpus, tmp_path: Path) -> TestClient:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index"), "BOT_STAFF_TOKEN": TOKEN})
    app = create_app(settings, bot=FakeBot(corpus), chat_page=False)  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


def test_a_correction_made_through_the_api_applies_at_once_and_says_so(client: TestClient) -> None:
    question = "Can my wife and children come with me on an R visa?"
    assert client.post("/api/ask", json={"question": question}).json()["corrected_by_staff"] is False
    made = client.post("/api/staff/corrections", headers=STAFF,
                       json={"question": question, "lang": "en", "action": "not_covered"})  # fmt: skip
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["created_by"] == "Li Wei" and body["before"]["outcome"] == "answered" and body["id"] >= 1
    after = client.post("/api/ask", json={"question": "can my wife and children come with me on an R visa"}).json()
    assert (after["outcome"], after["fallback"], after["corrected_by_staff"]) == ("not_stated", True, True)
    other = client.post("/api/ask", json={"question": "How long is the R visa valid?"}).json()
    assert other["corrected_by_staff"] is False


def test_a_number_the_cited_clauses_do_not_hold_is_refused_with_422(client: TestClient) -> None:
    body = {"question": "R签证多久？", "lang": "zh", "action": "answer", "article": 5, "clause": 11,
            "answer_zh": "最长20年。", "answer_en": "Up to 20 years."}  # fmt: skip
    refused = client.post("/api/staff/corrections", headers=STAFF, json=body)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "invalid_correction" and "the number 20 is not in the cited clauses" in error["message"]
    assert client.get("/api/staff/corrections", headers=STAFF).json() == []


def test_corrections_are_listed_changed_removed_and_need_the_token(client: TestClient) -> None:
    made = client.post("/api/staff/corrections", headers=STAFF,
                       json={"question": "家属能办签证吗", "lang": "zh", "action": "not_covered"}).json()  # fmt: skip
    assert client.get("/api/staff/corrections").status_code == 401
    assert client.get("/api/staff/corrections", headers={"Authorization": "Bearer " + "x" * 32}).status_code == 403
    to_article = {"question": "家属能办签证吗", "lang": "zh", "action": "article", "article": 5, "clause": 11}
    put = client.put(f"/api/staff/corrections/{made['id']}", headers=STAFF, json=to_article)
    assert put.status_code == 200 and put.json()["action"] == "article"
    one = client.get(f"/api/staff/corrections/{made['id']}", headers=STAFF).json()
    assert [e["event"] for e in one["history"]] == ["updated", "created"]
    assert client.delete(f"/api/staff/corrections/{made['id']}", headers=STAFF).status_code == 204
    assert client.delete(f"/api/staff/corrections/{made['id']}", headers=STAFF).status_code == 404
    assert client.put(f"/api/staff/corrections/{made['id']}", headers=STAFF,
                      json={"question": "x", "lang": "zh", "action": "not_covered"}).status_code == 404  # fmt: skip
    assert client.get("/api/staff/corrections", headers=STAFF).json() == []
    paths = client.get("/openapi.json").json()["paths"]
    assert {"post", "get"} <= set(paths["/api/staff/corrections"])
    assert {"put", "delete"} <= set(paths["/api/staff/corrections/{correction_id}"])


def test_an_exported_file_imports_back_and_a_bad_line_stores_nothing(client: TestClient) -> None:
    for question in ("家属能办签证吗", "R签证收费多少"):
        body = {"question": question, "lang": "zh", "action": "not_covered"}
        client.post("/api/staff/corrections", headers=STAFF, json=body)
    exported = client.get("/api/staff/corrections/export", headers=STAFF)
    assert exported.status_code == 200 and len(exported.text.splitlines()) == 2
    wrong = {"question": "q", "lang": "zh", "action": "answer", "article": 5, "answer_zh": "99年", "answer_en": "x"}
    bad = exported.text + json.dumps(wrong, ensure_ascii=False) + "\nnot json\n"
    refused = client.post("/api/staff/corrections/import", headers=STAFF, files={"file": ("c.jsonl", bad)})
    assert refused.status_code == 422
    assert "line 3" in refused.json()["error"]["message"] and "line 4" in refused.json()["error"]["message"]
    again = client.post("/api/staff/corrections/import", headers=STAFF, files={"file": ("c.jsonl", exported.text)})
    assert again.json() == {"created": 0, "updated": 2}
    rows = [json.loads(line) for line in exported.text.splitlines()]
    assert {r["question"] for r in rows} == {"家属能办签证吗", "R签证收费多少"}
