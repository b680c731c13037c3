"""load_corpus on the real corpus, and each of its consistency checks failing on a corrupted copy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.corpus import Corpus, load_corpus
from bot.corpus.glossary import Glossary
from bot.corpus.translation import clause_hash, missing_numbers
from bot.errors import CorpusError

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
DOC = "lyg-hitech-2023"
TRANSLATION = "translation.en.yaml"
SOURCE = "source.zh.txt"
# libyaml when present: the pure-Python parser takes a tenth of a second per read of the translation.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file at `path`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(data, dict)
    return data


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load_error(corpus_dir: Path) -> str:
    """The message of the CorpusError that loading `corpus_dir` raises."""
    with pytest.raises(CorpusError) as raised:
        load_corpus(corpus_dir)
    return str(raised.value)


# --- the real corpus -------------------------------------------------------------------------


def test_real_corpus_has_one_document_of_26_articles(corpus: Corpus) -> None:
    assert [d.id for d in corpus.documents] == [DOC]
    assert [a.number for a in corpus.articles()] == list(range(1, 27))
    document = corpus.document(DOC)
    assert document.hotline == corpus.hotline == "400-107-6681"
    assert document.date == "2023-11-28"
    assert document.title_zh == "连云港推进高新技术产业开发区高质量发展政策"


def test_every_article_section_and_clause_has_english(corpus: Corpus) -> None:
    document = corpus.document(DOC)
    assert document.title_en.strip()
    assert all(s.title_en.strip() for s in document.sections)
    for article in corpus.articles():
        assert article.title_en.strip(), article.number
        assert all(c.en.strip() for c in article.clauses), article.number
        assert article.text_en == " ".join(c.en for c in article.clauses)


def test_every_department_has_its_glossary_english(corpus: Corpus) -> None:
    for article in corpus.articles():
        assert len(article.departments_en) == len(article.departments_zh), article.number
        assert list(article.departments_en) == [corpus.glossary.english(zh) for zh in article.departments_zh]
    assert corpus.article(DOC, 5).departments_en[0] == "Municipal Talent Work Office"


def test_every_number_written_in_a_chinese_clause_appears_in_its_english(corpus: Corpus) -> None:
    missing = [
        (a.number, c.index, missing_numbers(c.zh, c.en))
        for a in corpus.articles()
        for c in a.clauses
        if missing_numbers(c.zh, c.en)
    ]
    assert missing == []
    r_visa = corpus.article(DOC, 5).clause(11)
    assert "up to 10 years" in r_visa.en and "up to 180 days" in r_visa.en


def test_each_clause_carries_the_hash_of_its_chinese(corpus: Corpus) -> None:
    translation = read_yaml(CORPUS_DIR / DOC / TRANSLATION)
    for article in corpus.articles():
        hashes = [entry["sha"] for entry in translation["articles"][article.number]["clauses"]]
        assert hashes == [clause_hash(c.zh) for c in article.clauses], article.number


def test_glossary_has_at_least_80_rows(corpus: Corpus) -> None:
    assert len(corpus.glossary) >= 80
    assert len(corpus.glossary.departments()) >= 20


@pytest.mark.parametrize(
    "term",
    [
        "高新区",
        "双招双引",
        "专精特新",
        "揭榜挂帅",
        "瞪羚企业",
        "容缺受理",
        "先租后让",
        "一区多园",
        "飞地经济",
        "R字签证",
        "确认函",
        "规上工业",
    ],
)
def test_glossary_explains_the_policy_jargon(corpus: Corpus, term: str) -> None:
    row = corpus.glossary.get(term)
    assert row is not None
    assert row.en.strip() and row.en != term


# --- number and hash checks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zh", "en", "missing"),
    [
        ("可放宽至65岁;", "may be raised to 65;", []),
        ("可放宽至65岁;", "may be raised to 60;", ["65"]),
        ("可放宽至６５岁;", "may be raised to 65;", []),  # full-width digits count as digits
        ("最高10年", "up to 100 years", ["10"]),  # a longer number does not hide a missing one
        ("最高10年", "since 2010", ["10"]),
        ("达到7%以上,5%以上", "at least 7% and 5%", []),
        ("提高0.5个百分点", "by 0.5 points", []),
        ("提高0.5个百分点", "by 5 points", ["0.5"]),
        ("没有数字", "no numbers", []),
    ],
)
def test_missing_numbers_lists_the_digits_the_english_lacks(zh: str, en: str, missing: list[str]) -> None:
    assert missing_numbers(zh, en) == missing


def test_clause_hash_ignores_full_width_forms_but_not_wording() -> None:
    assert clause_hash("（责任单位：市科技局，各县）６５；") == clause_hash("(责任单位:市科技局,各县)65;")
    assert clause_hash("放宽至65岁") != clause_hash("放宽至60岁")
    assert len(clause_hash("甲")) == 16


# --- each check failing on a corrupted copy --------------------------------------------------


def test_a_clause_missing_from_the_translation_is_named(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    data = read_yaml(path)
    del data["articles"][5]["clauses"][-1]
    write_yaml(path, data)
    message = load_error(corpus_copy)
    assert "article 5 clause 11: missing from the translation" in message
    assert "R字签证" in message


def test_a_clause_dropped_mid_article_is_caught_at_that_clause(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    data = read_yaml(path)
    del data["articles"][5]["clauses"][2]
    write_yaml(path, data)
    assert "article 5 clause 3: the Chinese changed since it was translated" in load_error(corpus_copy)


def test_a_translated_clause_the_source_lacks_is_named(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    data = read_yaml(path)
    data["articles"][5]["clauses"].append({"sha": "0" * 16, "en": "An extra sentence."})
    write_yaml(path, data)
    assert "article 5 clause 12: translated but the source has only 11 clauses" in load_error(corpus_copy)


def test_an_article_missing_from_the_translation_is_named(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    data = read_yaml(path)
    del data["articles"][19]
    write_yaml(path, data)
    assert f"{DOC}/{TRANSLATION} article 19: missing from the translation" in load_error(corpus_copy)


def test_a_translated_article_the_source_lacks_is_named(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    data = read_yaml(path)
    data["articles"][27] = {"title": "Extra", "clauses": []}
    write_yaml(path, data)
    assert "article 27 is translated but not in the source text" in load_error(corpus_copy)


def test_an_article_title_without_english_is_named(corpus_copy: Path) -> None:
    edit(corpus_copy / DOC / TRANSLATION, 'title: "Attracting high-level talent"', 'title: ""')
    assert "article 5: the title has no English" in load_error(corpus_copy)


def test_a_changed_number_in_the_english_is_named(corpus_copy: Path) -> None:
    edit(corpus_copy / DOC / TRANSLATION, "relaxed to 65;", "relaxed to 60;")
    message = load_error(corpus_copy)
    assert "article 5 clause 10: number 65 of the Chinese is missing from the English" in message


def test_an_edited_chinese_clause_no_longer_matches_its_translation(corpus_copy: Path) -> None:
    edit(corpus_copy / DOC / SOURCE, "申请工作许可的年龄可放宽至65岁", "申请工作许可的年龄可放宽至60岁")
    message = load_error(corpus_copy)
    assert "article 5 clause 10: the Chinese changed since it was translated" in message
    assert "放宽至60岁" in message


def test_a_department_missing_from_the_glossary_is_named_with_its_article(corpus_copy: Path) -> None:
    path = corpus_copy / "glossary.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("市人才办\t")), encoding="utf-8")
    message = load_error(corpus_copy)
    assert "article 5: department '市人才办' has no English" in message


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("孵化器\tincubator\tterm\n", "expected 5 columns, got 3"),
        ("孵化器\tincubator\tterm\t\t\textra\n", "expected 5 columns, got 6"),
        ("孵化器\tincubator\tgadget\t\t\n", "needs zh, en and a kind"),
        ("孵化器\t\tterm\t\t\n", "needs zh, en and a kind"),
    ],
)
def test_a_malformed_glossary_row_is_named_by_line(corpus_copy: Path, row: str, complaint: str) -> None:
    path = corpus_copy / "glossary.tsv"
    text = path.read_text(encoding="utf-8")
    line = len(text.splitlines()) + 1
    path.write_text(text + row, encoding="utf-8")
    message = load_error(corpus_copy)
    assert f"glossary.tsv line {line}: {complaint}" in message


def test_a_glossary_with_the_wrong_header_is_rejected() -> None:
    with pytest.raises(CorpusError, match=re.escape("header must be zh | en | kind")):
        Glossary.parse("zh\ten\n高新区\thigh-tech zone\n")


def test_a_hotline_in_meta_that_differs_from_the_text_is_an_error(corpus_copy: Path) -> None:
    edit(corpus_copy / DOC / "meta.yaml", "hotline: 400-107-6681", "hotline: 400-000-0000")
    assert "differs from the text (400-107-6681)" in load_error(corpus_copy)


def test_a_translation_that_is_not_yaml_is_a_corpus_error_naming_the_file(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    path.write_text(path.read_text(encoding="utf-8") + "articles: [\n", encoding="utf-8")
    assert TRANSLATION in load_error(corpus_copy)


def test_a_non_numeric_article_key_is_a_corpus_error(corpus_copy: Path) -> None:
    path = corpus_copy / DOC / TRANSLATION
    data = read_yaml(path)
    data["articles"]["five"] = data["articles"].pop(5)
    write_yaml(path, data)
    assert "five" in load_error(corpus_copy)


# --- typography of the source ----------------------------------------------------------------


def test_a_full_width_source_loads_with_the_same_translation(corpus: Corpus, corpus_copy: Path) -> None:
    path = corpus_copy / DOC / SOURCE
    text = path.read_text(encoding="utf-8")
    full_width = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})
    path.write_text(text.translate(full_width), encoding="utf-8")
    edit(path, "放宽至65岁", "放宽至６５岁")
    variant = load_corpus(corpus_copy)
    assert [a.title_en for a in variant.articles()] == [a.title_en for a in corpus.articles()]
    assert [a.text_en for a in variant.articles()] == [a.text_en for a in corpus.articles()]
    assert [a.departments_en for a in variant.articles()] == [a.departments_en for a in corpus.articles()]


# --- several documents -----------------------------------------------------------------------


def add_document(corpus_dir: Path, folder: str, doc_id: str) -> None:
    """Copy the lyg-hitech-2023 document to `folder` under the id `doc_id`."""
    shutil.copytree(corpus_dir / DOC, corpus_dir / folder)
    edit(corpus_dir / folder / "meta.yaml", f"id: {DOC}", f"id: {doc_id}")
    edit(corpus_dir / folder / "translation.en.yaml", f"doc: {DOC}", f"doc: {doc_id}")
    if (questions := corpus_dir / folder / "questions.yaml").exists():
        edit(questions, f"doc: {DOC}", f"doc: {doc_id}")
    if (statements := corpus_dir / folder / "statements.yaml").exists():
        edit(statements, f"doc: {DOC}", f"doc: {doc_id}")


def test_a_translation_made_for_another_document_is_refused(corpus_copy: Path) -> None:
    shutil.copytree(corpus_copy / DOC, corpus_copy / "second")
    edit(corpus_copy / "second" / "meta.yaml", f"id: {DOC}", "id: second-doc")
    with pytest.raises(CorpusError, match="not 'second-doc'"):
        load_corpus(corpus_copy)


def test_a_second_document_is_loaded_beside_the_first(corpus_copy: Path) -> None:
    add_document(corpus_copy, "lyg-hitech-2023-reissue", "lyg-hitech-2024")
    loaded = load_corpus(corpus_copy)
    assert sorted(d.id for d in loaded.documents) == [DOC, "lyg-hitech-2024"]
    assert len(list(loaded.articles())) == 52
    for doc in (DOC, "lyg-hitech-2024"):
        for number in range(1, 27):
            article = loaded.article(doc, number)
            assert (article.doc, article.number) == (doc, number)
    assert loaded.article("lyg-hitech-2024", 5).title_zh == "加快集聚高层次人才"


def test_an_unknown_document_or_article_is_a_key_error(corpus: Corpus) -> None:
    with pytest.raises(KeyError):
        corpus.article(DOC, 27)
    with pytest.raises(KeyError):
        corpus.article("no-such-doc", 5)
    with pytest.raises(KeyError):
        corpus.document("no-such-doc")


def test_two_documents_with_the_same_id_are_an_error(corpus_copy: Path) -> None:
    shutil.copytree(corpus_copy / DOC, corpus_copy / "lyg-hitech-2023-copy")
    assert "two documents share an id" in load_error(corpus_copy)


def test_a_missing_corpus_folder_is_an_error(tmp_path: Path) -> None:
    assert "corpus folder not found" in load_error(tmp_path / "nowhere")


def test_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    assert "no documents" in load_error(tmp_path)


# --- fingerprint -----------------------------------------------------------------------------


def test_fingerprint_depends_on_the_files_not_where_they_are(corpus: Corpus, corpus_copy: Path) -> None:
    assert len(corpus.fingerprint) == 16
    assert load_corpus(corpus_copy).fingerprint == corpus.fingerprint


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("glossary.tsv", "tech bureau|", "technology bureau|"),
        (f"{DOC}/{TRANSLATION}", "# English translation of", "# The English translation of"),
        (f"{DOC}/{TRANSLATION}", "relaxed to 65;", "relaxed to 65 years;"),
        (f"{DOC}/meta.yaml", 'date: "2023-11-28"', 'date: "2023-11-29"'),
    ],
)
def test_fingerprint_changes_when_a_file_changes(
    corpus: Corpus, corpus_copy: Path, file: str, old: str, new: str
) -> None:
    edit(corpus_copy / file, old, new)
    assert load_corpus(corpus_copy).fingerprint != corpus.fingerprint


def test_fingerprint_changes_when_a_document_is_added(corpus: Corpus, corpus_copy: Path) -> None:
    add_document(corpus_copy, "second", "second-doc")
    assert load_corpus(corpus_copy).fingerprint != corpus.fingerprint
