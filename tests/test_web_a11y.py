"""Accessibility checked, not assumed: axe-core (tests/js, installed by `make test`) finds no serious or critical
violation on the chat, every tab of the staff console and an article page, in both languages, at 1280 and
375 px; and the chat and the console can be used with the keyboard alone. Screenshots go to test-results/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from web_helpers import AppServer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-results"
INPUT = "textarea[data-testid='textbox']"
SEND = "button[data-testid='submit-button']"
BOT = "[data-testid='bot']"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUESTIONS = {"zh-CN": "R字签证的有效期最长是多少年？", "en-US": "How long is the R visa valid?"}
TABS = ["概览 Dashboard", "批量测试 Run questions", "对话 Conversations", "反馈 Feedback"]
TABS += ["未能回答 Fallback questions", "更正 Corrections"]


def serious(page: Any) -> list[str]:
    """The serious and critical axe-core violations on the page as it is now, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['impact']} {v['id']}: {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary'][:160]}"
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_no_serious_accessibility_violation_anywhere(
    chromium: Any, web_server: AppServer, staff_token: str, locale: str, width: int
) -> None:
    assert AXE.is_file(), "axe-core is missing: run make test (scripts/bootstrap.sh test installs it)"
    context = chromium.new_context(locale=locale, viewport={"width": width, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{web_server.url}/", wait_until="load")
        page.wait_for_selector(INPUT)
        page.fill(INPUT, QUESTIONS[locale])
        page.click(SEND)
        page.wait_for_selector(BOT)
        page.locator(f"{BOT} details.clause-card summary").first.click()  # a card open, its link showing
        shot(page, f"chat-{locale}-{width}")
        problems = {"chat": serious(page)}

        page.goto(f"{web_server.url}/articles/5", wait_until="load")
        problems["article"] = serious(page)

        page.goto(f"{web_server.url}/staff", wait_until="load")
        problems["sign-in"] = serious(page)
        page.fill("#token", staff_token)
        page.click("#login-button")
        page.wait_for_selector("#console:not(.hidden)")
        for tab in TABS:
            page.get_by_role("tab", name=tab).click()
            page.wait_for_timeout(300)
            problems[tab] = serious(page)
            shot(page, f"staff-{tab.split()[-1].lower()}-{locale}-{width}")
    finally:
        context.close()
    assert {where: found for where, found in problems.items() if found} == {}


def test_the_chat_is_used_with_the_keyboard_alone_and_shows_where_the_focus_is(
    chromium: Any, web_server: AppServer
) -> None:
    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{web_server.url}/", wait_until="load")
        page.wait_for_selector(INPUT)
        page.locator(".app-header h1", has_text="Lianyungang").wait_for()
        page.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(40):  # Tab from the top of the page to the question box
            page.keyboard.press("Tab")
            if page.evaluate(f'document.activeElement && document.activeElement.matches("{INPUT}")'):
                break
        else:
            pytest.fail("Tab never reached the question box")
        ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert ring != "none", "the focused question box shows a focus ring"
        assert page.get_by_role("textbox", name="Your question").count() == 1  # a label, not just a placeholder
        page.keyboard.type("How long is the R visa valid?")
        page.keyboard.press("Enter")
        page.wait_for_selector(BOT)
        assert "10 years" in page.locator(BOT).last.inner_text()
        for _ in range(60):  # on to the clause card, opened with Enter
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.matches('details.clause-card summary')"):
                break
        else:
            pytest.fail("Tab never reached the clause card")
        page.keyboard.press("Enter")
        assert page.locator("details.clause-card").last.get_attribute("open") is not None
        shot(page, "chat-keyboard-en-1280")
    finally:
        context.close()


def test_the_staff_console_is_used_with_the_keyboard_alone(
    chromium: Any, web_server: AppServer, staff_token: str
) -> None:
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{web_server.url}/", wait_until="load")  # one logged conversation to open
        page.wait_for_selector(INPUT)
        page.fill(INPUT, "外籍人才工作许可的年龄上限是多少？")
        page.click(SEND)
        page.wait_for_selector(BOT)
        page.goto(f"{web_server.url}/staff", wait_until="load")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "token"
        page.keyboard.type(staff_token)
        page.keyboard.press("Enter")
        page.wait_for_selector("#console:not(.hidden)")

        def tab_to(check: str, limit: int = 80) -> None:
            for _ in range(limit):
                page.keyboard.press("Tab")
                if page.evaluate(check):
                    return
            pytest.fail(f"Tab never reached {check}")

        tab_to("document.activeElement.dataset.tab === 'conversations'")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("Enter")
        page.wait_for_selector("#tab-conversations:not(.hidden) #conversations-table button")
        tab_to("(document.activeElement.getAttribute('aria-label') || '').startsWith('查看 View')")
        page.keyboard.press("Enter")
        page.locator("#turns-table tr", has_text="工作许可").first.wait_for()
        tab_to("(document.activeElement.getAttribute('aria-label') || '').startsWith('更正 Correct')")
        page.keyboard.press("Enter")
        assert page.locator("#tab-corrections").is_visible()
        assert "工作许可" in page.locator("#correction-question").input_value()
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_language_and_conversation_survive_a_reload_until_cleared(
    chromium: Any, web_server: AppServer, width: int
) -> None:
    context = chromium.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{web_server.url}/", wait_until="load")
        page.wait_for_selector(INPUT)
        page.get_by_text("English", exact=True).click()
        page.locator(".app-header h1", has_text="Lianyungang").wait_for()
        page.fill(INPUT, "How long is the R visa valid?")
        page.click(SEND)
        page.wait_for_selector(BOT)
        number = page.locator(".app-header .hotline-number")
        assert number.bounding_box()["height"] < 40, "the hotline number stays on one line"
        page.wait_for_timeout(800)  # the conversation is written to the browser's storage after the answer
        page.reload(wait_until="load")
        page.locator(".app-header h1", has_text="Lianyungang").wait_for()  # English, though the browser is Chinese
        page.wait_for_selector(BOT)
        assert "10 years" in page.locator(BOT).last.inner_text()
        assert page.evaluate("document.documentElement.lang") == "en"
        follow = page.locator(BOT).count()
        page.fill(INPUT, "And how long can each stay be?")  # the follow-up still knows the conversation
        page.click(SEND)
        page.wait_for_function(f'document.querySelectorAll("{BOT}").length > {follow}')
        assert "180" in page.locator(BOT).last.inner_text()
        shot(page, f"chat-reloaded-{width}")
        page.locator("#clear").click()
        page.wait_for_function(f'document.querySelectorAll("{BOT}").length === 0')
        page.wait_for_timeout(800)
        page.reload(wait_until="load")
        page.wait_for_selector(INPUT)
        page.wait_for_timeout(1500)
        assert page.locator(BOT).count() == 0, "a cleared conversation stays cleared"
    finally:
        context.close()
