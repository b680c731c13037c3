"""The rough edges issue 16 lists, each checked in Chromium at 1280 and 375 px (screenshots in test-results/):
the chat's controls, names and scrolling, and the staff console's question runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from web_helpers import AppServer

pytestmark = pytest.mark.browser

INPUT = "textarea[data-testid='textbox']"
SEND = "button[data-testid='submit-button']"
BOT = "[data-testid='bot']"
SHOTS = Path(__file__).resolve().parent.parent / "test-results"


@pytest.fixture(params=[1280, 375])
def chinese_page(request: pytest.FixtureRequest, chromium: Any, web_server: AppServer) -> Iterator[Any]:
    context = chromium.new_context(locale="zh-CN", viewport={"width": request.param, "height": 800})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{web_server.url}/", wait_until="load")
    page.wait_for_selector(INPUT)
    page.locator(".app-header h1", has_text="连云港高新区政策助手").wait_for()
    page.width = request.param
    yield page
    context.close()


def ask(page: Any, question: str) -> Any:
    count = page.locator(BOT).count()
    page.fill(INPUT, question)
    page.click(SEND)
    page.wait_for_function(f'document.querySelectorAll("{BOT}").length > {count}')
    return page.locator(BOT).nth(count)


def test_the_chinese_chat_names_its_controls_in_chinese_and_puts_like_first(chinese_page: Any) -> None:
    page = chinese_page
    ask(page, "R字签证的有效期最长是多少年？")
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    labels = page.locator("#chat button[aria-label]").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert "赞" in labels and "踩" in labels and "复制这条消息" in labels
    assert not {"Like", "Dislike", "Copy message"} & set(labels)
    like = page.locator("#chat button[aria-label='赞']").last.bounding_box()
    dislike = page.locator("#chat button[aria-label='踩']").last.bounding_box()
    assert like["x"] < dislike["x"], "like sits left of dislike"
    clear = page.locator("#clear")
    assert clear.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), "清空对话 is not cut off"
    page.locator(INPUT).focus()
    for _ in range(30):  # back to the language radios with the keyboard
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('#lang-toggle input')"):
            break
    else:
        pytest.fail("Shift+Tab never reached the language radios")
    ring = page.evaluate("getComputedStyle(document.activeElement.closest('label')).outlineStyle")
    assert ring != "none", "the focused language radio shows a focus ring"
    page.screenshot(path=str(SHOTS / f"chat-controls-zh-{page.width}.png"))
    page.get_by_text("English", exact=True).click()  # the page's language, not the browser's, names them
    page.locator(".app-header h1", has_text="Lianyungang").wait_for()
    page.wait_for_timeout(300)
    labels = page.locator("#chat button[aria-label]").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert {"Like", "Dislike", "Copy message"} <= set(labels) and not {"赞", "踩"} & set(labels)
    assert page.evaluate("document.documentElement.lang") == "en"


def test_a_new_question_and_its_answer_scroll_into_view_after_scrolling_up(chinese_page: Any) -> None:
    page = chinese_page
    earlier = ["R字签证的有效期最长是多少年？", "外籍人才申请工作许可的年龄上限是多少？"]
    earlier.append("高新区在土地利用方面有哪些支持政策？")
    for question in earlier:
        ask(page, question)
    log = page.locator("#chat .bubble-wrap")
    log.evaluate("e => { e.scrollTop = 0; }")
    page.wait_for_timeout(300)
    answer = ask(page, "新认定的省级高新区可以获得多少奖励？")
    page.wait_for_timeout(800)
    box, view = answer.bounding_box(), log.bounding_box()
    assert box["y"] < view["y"] + view["height"] and box["y"] + box["height"] > view["y"], "the answer is in view"
    log.evaluate("e => { e.scrollTop = 0; }")
    page.wait_for_timeout(200)
    icons = page.locator("#chat .top-panel").bounding_box()
    first = page.locator("#chat .message-row").first.bounding_box()
    assert icons is not None and first is not None
    assert first["y"] >= icons["y"] + icons["height"] - 2, "the clear/copy icons do not sit on the first message"
    page.screenshot(path=str(SHOTS / f"chat-scrolled-zh-{page.width}.png"))


@pytest.mark.parametrize("width", [1280, 375])
def test_question_runs_show_failures_first_and_errors_that_say_what_to_do(
    chromium: Any, web_server: AppServer, staff_token: str, tmp_path: Path, width: int
) -> None:
    good = tmp_path / "run.jsonl"
    good.write_text(
        '{"id": "ok", "question": "How long is the R visa valid?", "articles": [5], "facts": ["180"]}\n'
        '{"id": "bad", "question": "How long is the R visa valid?", "articles": [19], "facts": ["999"]}\n'
        '{"id": "plain", "question": "What land-use support does the policy offer?"}\n',
        encoding="utf-8",
    )
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "question": "q",\n', encoding="utf-8")
    context = chromium.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{web_server.url}/staff", wait_until="load")
        page.fill("#token", staff_token)
        page.click("#login-button")
        page.wait_for_selector("#console:not(.hidden)")
        page.get_by_role("tab", name="批量测试 Run questions").click()
        page.set_input_files("#run-file", str(good))
        page.click("#run-button")
        page.locator("#run-status", has_text="done").wait_for()
        rows = page.locator("#run-table tr")
        assert "未通过 Failed" in rows.nth(1).inner_text() and "bad" in rows.nth(1).inner_text()  # failures first
        assert "未检查 Not checked" in page.locator("#run-table tr", has_text="plain").inner_text()
        assert "Not checked 1" in page.locator("#run-summary").inner_text()
        heads = page.locator("#run-table th").all_inner_texts()
        assert "top" not in heads and "ms" not in heads and "用时（毫秒） Time (ms)" in heads
        page.check("#failures-only")
        assert page.locator("#run-table tr").count() == 2  # the heading and the one failure
        page.screenshot(path=str(SHOTS / f"staff-run-{width}.png"), full_page=True)
        page.set_input_files("#run-file", str(broken))
        page.click("#run-button")
        status = page.locator("#run-status.error")
        status.wait_for()
        assert "问题文件无法读取" in status.inner_text() and "fix it" in status.inner_text()
        assert page.locator("#run-table tr").count() == 0, "the earlier results do not stay beside the error"
    finally:
        context.close()
