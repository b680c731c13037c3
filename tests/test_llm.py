"""Optional LLM synthesis: the verifier, fake chat models, and the extractive answer as the fallback."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.answer.llm import Synthesizer, cited_articles, make_chat_model, numbers_in, verify
from bot.answer.model import Citation
from bot.config import Settings
from bot.errors import ConfigError

R_VISA = Citation(
    doc="lyg-hitech-2023",
    article=5,
    title="Attracting high-level talent",
    clause=11,
    text="apply for an R visa valid for up to 10 years, with each stay of up to 180 days.",
    text_zh="申请办理有效期最高10年、每次停留时间最高180日的R字签证。",
    label="Article 5 · Attracting high-level talent",
)
HOTLINE = "400-107-6681"


def test_numbers_are_read_with_thousands_separators() -> None:
    assert numbers_in("RMB 500,000 (50万元) and 7%") == {"500000", "50", "7"}


def test_cited_articles_are_read_in_both_languages() -> None:
    assert cited_articles("see Article 5 and 第二十五条, also 第3条") == {5, 25, 3}


def test_a_faithful_reply_passes_the_verifier() -> None:
    reply = "The R visa is valid for up to 10 years and each stay can last up to 180 days (Article 5)."
    assert verify(reply, "How long is the R visa valid?", [R_VISA], HOTLINE) == []


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ("The R visa is valid for up to 20 years (Article 5).", "number 20"),
        ("The R visa is valid for up to 10 years (Article 7).", "article 7"),
        ("The R visa is valid for up to 10 years.", "cites no retrieved article"),
    ],
)
def test_invented_numbers_or_articles_are_rejected(reply: str, problem: str) -> None:
    assert any(problem in p for p in verify(reply, "How long is the R visa valid?", [R_VISA], HOTLINE))


def test_synthesizer_returns_the_verified_reply() -> None:
    model = FakeListChatModel(responses=["It is valid for up to 10 years; each stay up to 180 days (Article 5)."])
    assert Synthesizer(model, HOTLINE).rephrase("How long is the R visa valid?", "en", [R_VISA]).startswith("It is")


def test_synthesizer_refuses_a_hallucinating_model() -> None:
    model = FakeListChatModel(responses=["The R visa is valid for 15 years and comes with RMB 2 million (Article 5)."])
    assert Synthesizer(model, HOTLINE).rephrase("How long is the R visa valid?", "en", [R_VISA]) is None


def test_synthesis_is_off_by_default_and_needs_a_model_name() -> None:
    assert make_chat_model(Settings()) is None
    with pytest.raises(ConfigError, match="BOT_LLM_MODEL"):
        make_chat_model(Settings(llm="openai"))


def test_openai_compatible_model_is_built_from_configuration() -> None:
    model = make_chat_model(Settings(llm="openai", llm_model="qwen2.5", llm_base_url="http://127.0.0.1:9/v1"))
    assert type(model).__name__ == "ChatOpenAI"


@pytest.mark.integration
def test_bot_uses_a_verified_model_reply_and_keeps_the_citations(real_bot) -> None:  # type: ignore[no-untyped-def]
    from bot.assistant import Bot

    model = FakeListChatModel(responses=["外籍高层次人才可申请有效期最高10年、每次停留最高180日的R字签证（第五条）。"])
    bot = Bot(real_bot.settings, embedder=real_bot.embedder, chat_model=model)
    answer = bot.ask("R字签证有效期多久？")
    assert answer.mode == "llm" and answer.text.startswith("外籍高层次人才")
    assert answer.citations[0].article == 5


@pytest.mark.integration
def test_bot_falls_back_to_the_extractive_answer_when_the_model_hallucinates(real_bot) -> None:  # type: ignore[no-untyped-def]
    from bot.assistant import Bot

    model = FakeListChatModel(responses=["The R visa lasts 20 years and pays a RMB 3 million bonus (Article 5)."])
    bot = Bot(real_bot.settings, embedder=real_bot.embedder, chat_model=model)
    answer = bot.ask("How long is the R visa valid?")
    assert answer.mode == "extractive"
    assert "20 years" not in answer.text and "10 years" in answer.text
