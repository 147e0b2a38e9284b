"""The interview-day endpoints: who reads a day, and what re-planning and booking answer once the plan's
people have changed."""

from __future__ import annotations

import pytest

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.interview_days import interview_day_plan
from talentdrive.campus.models import InterviewDayAssignment
from talentdrive.interviews.models import Interview
from talentdrive.pipeline.models import Application
from tests.api.conftest import call
from tests.campus.test_interview_days import _day

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def roomy_week(settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 20}


def test_a_recruiter_out_of_scope_neither_lists_nor_reads_the_day(client, tokens, drive, team, staff):
    day, *_ = _day(drive, team, staff, candidates=1, technical=2)
    assert call(client, tokens, "other_recruiter", "get", "/api/interview-days").json() == []
    missing = call(client, tokens, "other_recruiter", "get", f"/api/interview-days/{day.pk}/plan")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    refused = call(client, tokens, "other_recruiter", "post", f"/api/interview-days/{day.pk}/book")
    assert refused.status_code == 404
    for who in ("recruiter", "hiring_manager", "leadership"):
        listed = call(client, tokens, who, "get", "/api/interview-days").json()
        assert [d["id"] for d in listed] == [day.pk], who


def test_a_replan_answers_how_many_interviews_were_dropped(client, tokens, drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    # given a planned candidate who moved on to the second round
    Application.objects.filter(pk=apps[0].pk).update(stage="technical_2")
    gone = InterviewDayAssignment.objects.get(application=apps[0], stage_code="technical_2").interviewer_id
    response = call(
        client,
        tokens,
        "recruiter",
        "post",
        f"/api/interview-days/{day.pk}/replan",
        {"interviewer_id": gone},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["dropped"] == 1 and body["not_placed_again"] == []
    assert InterviewDayAssignment.objects.filter(application=apps[0]).count() == 2


def test_booking_lists_what_it_left_out_and_never_invites_the_dropped_interviewer(
    client, tokens, drive, team, staff
):
    day, apps, people, hr = _day(drive, team, staff, candidates=2, technical=2)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    replanned = call(
        client,
        tokens,
        "recruiter",
        "post",
        f"/api/interview-days/{day.pk}/replan",
        {"interviewer_id": people[0].pk},
    ).json()
    assert sorted(replanned["not_placed_again"]) == sorted(a.pk for a in apps)
    response = call(client, tokens, "recruiter", "post", f"/api/interview-days/{day.pk}/book")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["booked"] == 0 and len(body["skipped"]) == 6
    dropped = [s for s in body["skipped"] if s["reason"] == "interviewer_dropped_out"]
    assert {s["interviewer_id"] for s in dropped} == {people[0].pk}
    assert all("dropped out" in s["message"] for s in dropped)
    assert not Interview.objects.filter(interviewers=people[0]).exists()


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("plan", "[]"),
        ("plan", "[{}]"),
        ("plan", "null"),
        ("plan", "10"),
        ("plan", '"accept_partial"'),
        ("replan", "[]"),
        ("move", "[]"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused_and_nothing_is_planned(
    client, tokens, drive, team, staff, action, body
):
    # given a day with nothing planned yet
    day, *_ = _day(drive, team, staff, candidates=1, technical=2)
    # when the body is JSON, but not an object of named fields
    response = client.post(
        f"/api/interview-days/{day.pk}/{action}",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {tokens['recruiter']}",
    )
    # then it is refused in the API's error shape, saying what the body must be, and the defaults are not used
    assert response.status_code == 400, response.content
    answer = response.json()
    assert answer["code"] == "invalid" and answer["field"] is None
    assert "must be a JSON object" in answer["message"], answer
    assert not InterviewDayAssignment.objects.filter(day=day).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.INTERVIEW_DAY_PLAN).exists()
