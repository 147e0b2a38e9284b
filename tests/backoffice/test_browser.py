"""The progress page in a real browser: sign in, drill down with htmx, switch to Chinese."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, chromium_executable, keep_screenshot  # noqa: F401 - a fixture

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture
def staff_browser(chromium_executable):  # noqa: F811 - the fixture imported above
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def total_row(page) -> list[str]:
    return page.locator("table.progress tfoot td.num").all_inner_texts()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_sign_in_drill_down_and_switch_language(live_server, staff_browser, progress_plan, tmp_path):
    page = staff_browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    # given: a leadership user signs in and lands on the home page
    page.goto(f"{live_server.url}/staff/progress/")
    page.fill("#id_username", "lead")
    page.fill("#id_password", "lead-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url("**/staff/progress/")
    assert total_row(page) == ["17", "7", "1", "1", "2", "6", "6"]
    # when: Shanghai is clicked, htmx swaps in the breakdown by channel and updates the address
    page.click("table.progress tbody a:text('Shanghai')")
    page.wait_for_url("**group=channel**city=shanghai**")
    page.wait_for_selector("text=City: Shanghai")
    # then
    assert total_row(page) == ["9", "5", "1", "1", "0", "4", "2"]
    assert page.locator("table.progress tbody th").all_inner_texts() == [
        "Experienced hiring (社会招聘)",
        "Campus hiring (校园招聘)",
    ]
    keep_screenshot(page, str(tmp_path / "drill.png"))
    # when: the filter chip is removed, the whole plan comes back
    page.click("a.chip:has-text('City: Shanghai')")
    page.wait_for_function("() => !location.search.includes('city=')")
    assert total_row(page)[0] == "17"
    # when: the language is switched, the plan's own names come in Chinese
    with page.expect_navigation():
        page.select_option("#language-select", "zh-hans")
    page.goto(f"{live_server.url}/staff/progress/?drive=ai-2026&group=city")
    assert "上海" in page.locator("table.progress tbody").inner_text()
    assert page.locator("html").get_attribute("lang") == "zh-hans"
