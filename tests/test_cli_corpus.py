"""`python -m bot corpus`: the table of contents and the JSON dump of every article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_KEYS = ["doc", "number", "section", "title_zh", "title_en", "text_zh", "text_en"]
ARTICLE_KEYS += ["departments_zh", "departments_en", "clauses"]


def run_bot(*args: str) -> str:
    """Run `python -m bot ARGS` from the project root; its stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_corpus_json_prints_every_article_with_its_clauses(corpus: Corpus) -> None:
    articles = json.loads(run_bot("corpus", "--json"))
    assert [a["number"] for a in articles] == list(range(1, 27))
    for printed, article in zip(articles, corpus.articles(), strict=True):
        assert list(printed) == ARTICLE_KEYS
        assert printed == article.to_dict()
        assert [list(c) for c in printed["clauses"]] == [["index", "zh", "en", "statements"]] * len(article.clauses)
    fifth = articles[4]
    assert (fifth["doc"], fifth["section"], fifth["title_zh"]) == ("lyg-hitech-2023", 2, "加快集聚高层次人才")
    assert fifth["departments_zh"][-1] == "各县、区人民政府"
    assert fifth["clauses"][9]["en"].endswith("relaxed to 65;")


def test_corpus_prints_a_bilingual_table_of_contents(corpus: Corpus) -> None:
    toc = run_bot("corpus")
    assert "加快集聚高层次人才" in toc
    assert "hotline 400-107-6681" in toc
    assert "Article" not in toc
    lines = toc.splitlines()
    for article in corpus.articles():
        assert f"  {article.number:>2}. {article.title_zh} / {article.title_en}" in lines
    assert "   5. 加快集聚高层次人才 / Attracting high-level talent" in lines
    assert "2. 着力提升自主创新能力 / Striving to enhance independent innovation capability" in lines


def test_a_broken_corpus_is_reported_as_an_error_not_a_traceback(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpus_copy / "lyg-hitech-2023" / "source.zh.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("放宽至65岁", "放宽至60岁"), encoding="utf-8")
    monkeypatch.setenv("BOT_CORPUS_DIR", str(corpus_copy))
    assert main(["corpus", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ")
    assert "article 5 clause 10" in captured.err
