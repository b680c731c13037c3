"""questions.yaml: the questions written for each clause, joined to it, and each check failing on a bad copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_corpus_loading import DOC, load_error

from bot.corpus import load_corpus
from bot.store.units import corpus_units

QUESTIONS = "questions.yaml"


def write(corpus_dir: Path, text: str) -> None:
    (corpus_dir / DOC / QUESTIONS).write_text(text, encoding="utf-8")


GOOD = """doc: lyg-hitech-2023
articles:
  5:
    2:
      en: ["How long is an R visa good for?", "R visa validity"]
      zh: ["R签证能签几年？"]
"""


def test_questions_are_joined_to_their_clause_and_indexed_as_its_units(corpus_copy: Path) -> None:
    write(corpus_copy, GOOD)
    corpus = load_corpus(corpus_copy)
    clause = corpus.by_key[(DOC, 5)].clause(2)
    assert clause.questions_en == ("How long is an R visa good for?", "R visa validity")
    assert clause.questions("zh") == ("R签证能签几年？",)
    asked = [u for u in corpus_units(corpus) if u.kind == "question"]
    assert [(u.article, u.clause, u.lang, u.text) for u in asked] == [
        (5, 2, "zh", "R签证能签几年？"),
        (5, 2, "en", "How long is an R visa good for?"),
        (5, 2, "en", "R visa validity"),
    ]
    assert len({u.id for u in corpus_units(corpus)}) == len(corpus_units(corpus))


def test_without_a_questions_file_clauses_have_none(corpus_copy: Path) -> None:
    (corpus_copy / DOC / QUESTIONS).unlink(missing_ok=True)
    corpus = load_corpus(corpus_copy)
    assert not any(u.kind == "question" for u in corpus_units(corpus))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("doc: other\narticles: {5: {2: {en: [x]}}}\n", "is for document 'other'"),
        ("doc: lyg-hitech-2023\narticles: {27: {1: {en: [x]}}}\n", "article 27 is not in the source text"),
        ("doc: lyg-hitech-2023\narticles: {5: {40: {en: [x]}}}\n", "article 5 clause 40: the article has only"),
        ("doc: lyg-hitech-2023\narticles: {5: {2: {fr: [x]}}}\n", "article 5 clause 2: needs 'zh' and/or 'en'"),
        ("doc: lyg-hitech-2023\narticles: {5: {2: {en: x}}}\n", "article 5 clause 2 en: needs a list"),
        ("doc: lyg-hitech-2023\narticles: {5: {2: {en: ['', x]}}}\n", "article 5 clause 2 en: needs a list"),
        ("doc: lyg-hitech-2023\narticles: {five: {2: {en: [x]}}}\n", "article 'five' is not a number"),
        ("doc: lyg-hitech-2023\n", "needs an 'articles' mapping"),
        ("doc: [unclosed\n", QUESTIONS),
    ],
)
def test_a_bad_questions_file_names_what_is_wrong(corpus_copy: Path, text: str, message: str) -> None:
    write(corpus_copy, text)
    assert message in load_error(corpus_copy)
