"""PolicyParser on the real policy text and on variants of it built here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.corpus.parser import ParsedText, PolicyParser, canonical, split_clauses, split_departments
from bot.errors import CorpusError
from bot.numerals import int_to_chinese

SOURCE_PATH = Path(__file__).resolve().parent.parent / "corpus" / "lyg-hitech-2023" / "source.zh.txt"
SOURCE = SOURCE_PATH.read_text(encoding="utf-8")
DOC = "lyg-hitech-2023"
COUNTIES = "各县、区人民政府"


def parse(text: str) -> ParsedText:
    """Parse `text` as the lyg-hitech-2023 document."""
    return PolicyParser(DOC).parse(text)


@pytest.fixture(scope="module")
def parsed() -> ParsedText:
    return parse(SOURCE)


def full_width(text: str) -> str:
    """The text as a typesetter using full-width punctuation would write it."""
    return text.translate(str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"}))


def without_line(text: str, opening: str) -> str:
    """`text` with the one line that starts with `opening` removed."""
    lines = text.split("\n")
    kept = [line for line in lines if not line.startswith(opening)]
    assert len(kept) == len(lines) - 1, f"expected exactly one line opening with {opening}"
    return "\n".join(kept)


def synthetic(count: int) -> str:
    """A one-section document with `count` articles, (一) … in order."""
    articles = [f"({int_to_chinese(n)})第{n}条标题。第{n}条正文;补充。(责任单位:市科技局)" for n in range(1, count + 1)]
    return "\n".join(["一、总体要求", *articles, "招商热线:400-107-6681"])


# --- the real text ---------------------------------------------------------------------------


def test_real_text_has_26_articles_numbered_1_to_26(parsed: ParsedText) -> None:
    assert [a.number for a in parsed.articles] == list(range(1, 27))
    assert {a.doc for a in parsed.articles} == {DOC}


def test_real_text_has_seven_sections_with_their_titles(parsed: ParsedText) -> None:
    assert [(s.number, s.title_zh) for s in parsed.sections] == [
        (1, "总体要求"),
        (2, "着力提升自主创新能力"),
        (3, "全面激发企业创新活力"),
        (4, "培育壮大现代产业集群"),
        (5, "全面深化开放协同创新"),
        (6, "提高创新资源配置效率"),
        (7, "强化组织管理"),
    ]


def test_each_article_belongs_to_the_section_heading_above_it(parsed: ParsedText) -> None:
    expected = {1: [1, 2, 3], 2: [4, 5, 6, 7], 3: [8, 9, 10], 4: [11, 12, 13, 14], 5: [15, 16, 17]}
    expected |= {6: [18, 19, 20, 21], 7: [22, 23, 24, 25, 26]}
    by_section = {s.number: [a.number for a in parsed.articles if a.section == s.number] for s in parsed.sections}
    assert by_section == expected


@pytest.mark.parametrize(
    ("number", "title"),
    [
        (1, "指导思想"),
        (3, "发展目标"),
        (5, "加快集聚高层次人才"),
        (18, "深化“放管服”改革"),
        (19, "完善土地利用政策"),
        (21, "加大金融支持力度"),
        (26, "加强指导服务"),
    ],
)
def test_article_title_is_the_text_before_the_first_full_stop(parsed: ParsedText, number: int, title: str) -> None:
    assert parsed.articles[number - 1].title_zh == title


@pytest.mark.parametrize(
    ("number", "departments"),
    [
        (5, ("市人才办", "市科技局", "市教育局", "市财政局", "市公安局", "市人社局", COUNTIES)),
        (9, ("市科技局", "市工信局", "市财政局", "市地方金融监管局", "市税务局", COUNTIES)),
        (
            21,
            (
                "市地方金融监管局",
                "人行连云港市中心支行",
                "连云港银保监分局",
                "市发改委",
                "市科技局",
                "市工信局",
                "市财政局",
                "市市场监管局",
                COUNTIES,
            ),
        ),
    ],
)
def test_responsible_departments_are_split_in_source_order(
    parsed: ParsedText, number: int, departments: tuple[str, ...]
) -> None:
    assert parsed.articles[number - 1].departments_zh == departments


def test_county_governments_stay_one_unit_and_close_every_department_list(parsed: ParsedText) -> None:
    for article in parsed.articles[3:]:
        assert article.departments_zh[-1] == COUNTIES, article.number
        assert all("、" not in unit for unit in article.departments_zh[:-1]), article.number
        assert "各县" not in article.departments_zh and "区人民政府" not in article.departments_zh


def test_general_requirements_name_no_responsible_departments(parsed: ParsedText) -> None:
    assert [a.departments_zh for a in parsed.articles[:3]] == [(), (), ()]


def test_article_text_is_the_source_after_marker_and_title(parsed: ParsedText) -> None:
    for article in parsed.articles:
        assert article.text_zh in SOURCE
        marker = f"({int_to_chinese(article.number)})"
        start = SOURCE.index(marker)
        assert SOURCE[start + len(marker) :].startswith(f"{article.title_zh}。{article.text_zh}"), article.number


def test_responsibility_closing_is_not_part_of_the_article_text(parsed: ParsedText) -> None:
    assert not [a.number for a in parsed.articles if "责任单位" in a.text_zh]


def test_article_3_goal_lines_continue_the_article(parsed: ParsedText) -> None:
    goals = parsed.articles[2]
    zh = [c.zh for c in goals.clauses]
    assert len(zh) == 10
    assert "——创新能力显著提高。" in zh
    assert zh[-1].startswith("到2035年,建成一批具有地区影响力的高科技园区")
    assert zh[-1].endswith("实现园区治理体系和治理能力现代化。")
    assert goals.text_zh.count("\n") == 4


def test_clauses_rejoin_to_the_article_text(parsed: ParsedText) -> None:
    for article in parsed.articles:
        assert "".join(c.zh for c in article.clauses) == article.text_zh.replace("\n", ""), article.number
        assert [c.index for c in article.clauses] == list(range(1, len(article.clauses) + 1))


def test_every_clause_ends_at_a_full_stop_or_semicolon(parsed: ParsedText) -> None:
    ends = {c.zh[-1] for a in parsed.articles for c in a.clauses}
    assert ends <= {"。", ";", "；"}
    assert not [c.zh for a in parsed.articles for c in a.clauses if "。" in c.zh[:-1] or ";" in c.zh[:-1]]


def test_article_5_splits_the_work_permit_and_r_visa_sentences_at_the_semicolon(parsed: ParsedText) -> None:
    clauses = parsed.articles[4].clauses
    assert len(clauses) == 11
    work_permit = clauses[9]
    assert "工作许可的年龄可放宽至65岁" in work_permit.zh
    assert canonical(work_permit.zh).endswith(";")
    r_visa = clauses[10]
    assert r_visa.zh.startswith("外籍高层次人才、急需紧缺人才可凭省级科技行政部门签发的确认函")
    assert r_visa.zh.endswith("每次停留时间最高180日的R字签证。")


def test_hotline_is_read_from_the_contact_line(parsed: ParsedText) -> None:
    assert parsed.hotline == "400-107-6681"


# --- splitting helpers -----------------------------------------------------------------------


def test_split_clauses_cuts_after_full_stops_and_both_semicolons() -> None:
    assert split_clauses("甲。乙；丙;丁。 \n ") == ["甲。", "乙；", "丙;", "丁。"]
    assert split_clauses("没有句号的一句") == ["没有句号的一句"]
    assert split_clauses("  \n") == []


@pytest.mark.parametrize(
    "closing",
    [
        "市科技局、市发改委,各县、区人民政府",
        "市科技局，市发改委，各县、区人民政府",
        "市科技局;市发改委；各县、区人民政府",
    ],
)
def test_split_departments_keeps_county_governments_whole_whatever_the_separator(closing: str) -> None:
    assert split_departments(closing) == ("市科技局", "市发改委", COUNTIES)


def test_split_departments_keeps_an_unrecognised_trailing_fragment() -> None:
    assert split_departments("市科技局、有关单位") == ("市科技局", "有关单位")


# --- variants of the real text ---------------------------------------------------------------


def shape(parsed: ParsedText) -> list[tuple[int, int, str, tuple[str, ...], int]]:
    """What must not depend on typography: number, section, title, departments, clause count."""
    return [(a.number, a.section, a.title_zh, a.departments_zh, len(a.clauses)) for a in parsed.articles]


def test_full_width_punctuation_parses_like_the_original(parsed: ParsedText) -> None:
    text = full_width(SOURCE)
    assert "（五）加快集聚高层次人才。" in text and "（责任单位：市人才办、" in text and "，" in text
    variant = parse(text)
    assert shape(variant) == shape(parsed)
    assert variant.sections == parsed.sections
    assert variant.hotline == parsed.hotline
    assert [canonical(a.text_zh) for a in variant.articles] == [a.text_zh for a in parsed.articles]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_endings_parse_like_unix_ones(parsed: ParsedText, newline: str) -> None:
    assert parse(SOURCE.replace("\n", newline)) == parsed


def test_article_without_responsibility_closing_has_no_departments(parsed: ParsedText) -> None:
    closing = re.search(r"\(责任单位:市人才办[^)]*\)", SOURCE)
    assert closing is not None
    variant = parse(SOURCE.replace(closing.group(0), ""))
    article = variant.articles[4]
    assert article.departments_zh == ()
    assert article.clauses == parsed.articles[4].clauses
    assert variant.articles[5].departments_zh == parsed.articles[5].departments_zh


def test_an_added_article_27_is_parsed_into_the_last_section() -> None:
    added = "(二十七)加强宣传引导。加大政策宣传力度;及时总结推广经验。(责任单位:市委宣传部、市科技局,各县、区人民政府)"
    variant = parse(SOURCE.replace("招商热线:", f"{added}\n招商热线:"))
    assert len(variant.articles) == 27
    article = variant.articles[-1]
    assert (article.number, article.section, article.title_zh) == (27, 7, "加强宣传引导")
    assert article.departments_zh == ("市委宣传部", "市科技局", COUNTIES)
    assert [c.zh for c in article.clauses] == ["加大政策宣传力度;", "及时总结推广经验。"]
    assert variant.hotline == "400-107-6681"


def test_a_gap_in_article_numbers_is_an_error_naming_the_article() -> None:
    with pytest.raises(CorpusError, match=r"lyg-hitech-2023: .*found article 11 where 10 was expected"):
        parse(without_line(SOURCE, "(十)"))


def test_a_gap_in_section_numbers_is_an_error_naming_the_section() -> None:
    with pytest.raises(CorpusError, match=r"found section 4 where 3 was expected"):
        parse(without_line(SOURCE, "三、"))


def test_a_repeated_article_number_reports_the_number_that_was_expected() -> None:
    text = "一、总体要求\n(一)甲。内容。\n(二)乙。内容。\n(二)丙。内容。\n(三)丁。内容。"
    with pytest.raises(CorpusError, match="found article 2 where 3 was expected"):
        parse(text)


def test_article_numerals_run_up_to_ninety_nine() -> None:
    text = synthetic(99)
    assert "(九十九)第99条标题。" in text
    variant = parse(text)
    assert [a.number for a in variant.articles] == list(range(1, 100))
    last = variant.articles[-1]
    assert (last.title_zh, last.departments_zh, len(last.clauses)) == ("第99条标题", ("市科技局",), 2)


def test_text_without_articles_is_an_error() -> None:
    with pytest.raises(CorpusError, match="no articles found"):
        parse("一、总体要求\n没有条款。\n")


def test_an_article_without_a_title_sentence_is_an_error_naming_it() -> None:
    with pytest.raises(CorpusError, match="lyg-hitech-2023 article 2: no title"):
        parse("一、总体要求\n(一)甲。内容。\n(二)没有句号的条款\n")


def test_an_article_with_only_a_title_is_an_error_naming_it() -> None:
    with pytest.raises(CorpusError, match="article 1: no text after the title"):
        parse("一、总体要求\n(一)只有标题。(责任单位:市科技局)\n")


def test_a_closing_naming_county_governments_in_parentheses_still_gives_departments() -> None:
    article = parse("一、总体要求\n(一)甲。内容。(责任单位:市科技局,各县(区)人民政府)\n").articles[0]
    assert article.departments_zh == ("市科技局", "各县(区)人民政府")
    assert [c.zh for c in article.clauses] == ["内容。"]
