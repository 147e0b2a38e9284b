"""After the interview days: a recruiter reads a requisition's scorecards side by side and drafts offers for
the best applicants in one go, within the plan line's remaining headcount; a hiring manager reads the same
table in Chinese on a phone."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from talentdrive.offers.models import Offer, OfferStatus
from tests.browser.conftest import keep_screenshot
from tests.browser.test_portal_flow import VIEWPORTS
from tests.offers.conftest import TODAY


def _sign_in(page, base: str, user) -> None:
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", f"{user.username}-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/$"))


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_recruiter_calibrates_and_drafts_offers_for_the_best(
    live_server, browser, artifacts, world, interviewed
):
    context = browser.new_context(**VIEWPORTS["desktop"], locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _sign_in(page, live_server.url, world.users["recruiter"])
        page.goto(f"{live_server.url}/staff/requisitions/{world.requisition.pk}/")
        page.click("#calibration-link")
        page.wait_for_url(re.compile(r"/calibration/$"))
        names = page.locator("table.calibration tbody tr td:nth-child(2) a").all_inner_texts()
        assert names == ["李雷", "王芳", "韩梅梅"]
        assert "3 of 3 left" in page.locator("#headcount-left").inner_text()
        assert "scorecard missing" in page.locator("table.calibration").inner_text()
        strong, middle = interviewed["strong"].pk, interviewed["middle"].pk
        page.check(f"#pick-{strong}")
        page.check(f"#pick-{middle}")
        page.fill(f"#salary-{strong}", "700000")
        page.fill("#id_start_date", (TODAY + dt.timedelta(days=60)).isoformat())
        page.fill("#id_expires_on", (TODAY + dt.timedelta(days=14)).isoformat())
        page.click("#draft-batch")
        page.wait_for_url(re.compile(r"/calibration/$"))
        text = page.locator("main").inner_text()
        assert "2 offers drafted and submitted for approval." in text
        assert "1 of 3 left" in page.locator("#headcount-left").inner_text()
        keep_screenshot(page, artifacts / "calibration-recruiter-en.png")
        offers = {o.application_id: o for o in Offer.objects.all()}
        assert set(offers) == {strong, middle}
        assert offers[strong].salary == 700_000 and offers[middle].salary == 500_000
        assert {o.status for o in offers.values()} == {OfferStatus.PENDING_APPROVAL}
    finally:
        context.close()

    phone = browser.new_context(
        **VIEWPORTS["phone"], locale="zh-CN", extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"}
    )
    page = phone.new_page()
    page.set_default_timeout(15_000)
    try:
        _sign_in(page, live_server.url, world.users["hiring_manager"])
        page.goto(f"{live_server.url}/staff/requisitions/{world.requisition.pk}/calibration/")
        assert page.locator("h1").inner_text() == "校准"
        assert "还可发放 1 份" in page.locator("#headcount-left").inner_text()
        assert page.locator("table.calibration").inner_text().count("待审批") == 2
        keep_screenshot(page, artifacts / "calibration-hiring-manager-zh-phone.png")
    finally:
        phone.close()
