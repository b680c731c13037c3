"""The interface strings (data/ui.yaml) and the choice of interface language."""

from __future__ import annotations

import pytest

from bot.web.i18n import pick_lang, ui_text


def test_both_languages_have_the_same_strings() -> None:
    zh, en = ui_text("zh"), ui_text("en")
    assert set(zh.strings) == set(en.strings)
    assert zh["title"] == "连云港高新区政策助手"
    assert en["title"] == "Lianyungang High-Tech Zones Policy Assistant"


def test_examples_cover_visa_work_permit_land_rewards_and_finance_in_both_languages() -> None:
    zh, en = ui_text("zh").examples, ui_text("en").examples
    assert len(zh) == len(en) == 5
    for word in ("R字签证", "工作许可", "土地", "奖励", "金融"):
        assert any(word in example for example in zh), word
    for word in ("R visa", "work permit", "land", "reward", "financ"):
        assert any(word in example for example in en), word


def test_templates_fill_their_values() -> None:
    assert ui_text("en").fill("rate_limited", seconds=12) == "You are asking too quickly; please try again in 12 s."
    assert "400-107-6681" in ui_text("zh").fill("failed", hotline="400-107-6681")


def test_unknown_language_gets_english() -> None:
    assert ui_text("fr").lang == "en"


@pytest.mark.parametrize(
    ("browser", "accept", "expected"),
    [
        ("zh-CN", "en-US,en;q=0.9", "zh"),
        ("en-GB", "zh-CN", "en"),
        ("zh-Hant-TW", None, "zh"),
        ("de-DE", None, "en"),
        ("", "en-US,en;q=0.9,zh-CN;q=0.8", "en"),
        ("", "zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        (None, "en;q=0.2, zh-TW;q=0.7", "zh"),
        (None, "fr-FR,fr;q=0.9", "en"),
        (None, "zh;q=0, en", "en"),
        (None, None, "zh"),
        (None, "*", "zh"),
    ],
)
def test_interface_language_follows_the_browser(browser: str | None, accept: str | None, expected: str) -> None:
    assert pick_lang(browser, accept) == expected
