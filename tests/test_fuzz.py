"""Property tests: the input normalizer, the language detector and the corpus parser on generated text."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.corpus.parser import PolicyParser
from bot.errors import CorpusError
from bot.language import detect_language
from bot.numerals import int_to_chinese
from bot.text import clean, normalize

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: What must not survive clean(): control characters, zero-width and bidi controls (embeddings,
#: overrides, isolates: "Trojan Source"), the byte-order mark and lone surrogates.
INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f"

# Any text without lone surrogates (what st.text() generates) …
any_text = st.text(max_size=300)
# … and with them, as undecodable bytes read with errors="surrogateescape" become.
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())
text_with_surrogates = st.text(st.characters(exclude_categories=()) | SURROGATE, max_size=300)
# What people type: CJK, full-width and ASCII, some traditional characters, spaces and punctuation.
typed_text = st.text(
    alphabet=st.sampled_from(
        list("外籍人才申请工作许可年龄上限是多少高新区企业補貼獎勵簽證")
        + list("abcXYZ0123456789 ?!.,;:()-'\"")
        + list("？！。，；：（）ＡＢＣ１２３　\t\n")
    ),
    max_size=200,
)


# -- bot.text ---------------------------------------------------------------------------------


@FUZZ
@given(text_with_surrogates, st.none() | st.integers(min_value=0, max_value=400))
def test_clean_never_raises_leaves_no_control_characters_and_respects_the_limit(text: str, limit: int | None) -> None:
    cleaned = clean(text, limit)
    assert not INVISIBLE.search(cleaned)
    assert "  " not in cleaned and "\n" not in cleaned and "\t" not in cleaned
    assert len(cleaned) <= (limit if limit is not None else len(text))
    if limit is None:
        assert cleaned == cleaned.strip()


@FUZZ
@given(text_with_surrogates)
def test_clean_is_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)


@FUZZ
@given(any_text, st.integers(min_value=0, max_value=400))
def test_clean_with_a_limit_is_a_prefix_of_clean_without(text: str, limit: int) -> None:
    assert clean(text).startswith(clean(text, limit))


@FUZZ
@given(text_with_surrogates)
def test_normalize_never_raises_and_leaves_no_control_characters(text: str) -> None:
    assert not INVISIBLE.search(normalize(text))


@FUZZ
@given(typed_text)
def test_normalize_is_idempotent_on_typed_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.lower() and not re.search(r"[Ａ-Ｚａ-ｚ０-９（）？！]", once), "full-width folded to ASCII"


@FUZZ
@given(any_text, st.sampled_from(BIDI_CONTROLS), any_text)
def test_clean_removes_bidi_controls(before: str, control: str, after: str) -> None:
    assert control not in clean(before + control + after)


# -- bot.language -----------------------------------------------------------------------------

# Any character of the basic block: ~630 traditional ones (譅, 勣 …) simplify into CJK Extension B+.
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CJK_PUNCTUATION = st.sampled_from(list("，。？！、；：“”《》（）「」 "))
chinese_only = (
    st.lists(HAN | CJK_PUNCTUATION, min_size=1, max_size=60)
    .map("".join)
    .filter(lambda text: any("\u4e00" <= ch <= "\u9fff" for ch in text))
)

EN_OPENERS = ["what is", "how long is", "who handles", "can we get", "is there", "how much is", "which"]
EN_WORDS = (
    "age limit work permit visa foreign expert talent subsidy reward land price approval enterprise "
    "company startup loan research funding office rent housing tax policy zone park incubator patent "
    "apply application deadline amount maximum minimum support training graduate engineer"
).split()
english_sentence = st.builds(
    lambda opener, words, mark: f"{opener} {' '.join(words)}{mark}",
    st.sampled_from(EN_OPENERS),
    st.lists(st.sampled_from(EN_WORDS), min_size=1, max_size=12),
    st.sampled_from(["?", "", ".", " ?"]),
).map(lambda s: s[:1].upper() + s[1:])

mixed_scripts = st.lists(
    st.sampled_from(
        ["外籍人才", "R字签证", "work permit", "😀", "🇨🇳", "Привет", "مرحبا", "こんにちは", "안녕", "\x00", "\u202e"]
    )
    | st.text(max_size=10),
    max_size=8,
).map("".join)


@FUZZ
@given(any_text | mixed_scripts | text_with_surrogates)
def test_detect_language_is_zh_or_en_on_any_text(text: str) -> None:
    assert detect_language(text) in ("zh", "en")


@FUZZ
@given(chinese_only)
def test_chinese_only_text_is_zh(text: str) -> None:
    assert detect_language(text) == "zh"


@FUZZ
@given(english_sentence)
def test_english_sentences_are_en(text: str) -> None:
    assert detect_language(text) == "en"


long_chinese = st.lists(HAN, min_size=8, max_size=40).map("".join)


@FUZZ
@given(long_chinese, st.sampled_from(EN_WORDS), long_chinese)
def test_chinese_question_with_a_quoted_english_term_is_zh(before: str, term: str, after: str) -> None:
    assert detect_language(f"{before}“{term}”{after}？") == "zh"


@pytest.mark.parametrize("text", ["譅", "勣", "俓僤儣", "嚛嚧嚽"])
def test_traditional_characters_simplified_beyond_the_basic_block_are_zh(text: str) -> None:
    assert detect_language(text) == "zh"


@pytest.mark.parametrize("text", ["《人才政策》", "“一”", "（高新区）", '"外籍人才"'])
def test_chinese_in_quotes_or_brackets_alone_is_zh(text: str) -> None:
    assert detect_language(text) == "zh"


# -- bot.corpus.parser ------------------------------------------------------------------------

DOC = "fuzz-doc"
# Common characters of policy text; none is a numeral (一 … 十), a bracket or a clause end.
BODY_CHARS = (
    "的企业人才创新发展科技项目资金支持高新区政策服务园区建设平台申报补贴奖励给予按照规定标准优先办理外籍签证年龄放宽"
)
UNIT_SUFFIXES = ("局", "办", "委", "部", "会", "行", "政府", "院", "中心", "厅")
chinese_run = st.text(alphabet=BODY_CHARS, min_size=1, max_size=20)
department = st.builds(lambda stem, suffix: f"市{stem}{suffix}", chinese_run, st.sampled_from(UNIT_SUFFIXES))


@dataclass(frozen=True)
class ArticleSpec:
    """An article as generated: what the parser should recover."""

    title: str
    clauses: tuple[str, ...]
    departments: tuple[str, ...]
    full_width: bool
    line_per_clause: bool

    def lines(self, number: int) -> list[str]:
        """The article as source lines: the marker, the title and the clauses, then its responsible units."""
        opening, closing = ("（", "）") if self.full_width else ("(", ")")
        body = [f"{opening}{int_to_chinese(number)}{closing}{self.title}。"]
        body += self.clauses if self.line_per_clause else []
        if not self.line_per_clause:
            body[0] += "".join(self.clauses)
        if self.departments:
            colon, comma = ("：", "、") if self.full_width else (":", ",")
            body[-1] += f"{opening}责任单位{colon}{comma.join(self.departments)}{closing}"
        return body


article_spec = st.builds(
    ArticleSpec,
    title=chinese_run,
    clauses=st.lists(chinese_run.map(lambda body: body + "。"), min_size=1, max_size=6).map(tuple),
    departments=st.lists(department, max_size=4, unique=True).map(tuple),
    full_width=st.booleans(),
    line_per_clause=st.booleans(),
)
document_spec = st.lists(st.lists(article_spec, min_size=1, max_size=5), min_size=1, max_size=4)


def render(sections: list[list[ArticleSpec]], section_titles: list[str], hotline: bool) -> str:
    """A policy document: numbered sections, articles numbered across sections, an optional hotline."""
    lines, number = ["关于推动高新区高质量发展的若干政策措施", ""], 0
    for index, (articles, title) in enumerate(zip(sections, section_titles, strict=True), start=1):
        lines.append(f"{int_to_chinese(index)}、{title}")
        for article in articles:
            number += 1
            lines.extend(article.lines(number))
    if hotline:
        lines.append("招商热线:400-107-6681")
    return "\n".join(lines)


@FUZZ
@given(document_spec, st.data(), st.booleans())
def test_parser_recovers_generated_documents_exactly(
    sections: list[list[ArticleSpec]], data: st.DataObject, hotline: bool
) -> None:
    titles = data.draw(st.lists(chinese_run, min_size=len(sections), max_size=len(sections)))
    parsed = PolicyParser(DOC).parse(render(sections, titles, hotline))
    expected = [(index, spec) for index, articles in enumerate(sections, start=1) for spec in articles]
    assert [(s.number, s.title_zh) for s in parsed.sections] == list(enumerate(titles, start=1))
    assert [a.number for a in parsed.articles] == list(range(1, len(expected) + 1))
    for article, (section, spec) in zip(parsed.articles, expected, strict=True):
        assert (article.section, article.title_zh) == (section, spec.title)
        assert [c.zh for c in article.clauses] == list(spec.clauses)
        assert article.departments_zh == spec.departments
    assert parsed.hotline == ("400-107-6681" if hotline else "")


# Lines that look like parts of a policy, to reach the parser's branches more often than random text does.
policy_line = st.one_of(
    st.builds(lambda n, t: f"{n}、{t}", st.text(alphabet="一二三四五六七八九十零两", min_size=1, max_size=4), any_text),
    st.builds(
        lambda n, t: f"({n}){t}", st.text(alphabet="一二三四五六七八九十零两〇", min_size=1, max_size=4), any_text
    ),
    st.builds(lambda t: f"(责任单位:{t})", any_text),
    st.builds(lambda t: f"招商热线:{t}", any_text),
    any_text,
)


@FUZZ
@given(any_text | st.lists(policy_line, max_size=12).map("\n".join))
def test_parser_raises_only_corpus_error_on_any_text(raw: str) -> None:
    with contextlib.suppress(CorpusError):
        PolicyParser(DOC).parse(raw)
