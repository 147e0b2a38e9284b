"""A recruiter's day in the workspace, in a real browser (Debian's chromium through Playwright).

Filter a requisition's applicants, open one, read the résumé and the match explanation, add a note, move
the candidate two stages, reject another with an email template (the email reaches the outbox in the
candidate's language), bulk-reject five, read the timeline; then the candidate sees the new stage on the
status page.
"""

from __future__ import annotations

import os
import re

import pytest
from django.core import mail
from django.core.cache import cache

from talentdrive.candidates.tokens import status_token_make
from talentdrive.matching import store
from talentdrive.pipeline.models import CandidateEmail, Note, Stage, StageChange
from talentdrive.resumes.services import resume_attach, resume_parse
from tests.actors import TEST_ACTOR
from tests.browser.conftest import CHROMIUM_ARGS, chromium_executable, keep_screenshot  # noqa: F401 - a fixture
from tests.factories import (
    make_application,
    make_candidate,
    make_requisition,
    pdf_bytes,
    reseed_reference_data,
)

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

RESUME = (
    "Li Lei - machine learning engineer. Skills: PyTorch, distributed training, CUDA. "
    "PhD in computer science, Zhejiang University."
)


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


@pytest.fixture
def workspace(drive, team, staff, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    settings.STORAGES = {
        **settings.STORAGES,
        store.STORAGE_ALIAS: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "matching")},
        },
    }
    store.reset()
    cache.clear()
    requisition = make_requisition(
        drive=drive,
        team=team,
        channel="campus",
        area="llm",
        external_id="HZ-CAMPUS-LLM",
        title_en="LLM engineer (campus)",
        title_zh="大模型算法工程师（校招）",
        must_skills=["pytorch", "distributed-training"],
        nice_skills=[],
        recruiters=[staff["recruiter"]],
    )
    li = make_candidate(full_name="Li Lei", email="li.lei@example.com")
    resume = resume_attach(
        candidate=li, filename="li-lei.pdf", content=pdf_bytes(text=RESUME), actor=TEST_ACTOR
    )
    resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    applications = {
        "li": make_application(requisition=requisition, candidate=li, resume=resume, language="en"),
        "han": make_application(
            requisition=requisition,
            candidate=make_candidate(full_name="韩梅梅", email="han.meimei@example.com"),
            language="zh-hans",
        ),
    }
    for number in range(5):
        candidate = make_candidate(full_name=f"Bulk Applicant {number}", email=f"bulk{number}@example.com")
        applications[f"bulk{number}"] = make_application(requisition=requisition, candidate=candidate)
    yield requisition, applications
    store.reset()
    cache.clear()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_recruiters_day_in_the_workspace(live_server, staff_browser, staff, workspace, tmp_path):
    requisition, applications = workspace
    page = staff_browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/staff/requisitions/{requisition.pk}/applicants/")
    page.fill("#id_username", staff["recruiter"].username)
    page.fill("#id_password", f"{staff['recruiter'].username}-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/applicants/"))

    # filter the board by name: one card left
    page.fill("#f-q", "Li Lei")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url(re.compile(r"q=Li\+Lei"))
    assert page.locator(".applicant-card").count() == 1

    # open the candidate: the résumé shown inline and the match in sentences
    page.click(".applicant-card a")
    page.wait_for_url(re.compile(r"/applications/\d+/$"))
    frame = page.locator("iframe.resume-frame")
    assert frame.count() == 1
    resume = page.request.get(live_server.url + frame.get_attribute("src"))
    assert resume.status == 200 and resume.headers["content-type"] == "application/pdf"
    reasons = page.locator("section[aria-labelledby=match-title] ul.reasons").inner_text()
    assert "Meets 2 of 2 must-haves" in reasons

    # a note, then two moves: online assessment, then the first technical interview
    page.fill("#note-body", "Strong PyTorch answers on the phone screen.")
    page.click("form[action$='/notes/'] button[type=submit]")
    page.locator(".messages, [role=status], .message").first.wait_for()
    for stage in ("online_assessment", "technical_1"):
        page.click(f"button[name=stage][value={stage}]")
        page.wait_for_load_state()
        assert "Moved to" in page.content()
    li = applications["li"]
    li.refresh_from_db()
    assert li.stage == "technical_1"
    assert Note.objects.filter(candidate=li.candidate).count() == 1

    # the timeline shows the note and both moves
    timeline = page.locator("ol.timeline").inner_text()
    assert "Strong PyTorch answers" in timeline
    assert timeline.count("→") == 2

    # reject Han Meimei with the default template: the email goes out in Chinese
    han = applications["han"]
    page.goto(f"{live_server.url}/staff/applications/{han.pk}/")
    page.select_option("#reject-reason", "skills")
    page.select_option("#reject-email", "rejection_default")
    page.click("form[action$='/reject/'] button[type=submit]")
    page.wait_for_load_state()
    han.refresh_from_db()
    assert han.stage == Stage.REJECTED
    sent = [message for message in mail.outbox if message.to == ["han.meimei@example.com"]]
    assert len(sent) == 1 and "感谢" in sent[0].body
    assert CandidateEmail.objects.get(application=han).status == "sent"

    # bulk-reject the five others from the ranked list
    page.goto(f"{live_server.url}/staff/requisitions/{requisition.pk}/applicants/?view=list")
    for number in range(5):
        page.check(f"#select-{applications[f'bulk{number}'].pk}")
    page.select_option("#bulk-reason", "position_filled")
    page.select_option("#bulk-email", "")
    page.click("button[name=action][value=reject]")
    page.wait_for_load_state()
    assert "5 applications updated." in page.content()
    rejected = StageChange.objects.filter(to_stage=Stage.REJECTED, application__requisition=requisition)
    assert rejected.count() == 6
    keep_screenshot(page, str(tmp_path / "workspace-list.png"))

    # the candidate's status page shows the new stage in public wording
    candidate_page = staff_browser.new_page()
    candidate_page.goto(f"{live_server.url}/status/{status_token_make(candidate=li.candidate)}/")
    assert candidate_page.locator(".stage").first.get_attribute("data-stage") == "interviewing"
    assert candidate_page.locator("ol.steps li[aria-current=step]").inner_text() == "Interviewing"
