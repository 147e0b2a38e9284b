"""A candidate's whole journey in a real browser: search, filter, read a job, apply with a PDF,
confirmation, status page, withdraw; in English and Chinese, on a phone and on a desktop."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache

from talentdrive.pipeline.models import Application, Stage
from tests.browser.conftest import keep_screenshot
from tests.factories import make_requisition, pdf_bytes

# Every visible form control must have a label a screen reader can announce.
UNLABELLED_FIELDS = """
() => Array.from(document.querySelectorAll("input, select, textarea"))
  .filter((el) => el.type !== "hidden" && !el.closest(".trap"))
  .filter((el) => el.labels.length === 0 && !el.getAttribute("aria-label"))
  .map((el) => el.name)
"""

VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}


@pytest.fixture
def jobs(drive, team, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    campus = make_requisition(
        drive=drive,
        team=team,
        channel="campus",
        area="multimodal-understanding",
        city="guangzhou",
        external_id="GZ-CAMPUS-MM",
        title_en="Multimodal understanding engineer (campus)",
        title_zh="多模态理解算法工程师（校招）",
        level="graduate",
    )
    make_requisition(drive=drive, team=team, external_id="SH-LLM", title_en="LLM inference engineer")
    make_requisition(
        drive=drive,
        team=team,
        external_id="BJ-MM",
        city="beijing",
        area="multimodal-understanding",
        title_en="Multimodal research engineer",
        title_zh="多模态研究工程师",
    )
    yield campus
    cache.clear()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_search_apply_follow_and_withdraw(
    live_server, browser, artifacts, jobs, tmp_path, language, viewport
):
    def shot(page, step):
        keep_screenshot(page, str(artifacts / f"{language}-{viewport}-{step}.png"))

    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdf_bytes(text="Chen Jing - multimodal vision-language models - PhD candidate"))
    context = browser.new_context(**VIEWPORTS[viewport], locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        # Home, then the language switcher
        page.goto(live_server.url + "/")
        assert page.get_attribute("html", "lang") == "en"
        if language == "zh-hans":
            page.click("a[hreflang='zh-Hans']")
            page.wait_for_url(re.compile(r"/zh-hans/$"))
            assert page.get_attribute("html", "lang") == "zh-Hans"
        shot(page, "1-home")

        # Search with a keyword, then narrow to campus roles with a facet (htmx swaps the results)
        page.click("header nav a[href$='/jobs/']")
        page.fill("#id_q", "多模态" if language == "zh-hans" else "multimodal")
        page.press("#id_q", "Enter")
        page.wait_for_url(re.compile(r"q="))
        page.locator(".result-count").filter(has_text="2").wait_for()
        # A marker on the window survives an htmx swap but not a page load.
        page.evaluate("window.__stillTheSamePage = true")
        if viewport == "phone":
            page.click(".facets-toggle")  # the filters fold behind one button on a phone
        page.click("a[data-facet='channel'][data-value='campus']")
        page.wait_for_url(re.compile(r"channel=campus"))
        page.locator(".result-count").filter(has_text="1").wait_for()
        assert page.locator("ol.jobs li.job").count() == 1
        assert page.evaluate("window.__stillTheSamePage === true")
        shot(page, "2-search")

        # The job page
        page.click("ol.jobs li.job h2 a")
        page.wait_for_url(re.compile(rf"/jobs/{jobs.pk}/$"))
        expected_title = jobs.title_zh if language == "zh-hans" else jobs.title_en
        assert page.locator("h1").inner_text() == expected_title
        assert "JobPosting" in page.locator("script[type='application/ld+json']").inner_text()
        shot(page, "3-job")

        # Apply with a PDF; a first attempt without consent keeps what was typed
        page.click("a.button[href$='/apply/']")
        assert page.evaluate(UNLABELLED_FIELDS) == []
        page.fill("#id_full_name", "陈静" if language == "zh-hans" else "Chen Jing")
        page.fill("#id_email", f"chen.jing.{language}.{viewport}@example.com")
        page.fill("#id_phone", "138 0013 8000" if viewport == "phone" else "139 0013 9000")
        page.set_input_files("#id_resume", str(resume))
        page.fill("#id_school", "中山大学" if language == "zh-hans" else "Sun Yat-sen University")
        page.select_option("#id_degree", "master")
        page.select_option("#id_graduation_date_0", "2027")
        page.select_option("#id_graduation_date_1", "6")
        page.check("input[name='preferred_cities'][value='guangzhou']")
        page.click("form.apply button[type='submit']")
        page.locator("#consent-error").wait_for()
        assert page.input_value("#id_school") in ("中山大学", "Sun Yat-sen University")
        shot(page, "4-apply-error")
        # the résumé chosen before the error is kept
        page.locator("#kept-resume").wait_for()
        page.check("#id_consent")
        page.click("form.apply button[type='submit']")
        page.wait_for_url(re.compile(r"/applied/"))
        shot(page, "5-confirmation")
        application = Application.objects.get(requisition=jobs)
        assert application.resume is not None and application.language == language

        # The status page from the emailed link, then withdraw
        message = mail.outbox[-1]
        link = re.search(r"https?://\S+/status/\S+/", message.body).group(0)
        assert ("/zh-hans/status/" in link) == (language == "zh-hans")
        page.goto(link)
        assert page.locator(".stage").get_attribute("data-stage") == "received"
        shot(page, "6-status")
        page.click(f"#application-{application.pk} a.button")
        page.click("form button[type='submit'].danger")
        page.locator(".stage[data-stage='withdrawn']").wait_for()
        shot(page, "7-withdrawn")
        application.refresh_from_db()
        assert application.stage == Stage.WITHDRAWN
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_search_filters_and_job_pages_work_without_javascript(live_server, browser, artifacts, jobs):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + "/jobs/")
        page.fill("#id_q", "multimodal")
        page.click("form.search button[type='submit']")
        page.wait_for_url(re.compile(r"q=multimodal"))
        page.click("a[data-facet='city'][data-value='guangzhou']")
        page.wait_for_url(re.compile(r"city=guangzhou"))
        assert page.locator("ol.jobs li.job").count() == 1
        page.click("ol.jobs li.job h2 a")
        page.wait_for_url(re.compile(rf"/jobs/{jobs.pk}/$"))
        assert page.locator("h1").inner_text() == jobs.title_en
        keep_screenshot(page, str(artifacts / "nojs-job.png"))
    finally:
        context.close()
