"""Amounts, percentages and periods a text states, read as values."""

from __future__ import annotations

import pytest

from bot.answer.figures import stated_figures
from bot.text import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("写明落户即奖励1000万元", {"money:10000000"}),
        ("给50万", {"money:500000"}),
        ("RMB 1 million (100万元) and RMB 500,000", {"money:1000000", "money:500000"}),
        ("a 5 million yuan bonus", {"money:5000000"}),
        ("¥3,000 per square metre", {"money:3000"}),
        ("达到7%以上，超过45%", {"percent:7", "percent:45"}),
        ("30% of the investment", {"percent:30"}),
        ("65岁，10年，180日", {"age:65", "duration:10y", "duration:180d"}),
        ("a 63-year-old engineer, aged 70, 64岁", {"age:63", "age:70", "age:64"}),
        ("3 years rent-free, then 6 months", {"duration:3y", "duration:6m"}),
        ("5 million people", set()),
    ],
)
def test_amounts_and_percentages_are_read_as_values(text: str, expected: set[str]) -> None:
    assert stated_figures(normalize(text)) == expected


def test_an_age_limit_written_in_years_is_an_age_not_a_period() -> None:
    text = normalize("My HR says the work permit age can only be relaxed to 60 years. Is that right?")
    assert stated_figures(text) == {"age:60"}
    assert stated_figures(normalize("The visa was extended to 10 years")) == {"duration:10y"}  # no age, no 50–99
    assert stated_figures(normalize("the lease can be extended to 50 years")) == {"duration:50y"}  # no word of age


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # as a voice message says them: sums in Chinese numerals before 万/元, or after 百分之
        ("新认定的省级高新区 是奖励五十万对吧", {"money:500000"}),
        ("一百万元奖励", {"money:1000000"}),
        ("两千万", {"money:20000000"}),
        ("十五万元", {"money:150000"}),
        ("百分之十的比例", {"percent:10"}),
        # … and in English words, with a scale or a ten in them
        ("counties in a provincial IP pilot get five hundred thousand yuan right", {"money:500000"}),
        ("zones that climb three spots get a million RMB", {"money:1000000", "count:3"}),
        ("a hundred and fifty thousand rmb", {"money:150000"}),
        ("one million two hundred thousand yuan", {"money:1200000"}),
        ("一千零五十万", {"money:10500000"}),
        ("一个亿", {"money:100000000"}),
        ("the work permit age can only be relaxed to sixty for foreign experts", {"age:60"}),
        # no sum: a vaguer number, a decimal, one said short, an idiom, a word with 元 in it, an area, a share
        # "ten-odd percent"; no count: "in one place"; nor the asker's own years
        ("一等奖能拿到几十万吗", set()),
        ("数十万", set()),
        ("一点五亿", set()),
        ("one point two million RMB", set()),
        ("两万五", set()),
        ("三千五元", set()),
        ("十万火急", set()),
        ("一元化管理", set()),
        ("一万平的厂房", set()),
        ("百分之十几", set()),
        ("handle licensing in one place", set()),
        ("one in a million", set()),
        ("he is sixty-five years old", set()),
        ("we have been here twenty years", set()),
    ],
)
def test_numbers_written_in_words_are_read_as_values(text: str, expected: set[str]) -> None:
    assert stated_figures(normalize(text)) == expected


def test_thousands_typed_with_a_k_are_money_unless_they_count_something_else() -> None:
    assert stated_figures("national zones only get 500k, right?") == {"money:500000"}
    assert stated_figures("a 1.5k bonus") == {"money:1500"}
    assert not stated_figures("we have 5k employees")
    assert not stated_figures("10k patents and 2k enterprises in a 5k-ton plant")
