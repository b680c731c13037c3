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
