"""What each clause states (statements.yaml): loaded beside the translation and checked like it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.corpus import Corpus, load_corpus
from bot.corpus.statements import STATEMENT_KINDS, VALUED_KINDS
from bot.errors import CorpusError
from tests.test_corpus_loading import DOC, edit, load_error, read_yaml, write_yaml

STATEMENTS = "statements.yaml"
NEWLY_RECOGNISED = "\n        ".join(
    ('value: {{zh: "{value}", en: "RMB 1 million"}}', "subject: provincial_zone", 'action: {{zh: "新认定奖励"')
)


def test_every_clause_states_something_and_every_value_is_in_both_languages(corpus: Corpus) -> None:
    for article in corpus.articles():
        for clause in article.clauses:
            assert clause.statements, f"article {article.number} clause {clause.index}"
            for statement in clause.statements:
                assert statement.kind in STATEMENT_KINDS
                if statement.kind in VALUED_KINDS:
                    assert statement.value_en in clause.en, (article.number, clause.index, statement.value_en)


def test_figures_are_stated_for_their_own_subjects(corpus: Corpus) -> None:
    """Article 25: 100万元 for newly recognised provincial zones; ranking rewards of 100万元 for national
    zones and 50万元 for provincial ones."""
    article = corpus.article(DOC, 25)
    newly = [(s.subject, s.value_zh) for s in article.clause(3).statements if s.kind == "amount"]
    ranking = {(s.subject, s.value_zh) for s in article.clause(4).statements if s.kind == "amount"}
    assert newly == [("provincial_zone", "100万元")]
    assert ranking == {("national_zone", "100万元"), ("provincial_zone", "50万元")}
    visa = {(s.kind, s.value_en) for s in corpus.article(DOC, 5).clauses[-1].statements if s.value_en}
    assert visa == {("period", "10 years"), ("period", "180 days")}


def test_the_listing_support_promises_no_money(corpus: Corpus) -> None:
    listing = corpus.article(DOC, 21).clause(4).statements
    assert [s.kind for s in listing] == ["support"] and not any(s.funding for s in listing)


def test_corpus_json_shows_the_statements(corpus: Corpus) -> None:
    printed = corpus.article(DOC, 5).to_dict()["clauses"]
    assert {"kind": "age", "subject": "overseas_talent"}.items() <= printed[9]["statements"][0].items()


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        (
            NEWLY_RECOGNISED.format(value="100万元"),
            NEWLY_RECOGNISED.format(value="200万元"),
            "article 25 clause 3 statement 1: value '200万元' is not in the clause's Chinese",
        ),
        (
            'value: {zh: "10年", en: "10 years"}',
            'value: {zh: "10年", en: "ten years"}',
            "article 5 clause 11 statement 1: value 'ten years' is not in the clause's English",
        ),
        (
            'subject: national_zone\n        action: {zh: "考评',
            'subject: alien_zone\n        action: {zh: "考评',
            "article 25 clause 4 statement 1: subject 'alien_zone' is not listed",
        ),
        ("- kind: age", "- kind: mood", "article 5 clause 10 statement 1: unknown kind 'mood'"),
    ],
)
def test_a_bad_statement_is_named_by_article_clause_and_statement(
    corpus_copy: Path, old: str, new: str, complaint: str
) -> None:
    edit(corpus_copy / DOC / STATEMENTS, old, new)
    assert complaint in load_error(corpus_copy)


def test_a_clause_without_statements_is_named(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / STATEMENTS
    data = read_yaml(path)
    del data["articles"][19][6]
    write_yaml(path, data)
    assert "article 19 clause 6: has no statement" in load_error(corpus_copy)


def test_a_subject_without_a_party_is_refused(corpus_copy: Path) -> None:
    edit(
        corpus_copy / DOC / STATEMENTS,
        'county: {zh: "县区", en: "county or district", party: government}',
        'county: {zh: "县区", en: "county or district"}',
    )
    assert "subject 'county' needs a party" in load_error(corpus_copy)


def test_a_statements_file_named_in_meta_must_exist(corpus_copy: Path) -> None:
    (corpus_copy / DOC / STATEMENTS).unlink()
    with pytest.raises(CorpusError, match=r"statements file statements\.yaml not found"):
        load_corpus(corpus_copy)
