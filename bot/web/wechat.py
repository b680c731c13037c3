"""The WeChat Official Account callback, `/wechat`, following the platform's published protocol.

- GET: server URL verification (the signature over the sorted token, timestamp and nonce; `echostr` echoed).
- POST: a message, plain or in the encrypted ("safe") mode (BOT_WECHAT_AES_KEY and BOT_WECHAT_APPID). Text is
  answered with a passive XML reply, as plain text with the article numbers and the hotline, within the
  platform's 2048 bytes (a longer answer is cut at a sentence and "更多"/"more" gets the rest) and well
  within its 5-second window (a 4 s budget). Each user (OpenID) has a conversation for follow-ups. Other
  message types get a polite text; subscribing gets a welcome; a retried message (same MsgId) is answered
  once. A bad signature gets 403; the route is absent (404) while BOT_WECHAT_TOKEN is unset.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict, deque
from typing import Annotated
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.answer.model import Answer
from bot.config import Settings
from bot.errors import OverBudget, RateLimited
from bot.language import detect_language
from bot.web.i18n import ui_text
from bot.web.service import AskService, question_cost
from bot.web.wechat_crypto import WeChatCryptoError, aes_key, decrypt, encrypt, signature, signed

#: The platform's limit on a passive text reply, in bytes of UTF-8; a little is kept for the "more" hint.
MAX_REPLY_BYTES = 2048
MORE_WORDS = frozenset({"更多", "more", "继续", "next"})
ANSWER_BUDGET_S = 4.0
KEPT_USERS = 5000
KEPT_MESSAGES = 2000
HISTORY_TURNS = 4


class WeChatDesk:
    """What the callback remembers: replies by message (for the platform's retries), each user's last questions
    and the rest of a long answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.replies: OrderedDict[str, str] = OrderedDict()
        self.history: OrderedDict[str, deque[str]] = OrderedDict()
        self.rest: dict[str, list[str]] = {}

    def replied(self, key: str) -> str | None:
        with self._lock:
            return self.replies.get(key)

    def remember(self, key: str, reply: str) -> None:
        with self._lock:
            self.replies[key] = reply
            while len(self.replies) > KEPT_MESSAGES:
                self.replies.popitem(last=False)

    def asked(self, user: str, question: str) -> list[str]:
        """The user's earlier questions (oldest first), then `question` is added to them."""
        with self._lock:
            earlier = self.history.pop(user, deque(maxlen=HISTORY_TURNS))
            before = list(earlier)
            earlier.append(question)
            self.history[user] = earlier
            while len(self.history) > KEPT_USERS:
                dropped, _ = self.history.popitem(last=False)
                self.rest.pop(dropped, None)
            return before

    def keep_rest(self, user: str, parts: list[str]) -> None:
        with self._lock:
            if parts:
                self.rest[user] = parts
            else:
                self.rest.pop(user, None)

    def next_part(self, user: str) -> str | None:
        with self._lock:
            parts = self.rest.get(user)
            if not parts:
                return None
            part = parts.pop(0)
            if not parts:
                del self.rest[user]
            return part


def reply_text(answer: Answer) -> str:
    """The answer as plain text: what the policy states (or does not), the cited articles by number and title,
    and the hotline."""
    heading = "依据条款：" if answer.lang == "zh" else "Based on:"
    labels = list(dict.fromkeys(f"· {c.label}" for c in answer.citations))
    sources = "\n".join([heading, *labels]) if labels else ""
    return "\n\n".join(part for part in (answer.opening, sources, answer.closing) if part)


def split_reply(text: str, lang: str, limit: int = MAX_REPLY_BYTES) -> list[str]:
    """`text` in parts of at most `limit` bytes, cut after a sentence or line; each part but the last says how
    to get the next."""
    hint = "\n\n（回复“更多”查看其余内容）" if lang == "zh" else '\n\n(Reply "more" for the rest.)'
    room = limit - len(hint.encode())
    parts: list[str] = []
    rest = text
    while len(rest.encode()) > limit:
        cut = _cut(rest, room)
        parts.append(rest[:cut].rstrip() + hint)
        rest = rest[cut:].lstrip()
    return [*parts, rest]


def _cut(text: str, room: int) -> int:
    """Where to cut `text` so that its head fits `room` bytes: after the last sentence end or line break."""
    size, end, best = 0, 0, 0
    for at, char in enumerate(text):
        size += len(char.encode())
        if size > room:
            break
        end = at + 1
        if char in "。；;！？!?\n" or (char == "." and text[at + 1 : at + 2] in (" ", "\n", "")):
            best = at + 1
    return best or end


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply(to_user: str, from_user: str, content: str) -> str:
    """A passive text reply, as the platform documents it."""
    return (
        f"<xml><ToUserName>{_cdata(to_user)}</ToUserName><FromUserName>{_cdata(from_user)}</FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType>{_cdata('text')}</MsgType>"
        f"<Content>{_cdata(content)}</Content></xml>"
    )


def _field(message: Element, name: str) -> str:
    found = message.find(name)
    return (found.text or "").strip() if found is not None else ""


wechat = APIRouter(include_in_schema=False)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    if not settings.wechat_token:
        raise StarletteHTTPException(404, "the WeChat callback is not configured (BOT_WECHAT_TOKEN)")
    return settings


@wechat.get("/wechat")
def verify(
    request: Request,
    signature_: Annotated[str, Query(alias="signature", max_length=64)] = "",
    timestamp: Annotated[str, Query(max_length=20)] = "",
    nonce: Annotated[str, Query(max_length=64)] = "",
    echostr: Annotated[str, Query(max_length=200)] = "",
) -> PlainTextResponse:
    """Server URL verification: `echostr` back when the signature is right, else 403."""
    settings = _settings(request)
    if not signed(signature_, settings.wechat_token, timestamp, nonce):
        raise StarletteHTTPException(403, "bad signature")
    return PlainTextResponse(echostr)


@wechat.post("/wechat")
async def receive(
    request: Request,
    signature_: Annotated[str, Query(alias="signature", max_length=64)] = "",
    timestamp: Annotated[str, Query(max_length=20)] = "",
    nonce: Annotated[str, Query(max_length=64)] = "",
    encrypt_type: Annotated[str, Query(max_length=10)] = "",
    msg_signature: Annotated[str, Query(max_length=64)] = "",
) -> Response:
    """A message from the platform: answered with a passive reply (encrypted when it came encrypted)."""
    settings = _settings(request)
    body = (await request.body()).decode("utf-8", errors="replace")
    encrypted = encrypt_type.lower() == "aes"
    if not encrypted and not signed(signature_, settings.wechat_token, timestamp, nonce):
        raise StarletteHTTPException(403, "bad signature")
    envelope = _parse(body)
    if encrypted:
        key = _key(settings)
        sealed = _field(envelope, "Encrypt")
        if not signed(msg_signature, settings.wechat_token, timestamp, nonce, sealed):
            raise StarletteHTTPException(403, "bad msg_signature")
        try:
            envelope = _parse(decrypt(sealed, key, settings.wechat_appid))
        except WeChatCryptoError as exc:
            raise StarletteHTTPException(400, str(exc)) from exc
    reply = await run_in_threadpool(_reply_to, request, envelope)
    if not reply:
        return PlainTextResponse("success")
    if not encrypted:
        return Response(reply, media_type="application/xml")
    sealed = encrypt(reply, _key(settings), settings.wechat_appid)
    sign = signature(settings.wechat_token, timestamp, nonce, sealed)
    wrapped = (
        f"<xml><Encrypt>{_cdata(sealed)}</Encrypt><MsgSignature>{_cdata(sign)}</MsgSignature>"
        f"<TimeStamp>{timestamp}</TimeStamp><Nonce>{_cdata(nonce)}</Nonce></xml>"
    )
    return Response(wrapped, media_type="application/xml")


def _key(settings: Settings) -> bytes:
    if not (settings.wechat_aes_key and settings.wechat_appid):
        raise StarletteHTTPException(400, "encrypted messages need BOT_WECHAT_AES_KEY and BOT_WECHAT_APPID")
    try:
        return aes_key(settings.wechat_aes_key)
    except WeChatCryptoError as exc:
        raise StarletteHTTPException(400, str(exc)) from exc


def _parse(xml: str) -> Element:
    try:
        root: Element = ElementTree.fromstring(xml, forbid_dtd=True)
    except Exception as exc:  # defusedxml's and expat's errors alike
        raise StarletteHTTPException(400, "the message is not the platform's XML") from exc
    return root


def _reply_to(request: Request, message: Element) -> str:
    """The reply XML to one message ('' for events that need none), given once per message."""
    desk: WeChatDesk = request.app.state.wechat
    user, account = _field(message, "FromUserName"), _field(message, "ToUserName")
    kind = _field(message, "MsgType").lower()
    key = _field(message, "MsgId") or f"{user}:{_field(message, 'CreateTime')}:{_field(message, 'Event')}"
    if (earlier := desk.replied(key)) is not None:
        return earlier  # the platform retried: the same reply, answered once
    content = _content(request, desk, message, kind, user)
    reply = text_reply(user, account, content) if content else ""
    desk.remember(key, reply)
    return reply


def _content(request: Request, desk: WeChatDesk, message: Element, kind: str, user: str) -> str:
    if kind == "event":
        event = _field(message, "Event").lower()
        return ui_text("zh")["wechat_welcome"] if event == "subscribe" else ""
    if kind != "text":
        return ui_text("zh")["wechat_text_only"]
    question = _field(message, "Content")
    if question.strip().lower() in MORE_WORDS:
        return desk.next_part(user) or ui_text(detect_language(question))["wechat_no_more"]
    service: AskService = request.app.state.service
    client = hashlib.sha256(f"wechat:{user}".encode()).hexdigest()
    lang = detect_language(question)
    try:
        service.check_rate(client, question_cost(question))
        logged = service.ask(
            question,
            history=desk.asked(user, question),
            conversation_id="wx-" + client[:32],
            channel="wechat",
            client=client,
            budget_s=ANSWER_BUDGET_S,
        )
    except RateLimited as exc:
        return ui_text(lang).fill("rate_limited", seconds=round(exc.retry_after))
    except OverBudget:
        return ui_text(lang).fill("over_budget", hotline=service.hotline)
    parts = split_reply(reply_text(logged.answer), logged.answer.lang)
    desk.keep_rest(user, parts[1:])
    return parts[0]
