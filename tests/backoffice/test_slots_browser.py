"""In the browser: a recruiter offers two interview times from the application page, the candidate (in
Chinese, on a phone) books one on the status page, and the booking is on the recruiter's timeline with the
calendar invitations sent."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from talentdrive.interviews.models import Interview, SlotOffer, SlotOfferStatus
from tests.backoffice.test_hire_browser import _calendar_starts, _messages, _sign_in, hire_browser  # noqa: F401 - a fixture
from tests.browser.conftest import chromium_executable, keep_screenshot  # noqa: F401 - a fixture
from tests.factories import make_application, make_candidate, make_requisition, reseed_reference_data

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    reseed_reference_data()


@pytest.mark.browser
def test_the_candidate_books_an_offered_time_on_a_phone(
    live_server,
    hire_browser,  # noqa: F811 - the fixture imported above
    staff,
    drive,
    team,
    settings,
    tmp_path,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TALENTDRIVE_PORTAL_URL = live_server.url
    requisition = make_requisition(
        drive=drive,
        team=team,
        external_id="SH-EXP-LLM",
        title_en="LLM engineer",
        title_zh="大模型算法工程师",
        hiring_manager=staff["hiring_manager"],
        recruiters=[staff["recruiter"]],
    )
    candidate = make_candidate(full_name="韩梅梅", email="han.meimei@example.com")
    application = make_application(
        requisition=requisition, candidate=candidate, language="zh-hans", stage="technical_1"
    )
    ivan = staff["interviewer"]
    ivan.email = "ivan@example.test"
    ivan.save(update_fields=["email"])
    day = timezone.localtime(timezone.now(), SHANGHAI).date() + dt.timedelta(days=3)

    # the recruiter offers two times
    detail = f"/staff/applications/{application.pk}/"
    recruiter = _sign_in(hire_browser, live_server, staff["recruiter"], detail)
    recruiter.locator("summary", has_text="Offer times for the candidate to choose").click()
    recruiter.select_option("#sl-round", "technical_1")
    recruiter.fill("#sl-date-1", day.isoformat())
    recruiter.fill("#sl-time-1", "10:00")
    recruiter.fill("#sl-date-2", day.isoformat())
    recruiter.fill("#sl-time-2", "15:30")
    recruiter.fill("#sl-video", "https://meet.example.test/llm")
    recruiter.select_option("#sl-people", [str(ivan.pk)])
    recruiter.click("form[action$='/interview-times/'] button[type=submit]")
    recruiter.wait_for_load_state()
    assert "Times offered" in _messages(recruiter)
    offer = SlotOffer.objects.get()
    [email] = [message for message in mail.outbox if message.to == ["han.meimei@example.com"]]
    assert email.subject == "请选择大模型算法工程师职位的面试时间"
    link = re.search(r"http\S+/status/\S+/", email.body).group(0)

    # the candidate, on a phone, in Chinese, follows the email's link and books the afternoon
    phone = hire_browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, locale="zh-CN", timezone_id="Asia/Shanghai"
    )
    page = phone.new_page()
    page.set_default_timeout(20_000)
    page.goto(link)
    section = page.locator(f"#times-{offer.pk}")
    assert "请选择时间" in section.inner_text()
    assert f"{day.isoformat()}" in section.inner_text()
    section.get_by_label(re.compile("15:30")).check()
    keep_screenshot(page, tmp_path / "times.png")
    section.get_by_role("button", name="预约这个时间").click()
    page.wait_for_url(re.compile(r"\?booked=\d+"))
    assert "已预约" in page.locator("#your-interviews + ul").inner_text()
    interview = Interview.objects.get(application=application)
    assert interview.starts_at == dt.datetime.combine(day, dt.time(15, 30)).replace(tzinfo=SHANGHAI)
    offer.refresh_from_db()
    assert offer.status == SlotOfferStatus.PICKED
    assert page.locator(f"#times-{offer.pk}").count() == 0
    phone.close()

    # the invitations went out after the commit: the candidate's .ics starts at the chosen time
    starts = _calendar_starts("han.meimei@example.com")
    assert starts == [(dt.datetime.combine(day, dt.time(15, 30)).replace(tzinfo=SHANGHAI), "Asia/Shanghai")]

    # the recruiter's page shows the booking on the timeline, by the candidate
    recruiter.goto(f"{live_server.url}{detail}")
    timeline = recruiter.locator("ol.timeline").inner_text()
    assert f"Interview scheduled: Technical interview 1 · {day.isoformat()} 15:30" in timeline
    assert "the candidate" in timeline
