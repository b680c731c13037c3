"""A question that asks several things is split into its questions (bot/data/cues.yaml: question_parts)."""

from __future__ import annotations

import pytest

from bot.answer.cues import load_cues


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        ("工作许可年龄能放宽到几岁？R字签证最长几年？", "zh", ["工作许可年龄能放宽到几岁", "R字签证最长几年"]),
        ("孵化器有什么支持？另外，发债有什么规定？", "zh", ["孵化器有什么支持", "发债有什么规定"]),
        ("孵化器有税收优惠吗 具体能减多少", "zh", ["孵化器有税收优惠吗", "具体能减多少"]),  # a space after 吗 ends one
        (
            "R字签证最长有效期几年 办下来大概要多久啊",
            "zh",
            ["R字签证最长有效期几年", "办下来大概要多久啊"],
        ),  # after 几年
        (
            "高企在规上企业里占比要到多少啊 现在达到没",
            "zh",
            ["高企在规上企业里占比要到多少啊", "现在达到没"],
        ),  # after 啊
        (
            "What are the R&D targets for the zones, and what rewards do zones that climb the ranking get?",
            "en",
            ["What are the R&D targets for the zones", "what rewards do zones that climb the ranking get?"],
        ),
        (
            "Can the zone developers issue bonds? Also, can tech companies list on the STAR Market?",
            "en",
            ["Can the zone developers issue bonds", "can tech companies list on the STAR Market?"],
        ),
        # a piece written with a question mark may be shorter ("Is that supported?", "有补贴吗?")
        (
            "We plan a regional HQ in the zone. Is that supported? Any HQ subsidy?",
            "en",
            ["We plan a regional HQ in the zone. Is that supported", "Any HQ subsidy?"],
        ),
        ("总部基地政策上支持吗？有补贴吗？", "zh", ["总部基地政策上支持吗", "有补贴吗"]),
        # numbered questions, their numbers dropped ("1. … 2. …", "(1) … and (2) …", "Q1 … Q2 …", "问题一:…")
        (
            "1. 银行给科技型企业放贷有哪些倾斜措施?2. 贷款利率能优惠到多少?",
            "zh",
            ["银行给科技型企业放贷有哪些倾斜措施", "贷款利率能优惠到多少"],
        ),
        (
            "客户想了解：1、工业用地有哪些供应方式，2、土地价格大概多少？",
            "zh",
            ["客户想了解：", "工业用地有哪些供应方式", "土地价格大概多少"],
        ),
        (
            "Two things: (1) what supply options exist for industrial land, and (2) what's the typical price per mu?",
            "en",
            ["what supply options exist for industrial land", "what's the typical price per mu?"],
        ),
        (
            "We build quantum hardware. Q1 is that a forward-looking industry here? Q2 how big is the subsidy?",
            "en",
            ["is that a forward-looking industry here", "how big is the subsidy?"],  # the scene is too short
        ),
        (
            "A quantum start-up here. a) Is quantum computing an industry the zones want? b) What's the rent per sqm?",
            "en",
            ["Is quantum computing an industry the zones want", "What's the rent per sqm?"],
        ),
        (
            "我们想创建省级高新技术产业园区。问题一:材料由谁来提交?问题二:评审大概要多长时间?",
            "zh",
            ["我们想创建省级高新技术产业园区", "材料由谁来提交", "评审大概要多长时间"],
        ),
        # lettered in brackets, numbered "1. " in English, bulleted, or circled numbers
        (
            "Approval speed matters to us. (a) Is a commitment system applied? (b) What is the approval time in days?",
            "en",
            ["Is a commitment system applied", "What is the approval time in days?"],  # the scene is too short
        ),
        (
            "Returning PhD joining the zone. 1. Are there talent apartments? 2. What's the rent for one?",
            "en",
            ["Returning PhD joining the zone.", "Are there talent apartments", "What's the rent for one?"],
        ),
        (
            "We make robots here.\n- Which industries does the zone favour?\n- How much is the land per mu?",
            "en",
            ["Which industries does the zone favour", "How much is the land per mu?"],
        ),
        (
            "What supply methods exist for industrial land - can we lease first and buy later?",
            "en",
            ["What supply methods exist for industrial land", "can we lease first and buy later?"],
        ),
        (
            "我们是一家初创公司。 - 重点培育的前瞻性产业有哪些? - 孵化器房租能免几年?",
            "zh",
            ["我们是一家初创公司", "重点培育的前瞻性产业有哪些", "孵化器房租能免几年"],
        ),
        ("想了解:①人才公寓有没有?②租金是多少钱?", "zh", ["人才公寓有没有", "租金是多少钱"]),
        # listed as "一是…二是…", "第一,…第二,…", "First, … Second, …"
        (
            "一是高新区有没有外国专家工作站,二是海外工程师引进试点先在哪里做,三是申请门槛是什么?",
            "zh",
            ["高新区有没有外国专家工作站", "海外工程师引进试点先在哪里做", "申请门槛是什么"],
        ),
        ("第一,工业用地怎么供应?第二,地价多少?", "zh", ["工业用地怎么供应", "地价多少"]),
        # typed or spoken without punctuation: a space between two words that each ask
        ("土地怎么支持 审批要多久", "zh", ["土地怎么支持", "审批要多久"]),
        ("外籍人才 年龄 能放宽到多少 要什么材料", "zh", ["外籍人才 年龄 能放宽到多少", "要什么材料"]),
        ("科技型企业上市政策支持不 科创板上市奖励多少钱", "zh", ["科技型企业上市政策支持不", "科创板上市奖励多少钱"]),
        ("国家级人才创业项目有没有奖励 按投资额几个点奖", "zh", ["国家级人才创业项目有没有奖励", "按投资额几个点奖"]),
        # asks run together with commas and joining words ("另外", "再一个", "plus", "and also", "btw")
        (
            "工业用地都有哪些供应方式,能不能先租后让,租金一平米多少",
            "zh",
            ["工业用地都有哪些供应方式", "能不能先租后让", "租金一平米多少"],
        ),
        (
            "我是持永久居留身份证的外籍人士,能不能担任法定代表人,另外家属能不能随迁",
            "zh",
            ["我是持永久居留身份证的外籍人士,能不能担任法定代表人", "家属能不能随迁"],  # the scene stays with it
        ),
        ("主导产业有哪些，再一个投资强度门槛是多少", "zh", ["主导产业有哪些", "投资强度门槛是多少"]),
        ("研发补贴有多少,还有没有其他补贴", "zh", ["研发补贴有多少", "还有没有其他补贴"]),  # 还有没有 keeps its 还有
        (
            "How does approval work here, is there some kind of commitment system, plus how many days does it take",
            "en",
            [
                "How does approval work here",
                "is there some kind of commitment system",
                "how many days does it take",
            ],
        ),
        (
            "Which industries does the zone favour and also is there a minimum investment size",
            "en",
            ["Which industries does the zone favour", "is there a minimum investment size"],
        ),
        (
            "Does the policy cover IP insurance and btw what's the premium subsidy rate?",
            "en",
            ["Does the policy cover IP insurance", "what's the premium subsidy rate?"],
        ),
        (
            "if we expand our factory and FAR goes up do we pay extra land price also how long for the building permit",
            "en",
            ["if we expand our factory and FAR goes up do we pay extra land price", "how long for the building permit"],
        ),
        (
            "We would like to ask: First, can an expert apply for the R visa abroad? Second, what is the visa fee?",
            "en",
            ["can an expert apply for the R visa abroad", "what is the visa fee?"],  # the scene is too short
        ),
        (
            "Research institutes - 1. Which body can the zones build them with? 2. Is there co-funding per institute?",
            "en",
            ["Which body can the zones build them with", "Is there co-funding per institute?"],  # a list after a dash
        ),
    ],
)
def test_each_question_in_a_question_is_found(text: str, lang: str, parts: list[str]) -> None:
    assert load_cues().question_parts.split(text, lang) == parts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("外籍人才申请工作许可的年龄可以放宽到多少岁？", "zh"),
        ("R字签证最长几年？呢？", "zh"),  # a piece too short to be a question of its own
        ("高新区 外籍人才 工作许可年龄能放宽吗", "zh"),  # spaces between words end no question
        ("Can land be leased first and transferred later?", "en"),  # 'and' inside one question
        ("How long is the R visa valid? Why?", "en"),
        ("Does the county receive a reward? How much, and when?", "en"),  # short pieces with no question mark
        ("The age limit is relaxed to 65. Is that right?", "en"),  # a figure ending a sentence is no list number
        ("R签证有效期10年,每次停留180日,对吗", "zh"),
        ("如果排名前进3位,能拿多少奖励", "zh"),  # a comma after a piece that asks nothing ends no question
        ("If the FAR goes up, do we pay extra land price?", "en"),  # … nor a comma after no question
        ("我们是做新材料的,想问一下能享受什么政策", "zh"),
        # … nor one after a condition or a doubt, a statement of how many, or a clause opening with when/where/if
        ("不管有没有营业收入,都能申请吗", "zh"),
        ("不知道有没有名额限制,能不能现在申请", "zh"),
        ("我们公司有几个外籍员工,他们的家属能不能随迁", "zh"),
        ("When our FAR increases after expansion, do we need to pay extra land price?", "en"),
        ("Where the firm is foreign-owned, can it apply for the subsidy?", "en"),
        ("What happens if the company moves out within five years, do we have to repay the subsidy?", "en"),
        ("Could you please tell me, is there a subsidy for startups?", "en"),
        ("Does the subsidy cover salary plus what we spend on equipment?", "en"),
        ("增长2.5倍以上,是真的吗?", "zh"),
        ("Is plan a) or plan b) better? I mean it.", "en"),  # a letter after no break is no list letter
        ("唯一是不是就这条?", "zh"),  # "一是" inside a word is no list mark
        ("Can land be leased first, then transferred?", "en"),  # nor "first," after no break
        ("Is the R&D-heavy zone - the national one - rewarded?", "en"),  # a dash before no question word
        ("Can a team of 4. 5 people still apply?", "en"),  # a number before a lower-case word is no list number
        ("Our zone is ranked 3. What reward do we get for that?", "en"),  # nor one ending a sentence
        ("Are firms in the zone - which are mostly SMEs - eligible for the loan discount?", "en"),  # an aside
        ("高新区2021 - 2025年的发展目标是什么?", "zh"),  # a dash between years
    ],
)
def test_a_question_asking_one_thing_stays_whole(text: str, lang: str) -> None:
    assert load_cues().question_parts.split(text, lang) == [text]


def test_a_question_of_more_parts_than_the_limit_is_answered_as_one() -> None:
    parts = load_cues().question_parts
    many = "？".join(["外籍人才工作许可年龄上限是多少"] * (parts.max_parts + 1)) + "？"
    assert parts.split(many, "zh") == [many]
    enough = "？".join(["外籍人才工作许可年龄上限是多少"] * parts.max_parts) + "？"
    assert len(parts.split(enough, "zh")) == parts.max_parts


def test_each_part_is_marked_by_the_question_mark_that_ends_it() -> None:
    """The split takes a question mark off with its break: each part keeps whether one ended it ("Reward for a zone
    that climbs 3+ places? And when is it paid out?": the first asks, though it has no question word)."""
    parts = load_cues().question_parts
    assert parts.marked("Reward for a zone that climbs 3+ places? And when is it paid out?", "en") == [
        ("Reward for a zone that climbs 3+ places", True),
        ("when is it paid out?", True),
    ]
    assert parts.marked("一是有没有外国专家工作站,二是门槛是什么?", "zh") == [
        ("有没有外国专家工作站", False),
        ("门槛是什么", True),
    ]
    assert parts.marked("高企占比要到多少啊 现在达到没", "zh") == [("高企占比要到多少啊", False), ("现在达到没", False)]
    assert parts.marked("R字签证最长几年?", "zh") == [("R字签证最长几年?", True)]


def test_closing_lines_are_dropped_before_the_whole_is_kept_as_one() -> None:
    """A message of more parts than `max_parts` loses the closing lines that ask nothing ("Thanks for your help.",
    "Best, Jason", "期待您的回复") before it is answered as one."""
    parts = load_cues().question_parts
    asks = ["What is the R visa's validity?"] * parts.max_parts
    message = " ".join([*asks, "Thanks for your help.", "Best, Jason"])
    assert parts.split(message, "en") == [a.rstrip("?") for a in asks]
    zh = "？".join(["外籍人才工作许可年龄上限是多少"] * parts.max_parts) + "？期待您的回复"
    assert len(parts.split(zh, "zh")) == parts.max_parts


def test_a_long_english_message_is_split_at_its_sentences_when_asked_to() -> None:
    """An e-mail that asks in statements is split at its sentences (as a Chinese one is at "。"), not after a title
    ("Mr. Holm"); without `sentences` it stays one piece."""
    text = (
        "Dear Sir or Madam, we represent a Danish enzyme producer that is looking at several parks in Jiangsu. "
        "Our client would like to know whether the zones encourage foreign-funded R&D centres. "
        "We would also be grateful for guidance on local land prices. Yours faithfully, Mr. Holm of Holm & Co."
    )
    parts = load_cues().question_parts
    pieces = [piece for piece, _ in parts.marked(text, "en", sentences=True)]
    assert "Our client would like to know whether the zones encourage foreign-funded R&D centres" in pieces
    assert "We would also be grateful for guidance on local land prices" in pieces
    assert not any(piece.endswith("Mr") for piece in pieces)
    assert parts.split(text, "en") == [text]


def test_a_dash_after_a_case_put_does_not_end_a_question() -> None:
    """ "What if a county park becomes a provincial zone - what does the city pay?" asks within the case; a dash after
    a question of its own still ends it."""
    parts = load_cues().question_parts
    case = "What if a county park becomes a provincial zone - what does the city pay?"
    assert parts.split(case, "en") == [case]
    asked = "How long is the R visa valid - and how long can each stay be?"
    assert len(parts.split(asked, "en")) == 2


def test_an_ask_joined_to_the_next_by_and_ends_in_its_question_mark() -> None:
    """In a long message, "If a zone climbs 3 places, what does it get, and what is the money for?" asks twice: the
    first ask ends in the same question mark as the second (it is no statement that sets the scene)."""
    text = (
        "Dear team, we advise Korean investors on sites. A client compares how cities fund their parks. "
        "Should a provincial zone climb three places above its best ranking, how much would it be given, "
        "and what may the money be spent on? Kind regards, Min-jun Park"
    )
    pieces = dict(load_cues().question_parts.marked(text, "en", sentences=True))
    asked = next(p for p in pieces if p.startswith("Should a provincial zone"))
    assert pieces[asked] and pieces["what may the money be spent on"]
    assert not pieces["A client compares how cities fund their parks"]


def test_is_there_points_to_nothing_said_before() -> None:
    """ "Is there any fast-track approval …?" long enough to name its topic stands alone; "is there a cap on the
    reward?" leans on what was said before it; "Is the office there open?" points back."""
    from bot.answer.dialogue import looks_like_follow_up
    from bot.text import normalize

    cues = load_cues()
    assert not looks_like_follow_up(normalize("Is there any fast-track approval for projects in the zone"), cues)
    assert looks_like_follow_up(normalize("is there a cap on the reward"), cues)
    assert looks_like_follow_up(normalize("Is the office there open on weekends"), cues)


def test_a_part_retrieving_the_wholes_own_clause_needs_fewer_of_its_words() -> None:
    """A part of a long message that alone retrieves the very clause the whole retrieves best ("…容积率会提高。这种情况
    还要交出让金吗?另外…要多久?") refers back to the case the message told: fewer of its own words are in the clause."""
    from bot.answer.composer import _gap_coverage

    for lang in ("zh", "en"):
        assert _gap_coverage(lang, True, True) <= _gap_coverage(lang, True, False) < _gap_coverage(lang, False, False)
    assert _gap_coverage("zh", True, True) < _gap_coverage("zh", True, False)
