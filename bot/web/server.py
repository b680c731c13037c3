"""The whole web app: REST API, staff console and the chat page, on one FastAPI application."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from fastapi import FastAPI

from bot.config import Settings
from bot.corrections.desk import CorrectionDesk
from bot.corrections.store import CorrectionStore
from bot.web import upkeep
from bot.web.api import docs_router, health_router, router, unknown_router
from bot.web.article_page import article_page
from bot.web.chat import ChatHandlers
from bot.web.corrections import corrections_api
from bot.web.gate import Gate
from bot.web.http_errors import add_error_handlers
from bot.web.openai_api import openai_api
from bot.web.ratelimit import make_limiter
from bot.web.service import AskService
from bot.web.staff import staff_api, staff_page
from bot.web.store import ConversationStore
from bot.web.wechat import WeChatDesk, wechat
from bot.web.widget import widget

if TYPE_CHECKING:
    from bot.assistant import Bot

log = logging.getLogger(__name__)

DESCRIPTION = (
    "Answers questions about the Lianyungang policy on the high-quality development of its high-tech zones, "
    "in Chinese or English, citing the clauses it rests on. Errors are JSON: "
    '`{"error": {"code", "message"}}`.'
)


def create_api(service: AskService, settings: Settings, corrections: CorrectionDesk | None = None) -> FastAPI:
    """The FastAPI app with the REST API, the staff console and the offline docs page (no chat page)."""
    app = FastAPI(
        title="Lianyungang High-Tech Zones Policy Assistant",
        description=DESCRIPTION,
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.state.settings = settings
    app.state.wechat = WeChatDesk()
    app.state.corrections = corrections or CorrectionDesk(
        service.bot, CorrectionStore(settings.database_url, settings.pool), settings.max_question_chars
    )
    add_error_handlers(app)
    app.add_middleware(Gate, service=service, settings=settings)
    routers = [router, corrections_api, staff_api, openai_api, wechat, health_router, staff_page, docs_router]
    routers += [article_page, widget]
    routers.append(unknown_router)
    for part in routers:  # the catch-all last
        app.include_router(part)
    return app


def create_app(settings: Settings | None = None, *, bot: Bot | None = None, chat_page: bool = True) -> FastAPI:
    """The web app. Builds the Bot (and its index, the first time) unless one is given.

    Parameters: `settings` (default: from the environment), `bot`, `chat_page` (mount the Gradio
    chat at /; tests of the API alone leave it out).
    """
    settings = settings or Settings.from_env()
    if bot is None:
        from bot.assistant import Bot

        bot = Bot(settings, progress=True)
    bot.prepare()  # a bad setting (BOT_LLM without a model, a missing package) stops start-up here
    store = ConversationStore(settings.database_url, settings.pool)
    if settings.retention_days:
        purged = store.purge(settings.retention_days)
        log.info("purged %d turns older than %d days", purged, settings.retention_days)
    seen = settings.index_dir / "in-use.json"
    upkeep.note_in_use(seen, "conversation database", store.identity, store.engine.url.render_as_string())
    if bot.index.identity:
        upkeep.note_in_use(seen, "vector index", bot.index.identity, bot.index.location)
    limits = partial(make_limiter, settings, store.engine)
    service = AskService(
        bot, store, settings.rate_limit_per_minute, settings.client_salt, settings.answer_budget_s, limits
    )
    app = create_api(service, settings)
    app.router.on_shutdown.append(app.state.corrections.store.close)
    app.router.on_shutdown.append(store.close)  # the WAL folded into the file: a copy of it alone is whole
    if chat_page:
        from bot.web.ui import mount

        mount(app, ChatHandlers(service, settings.max_question_chars), service.hotline)
    log.info("web app ready: %d articles, database %s", sum(1 for _ in bot.corpus.articles()), store.engine.url)
    return app
