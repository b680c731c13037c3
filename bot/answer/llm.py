"""Optional LLM synthesis through LangChain: the model rephrases the cited clauses; a verifier
rejects any reply whose numbers or cited articles are not in those clauses."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.answer.model import Citation
from bot.config import Settings
from bot.errors import ConfigError, MissingDependency
from bot.numerals import cited_articles
from bot.text import normalize
from bot.yaml_text import load_yaml

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def _prompts() -> dict[str, Any]:
    text = resources.files("bot.data").joinpath("prompts.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def numbers_in(text: str) -> set[str]:
    """Numbers written in digits, thousands separators removed ("500,000" → "500000")."""
    return set(_NUMBER.findall(re.sub(r"(?<=\d),(?=\d{3})", "", normalize(text))))


def unsupported_numbers(text: str, citations: Sequence[Citation], *also: str) -> list[str]:
    """The numbers of `text` that neither the cited clauses (in either language, with their article
    numbers) nor the texts `also` hold, in order: what a reply or a staff member's answer may not say."""
    allowed: set[str] = set()
    for extra in also:
        allowed |= numbers_in(extra)
    for citation in citations:
        allowed |= numbers_in(citation.text) | numbers_in(citation.text_zh) | {str(citation.article)}
    return sorted(numbers_in(text) - allowed)


def verify(reply: str, question: str, citations: Sequence[Citation], hotline: str) -> list[str]:
    """Problems with a synthesized reply; empty when every number and cited article is supported."""
    unsupported = unsupported_numbers(reply, citations, question, hotline)
    problems = [f"number {n} is not in the cited clauses" for n in unsupported]
    articles = {c.article for c in citations}
    cited = cited_articles(reply)
    problems += [f"article {a} was not retrieved" for a in sorted(cited - articles)]
    if not cited & articles:
        problems.append("the reply cites no retrieved article")
    return problems


class Synthesizer:
    """Rephrases the retrieved clauses with a LangChain chat model; returns None when it must not be used."""

    def __init__(self, model: Any, hotline: str) -> None:
        self.model = model
        self.hotline = hotline

    def rephrase(self, question: str, lang: str, citations: Sequence[Citation]) -> str | None:
        """The model's reply if it passes `verify`, else None (the extractive answer stands)."""
        prompts = _prompts()
        clauses = "\n".join(f"[{c.label}] {c.text}" for c in citations)
        messages = [
            (
                "system",
                prompts["system"].format(
                    language=prompts["language"][lang], cite_example=prompts["cite_example"][lang]
                ),
            ),
            ("human", prompts["user"].format(clauses=clauses, question=question)),
        ]
        try:
            reply = str(self.model.invoke(messages).content).strip()
        except Exception as exc:  # a model endpoint is a network service; the extractive answer stands
            log.warning("LLM synthesis failed (%s); giving the extractive answer", exc)
            return None
        if problems := verify(reply, question, citations, self.hotline):
            log.warning("LLM reply rejected: %s", "; ".join(problems))
            return None
        return reply


def make_chat_model(settings: Settings) -> Any | None:
    """The chat model BOT_LLM names (openai-compatible or ollama), or None when synthesis is off."""
    if settings.llm == "off":
        return None
    if not settings.llm_model:
        raise ConfigError("BOT_LLM needs BOT_LLM_MODEL")
    if settings.llm == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise MissingDependency("BOT_LLM=openai needs: pip install langchain-openai") from exc
        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url or None,
            api_key=settings.llm_api_key or "not-needed",  # type: ignore[arg-type]
            timeout=settings.llm_timeout_s,
            temperature=0,
        )
    try:
        from langchain_ollama import ChatOllama
    except ImportError as exc:
        raise MissingDependency("BOT_LLM=ollama needs: pip install langchain-ollama") from exc
    return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url or None, temperature=0)
