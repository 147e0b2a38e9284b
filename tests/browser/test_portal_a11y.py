# ruff: noqa: F811 - test functions take the shared `jobs` fixture imported below
"""The candidate's portal as a Chinese student on a phone and a screen-reader user judge it, in a real
browser: axe-core finds no serious or critical violation on any page (zh and en, phone and desktop);
the language follows the browser and the switch; job search on a phone; the apply form keeps the
résumé and shows its sending; the data download; Chinese punctuation on the pages themselves."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core import mail

from talentdrive.pipeline.models import Application
from tests.browser.conftest import keep_screenshot
from tests.browser.test_portal_flow import VIEWPORTS, jobs  # noqa: F401 - the shared fixture
from tests.factories import make_application, make_candidate, make_requisition, pdf_bytes
from tests.test_zh_typography import ascii_punctuation_after_cjk

AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
RUN_AXE = """
async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}
"""


def axe_problems(page) -> list[str]:
    # The vendored axe-core is injected as a script element; the context bypasses the page's CSP.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def chinese_punctuation_problems(page) -> list[str]:
    return ascii_punctuation_after_cjk(page.locator("body").inner_text())


def check_page(page, language: str, name: str, problems: dict[str, list[str]]) -> None:
    found = axe_problems(page)
    if language == "zh-hans":
        found += [f"ASCII punctuation in Chinese: {p}" for p in chinese_punctuation_problems(page)]
    if found:
        problems[name] = found


def _context(browser, viewport: str, **options):
    return browser.new_context(**VIEWPORTS[viewport], bypass_csp=True, **options)


@pytest.fixture
def more_jobs(jobs, drive, team):
    for index, city in enumerate(["hangzhou", "shanghai", "hangzhou", "beijing"]):
        make_requisition(
            drive=drive,
            team=team,
            external_id=f"MORE-{index}",
            city=city,
            area="agents" if index % 2 else "llm",
            title_en=f"Agent platform engineer {index}",
            title_zh=f"智能体平台工程师 {index}",
        )
    return jobs


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_serious_accessibility_violation_on_the_candidates_pages(
    live_server, browser, artifacts, more_jobs, tmp_path, language, viewport
):
    job = more_jobs
    prefix = "/zh-hans" if language == "zh-hans" else ""
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdf_bytes(text="Chen Jing - multimodal models"))
    context = _context(browser, viewport, locale="zh-CN" if language == "zh-hans" else "en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: dict[str, list[str]] = {}

    def visit(name: str, path: str) -> None:
        page.goto(live_server.url + prefix + path)
        check_page(page, language, name, problems)
        keep_screenshot(page, artifacts / f"a11y-{language}-{viewport}-{name}.png")

    try:
        visit("home", "/")
        visit("jobs", "/jobs/?city=guangzhou&city=beijing")
        visit("job", f"/jobs/{job.pk}/")
        visit("apply", f"/jobs/{job.pk}/apply/")
        # with errors: nothing filled in but the résumé
        page.set_input_files("#id_resume", str(resume))
        page.click("form.apply button[type='submit']")
        page.locator("#form-errors").wait_for()
        check_page(page, language, "apply-errors", problems)
        keep_screenshot(page, artifacts / f"a11y-{language}-{viewport}-apply-errors.png")
        # done
        page.fill("#id_full_name", "陈静")
        page.fill("#id_email", f"a11y.{language}.{viewport}@example.com")
        page.fill("#id_phone", "138 0013 8000")
        page.fill("#id_school", "中山大学")
        page.select_option("#id_degree", "master")
        page.select_option("#id_graduation_date_0", "2027")
        page.select_option("#id_graduation_date_1", "6")
        page.check("#id_consent")
        page.click("form.apply button[type='submit']")
        page.wait_for_url(re.compile(r"/applied/"))
        check_page(page, language, "applied", problems)
        link = re.search(r"https?://\S+/status/\S+/", mail.outbox[-1].body).group(0)
        page.goto(link)
        check_page(page, language, "status", problems)
        keep_screenshot(page, artifacts / f"a11y-{language}-{viewport}-status.png")
        visit("status-request", "/status/")
    finally:
        context.close()
    assert problems == {}


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_serious_accessibility_violation_on_the_staff_pages(
    live_server,
    browser,
    artifacts,
    staff,
    jobs,
    language,
):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900},
        bypass_csp=True,
        locale="zh-CN" if language == "zh-hans" else "en-US",
        extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9" if language == "zh-hans" else "en-US"},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: dict[str, list[str]] = {}
    try:
        page.goto(f"{live_server.url}/staff/")
        check_page(page, language, "login", problems)
        page.fill("#id_username", staff["admin"].username)
        page.fill("#id_password", f"{staff['admin'].username}-pass-123")
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/staff/$"))
        application = make_application(requisition=jobs, candidate=make_candidate(full_name="李雷"))
        for name, path in [
            ("home", "/staff/"),
            ("progress", "/staff/progress/"),
            ("pipeline", "/staff/pipeline/"),
            ("oversight", "/staff/oversight/"),
            ("requisitions", "/staff/requisitions/"),
            ("requisition", f"/staff/requisitions/{jobs.pk}/"),
            ("applicants-board", f"/staff/requisitions/{jobs.pk}/applicants/"),
            ("applicants-list", f"/staff/requisitions/{jobs.pk}/applicants/?view=list"),
            ("application", f"/staff/applications/{application.pk}/"),
            ("candidates", "/staff/candidates/"),
            ("import", "/staff/import/"),
            ("assessments", "/staff/campus/assessments/"),
            ("requisition-form", "/staff/requisitions/new/"),
        ]:
            page.goto(live_server.url + path)
            check_page(page, language, name, problems)
        keep_screenshot(page, artifacts / f"a11y-staff-{language}-requisition-form.png")
        # the requisition form with errors
        page.click("form.form-grid button[type=submit]")
        page.locator(".error").first.wait_for()
        check_page(page, language, "requisition-form-errors", problems)
    finally:
        context.close()
    assert problems == {}


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_portal_follows_the_browsers_language_and_remembers_the_switch(
    live_server,
    browser,
    jobs,
    viewport,
):
    context = _context(
        browser, viewport, locale="zh-CN", extra_http_headers={"Accept-Language": "zh-CN,zh;q=0.9"}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + "/")
        assert page.url.endswith("/zh-hans/")
        assert page.get_attribute("html", "lang") == "zh-Hans"
        hreflangs = page.eval_on_selector_all(
            "link[rel=alternate]", "els => els.map(e => e.hreflang + ' ' + new URL(e.href).pathname)"
        )
        assert sorted(hreflangs) == ["en /", "x-default /", "zh-Hans /zh-hans/"]
        page.click("header a[hreflang='en']")
        page.wait_for_url(re.compile(r"/$"))
        assert page.get_attribute("html", "lang") == "en"
        page.goto(live_server.url + "/")
        assert page.get_attribute("html", "lang") == "en"  # the choice outlasts the browser's language
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_job_search_on_a_phone(live_server, browser, artifacts, more_jobs, language):
    prefix = "/zh-hans" if language == "zh-hans" else ""
    context = _context(browser, "phone")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server.url}{prefix}/jobs/")
        # the first result is on the first screen; the filters wait behind one button with the count
        box = page.locator("ol.jobs li.job").first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844
        assert not page.locator("#facets").is_visible()
        toggle = page.locator(".facets-toggle")
        assert "7" in toggle.inner_text()
        keep_screenshot(page, artifacts / f"phone-search-{language}-1-first-screen.png")
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        # Hangzhou or Shanghai
        page.click("a[data-facet='city'][data-value='hangzhou']")
        page.wait_for_url(re.compile(r"city=hangzhou"))
        page.click("a[data-facet='city'][data-value='shanghai']")
        page.wait_for_url(re.compile(r"city=hangzhou&city=shanghai"))
        page.locator(".facets-toggle").filter(has_text="4").wait_for()
        assert page.locator("#facets").is_visible()  # still open after the partial update
        assert page.locator("ol.jobs li.job").count() == 4
        assert page.locator("ul.chips a[data-chip]").count() == 2
        keep_screenshot(page, artifacts / f"phone-search-{language}-2-two-cities.png")
        # remove Hangzhou with its chip
        page.locator("ul.chips a[data-chip]").first.click()
        page.wait_for_url(lambda url: "hangzhou" not in url)
        page.locator("ul.chips a[data-chip]").first.wait_for()
        assert page.locator("ul.chips a[data-chip]").count() == 1
        assert page.locator("ol.jobs li.job").count() == 2
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_apply_keeps_the_resume_shows_sending_and_the_data_comes_as_a_zip(
    live_server,
    browser,
    artifacts,
    jobs,
    tmp_path,
    language,
    viewport,
):
    prefix = "/zh-hans" if language == "zh-hans" else ""
    resume = tmp_path / "简历.pdf"
    content = pdf_bytes(text="Chen Jing - multimodal")
    resume.write_bytes(content)
    context = _context(browser, viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server.url}{prefix}/jobs/{jobs.pk}/apply/")
        # every field is labelled and its description exists
        dangling = page.evaluate(
            """() => Array.from(document.querySelectorAll('[aria-describedby]'))
                 .flatMap(el => el.getAttribute('aria-describedby').split(/\\s+/)
                 .filter(id => !document.getElementById(id)))"""
        )
        assert dangling == []
        page.set_input_files("#id_resume", str(resume))
        page.fill("#id_full_name", "陈静")
        page.fill("#id_email", f"keep.{language}.{viewport}@example.com")
        page.fill("#id_phone", "138 0013 8000")
        page.fill("#id_school", "中山大学")
        page.select_option("#id_degree", "master")
        page.select_option("#id_graduation_date_0", "2027")  # no month: an error
        page.check("#id_consent")
        page.evaluate(
            """() => document.addEventListener('htmx:beforeSend', () => {
                 window.__sending = {
                   disabled: document.querySelector("form.apply button[type='submit']").disabled,
                   shown: !document.getElementById('sending').hidden,
                 };
               })"""
        )
        page.click("form.apply button[type='submit']")
        page.locator("#form-errors").wait_for()
        assert page.evaluate("window.__sending") == {"disabled": True, "shown": True}
        assert page.locator("#id_graduation_date_error").is_visible()
        kept = page.locator("#kept-resume")
        assert "简历.pdf" in kept.inner_text()
        keep_screenshot(page, artifacts / f"apply-kept-{language}-{viewport}.png")
        # fix the month and send again without choosing the file
        page.select_option("#id_graduation_date_1", "6")
        page.click("form.apply button[type='submit']")
        page.wait_for_url(re.compile(r"/applied/"))
        application = Application.objects.get(requisition=jobs, candidate__email__startswith="keep.")
        with application.resume.file.open("rb") as handle:
            assert handle.read() == content
        # the data download from the status page
        link = re.search(r"https?://\S+/status/\S+/", mail.outbox[-1].body).group(0)
        page.goto(link)
        with page.expect_download() as download:
            page.click("a[href$='/data.zip']")
        archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
        data = archive.read("my-application-data.json").decode("utf-8")
        assert "陈静" in data and "中山大学" in data
        assert any(name.endswith("简历.pdf") for name in archive.namelist())
    finally:
        context.close()
