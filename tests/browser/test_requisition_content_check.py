"""A recruiter saving a requisition whose words contradict its fields is told so on the page that follows,
in their language, at phone and desktop size: a text welcoming bachelors under a master's minimum, and a
second opening with nearly the same title in the same city and channel."""

from __future__ import annotations

import re

import pytest

from talentdrive.plans.models import Requisition
from tests.browser.conftest import keep_screenshot
from tests.browser.test_portal_flow import VIEWPORTS

WORDS = {
    "en": {"degree": "but the minimum degree is Master", "duplicate": "nearly the same title (R-CHECK-1)"},
    "zh-hans": {"degree": "但最低学历要求为", "duplicate": "R-CHECK-1"},
}


def _sign_in(page, base: str, user) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", f"{user.username}-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/$"))


def _save(page, base: str, plan_line_id: int, external_id: str) -> str:
    page.goto(f"{base}/staff/requisitions/new/")
    page.select_option("#id_plan_line", str(plan_line_id))
    page.fill("#id_external_id", external_id)
    page.fill("#id_title_zh", "大模型推理工程师")
    page.fill("#id_title_en", "LLM inference engineer")
    page.fill("#id_description_zh", "欢迎本科同学投递。")
    page.select_option("#id_min_degree", "master")
    page.fill("#id_headcount", "1")
    page.click("form.form-grid button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/requisitions/\d+/$"))
    return page.locator("main").inner_text()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_recruiter_is_told_what_the_text_contradicts(
    live_server, browser, artifacts, progress_plan, language, viewport
):
    context = browser.new_context(
        **VIEWPORTS[viewport],
        locale="zh-CN" if language == "zh-hans" else "en-US",
        extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9" if language == "zh-hans" else "en-US"},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _sign_in(page, live_server.url, progress_plan.users["recruiter"])
        line = progress_plan.lines["L1"].pk
        first = _save(page, live_server.url, line, "R-CHECK-1")
        assert WORDS[language]["degree"] in first
        assert Requisition.objects.filter(external_id="R-CHECK-1").exists(), "saved as written"
        second = _save(page, live_server.url, line, "R-CHECK-2")
        keep_screenshot(page, artifacts / f"content-check-{language}-{viewport}.png")
        assert WORDS[language]["duplicate"] in second
    finally:
        context.close()
