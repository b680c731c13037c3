"""The REST API's request and response bodies (pydantic), as the OpenAPI document shows them."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from bot.corpus.model import MAX_ARTICLE, Article

_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_text(value: str) -> str:
    # a lone surrogate (JSON "\ud800") cannot be encoded and would fail deep inside the bot
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate, which is not a character")
    return value


Text = Annotated[str, AfterValidator(_valid_text)]


class CitedArticle(BaseModel):
    """A citation of an earlier answer: only its article number is used."""

    model_config = ConfigDict(extra="allow")

    article: int = Field(ge=1, le=MAX_ARTICLE)


class HistoryTurn(BaseModel):
    """An earlier turn: a chat message {role, content} or an answered question {question, citations/retrieved}."""

    model_config = ConfigDict(extra="allow")

    role: Literal["user", "assistant", "system"] | None = None
    content: Text | None = None
    question: Text | None = None
    retrieved: list[Annotated[int, Field(ge=1, le=MAX_ARTICLE)]] | None = None
    citations: list[CitedArticle] | None = None


class AskRequest(BaseModel):
    """A question, with the conversation so far and an optional answer language."""

    question: Text = Field(
        description="The question, in Chinese or English.", examples=["How long is the R visa valid?"]
    )
    history: list[Text | HistoryTurn] | None = Field(
        default=None,
        max_length=50,
        description="Earlier user questions (strings, or {role, content} / {question, citations} objects).",
    )
    lang: Literal["zh", "en"] | None = Field(default=None, description="Answer language (default: the question's).")
    conversation_id: str | None = Field(
        default=None, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="Groups turns in the log."
    )


class CitationOut(BaseModel):
    """One cited clause: in the answer's language and the Chinese original."""

    doc: str
    article: int
    title: str
    clause: int
    text: str
    text_zh: str


class AskResponse(BaseModel):
    """The JSON line of `python -m bot ask --json`; `id` is the answer id feedback refers to."""

    model_config = ConfigDict(extra="allow")

    id: str
    question: str
    lang: str
    answer: str
    fallback: bool
    citations: list[CitationOut]
    retrieved: list[int]
    reason: str
    outcome: Literal["answered", "corrected", "not_stated", "out_of_scope"] = Field(
        description="answered: the policy states it; corrected: the question's premise is contradicted; "
        "not_stated: the policy touches the topic but does not state it; out_of_scope: nothing in it is about it"
    )
    corrected_by_staff: bool = Field(
        default=False, description="true when a staff correction (for this question or a close rewording) gave it"
    )
    latency_ms: float


class ClauseOut(BaseModel):
    """One clause of an article, Chinese and English."""

    index: int
    zh: str
    en: str


class ArticleOut(BaseModel):
    """An article of the policy, bilingual, with its responsible departments."""

    doc: str
    number: int
    section: int
    title_zh: str
    title_en: str
    label_zh: str
    label_en: str
    text_zh: str
    text_en: str
    departments_zh: list[str]
    departments_en: list[str]
    clauses: list[ClauseOut]

    @classmethod
    def of(cls, article: Article) -> ArticleOut:
        """The API form of an Article."""
        return cls.model_validate(
            article.to_dict() | {"label_zh": article.label("zh"), "label_en": article.label("en")}
        )


class FeedbackRequest(BaseModel):
    """A thumbs up or down on an answer returned by /api/ask."""

    answer_id: str = Field(min_length=1, max_length=64, description="The `id` of the answer.")
    rating: Literal["up", "down"]
    reason: Literal["wrong", "not_answered", "unclear", "other"] | None = Field(
        default=None, description="why a thumbs down: wrong, did not answer the question, unclear, other"
    )
    comment: str = Field(default="", max_length=2000)
    key: str = Field(
        default="",
        max_length=64,
        pattern=r"^[A-Za-z0-9_.:-]*$",
        description="the request's own key (a UUID the client makes): sent again, the feedback is stored once",
    )


class FeedbackResponse(BaseModel):
    """The stored feedback."""

    id: int
    answer_id: str
    rating: str


class CorrectionIn(BaseModel):
    """A staff correction of the answer to a question (and to close rewordings of it)."""

    question: Text = Field(min_length=1, max_length=2000, description="The question whose answer is corrected.")
    lang: Literal["zh", "en"] = Field(description="The question's language.")
    action: Literal["not_covered", "article", "answer"] = Field(
        description="not_covered: the policy does not answer it; article: this article and clause answer it; "
        "answer: this curated answer (both languages), resting on the article (and clause) given"
    )
    article: int | None = Field(default=None, ge=1, le=MAX_ARTICLE, description="article and answer: its number")
    clause: int | None = Field(default=None, ge=1, le=99, description="article: the clause; answer: optional")
    answer_zh: Text = Field(default="", max_length=4000, description="answer: the curated answer in Chinese")
    answer_en: Text = Field(default="", max_length=4000, description="answer: the curated answer in English")
    doc: str = Field(default="", max_length=100, description="the document (default: the first with the article)")
    author: str = Field(default="", max_length=80, description="who makes the correction (default: staff)")


class CorrectionOut(BaseModel):
    """A stored correction, who made and last changed it and when, and the answer it replaced (`before`)."""

    model_config = ConfigDict(extra="allow")

    id: int
    question: str
    lang: str
    action: str
    article: int | None
    clause: int | None
    answer_zh: str
    answer_en: str
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    before: dict[str, Any]


class Health(BaseModel):
    """Liveness and what is loaded."""

    status: str
    documents: int
    articles: int
    hotline: str


class ErrorBody(BaseModel):
    """What went wrong: a stable code and a readable message."""

    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every 4xx (and the rare 5xx) has this shape."""

    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 404, 413, 422, 429, 503)
}
