"""The pipeline page in a real browser: English and Chinese, two drill-downs, and the workbook read back."""

from __future__ import annotations

import io
import os

import pytest
from openpyxl import load_workbook

from talentdrive.pipeline.moves import application_move
from tests.actors import TEST_ACTOR
from tests.browser.conftest import CHROMIUM_ARGS, chromium_executable  # noqa: F401 - a fixture
from tests.factories import make_application, make_requisition, reseed_reference_data

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    # An earlier transactional test on this worker may have flushed the seeded rows (cities, focus
    # areas, rejection reasons, email templates).
    reseed_reference_data()


@pytest.fixture
def staff_browser(chromium_executable):  # noqa: F811 - the fixture imported above
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_drill_down_twice_and_download_the_same_figures(
    live_server, staff_browser, drive, team, staff, language
):
    campus = make_requisition(drive=drive, team=team, channel="campus", external_id="SH-C")
    make_requisition(drive=drive, team=team, channel="experienced", external_id="SH-E")
    beijing = make_requisition(drive=drive, team=team, channel="campus", city="beijing", external_id="BJ-C")
    moved = make_application(requisition=campus)
    make_application(requisition=campus)
    make_application(requisition=beijing)
    application_move(
        application_id=moved.pk, to_stage="online_assessment", actor=TEST_ACTOR, expected_version=None
    )

    page = staff_browser.new_page(viewport={"width": 1366, "height": 900}, locale=language)
    page.set_default_timeout(20_000)
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", staff["leadership"].username)
    page.fill("#id_password", f"{staff['leadership'].username}-pass-123")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if language != "en":
        with page.expect_navigation():
            page.select_option("select[name=language]", language)
    page.goto(f"{live_server.url}/staff/pipeline/")
    first_step = page.locator("#funnel-title ~ div table tbody tr").first
    assert first_step.locator("td.num").first.inner_text() == "3"
    # drill down: Shanghai, then campus
    page.select_option("#d-city", "shanghai")
    page.click("form[aria-label] button[type=submit]")
    page.wait_for_load_state()
    page.select_option("#d-channel", "campus")
    page.click("form[aria-label] button[type=submit]")
    page.wait_for_load_state()
    assert "city=shanghai" in page.url and "channel=campus" in page.url
    reached = page.locator("#funnel-title ~ div table tbody tr").first.locator("td.num").first.inner_text()
    assert reached == "2"
    heading = page.locator("#funnel-title").inner_text()
    assert heading == ("漏斗" if language == "zh-hans" else "Funnel")
    # the workbook holds the same figures
    with page.expect_download() as download:
        page.click("a[href*='pipeline.xlsx']")
    with open(download.value.path(), "rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))
    funnel = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    assert funnel[1][1] == int(reached)
