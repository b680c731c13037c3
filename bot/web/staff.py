"""The staff console: a plain HTML page at /staff and its token-protected API under /api/staff/.

The token is Settings.staff_token (BOT_STAFF_TOKEN), sent as `Authorization: Bearer <token>`;
without it the API answers 401, with a wrong one 403, and when no token is configured the
console is closed (403 for everyone).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import Settings
from bot.embed.fake import HashEmbedder
from bot.errors import QuestionFileError
from bot.questions import parse_question_file
from bot.text import over_limit
from bot.web import dashboard
from bot.web.api import rate_limit, static_response
from bot.web.gate import staff_token_refusal
from bot.web.runner import run_questions
from bot.web.schemas import ERRORS
from bot.web.service import AskService


def require_staff(request: Request, _client: Annotated[str, Depends(rate_limit)]) -> None:
    """Dependency: 401 without a bearer token, 403 with a wrong one or when the console is closed (the
    Gate has refused such requests before their body was read; this keeps the routes closed without it)."""
    settings: Settings = request.app.state.settings
    denied = staff_token_refusal(settings.staff_token, request.headers.get("authorization", ""))
    if denied is not None:
        status, _, message = denied
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        raise StarletteHTTPException(status, message, headers=headers)


def _service(request: Request) -> AskService:
    service: AskService = request.app.state.service
    return service


staff_api = APIRouter(
    prefix="/api/staff",
    tags=["staff"],
    dependencies=[Depends(require_staff)],
    responses=ERRORS | {401: ERRORS[400], 403: ERRORS[400]},
)


@staff_api.get("/session", summary="Check the staff token")
def session() -> dict[str, bool]:
    """200 when the token is right."""
    return {"ok": True}


@staff_api.post("/run", summary="Run a question file")
async def run(request: Request, file: Annotated[UploadFile, File(description="JSONL or CSV question file")]) -> Any:
    """Answer every question of an uploaded file and grade it (articles, facts, fallback); with a CSV export."""
    settings: Settings = request.app.state.settings
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise StarletteHTTPException(413, f"the file is larger than {settings.max_upload_bytes} bytes")
    questions = parse_question_file(file.filename or "", data)
    service = _service(request)
    for question in questions:
        if over_limit(question.question, settings.max_question_chars):
            raise QuestionFileError(f"question {question.id!r} is longer than {settings.max_question_chars} characters")
    report = await run_in_threadpool(run_questions, questions, service.answer)
    return report.to_dict()


@staff_api.get("/conversations", summary="Conversations, most recent first")
def conversations(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """Logged conversations (chat sessions and API calls), the most recently active first."""
    return [c.to_dict() for c in _service(request).store.conversations(limit, offset)]


@staff_api.get("/conversations/{conversation_id}", summary="One conversation")
def conversation(conversation_id: str, request: Request) -> dict[str, Any]:
    """The turns of one conversation in order; 404 if there is none."""
    turns = _service(request).store.conversation(conversation_id)
    return {"id": conversation_id, "turns": [t.to_dict() for t in turns]}


@staff_api.get("/feedback", summary="Feedback, newest first")
def feedback(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """Thumbs up/down with the question and answer they are about."""
    return [f.to_dict() for f in _service(request).store.feedback(limit, offset)]


@staff_api.get("/fallbacks", summary="Questions that ended in the fallback")
def fallbacks(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict[str, Any]]:
    """Questions the policy could not answer, grouped by normalized text, most frequent first."""
    return [f.to_dict() for f in _service(request).store.fallback_questions(limit)]


#: Two unanswered questions at least this close (cosine) are shown as one group on the dashboard.
GROUP_SIMILARITY = 0.92
MAX_DASHBOARD_DAYS = 366


@staff_api.get("/dashboard", summary="The dashboard's figures")
def dashboard_figures(
    request: Request,
    start: Annotated[date | None, Query(alias="from", description="first Beijing day (default: to - 13)")] = None,
    end: Annotated[date | None, Query(alias="to", description="last Beijing day (default: today)")] = None,
) -> dict[str, Any]:
    """Questions per Beijing day with their outcomes (answered, not stated, out of scope), the share of each,
    the most frequent questions the policy does not answer (grouped by similarity) and the thumbs down with
    their reasons, from `from` to `to` (Beijing days, both included)."""
    last = end or datetime.now(dashboard.BEIJING).date()
    first = start or last - timedelta(days=13)
    if first > last:
        raise StarletteHTTPException(422, "from must not be after to")
    if (last - first).days >= MAX_DASHBOARD_DAYS:
        raise StarletteHTTPException(422, f"at most {MAX_DASHBOARD_DAYS} days at once")
    service = _service(request)
    lower, upper = dashboard.day_bounds(first, last)
    turns = service.store.turns_between(lower, upper)
    vector_of = getattr(service.bot, "question_vector", None) or HashEmbedder().embed_query_vector
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timezone": "Asia/Shanghai",
        "questions": len(turns),
        "days": dashboard.per_day(turns, first, last),
        "shares": dashboard.shares(turns),
        "unanswered": dashboard.unanswered_groups(turns, vector_of, GROUP_SIMILARITY),
        "thumbs_down": dashboard.thumbs_down(service.store.thumbs_down_between(lower, upper)),
    }


staff_page = APIRouter(include_in_schema=False)


@staff_page.get("/staff")
def page() -> Response:
    """The console page (it asks for the token and keeps it in the tab's session storage)."""
    return static_response("staff.html", "text/html; charset=utf-8")


@staff_page.get("/staff/staff.js")
def script() -> Response:
    """The console's script."""
    return static_response("staff.js", "text/javascript; charset=utf-8")
