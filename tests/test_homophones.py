"""Sound-alike typos of the policy's words ("容基率" for 容积率) are found and added to the question."""

from __future__ import annotations

import pytest

from bot.retrieve.homophones import HomophoneCorrector, readings


@pytest.fixture(scope="module")
def corrector() -> HomophoneCorrector:
    return HomophoneCorrector(["容积率", "高新区", "孵化器", "工作许可", "高新区", "新区", "科技型企业"])


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("容基率提高了要不要补交土地价款", ["容积率"]),
        ("高薪区的解化器有哪些支持", ["高新区"]),  # 解/孵 differ in sound: only the sound-alike is read
        ("高薪区的孵花器有哪些支持", ["高新区", "孵化器"]),
        ("科技型企页能发债吗", ["科技型企业"]),
        ("搞新区有哪些支持", ["高新区"]),  # the typo on the first character
        ("容积律是多少", ["容积率"]),  # … and on the last
    ],
)
def test_a_word_written_with_one_sound_alike_character_is_found(
    corrector: HomophoneCorrector, question: str, found: list[str]
) -> None:
    assert corrector.find(question) == found


@pytest.mark.parametrize(
    "question",
    [
        "高新区的孵化器有哪些支持",  # spelled right: nothing to add
        "高兴的事情",  # two characters off
        "新趣",  # words under three characters are left alone
        "",
    ],
)
def test_nothing_is_found_without_a_one_character_sound_alike(corrector: HomophoneCorrector, question: str) -> None:
    assert corrector.find(question) == []


def _every_sound_alike(words: list[str], text: str) -> list[str]:
    """The reference: every window of `text`, every word of its length, at most one sound-alike character off."""
    found = []
    for start in range(len(text)):
        for word in words:
            window = text[start : start + len(word)]
            if len(word) >= 3 and len(window) == len(word):
                off = [i for i in range(len(word)) if window[i] != word[i]]
                if len(off) == 1 and readings(window[off[0]]) & readings(word[off[0]]):
                    found.append(word)
    return list(dict.fromkeys(found))


def test_the_corrector_finds_what_trying_every_window_finds(corrector: HomophoneCorrector) -> None:
    """The corrector rules out most places of a question by three lookups; it must not rule out a typo."""
    words = ["容积率", "高新区", "孵化器", "工作许可", "科技型企业"]
    sound_alikes = {"容": "荣", "积": "基", "率": "律", "高": "搞", "新": "薪", "孵": "敷", "化": "花", "许": "需"}
    texts = [
        word[:at] + sound_alikes[word[at]] + word[at + 1 :] + tail
        for word in words
        for at in range(len(word))
        if word[at] in sound_alikes
        for tail in ("", "的政策", "高新区")
    ]
    assert len(texts) > 20
    for text in texts:
        found = corrector.find(text)
        assert set(found) == set(_every_sound_alike(words, text))
        assert found, text


def test_readings_are_toneless_and_cover_every_sound_of_a_character() -> None:
    assert "ji" in readings("积") and all(reading.isascii() for reading in readings("积"))
    assert "xing" in readings("行") and "hang" in readings("行")
    assert readings("a") == frozenset()


@pytest.mark.integration
def test_a_misspelled_policy_word_is_answered_from_its_article(real_bot) -> None:  # type: ignore[no-untyped-def]
    question = "厂房加层以后容基率提高了，还要补缴土地价款吗？"
    assert real_bot.retriever.read_question(question).endswith(" 容积率")
    answer = real_bot.ask(question)
    assert not answer.fallback and answer.citations[0].article == 19
