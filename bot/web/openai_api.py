"""An OpenAI-compatible API: `POST /v1/chat/completions` (streamed as server-sent `chat.completion.chunk` events,
or not) and `GET /v1/models`, so that any chat client, the `openai` package or LangChain's `ChatOpenAI` can ask.

The `messages` list is the conversation: its last message is the question (a user message), earlier user
messages are the history a follow-up leans on. The reply is the chat's answer for the same question and
history, with the cited clauses as numbered footnotes in the text and, as an extension, `citations` (each
clause in the answer's language and in Chinese) and `policy` (outcome, fallback, answer id for feedback …)
on the completion (streamed: on the last chunk). Keys: `BOT_API_KEYS` (comma-separated); when set, one is
required as `Authorization: Bearer <key>`; when unset the endpoint is as open as `/api/ask`. Rate limits
are the API's.
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.answer.model import Answer
from bot.config import Settings
from bot.errors import InvalidQuestion
from bot.text import clean, over_limit
from bot.web.api import client_of, rate_limit
from bot.web.schemas import ERRORS
from bot.web.service import AskService, LoggedAnswer, question_cost

MODEL_ID = "lyg-hitech-policy"
OWNER = "lianyungang-hitech-zones"
#: Characters of the reply per streamed chunk.
CHUNK_CHARS = 48
MAX_MESSAGES = 50


class Message(BaseModel):
    """A chat message: `content` as text, or as a list of parts of which the text parts are read."""

    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        parts = [p.get("text") for p in self.content or () if isinstance(p, dict) and p.get("type") == "text"]
        return "\n".join(p for p in parts if isinstance(p, str))


class ChatCompletionRequest(BaseModel):
    """What OpenAI's chat completions endpoint takes; sampling settings (temperature …) are accepted and
    have no effect: the answers are extractive."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(description=f"the model: `{MODEL_ID}` (GET /v1/models)")
    messages: list[Message] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False


def require_key(request: Request, _client: Annotated[str, Depends(rate_limit)]) -> None:
    """Dependency: with BOT_API_KEYS set, a request must carry one of them as a bearer token (401)."""
    settings: Settings = request.app.state.settings
    keys = settings.api_key_list
    if not keys:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    token = given.strip().encode()
    if scheme.lower() != "bearer" or not any(hmac.compare_digest(token, key.encode()) for key in keys):
        raise StarletteHTTPException(401, "a valid API key is required (Authorization: Bearer <key>)")


openai_api = APIRouter(
    prefix="/v1", tags=["openai-compatible"], dependencies=[Depends(require_key)], responses=ERRORS | {401: ERRORS[400]}
)


@openai_api.get("/models", summary="The model this endpoint serves")
def models() -> dict[str, Any]:
    """One model: the policy assistant."""
    return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 1701129600, "owned_by": OWNER}]}


@openai_api.post("/chat/completions", summary="Answer the conversation's last question (OpenAI-compatible)")
def chat_completions(body: ChatCompletionRequest, request: Request) -> Any:
    """The answer to the last user message, with the earlier user messages as the conversation; streamed as
    `chat.completion.chunk` events when `stream` is true."""
    if body.model != MODEL_ID:
        raise StarletteHTTPException(404, f"no model {body.model!r}; this endpoint serves {MODEL_ID!r}")
    question, history = _conversation(body.messages)
    settings: Settings = request.app.state.settings
    if over_limit(question, settings.max_question_chars):
        raise StarletteHTTPException(413, f"the question is longer than {settings.max_question_chars} characters")
    service: AskService = request.app.state.service
    client = client_of(request)
    service.check_rate(client, question_cost(question) - 1)  # the Gate counted one already
    logged = service.ask(question, history=history, channel="openai", client=client)
    created = int(time.time())
    if body.stream:
        return StreamingResponse(_chunks(logged, created), media_type="text/event-stream")
    return _completion(logged, created)


def _conversation(messages: list[Message]) -> tuple[str, list[str]]:
    """(the question: the last message, a user's; the earlier user messages)."""
    last = messages[-1]
    if last.role != "user":
        raise InvalidQuestion("the last message must be the user's question (role 'user')")
    question = last.text()
    if not clean(question):
        raise InvalidQuestion("the last message has no text")
    history = [m.text() for m in messages[:-1] if m.role == "user" and clean(m.text())]
    return question, history[-10:]


def reply_text(answer: Answer) -> str:
    """The reply as one text: what the policy states (or does not), the cited clauses as numbered footnotes,
    then the hotline."""
    notes = [f"[{i}] {c.label} ({c.clause}): {c.text}" for i, c in enumerate(answer.citations, start=1)]
    marks = "".join(f"[{i}]" for i in range(1, len(notes) + 1))
    opening = f"{answer.opening} {marks}" if marks else answer.opening
    return "\n\n".join(part for part in (opening, "\n".join(notes), answer.closing) if part)


def _extension(logged: LoggedAnswer) -> dict[str, Any]:
    answer = logged.answer
    return {
        "citations": [c.to_dict() | {"label": c.label} for c in answer.citations],
        "policy": {
            "answer_id": logged.id,
            "lang": answer.lang,
            "outcome": answer.outcome,
            "fallback": answer.fallback,
            "reason": answer.reason,
            "corrected_by_staff": answer.corrected_by_staff,
            "suggestions": list(answer.suggestions),
        },
    }


def _completion(logged: LoggedAnswer, created: int) -> dict[str, Any]:
    text = reply_text(logged.answer)
    return {
        "id": f"chatcmpl-{logged.id}",
        "object": "chat.completion",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    } | _extension(logged)


def _chunks(logged: LoggedAnswer, created: int) -> Iterator[str]:
    text = reply_text(logged.answer)
    head = {"id": f"chatcmpl-{logged.id}", "object": "chat.completion.chunk", "created": created, "model": MODEL_ID}

    def event(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return f"data: {json.dumps(head | {'choices': [choice]} | extra, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for start in range(0, len(text), CHUNK_CHARS):
        yield event({"content": text[start : start + CHUNK_CHARS]})
    yield event({}, "stop", **_extension(logged))
    yield "data: [DONE]\n\n"
