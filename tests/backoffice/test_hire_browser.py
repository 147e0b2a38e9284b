"""A campus applicant from applied to hired, in a real browser (Debian's chromium through Playwright).

Each role acts on its own pages, signed in through the login form: the recruiter moves the application
through the campus flow and schedules two technical interviews from the application page (the
invitations carry iCalendar attachments in Asia/Shanghai); each interviewer submits their scorecard from
their home page, and a tampered form from the second interviewer on the first interview is refused; the
recruiter moves to the HR round and drafts an offer within the band; the hiring manager and then the HR
head (leadership) approve it from "My approvals"; the recruiter sends it; the candidate accepts it on the
status page after the confirmation; leadership sees one more hire on the campus plan line of the
progress page, and none on the experienced line beside it.

Interviews are scheduled in the past through the form (the service takes any time), because a scorecard
can only be submitted once the interview has started and time cannot pass in a browser test.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from talentdrive.accounts.models import Role
from talentdrive.candidates.tokens import status_token_make
from talentdrive.interviews.models import Interview, Scorecard
from talentdrive.offers.models import Offer, OfferStatus
from talentdrive.pipeline.models import Stage
from talentdrive.plans.models import RequisitionStatus
from tests.browser.conftest import CHROMIUM_ARGS, chromium_executable  # noqa: F401 - a fixture
from tests.factories import (
    make_application,
    make_candidate,
    make_requisition,
    make_staff,
    reseed_reference_data,
)

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
CAMPUS_ROW = "Campus hiring (校园招聘)"
EXPERIENCED_ROW = "Experienced hiring (社会招聘)"
HIRED_COLUMN = 5  # target, open, draft, paused, filled, hired, not yet covered


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    # An earlier transactional test on this worker may have flushed the seeded rows (cities, focus
    # areas, salary bands, the approval chain, the offer letter).
    reseed_reference_data()


@pytest.fixture
def hire_browser(chromium_executable):  # noqa: F811 - the fixture imported above
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def campus(drive, team, staff, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    requisition = make_requisition(
        drive=drive,
        team=team,
        channel="campus",
        area="llm",
        external_id="SH-CAMPUS-LLM",
        title_en="LLM engineer (campus)",
        title_zh="大模型算法工程师（校招）",
        headcount=1,
        hiring_manager=staff["hiring_manager"],
        recruiters=[staff["recruiter"]],
    )
    # The experienced line of the same city, area and team, with one hire already: it must not move.
    experienced = make_requisition(
        drive=drive, team=team, channel="experienced", area="llm", external_id="SH-EXP-LLM", headcount=2
    )
    make_application(requisition=experienced, stage=Stage.HIRED)
    candidate = make_candidate(full_name="Li Lei", email="li.lei@example.com")
    application = make_application(
        requisition=requisition, candidate=candidate, language="en", school="Zhejiang University"
    )
    ivan = staff["interviewer"]
    ivan.email = "ivan@example.test"
    ivan.save(update_fields=["email"])
    iris = make_staff(Role.INTERVIEWER, username="iris", email="iris@example.test")
    return requisition, application, ivan, iris


def _sign_in(browser, live_server, user, path):
    """A fresh browser context for ``user`` (in Shanghai), signed in through the login form at ``path``."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}{path}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", f"{user.username}-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(re.escape(path.split("?")[0]) + r"(\?.*)?$"))
    return page


def _messages(page) -> str:
    return page.locator("ul.messages").inner_text()


def _schedule(page, *, stage_code, starts_at, interviewer):
    page.locator("summary", has_text="Schedule an interview").click()
    page.select_option("#iv-round", stage_code)
    page.fill("#iv-date", starts_at.strftime("%Y-%m-%d"))
    page.fill("#iv-time", starts_at.strftime("%H:%M"))
    page.select_option("#iv-zone", "Asia/Shanghai")
    page.fill("#iv-location", "Room 3")
    page.select_option("#iv-people", [str(interviewer.pk)])
    page.click("form[action$='/interviews/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Interview scheduled" in _messages(page)


def _fill_scorecard(page, interview, *, rating, recommendation):
    """Rate every focus attribute of the interview's round (the form must list exactly those)."""
    names = page.locator("input[type=radio][name^=rating_]").evaluate_all(
        "inputs => [...new Set(inputs.map(input => input.name))]"
    )
    assert names == [f"rating_{code}" for code in interview.round.focus_attributes]
    for name in names:
        page.check(f"input[name={name}][value='{rating}']")
    page.check(f"input[name=recommendation][value={recommendation}]")
    page.fill("#scorecard-notes", "Clear reasoning about sharded training.")


def _calendar_starts(recipient: str) -> list[tuple[dt.datetime, str]]:
    starts = []
    for message in mail.outbox:
        if message.to != [recipient]:
            continue
        for part in message.message().walk():
            if part.get_content_type() == "text/calendar":
                calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
                assert str(calendar["METHOD"]) == "REQUEST"
                event = calendar.walk("VEVENT")[0]
                starts.append((event["DTSTART"].dt, event["DTSTART"].params.get("TZID")))
    return starts


def _hired(page, label: str) -> int:
    row = page.locator("table.progress tbody tr").filter(has=page.locator("th", has_text=label))
    return int(row.locator("td.num").nth(HIRED_COLUMN).inner_text().replace(",", ""))


def _progress_by_channel(page, live_server, drive):
    """Leadership's progress page, drilled from the cities into Shanghai's channels (one plan line each)."""
    page.goto(f"{live_server.url}/staff/progress/?drive={drive.code}&group=city")
    page.locator("table.progress tbody th a", has_text="Shanghai").click()
    page.wait_for_url(re.compile(r"group=channel"))
    page.locator("table.progress caption", has_text="By Channel").wait_for()
    return _hired(page, CAMPUS_ROW), _hired(page, EXPERIENCED_ROW)


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_campus_applicant_goes_from_applied_to_hired(live_server, hire_browser, staff, drive, campus):
    requisition, application, ivan, iris = campus
    detail = f"/staff/applications/{application.pk}/"

    # leadership's figures before: the campus line has no hire, the experienced line one
    leader = _sign_in(hire_browser, live_server, staff["leadership"], "/staff/progress/")
    campus_before, experienced_before = _progress_by_channel(leader, live_server, drive)
    assert (campus_before, experienced_before) == (0, 1)

    # the recruiter: online assessment, passed, on to the first technical round, scheduled yesterday
    # but one (in the past: see the module's docstring)
    recruiter = _sign_in(hire_browser, live_server, staff["recruiter"], detail)
    today = timezone.localtime(timezone.now(), SHANGHAI).date()
    first_start = dt.datetime.combine(today - dt.timedelta(days=2), dt.time(10, 0), tzinfo=SHANGHAI)
    second_start = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(14, 30), tzinfo=SHANGHAI)
    for stage in ("online_assessment", "technical_1"):
        recruiter.click(f"button[name=stage][value={stage}]")
        recruiter.wait_for_load_state()
        assert "Moved to" in _messages(recruiter)
    _schedule(recruiter, stage_code="technical_1", starts_at=first_start, interviewer=ivan)
    recruiter.click("button[name=stage][value=technical_2]")
    recruiter.wait_for_load_state()
    assert "Moved to" in _messages(recruiter)
    _schedule(recruiter, stage_code="technical_2", starts_at=second_start, interviewer=iris)
    first = Interview.objects.get(application=application, stage_code="technical_1")
    second = Interview.objects.get(application=application, stage_code="technical_2")
    assert list(first.interviewers.all()) == [ivan] and list(second.interviewers.all()) == [iris]
    assert first.starts_at == first_start and second.starts_at == second_start
    interviews = recruiter.locator("section[aria-labelledby=interviews-title]").inner_text()
    assert first_start.strftime("%Y-%m-%d %H:%M") in interviews  # shown in the viewer's zone, Shanghai
    assert second_start.strftime("%Y-%m-%d %H:%M") in interviews

    # the invitations: each person's .ics parses and starts at the scheduled time, in Shanghai
    assert _calendar_starts("ivan@example.test") == [(first_start, "Asia/Shanghai")]
    assert _calendar_starts("iris@example.test") == [(second_start, "Asia/Shanghai")]
    assert sorted(_calendar_starts("li.lei@example.com")) == [
        (first_start, "Asia/Shanghai"),
        (second_start, "Asia/Shanghai"),
    ]
    for start, _zone in _calendar_starts("li.lei@example.com"):
        assert start.utcoffset() == dt.timedelta(hours=8)

    # the first interviewer: the scorecard due on the home page, submitted
    ivan_page = _sign_in(hire_browser, live_server, ivan, "/staff/")
    ivan_page.click(f"a[href$='/interviews/{first.pk}/scorecard/']")
    ivan_page.wait_for_url(re.compile(rf"/interviews/{first.pk}/scorecard/$"))
    _fill_scorecard(ivan_page, first, rating="3", recommendation="yes")
    ivan_page.click("button:has-text('Submit the scorecard')")
    ivan_page.wait_for_url(re.compile(rf"{detail}$"))
    assert "Scorecard submitted." in _messages(ivan_page)

    # the second interviewer: the first interview is not hers, so its scorecard page does not exist for
    # her (404, which does not even confirm the interview), and her own form pointed at it is refused
    iris_page = _sign_in(hire_browser, live_server, iris, "/staff/")
    first_url = f"/staff/interviews/{first.pk}/scorecard/"
    assert iris_page.locator(f"a[href$='{first_url}']").count() == 0
    assert iris_page.goto(f"{live_server.url}{first_url}").status == 404
    iris_page.goto(f"{live_server.url}/staff/")
    iris_page.click(f"a[href$='/interviews/{second.pk}/scorecard/']")
    iris_page.wait_for_url(re.compile(rf"/interviews/{second.pk}/scorecard/$"))
    _fill_scorecard(iris_page, second, rating="4", recommendation="strong_yes")
    iris_page.locator("form.card").evaluate(
        "(form, action) => form.setAttribute('action', action)", first_url
    )
    with iris_page.expect_response(lambda response: response.url.endswith(first_url)) as tampered:
        iris_page.click("button:has-text('Submit the scorecard')")
    assert tampered.value.request.method == "POST" and tampered.value.status == 404
    assert not Scorecard.objects.filter(interview=first, interviewer=iris).exists()
    # now her own, as it should be
    iris_page.goto(f"{live_server.url}/staff/interviews/{second.pk}/scorecard/")
    _fill_scorecard(iris_page, second, rating="4", recommendation="strong_yes")
    iris_page.click("button:has-text('Submit the scorecard')")
    iris_page.wait_for_url(re.compile(rf"{detail}$"))
    assert "Scorecard submitted." in _messages(iris_page)
    cards = {(card.interview_id, card.interviewer_id) for card in Scorecard.objects.all()}
    assert cards == {(first.pk, ivan.pk), (second.pk, iris.pk)}

    # the recruiter reads both scorecards, moves to the HR round and drafts an offer within the band
    recruiter.goto(f"{live_server.url}{detail}")
    assert recruiter.locator("article.scorecard").count() == 2
    recruiter.click("button[name=stage][value=hr_interview]")
    recruiter.wait_for_load_state()
    assert "Moved to" in _messages(recruiter)
    application.refresh_from_db()
    assert application.stage == "hr_interview"
    recruiter.click("a:has-text('Draft an offer')")
    recruiter.wait_for_url(re.compile(r"/offers/new/$"))
    start_date = today + dt.timedelta(days=60)
    recruiter.select_option("#id_level", "engineer")
    recruiter.fill("#id_salary", "420000")
    recruiter.fill("#id_sign_on_bonus", "30000")
    recruiter.fill("#id_start_date", start_date.isoformat())
    recruiter.fill("#id_expires_on", (today + dt.timedelta(days=14)).isoformat())
    recruiter.select_option("#id_language", "en")
    recruiter.click("button:has-text('Save draft')")
    recruiter.wait_for_url(re.compile(rf"{detail}$"))
    assert "Offer drafted" in _messages(recruiter)
    offer = Offer.objects.get(application=application)
    assert (offer.status, offer.salary, offer.above_band) == (OfferStatus.DRAFT, 420_000, False)
    recruiter.click(f"form[action$='/offers/{offer.pk}/submit/'] button")
    recruiter.wait_for_load_state()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PENDING_APPROVAL

    # the hiring manager, then the HR head (leadership), approve from "My approvals"
    # (the HR head's step waits for the hiring manager's: nothing in leadership's navigation yet)
    leader.goto(f"{live_server.url}/staff/")
    assert leader.locator("nav a:has-text('My approvals')").count() == 0
    manager = _sign_in(hire_browser, live_server, staff["hiring_manager"], "/staff/")
    for page in (manager, leader):
        page.goto(f"{live_server.url}/staff/")
        page.click("nav a:has-text('My approvals')")
        page.wait_for_url(re.compile(r"/staff/approvals/$"))
        section = page.locator(f"section[aria-labelledby=approval-{offer.pk}]")
        assert "SH-CAMPUS-LLM" in section.inner_text()
        section.locator("button[name=decision][value=approve]").click()
        page.wait_for_url(re.compile(r"/staff/approvals/$"))
        assert page.locator(f"section[aria-labelledby=approval-{offer.pk}]").count() == 0
    offer.refresh_from_db()
    assert offer.status == OfferStatus.APPROVED
    decided = list(offer.approvals.order_by("pk").values_list("decided_by", flat=True))
    assert decided == [staff["hiring_manager"].pk, staff["leadership"].pk]

    # the recruiter sends it: the application moves to the flow's offer stage
    recruiter.goto(f"{live_server.url}{detail}")
    recruiter.click(f"form[action$='/offers/{offer.pk}/send/'] button")
    recruiter.wait_for_load_state()
    offer.refresh_from_db()
    application.refresh_from_db()
    assert offer.status == OfferStatus.SENT and application.stage == "offer"

    # the candidate accepts on the status page, after the confirmation
    candidate = hire_browser.new_context(timezone_id="Asia/Shanghai").new_page()
    candidate.set_default_timeout(20_000)
    status_path = f"/status/{status_token_make(candidate=application.candidate)}/"
    candidate.goto(f"{live_server.url}{status_path}")
    candidate.locator(f"#offer-{offer.pk} a:has-text('Accept the offer')").click()
    candidate.wait_for_url(re.compile(r"/accept/$"))
    assert "You are about to accept the offer for LLM engineer (campus)" in candidate.content()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT  # nothing accepted before the confirmation
    candidate.click("button:has-text('Yes, I accept')")
    candidate.wait_for_url(re.compile(re.escape(status_path)))
    assert "Accepted" in candidate.locator(f"#offer-{offer.pk}").inner_text()
    offer.refresh_from_db()
    application.refresh_from_db()
    requisition.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED and application.stage == Stage.HIRED
    assert requisition.status == RequisitionStatus.FILLED  # its one headcount

    # leadership: one more hire on the campus line, none on the experienced line
    assert _progress_by_channel(leader, live_server, drive) == (campus_before + 1, experienced_before)
