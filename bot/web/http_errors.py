"""Every error as the JSON shape {"error": {"code", "message"}}: the HTTP status of each error the package
raises on purpose (ERROR_STATUS), and the handlers that keep stack traces from clients."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.errors import (
    BotError,
    ConfigError,
    CorpusError,
    InvalidCorrection,
    InvalidQuestion,
    MissingDependency,
    NotFound,
    OverBudget,
    QuestionFileError,
    RateLimited,
)

log = logging.getLogger(__name__)


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
    (InvalidCorrection, 422, "invalid_correction", False),
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
