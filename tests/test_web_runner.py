"""The staff runner: reading JSONL and CSV question files, grading answers, exporting CSV."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import DATA_DIR
from web_fakes import FakeBot

from bot.errors import QuestionFileError
from bot.questions import CheckQuestion, parse_question_file
from bot.web.runner import grade, report_csv, run_questions, top_article


def read(name: str) -> bytes:
    return (DATA_DIR / name).read_bytes()


def test_jsonl_in_the_eval_format_is_read() -> None:
    questions = parse_question_file("dev.jsonl", read("staff_questions.jsonl"))
    assert questions[0] == CheckQuestion("v-1", "How long is the R visa valid?", "en", (5,), ("10", "180"), False)
    assert [q.id for q in questions] == ["v-1", "v-2", "v-3"]
    assert questions[2].fallback is True and questions[2].articles == ()


def test_csv_with_the_same_columns_is_read() -> None:
    questions = parse_question_file("dev.csv", read("staff_questions.csv"))
    assert questions[0] == CheckQuestion("c-1", "How long is the R visa valid?", "en", (5,), ("10", "180"), False)
    assert questions[1].question == "What is the weather, tomorrow?" and questions[1].fallback is True
    assert questions[2].articles == (5, 19) and questions[2].facts == ("10", "365") and questions[2].fallback is None


def test_the_eval_dev_set_is_a_valid_question_file() -> None:
    from conftest import ROOT

    questions = parse_question_file("questions.jsonl", (ROOT / "eval" / "questions.jsonl").read_bytes())
    assert len(questions) > 200


def test_csv_is_recognised_without_its_extension() -> None:
    assert parse_question_file("upload", b"question\nHow long is the R visa valid?\n")[0].id == "2"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("q.jsonl", b'{"id": 1, "question": "ok"}\n{"id": 2, "question": ', "line 2"),
        ("q.jsonl", b'{"id": 1}\n', "line 1: question must be a non-empty string"),
        ("q.jsonl", b'{"question": "x", "articles": [true]}\n', "articles must be a list"),
        ("q.jsonl", b'{"question": "x", "lang": "fr"}\n', "lang must be zh or en"),
        ("q.jsonl", b'{"question": "x", "fallback": "yes"}\n', "fallback must be true or false"),
        ("q.jsonl", b'{"question": "x", "facts": "10"}\n', "facts must be a list of strings"),
        ("q.jsonl", b"[1, 2]\n", "expected a JSON object"),
        ("q.csv", b"id,text\n1,hello\n", "needs a 'question' column"),
        ("q.csv", b"question,articles\nok,five\n", "line 2: articles must be numbers"),
        ("q.csv", b"question,fallback\nok,maybe\n", "fallback must be true or false"),
        ("q.csv", b"\n\n", "no questions"),
        ("q.csv", b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_malformed_files_are_refused_naming_the_line(name: str, data: bytes, message: str) -> None:
    with pytest.raises(QuestionFileError, match=message):
        parse_question_file(name, data)


def test_grading_checks_top_article_facts_and_fallback(corpus) -> None:  # type: ignore[no-untyped-def]
    bot = FakeBot(corpus)
    visa = bot.ask("How long is the R visa valid?")
    passed = grade(CheckQuestion("1", visa.question, "en", (5, 7), ("10 YEARS", "180"), False), visa)
    assert passed.passed and passed.top_article == 5 and passed.articles_ok and passed.facts_ok and passed.fallback_ok

    wrong = grade(CheckQuestion("2", visa.question, "en", (19,), ("10", "365"), True), visa)
    assert not wrong.passed
    assert (wrong.articles_ok, wrong.facts_ok, wrong.missing_facts, wrong.fallback_ok) == (
        False,
        False,
        ("365",),
        False,
    )

    unchecked = grade(CheckQuestion("3", visa.question), visa)
    assert (unchecked.articles_ok, unchecked.facts_ok, unchecked.fallback_ok) == (None, None, None)
    assert unchecked.passed is None and not unchecked.checked  # nothing to check is no pass


def test_top_article_falls_back_to_retrieval_when_nothing_is_cited(corpus) -> None:  # type: ignore[no-untyped-def]
    assert top_article(FakeBot(corpus).ask("What is the weather?")) == 12


def test_run_and_csv_export(corpus) -> None:  # type: ignore[no-untyped-def]
    bot = FakeBot(corpus)
    questions = parse_question_file("dev.jsonl", read("staff_questions.jsonl"))
    report = run_questions(questions, bot.ask)
    assert report.summary == {
        "questions": 3,
        "passed": 2,
        "failed": 1,
        "not_checked": 0,
        "articles_failed": 1,
        "facts_failed": 0,
        "fallback_failed": 0,
    }
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [(r["id"], r["passed"], r["articles_ok"]) for r in rows] == [
        ("v-1", "true", "true"),
        ("v-2", "false", "false"),
        ("v-3", "true", ""),
    ]
    assert rows[0]["expected_facts"] == "10;180" and "R visa" in rows[0]["answer"]


def test_csv_export_defuses_spreadsheet_formulas(corpus) -> None:  # type: ignore[no-untyped-def]
    report = run_questions([CheckQuestion("=cmd()", "=HYPERLINK(1) weather")], FakeBot(corpus).ask)
    row = next(csv.DictReader(io.StringIO(report_csv(report))))
    assert row["id"] == "'=cmd()" and row["question"] == "'=HYPERLINK(1) weather"
