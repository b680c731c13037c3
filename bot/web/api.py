"""The REST API: ask, articles, feedback, health; JSON errors {"error": {"code", "message"}} for every 4xx."""

from __future__ import annotations

import logging
import re
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import Settings
from bot.corpus.model import Article
from bot.errors import (
    BotError,
    ConfigError,
    CorpusError,
    InvalidQuestion,
    MissingDependency,
    NotFound,
    OverBudget,
    QuestionFileError,
    RateLimited,
)
from bot.text import clean
from bot.web.service import AskService, question_cost

log = logging.getLogger(__name__)

#: Pages served without any inline script or outside resource.
STRICT_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"


# -- request and response bodies ------------------------------------------------------------
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

    article: int = Field(ge=1, le=999)


class HistoryTurn(BaseModel):
    """An earlier turn: a chat message {role, content} or an answered question {question, citations/retrieved}."""

    model_config = ConfigDict(extra="allow")

    role: Literal["user", "assistant", "system"] | None = None
    content: Text | None = None
    question: Text | None = None
    retrieved: list[Annotated[int, Field(ge=1, le=999)]] | None = None
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
    comment: str = Field(default="", max_length=2000)


class FeedbackResponse(BaseModel):
    """The stored feedback."""

    id: int
    answer_id: str
    rating: str


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


# -- errors ---------------------------------------------------------------------------------
def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error body {"error": {"code", "message"}} with `status`."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "over_budget",
}


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


async def _on_validation(_request: Request, exc: Exception) -> JSONResponse:
    errors = list(exc.errors()) if isinstance(exc, RequestValidationError) else []
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "invalid_json", "the request body is not valid JSON")
    return error_response(422, "invalid_request", _validation_message(errors))


async def _on_http(_request: Request, exc: Exception) -> JSONResponse:
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    detail = exc.detail if isinstance(exc, StarletteHTTPException) else "error"
    headers = getattr(exc, "headers", None)
    return error_response(status, _HTTP_CODES.get(status, "error"), str(detail), headers)


#: Each error the package raises on purpose: the HTTP status and code a client gets, and whether it is
#: the server's fault (its configuration, a missing package: logged, and the client told no more).
#: The first row the error is an instance of applies.
ERROR_STATUS: tuple[tuple[type[BotError], int, str, bool], ...] = (
    (RateLimited, 429, "rate_limited", False),
    (OverBudget, 503, "over_budget", False),
    (NotFound, 404, "not_found", False),
    (QuestionFileError, 422, "invalid_question_file", False),
    (InvalidQuestion, 422, "invalid_question", False),
    (MissingDependency, 503, "unavailable", True),
    (ConfigError, 500, "configuration_error", True),
    (CorpusError, 500, "configuration_error", True),
    (BotError, 400, "bad_request", False),
)


def error_status(exc: BotError) -> tuple[int, str, bool]:
    """(HTTP status, error code, the server's fault) of an error, by ERROR_STATUS."""
    return next((status, code, fault) for kind, status, code, fault in ERROR_STATUS if isinstance(exc, kind))


async def _on_bot_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BotError)
    status, code, server_fault = error_status(exc)
    if server_fault:
        log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
        return error_response(status, code, "the service is not set up to answer this; the error has been logged")
    retry = getattr(exc, "retry_after", None)
    return error_response(status, code, str(exc), {"Retry-After": str(round(retry))} if retry is not None else None)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "something went wrong; the error has been logged")


def add_error_handlers(app: FastAPI) -> None:
    """Turn every error into the JSON error shape; no stack trace reaches a client."""
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(BotError, _on_bot_error)
    app.add_exception_handler(Exception, _on_unexpected)


# -- routes ---------------------------------------------------------------------------------
def client_of(request: Request) -> str:
    """The salted hash of the requesting client's address, as the Gate read it (behind trusted proxies)."""
    client = getattr(request.state, "client", None)
    if isinstance(client, str):
        return client
    service: AskService = request.app.state.service
    return service.client(request.client.host if request.client else None)


def rate_limit(request: Request) -> str:
    """Dependency: the client hash; the Gate has counted the request against its limit already."""
    return client_of(request)


Client = Annotated[str, Depends(rate_limit)]


def _service(request: Request) -> AskService:
    service: AskService = request.app.state.service
    return service


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


router = APIRouter(prefix="/api", tags=["assistant"], responses=ERRORS)


@router.post("/ask", response_model=AskResponse, summary="Answer a question")
def ask(body: AskRequest, request: Request, client: Client) -> dict[str, Any]:
    """Answer a question about the policy, citing the clauses it rests on (or falling back to the hotline).

    Returns the same JSON as one line of `python -m bot ask --json`; `id` identifies the answer for feedback.
    """
    limit = _settings(request).max_question_chars
    if not clean(body.question):  # a zero-width space alone is empty too
        raise InvalidQuestion("question must not be empty")
    if len(body.question) > limit:
        raise StarletteHTTPException(413, f"question is longer than {limit} characters")
    _service(request).check_rate(client, question_cost(body.question) - 1)  # the Gate counted one already
    history = [turn if isinstance(turn, str) else turn.model_dump(exclude_none=True) for turn in body.history or ()]
    logged = _service(request).ask(
        body.question, history=history, lang=body.lang, conversation_id=body.conversation_id, client=client
    )
    return logged.to_dict()


@router.get("/articles", response_model=list[ArticleOut], summary="List the articles")
def articles(
    request: Request, _client: Client, doc: Annotated[str | None, Query(max_length=100)] = None
) -> list[ArticleOut]:
    """Every article (optionally of one document), bilingual, with its responsible departments."""
    corpus = _service(request).bot.corpus
    return [ArticleOut.of(a) for a in corpus.articles() if doc is None or a.doc == doc]


@router.get("/articles/{number}", response_model=ArticleOut, summary="One article")
def article(
    number: Annotated[str, Path(pattern=r"^[0-9]{1,3}$", description="the article number, digits only")],
    request: Request,
    _client: Client,
    doc: Annotated[str | None, Query(max_length=100)] = None,
) -> ArticleOut:
    """The article with this number (of document `doc`, default: the first that has it); 404 if none
    (422 for anything but digits: "1.0", "+5" and "5_0" name no article)."""
    wanted = int(number)
    corpus = _service(request).bot.corpus
    for candidate in corpus.articles():
        if candidate.number == wanted and (doc is None or candidate.doc == doc):
            return ArticleOut.of(candidate)
    raise NotFound(f"no article {wanted}" + (f" in {doc}" if doc else ""))


@router.post("/feedback", response_model=FeedbackResponse, status_code=201, summary="Rate an answer")
def feedback(body: FeedbackRequest, request: Request, client: Client) -> FeedbackResponse:
    """Record a thumbs up or down (and an optional comment) on an answer; 404 if the answer id is unknown."""
    feedback_id = _service(request).feedback(body.answer_id, body.rating, body.comment, client)
    return FeedbackResponse(id=feedback_id, answer_id=body.answer_id, rating=body.rating)


unknown_router = APIRouter(prefix="/api", include_in_schema=False)


@unknown_router.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(path: str, request: Request) -> None:
    """404 (or 405 for a known path) as JSON, instead of falling through to the chat page."""
    for template in request.app.openapi()["paths"]:
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), request.url.path):
            raise StarletteHTTPException(405, f"{request.method} is not allowed on {request.url.path}")
    raise StarletteHTTPException(404, f"no endpoint /api/{path}")


health_router = APIRouter(tags=["health"])


@health_router.get("/healthz", response_model=Health, summary="Liveness")
def healthz(request: Request) -> Health:
    """200 when the assistant is loaded and answering."""
    service = _service(request)
    corpus = service.bot.corpus
    return Health(
        status="ok",
        documents=len(corpus.documents),
        articles=sum(1 for _ in corpus.articles()),
        hotline=service.hotline,
    )


def static_text(name: str) -> str:
    """A file of bot/web/static as text."""
    return resources.files("bot.web").joinpath("static", name).read_text(encoding="utf-8")


def static_response(name: str, media_type: str) -> Response:
    """A packaged static file, with a CSP that forbids anything from elsewhere."""
    return Response(static_text(name), media_type=media_type, headers={"Content-Security-Policy": STRICT_CSP})


docs_router = APIRouter(include_in_schema=False)


@docs_router.get("/docs")
def docs_page() -> Response:
    """The API documentation, rendered from /openapi.json without any CDN."""
    return static_response("docs.html", "text/html; charset=utf-8")


@docs_router.get("/docs/docs.js")
def docs_script() -> Response:
    """The script of the documentation page."""
    return static_response("docs.js", "text/javascript; charset=utf-8")


@docs_router.get("/static/console.css")
def console_css() -> Response:
    """The stylesheet of the documentation page and the staff console."""
    return static_response("console.css", "text/css; charset=utf-8")
