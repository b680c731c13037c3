"""The evaluation harness on synthetic data: metrics, grouping, the questions loader, report output."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from eval.dataset import KINDS, Question, QuestionsError, load_questions, retrieval_answerable
from eval.metrics import QuestionScore, aggregate, aggregate_by, hit_at_1, recall_at, reciprocal_rank

DEV_SET = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"
ARTICLES = range(1, 27)


def question(qid: str = "q1", lang: str = "zh", articles: tuple[int, ...] = (5,), kind: str = "fact") -> Question:
    """A synthetic retrieval-answerable question."""
    return Question(qid, lang, f"question {qid}", articles, (), False, kind)


def row(**changes: object) -> str:
    """A valid JSONL row with some fields changed (None removes the field)."""
    base: dict[str, object] = {
        "id": "zh-001",
        "lang": "zh",
        "question": "R字签证最长能签几年？",
        "articles": [5],
        "facts": ["10"],
        "fallback": False,
        "kind": "fact",
    }
    merged = {key: value for key, value in (base | changes).items() if value is not None}
    return json.dumps(merged, ensure_ascii=False)


# --- metrics -----------------------------------------------------------------------------------


def test_hit_at_1_counts_any_gold_article_at_the_top() -> None:
    assert hit_at_1([5, 3, 1], [5]) == 1.0
    assert hit_at_1([19, 21], [21, 19]) == 1.0  # a secondary gold article on top is a hit
    assert hit_at_1([3, 5], [5]) == 0.0
    assert hit_at_1([], [5]) == 0.0


def test_recall_at_3_is_the_share_of_gold_articles_in_the_top_3() -> None:
    assert recall_at([8, 14, 4], [8, 14]) == 1.0
    assert recall_at([14, 4, 15, 8], [8, 14]) == 0.5  # 8 is fourth: outside the top 3
    assert recall_at([1, 2, 3], [9]) == 0.0
    assert recall_at([5, 5, 1], [5, 5]) == 1.0  # repeated gold numbers count once


def test_recall_needs_a_gold_article() -> None:
    with pytest.raises(ValueError, match="gold"):
        recall_at([1, 2, 3], [])


def test_reciprocal_rank_uses_the_first_gold_article_within_the_top_10() -> None:
    assert reciprocal_rank([5, 1], [5]) == 1.0
    assert reciprocal_rank([2, 7, 5, 1], [1, 5]) == pytest.approx(1 / 3)
    assert reciprocal_rank([*range(11, 20), 5], [5]) == pytest.approx(1 / 10)
    assert reciprocal_rank([*range(11, 21), 5], [5]) == 0.0  # rank 11 is beyond the cut
    assert reciprocal_rank([], [5]) == 0.0


def test_question_score_marks_a_miss_at_top_1_or_top_3() -> None:
    assert not QuestionScore.of([5, 1, 2], [5]).missed
    assert QuestionScore.of([1, 5, 2], [5]).missed  # wrong top-1
    assert QuestionScore.of([5, 1, 2], [5, 9]).missed  # right top-1, second gold outside the top 3


def test_aggregate_takes_the_mean_of_each_metric() -> None:
    scores = [QuestionScore.of([5, 1, 2], [5]), QuestionScore.of([1, 2, 5], [5]), QuestionScore.of([1], [5])]
    total = aggregate(scores)
    assert total.n == 3
    assert total.hit_at_1 == pytest.approx(1 / 3)
    assert total.recall_at_3 == pytest.approx(2 / 3)
    assert total.mrr == pytest.approx((1 + 1 / 3 + 0) / 3)


def test_aggregate_refuses_an_empty_group() -> None:
    with pytest.raises(ValueError, match="empty"):
        aggregate([])


def test_aggregate_by_scores_each_group_separately() -> None:
    rankings = [("zh", [5], [5]), ("en", [1], [5]), ("en", [5], [5]), ("zh", [2], [5])]
    by_lang = aggregate_by(rankings, lambda r: r[0], lambda r: QuestionScore.of(r[1], r[2]))
    assert list(by_lang) == ["zh", "en"]
    assert (by_lang["zh"].hit_at_1, by_lang["zh"].n) == (0.5, 2)
    assert (by_lang["en"].hit_at_1, by_lang["en"].n) == (0.5, 2)


def test_a_system_is_scored_per_language_and_kind_and_its_misses_listed() -> None:
    from eval.retrieval import misses, scores_by_kind, scores_by_lang
    from eval.runners import Ranked, SystemRun

    run = SystemRun(
        "synthetic",
        (
            Ranked(question("zh-1", "zh", (5,), "fact"), (5, 1, 2)),
            Ranked(question("zh-2", "zh", (8, 14), "multi-article"), (8, 3, 14)),
            Ranked(question("en-1", "en", (5,), "fact"), (2, 5, 1)),
        ),
    )
    by_lang = scores_by_lang(run)
    assert list(by_lang) == ["zh", "en", "all"]
    assert (by_lang["zh"].hit_at_1, by_lang["en"].hit_at_1, by_lang["all"].n) == (1.0, 0.0, 3)
    assert scores_by_kind(run)["fact"].mrr == pytest.approx(0.75)
    assert [r.question.id for r in misses(run)] == ["en-1"]


# --- the questions loader ----------------------------------------------------------------------


def test_dev_set_is_valid_balanced_and_covers_every_article_in_both_languages() -> None:
    questions = load_questions(DEV_SET)
    assert len(questions) >= 200
    langs = Counter(q.lang for q in questions)
    assert abs(langs["zh"] - langs["en"]) <= 0.1 * len(questions)
    answerable = retrieval_answerable(questions)
    for lang in ("zh", "en"):
        primaries = {q.articles[0] for q in answerable if q.lang == lang}
        assert set(ARTICLES) <= primaries, f"{lang}: no question has article(s) {set(ARTICLES) - primaries} first"


def test_load_questions_reads_rows_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "questions.jsonl"
    path.write_text(row() + "\n\n" + row(id="en-001", lang="en", articles=[8, 14], kind="multi-article") + "\n")
    first, second = load_questions(path)
    assert first == Question("zh-001", "zh", "R字签证最长能签几年？", (5,), ("10",), False, "fact")
    assert second.articles == (8, 14)


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (row(lang="fr"), "lang must be one of zh, en"),
        (row(articles=[0]), "articles must be a list"),
        (row(articles=[100]), "articles must be a list"),
        (row(articles=["5"]), "articles must be a list"),
        (row(articles=[True]), "articles must be a list"),
        (row(articles=5), "articles must be a list"),
        (row(kind="trivia"), "kind must be one of"),
        (row(kind=None, facts=None), "missing facts, kind"),
        (row(fallback="no"), "fallback must be true or false"),
        (row(question="  "), "question must be a non-empty string"),
        ('{"id": "zh-002", "lang": ', "Expecting value"),
        ("[1, 2]", "expected a JSON object"),
        (row(), "id 'zh-001' appears twice"),
    ],
)
def test_load_questions_names_the_line_of_a_bad_row(tmp_path: Path, bad_row: str, message: str) -> None:
    path = tmp_path / "questions.jsonl"
    path.write_text(f"{row()}\n\n{bad_row}\n", encoding="utf-8")
    with pytest.raises(QuestionsError, match=r"questions\.jsonl:3: ") as raised:
        load_questions(path)
    assert message in str(raised.value)


def test_every_documented_kind_is_accepted() -> None:
    from eval.dataset import parse_question

    assert [parse_question(row(kind=kind)).kind for kind in KINDS] == list(KINDS)


# --- output --------------------------------------------------------------------------------------


def test_markdown_table_shows_html_and_pipes_in_questions_as_text() -> None:
    from eval.report import Table

    table = Table(("id", "question"), (("en-141", "<img src=x> A|B?"),))
    assert table.to_markdown().splitlines() == [
        "| id | question |",
        "|---|---|",
        "| en-141 | &lt;img src=x&gt; A\\|B? |",
    ]


def test_report_json_round_trips_and_keeps_rankings_on_one_line() -> None:
    from eval.report import to_json

    figures = {"systems": {"pipeline": {"rankings": [{"id": "zh-1", "gold": [5], "retrieved": [5, 1, 2]}]}}}
    text = to_json(figures)
    assert json.loads(text) == figures
    assert '    {"id": "zh-1", "gold": [5], "retrieved": [5, 1, 2]}' in text.splitlines()


def test_langchain_recipe_is_skipped_with_a_reason_without_sentence_transformers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eval.runners import SystemUnavailable, recipe_embedder

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(SystemUnavailable, match="sentence-transformers"):
        recipe_embedder()


def test_an_unavailable_system_becomes_a_skipped_run_with_its_reason() -> None:
    from eval.runners import SystemUnavailable, run_system

    def unavailable(bot: object) -> object:
        raise SystemUnavailable("needs sentence-transformers")

    run = run_system("langchain-recipe", unavailable, None, [question()])  # type: ignore[arg-type]
    assert (run.ranked, run.skipped) == ((), "needs sentence-transformers")


def test_latency_compares_search_with_embedding_per_question() -> None:
    from eval.runners import latency_sample

    sample = latency_sample([30.0, 31.0, 90.0], [28.0, 29.5, 80.0])
    assert (sample.n, sample.search_ms, sample.embed_ms) == (3, 31.0, 29.5)
    assert sample.overhead_ms == pytest.approx(1.5)
    assert sample.paired_ms == pytest.approx(2.0)  # median of 2.0, 1.5, 10.0
    assert sample.within_target
    assert not latency_sample([40.0], [30.0]).within_target


def test_latency_keeps_each_question_s_fastest_run_of_search_and_of_embedding() -> None:
    from types import SimpleNamespace

    from eval.runners import measure_latency

    calls = {"search": 0}

    def search(text: str) -> None:
        calls["search"] += 1
        if calls["search"] == 1:  # the first timed search of the question is held up
            time.sleep(0.05)

    bot = SimpleNamespace(search=search, embedder=SimpleNamespace(embed_query_vector=lambda text: None))
    question = Question(id="q", lang="en", question="R visa?", articles=(5,), facts=(), fallback=False, kind="fact")
    latency = measure_latency(bot, [question], warmup=0, repeats=3)  # type: ignore[arg-type]
    assert calls["search"] == 3
    assert latency["en"].search_ms < 10.0


def test_answer_fingerprints_name_each_changed_question() -> None:
    from eval.same_answers import differences, fingerprint

    a, b = fingerprint({"answer": "65岁"}), fingerprint({"answer": "70岁"})
    assert a == fingerprint({"answer": "65岁"}) and a != b
    before = {"h1.jsonl": {"q1": a, "q2": a}, "h2.jsonl": {"q1": a}}
    now = {"h1.jsonl": {"q1": a, "q2": b}, "h3.jsonl": {"q1": a}}
    assert differences(before, now) == ["h1.jsonl: q2", "h2.jsonl: q1", "h3.jsonl: q1"]
    assert differences(before, before) == []
