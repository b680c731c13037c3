"""Pinyin-only questions: recognised, read back into the policy's Chinese words, answered in Chinese."""

from __future__ import annotations

import pytest

from bot.language import detect_language, is_pinyin, pinyin_runs
from bot.retrieve.pinyin import PinyinReader


@pytest.fixture(scope="module")
def reader() -> PinyinReader:
    words = ["高新区", "高新区", "认定", "省级", "奖励", "新", "信任", "定", "签证", "有效期", "期", "有效"]
    return PinyinReader(words)


@pytest.mark.parametrize("typed", ["gaoxinqu", "gao xin qu", "gaoxin qu", "GaoXinQu"])
def test_a_word_reads_the_same_however_it_is_spaced(reader: PinyinReader, typed: str) -> None:
    assert reader.read(typed.lower()) == "高新区"


def test_typed_word_boundaries_win_over_other_splits(reader: PinyinReader) -> None:
    # "xinrending" could be 信任 + 定 as well as 新 + 认定; the typed space says which
    assert reader.read("xin rending") == "新认定"
    assert reader.read("xinren ding") == "信任定"


def test_the_policy_word_wins_over_a_question_word_with_the_same_pinyin() -> None:
    assert PinyinReader(["高新区", "高新区", "搞新区"]).read("gaoxinqu") == "高新区"


def test_syllables_and_letters_no_word_explains_are_dropped(reader: PinyinReader) -> None:
    assert reader.read("shengji gaoxinqu zzz jiangli") == "省级高新区奖励"
    assert reader.read("qianzheng youxiaoqi duojiu") == "签证有效期多久"  # 多久 is a question word


def test_a_known_reading_must_explain_every_letter(reader: PinyinReader) -> None:
    assert reader.read_known("shengji gaoxinqu") == "省级高新区"
    assert reader.read_known("shengji gaoxinqu zzz") == ""  # letters no word explains
    assert reader.read_known("shengji hao gaoxinqu") == ""  # a syllable no word explains
    assert reader.read_known("") == ""


ENGLISH = frozenset({"can", "he", "get", "bank", "loan", "long", "in", "zone", "policy", "mean", "china", "visa"})


@pytest.mark.parametrize(
    ("question", "runs"),
    [
        ("What does 'shuang zhao shuang yin' mean?", ["shuang zhao shuang yin"]),
        ("Is the gaoxinqu in China?", ["gaoxinqu"]),  # one word of three syllables
        ("what about sansheng-ronghe and the xinqu zone", ["sansheng ronghe", "xinqu"]),
        ("Can he get a bank loan?", []),  # pinyin-shaped, but English words
        ("How long is the R visa valid?", []),  # "visa" splits as v-i-sa: English words are told by the list
        ("tell me about yin", []),  # one syllable is too little to read
        ("can he gaoxinqu long", ["gaoxinqu"]),  # English words trimmed from the ends
    ],
)
def test_pinyin_inside_other_words_is_found(question: str, runs: list[str]) -> None:
    assert pinyin_runs(question, ENGLISH) == runs


def test_pinyin_questions_are_told_from_english_ones() -> None:
    assert is_pinyin("xin rending de shengji gaoxinqu jiangli duoshao qian?")
    assert detect_language("xin rending de shengji gaoxinqu jiangli duoshao qian?") == "zh"
    assert not is_pinyin("How long is the R visa valid?")
    assert not is_pinyin("高新区 jiangli duoshao")  # characters present: read as written
    assert not is_pinyin("ok")


def test_pinyin_beside_chinese_is_chinese_and_english_beside_chinese_is_english() -> None:
    assert detect_language("waiji zhuanjia gongzuo xuke nianling 放宽到多少?") == "zh"
    assert detect_language("gaoxinqu he jingkaiqu 有啥区别") == "zh"  # "he" is pinyin here, not the pronoun
    assert detect_language("What is the reward for a newly recognised 省级高新区?") == "en"


@pytest.mark.integration
def test_a_pinyin_question_is_answered_in_chinese_from_the_right_article(real_bot) -> None:  # type: ignore[no-untyped-def]
    answer = real_bot.ask("waiji rencai shenqing gongzuo xuke de nianling shangxian shi duoshao?")
    assert answer.lang == "zh" and not answer.fallback
    assert answer.citations[0].article == 5 and "65" in answer.text
    assert real_bot.search("gaoxinqu gongye yongdi keyi tanxing churang ma").numbers[0] == 19


@pytest.mark.integration
def test_a_policy_term_in_pinyin_inside_an_english_question_is_read(real_bot) -> None:  # type: ignore[no-untyped-def]
    retriever = real_bot.retriever
    question = "Our investors keep hearing about shuangzhao shuangyin. Is that in this policy?"
    assert retriever.read_question(question).endswith(" 双招双引")
    assert retriever.read_question(retriever.read_question(question)) == retriever.read_question(question)
    assert real_bot.search(question).numbers[0] == 5
    assert retriever.read_question("Can he get a bank loan in Lianyungang?") == "Can he get a bank loan in Lianyungang?"
