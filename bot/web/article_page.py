"""The whole of one article as a page (`/articles/{n}`), in both languages: what a citation card opens."""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from bot.corpus.model import Article, Corpus
from bot.errors import NotFound
from bot.text import capitalized
from bot.web.api import STRICT_CSP, static_text

article_page = APIRouter(include_in_schema=False)


def _article(request: Request, number: int, doc: str | None) -> Article:
    corpus: Corpus = request.app.state.service.bot.corpus
    found = corpus.find_article(number, doc)
    if found is None:
        raise NotFound(f"no article {number}")
    return found


def render(article: Article, title_zh: str, title_en: str, hotline: str) -> str:
    """The page (static/article.html): each clause in Chinese beside English, then the responsible units."""
    e = html.escape
    rows = "".join(
        f'<tr><td lang="zh-CN">{e(c.zh)}</td><td lang="en">{e(capitalized(c.en))}</td></tr>' for c in article.clauses
    )
    units = ""
    if article.departments_zh:
        items = "".join(
            f'<li>{e(zh)} <span lang="en" class="muted">{e(en)}</span></li>'
            for zh, en in zip(article.departments_zh, article.departments_en, strict=True)
        )
        units = f'<h2>责任单位 <span lang="en">Responsible units</span></h2><ul>{items}</ul>'
    return static_text("article.html").format(
        label_zh=e(article.label("zh")),
        label_en=e(article.label("en")),
        hotline=e(hotline),
        title_zh=e(title_zh),
        title_en=e(title_en),
        rows=rows,
        units=units,
    )


@article_page.get("/articles/{number}")
def page(
    number: Annotated[int, Path(ge=1, le=999)],
    request: Request,
    doc: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    """The article with this number (404 as JSON when there is none)."""
    article = _article(request, number, doc)
    corpus = request.app.state.service.bot.corpus
    document = next(d for d in corpus.documents if d.id == article.doc)
    text = render(article, document.title_zh, document.title_en, document.hotline or corpus.hotline)
    return HTMLResponse(text, headers={"Content-Security-Policy": STRICT_CSP})
