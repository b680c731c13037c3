"""The REST API: ask, articles, feedback, health; JSON errors {"error": {"code", "message"}} for every 4xx."""

from __future__ import annotations

import logging
import re
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import Settings
from bot.errors import (
    InvalidQuestion,
    NotFound,
)
from bot.text import clean, over_limit
from bot.web.schemas import (
    ERRORS,
    ArticleOut,
    AskRequest,
    AskResponse,
    FeedbackRequest,
    FeedbackResponse,
    Health,
)
from bot.web.service import AskService, question_cost

log = logging.getLogger(__name__)

#: Pages served without any inline script or outside resource.
STRICT_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"


# -- request and response bodies ------------------------------------------------------------


# -- errors ---------------------------------------------------------------------------------


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
    if over_limit(body.question, limit):
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
    found = _service(request).bot.corpus.find_article(wanted, doc)
    if found is not None:
        return ArticleOut.of(found)
    raise NotFound(f"no article {wanted}" + (f" in {doc}" if doc else ""))


@router.post("/feedback", response_model=FeedbackResponse, status_code=201, summary="Rate an answer")
def feedback(body: FeedbackRequest, request: Request, client: Client) -> FeedbackResponse:
    """Record a thumbs up or down (and an optional comment) on an answer; 404 if the answer id is unknown."""
    service = _service(request)
    feedback_id = service.feedback(body.answer_id, body.rating, body.comment, client, body.reason or "", body.key)
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
