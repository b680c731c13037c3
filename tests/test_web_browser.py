"""The chat page and the staff console in Debian's Chromium (headless), against the session's app server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from web_helpers import AppServer

pytestmark = pytest.mark.browser

INPUT = "textarea[data-testid='textbox']"
SEND = "button[data-testid='submit-button']"
BOT = "[data-testid='bot']"
USER = "[data-testid='user']"
HOTLINE = "400-107-6681"
HEADINGS = {"zh": "连云港高新区政策助手", "en": "Lianyungang High-Tech Zones Policy Assistant"}
LOCAL = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")


class Tab:
    """A page in a fresh browser context, recording requests to other hosts and dialogs."""

    def __init__(self, browser: Any, base_url: str, locale: str, width: int = 1280) -> None:
        self.context = browser.new_context(
            locale=locale,
            viewport={"width": width, "height": 900},
            permissions=["clipboard-read", "clipboard-write"],
        )
        self.page = self.context.new_page()
        self.base_url = base_url
        self.locale = locale
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", self._request)
        self.page.on("dialog", self._dialog)
        self.page.set_default_timeout(60_000)

    def _request(self, request: Any) -> None:
        if not request.url.startswith(LOCAL):
            self.outside.append(request.url)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open_chat(self) -> Any:
        """The chat page once it is in the browser's language: it is first drawn in Chinese and then
        relabelled (header, examples, placeholders) by its load event, which may come after the input."""
        self.page.goto(f"{self.base_url}/", wait_until="load")
        self.page.wait_for_selector(INPUT)
        self.page.locator(
            ".app-header h1", has_text=HEADINGS["zh" if self.locale.startswith("zh") else "en"]
        ).wait_for()
        return self.page

    def ask(self, question: str) -> Any:
        """Type and send `question`; returns the new bot message once it has arrived."""
        count = self.page.locator(BOT).count()
        self.page.fill(INPUT, question)
        self.page.click(SEND)
        self.page.wait_for_function(f'document.querySelectorAll("{BOT}").length > {count}')
        return self.page.locator(BOT).nth(count)

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def tab(chromium: Any, web_server: AppServer) -> Iterator[Tab]:
    opened = Tab(chromium, web_server.url, "en-US")
    yield opened
    opened.close()
    assert opened.outside == [], f"requests left 127.0.0.1: {opened.outside}"


def test_chinese_and_english_questions_get_answers_with_clause_cards_and_the_hotline(tab: Tab) -> None:
    page = tab.open_chat()
    assert page.locator(".app-header .hotline-number").inner_text() == HOTLINE
    assert page.locator(".app-header .hotline-number").is_visible()

    chinese = tab.ask("外籍人才申请工作许可的年龄上限是多少？")
    assert "65" in chinese.inner_text()
    card = chinese.locator("details.clause-card").first
    assert "第五条 加快集聚高层次人才" in card.locator("summary").inner_text()
    card.locator("summary").click()
    assert card.locator(".clause-zh").is_visible() and card.locator(".clause-en").is_visible()

    english = tab.ask("How long is the R visa valid?")
    text = english.inner_text()
    assert "10 years" in text and HOTLINE in text  # the validity asked leads (each stay is in the clause card)
    assert "Article 5 · Attracting high-level talent" in english.locator("details.clause-card summary").inner_text()


def test_copy_button_copies_plain_text(tab: Tab) -> None:
    tab.open_chat()
    tab.ask("How long is the R visa valid?")
    tab.page.locator("#chat button[aria-label='Copy message']").last.click()
    copied = tab.page.evaluate("navigator.clipboard.readText()")
    assert "180 days" in copied and "Article 5 · Attracting high-level talent" in copied
    assert "<div" not in copied and "class=" not in copied


def test_interface_follows_the_browser_language_and_the_toggle(chromium: Any, web_server: AppServer) -> None:
    chinese = Tab(chromium, web_server.url, "zh-CN", width=375)
    try:
        page = chinese.open_chat()
        page.locator(".app-header h1", has_text="连云港高新区政策助手").wait_for()
        assert page.locator(INPUT).get_attribute("placeholder").startswith("请输入")
        page.get_by_text("English", exact=True).click()
        page.locator(".app-header h1", has_text="Lianyungang High-Tech Zones Policy Assistant").wait_for()
        assert page.locator(".app-header .hotline-number").is_visible(), "the hotline stays visible at phone width"
        assert chinese.outside == []
    finally:
        chinese.close()


def test_thumbs_feedback_shows_up_in_the_staff_console(tab: Tab, staff_token: str) -> None:
    question = "What land-use support does the policy offer?"
    page = tab.open_chat()
    tab.ask(question)
    page.locator("#chat button[aria-label='Dislike']").last.click()
    page.wait_for_timeout(1000)  # the like event is fire-and-forget

    page.goto(f"{tab.base_url}/staff", wait_until="load")
    page.fill("#token", staff_token)
    page.click("#login-button")
    page.wait_for_selector("#console:not(.hidden)")
    page.get_by_role("tab", name="反馈 Feedback").click()
    row = page.locator("#feedback-table tr", has_text=question).first
    row.wait_for()
    assert "差评 Down" in row.inner_text() and "北京时间" in row.inner_text()

    page.get_by_role("tab", name="对话 Conversations").click()
    page.locator("#conversations-table tr", has_text=question).first.click()
    page.wait_for_selector("#turns-table tr >> text=" + question)


def test_staff_console_refuses_without_the_token(tab: Tab) -> None:
    page = tab.page
    page.goto(f"{tab.base_url}/staff", wait_until="load")
    page.fill("#token", "not-the-token")
    page.click("#login-button")
    page.wait_for_selector("#login-error:not(:empty)")  # the page's CSP forbids wait_for_function
    assert page.locator("#console").is_hidden()
    assert "forbidden" in page.locator("#login-error").inner_text()
    status = page.evaluate("fetch('/api/staff/conversations').then(r => r.status)")
    assert status == 401


def test_typed_html_is_shown_as_text(tab: Tab) -> None:
    typed = "<img src=x onerror=alert(1)><b>bold</b>"
    page = tab.open_chat()
    tab.ask(typed)
    mine = page.locator(USER).last
    assert typed in mine.inner_text()
    assert mine.locator("img").count() == 0 and mine.locator("b").count() == 0
    page.wait_for_timeout(500)
    assert tab.dialogs == []


def test_clicking_an_example_asks_it(tab: Tab) -> None:
    page = tab.open_chat()
    page.get_by_role("button", name="Select example 2").click()
    page.wait_for_selector(BOT)
    assert "65" in page.locator(BOT).first.inner_text()
    assert "work permit" in page.locator(USER).first.inner_text()
    page.locator("#clear").click()
    page.wait_for_function(f'document.querySelectorAll("{BOT}").length === 0')


def test_a_staff_correction_made_in_the_console_answers_a_reworded_question_in_the_chat(
    tab: Tab, staff_token: str
) -> None:
    asked = "Who issues the confirmation letter for the R visa?"
    page = tab.open_chat()
    before = tab.ask(asked).inner_text()
    assert "corrected by investment-promotion staff" not in before

    page.goto(f"{tab.base_url}/staff", wait_until="load")
    page.fill("#token", staff_token)
    page.click("#login-button")
    page.wait_for_selector("#console:not(.hidden)")
    page.get_by_role("tab", name="对话 Conversations").click()
    page.locator("#conversations-table tr", has_text=asked).first.click()
    page.get_by_role("button", name=f"更正 Correct: {asked}").first.click()  # from the logged turn
    assert page.locator("#correction-question").input_value() == asked
    assert page.locator("#correction-lang").input_value() == "en"
    page.select_option("#correction-action", "answer")
    page.fill("#correction-article", "5")
    page.fill("#correction-clause", "11")
    page.fill("#correction-answer-zh", "由省级科技行政部门签发确认函，7个工作日内办结。")
    page.fill("#correction-answer-en", "The provincial science and technology department issues it.")
    page.fill("#correction-author", "Test Staff")
    page.click("#correction-save")
    status = page.locator("#correction-status")
    status.filter(has_text="Not saved").wait_for()
    assert "the number 7 is not in the cited clauses" in status.inner_text()  # refused, and told why
    page.fill("#correction-answer-zh", "由省级科技行政部门签发确认函。")
    page.click("#correction-save")
    status.filter(has_text="Saved").wait_for()
    row = page.locator("#corrections-table tr", has_text=asked).first
    row.wait_for()
    assert "Test Staff" in row.inner_text() and "第5条 第11款" in row.inner_text()

    try:
        page = tab.open_chat()
        after = tab.ask("Which department issues the confirmation letter for the R visa?")
        text = after.inner_text()
        assert "The provincial science and technology department issues it." in text
        assert "corrected by investment-promotion staff" in text and HOTLINE in text
    finally:
        listed = page.evaluate(
            "t => fetch('/api/staff/corrections', {headers: {Authorization: 'Bearer ' + t}}).then(r => r.json())",
            staff_token,
        )
        for correction in listed:  # the session's server is shared: leave no correction behind
            page.evaluate(
                "([t, id]) => fetch('/api/staff/corrections/' + id, "
                "{method: 'DELETE', headers: {Authorization: 'Bearer ' + t}}).then(r => r.status)",
                [staff_token, correction["id"]],
            )


def test_a_thumbs_down_with_its_reason_shows_on_the_dashboards_charts(tab: Tab, staff_token: str) -> None:
    question = "Which department approves relaxing the work-permit age limit?"
    page = tab.open_chat()
    tab.ask(question)
    page.locator("#chat button[aria-label='Feedback']").last.click()
    page.locator("#chat .extra-feedback-option", has_text="Hard to understand").last.click()
    page.wait_for_timeout(1000)  # the feedback event is fire-and-forget

    page.goto(f"{tab.base_url}/staff", wait_until="load")
    page.fill("#token", staff_token)
    page.click("#login-button")
    page.wait_for_selector("#console:not(.hidden)")
    assert page.get_by_role("tab", name="概览 Dashboard").get_attribute("aria-selected") == "true"
    page.locator("#dashboard-status", has_text="Beijing time").wait_for()
    days = page.locator("#chart-days svg[role=img]")
    assert "Questions per day" in days.get_attribute("aria-label")
    assert days.locator("rect").count() >= 1  # today's bar
    assert "Answered" in page.locator("#dashboard-shares").inner_text()
    assert "看不懂 Unclear" in page.locator("#chart-reasons").inner_text()
    row = page.locator("#thumbs-table tr", has_text=question).first
    assert "看不懂 Unclear" in row.inner_text() and "北京时间" in row.inner_text()
    page.fill("#dashboard-from", "2020-01-01")  # a range too long is refused in words
    page.locator("#dashboard-form input[type=submit]").click()
    page.locator("#dashboard-status", has_text="please check the dates").wait_for()


@pytest.mark.parametrize("width", [1280, 375])
def test_suggested_questions_are_asked_with_a_click_and_a_card_opens_its_whole_article(
    chromium: Any, web_server: AppServer, width: int
) -> None:
    tab = Tab(chromium, web_server.url, "en-US", width=width)
    try:
        page = tab.open_chat()
        answer = tab.ask("How long is the R visa valid?")
        suggestions = answer.locator("button.follow-up")
        assert suggestions.count() >= 2
        first = suggestions.first.inner_text()
        before = page.locator(BOT).count()
        suggestions.first.click()
        page.wait_for_function(f'document.querySelectorAll("{BOT}").length > {before}')
        assert page.locator(USER).last.inner_text().strip() == first
        card = page.locator(BOT).first.locator("details.clause-card")
        card.locator("summary").click()
        link = card.locator("a.card-link")
        assert link.inner_text().startswith("Read the whole article")
        with tab.context.expect_page() as opened:
            link.click()
        article = opened.value
        article.wait_for_load_state()
        assert "Article 5 · Attracting high-level talent" in article.inner_text("body")
        assert "第五条 加快集聚高层次人才" in article.inner_text("body")
        page.screenshot(path=f"test-results/chat-suggestions-{width}.png", full_page=True)
    finally:
        tab.close()
    assert tab.outside == []
