"""Chinese numerals of article markers: (一) … (九十九) to integers and back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import CorpusError
from bot.numerals import chinese_to_int, cited_articles, int_to_chinese

# Deterministic: the same examples on every run, nothing written to a .hypothesis folder.
deterministic = settings(derandomize=True, database=None, max_examples=300)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("十九", 19),
        ("二十", 20),
        ("二十一", 21),
        ("二十六", 26),
        ("五十", 50),
        ("九十九", 99),
    ],
)
def test_article_marker_numerals_read_as_their_value(text: str, number: int) -> None:
    assert chinese_to_int(text) == number
    assert int_to_chinese(number) == text


def test_every_number_from_1_to_99_survives_a_round_trip() -> None:
    spellings = [int_to_chinese(n) for n in range(1, 100)]
    assert [chinese_to_int(text) for text in spellings] == list(range(1, 100))
    assert len(set(spellings)) == 99


def test_liang_is_read_as_two_but_never_written() -> None:
    assert chinese_to_int("两") == 2
    assert chinese_to_int("两十两") == 22
    assert int_to_chinese(2) == "二"


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing
        "零",  # zero is not an article number
        "〇",
        "一百",  # 100 and beyond
        "百",
        "一千",
        "十十",  # two tens
        "二十十",
        "一十一",  # the canonical form of 11 is 十一
        "一十",
        "二二",  # digits without a ten
        "十二三",  # two unit digits
        "二十〇",  # a zero unit
        "十零",
        "零十",  # a zero ten
        "5",  # Arabic digits
        "十 一",  # inner whitespace
        " 十",
        "壹",  # financial numerals are not article markers
        "第五",
    ],
)
def test_malformed_numerals_raise_corpus_error_naming_the_text(text: str) -> None:
    with pytest.raises(CorpusError) as raised:
        chinese_to_int(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize("number", [0, -1, 100, 1000])
def test_numbers_outside_1_to_99_cannot_be_written(number: int) -> None:
    with pytest.raises(ValueError, match=str(number)):
        int_to_chinese(number)


@deterministic
@given(st.integers(min_value=1, max_value=99))
def test_writing_then_reading_gives_the_number_back(number: int) -> None:
    assert chinese_to_int(int_to_chinese(number)) == number


@deterministic
@given(st.text(alphabet="零〇一二两三四五六七八九十百", max_size=5))
def test_any_accepted_numeral_is_the_canonical_spelling_of_1_to_99(text: str) -> None:
    try:
        number = chinese_to_int(text)
    except CorpusError:
        return
    assert 1 <= number <= 99
    assert int_to_chinese(number) == text.replace("两", "二")


@deterministic
@given(st.integers().filter(lambda n: not 1 <= n <= 99))
def test_no_number_outside_1_to_99_is_written(number: int) -> None:
    with pytest.raises(ValueError):
        int_to_chinese(number)


def test_the_article_numbers_a_text_cites_are_read_in_both_languages() -> None:
    assert cited_articles("see Article 5 and 第二十五条, also 第3条, Art. 9") == {5, 25, 3, 9}
    assert cited_articles("第一十条 is no numeral") == set()
