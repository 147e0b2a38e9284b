"""Scheduling: plans from the flow, double-booking, the weekly cap, and the calendar emails."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.core import mail

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.interviews.errors import InterviewRefused
from talentdrive.interviews.models import Interview, InterviewInvitation, InterviewPlan
from talentdrive.interviews.plans import interview_plan_ensure
from talentdrive.interviews.services import interview_cancel, interview_reschedule, interview_schedule
from talentdrive.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests import factories
from tests.actors import TEST_ACTOR
from tests.interviews.conftest import SHANGHAI, at

pytestmark = pytest.mark.django_db(transaction=False)


def _schedule(room, *, start=None, interviewers=None, application=None, **extra):
    return interview_schedule(
        application_id=(application or room.application).pk,
        stage_code=extra.pop("stage_code", "technical_1"),
        starts_at=start or at(8, 10),
        interviewer_ids=[u.pk for u in (interviewers or room.interviewers[:1])],
        actor=room.recruiter,
        video_url="https://meet.example.test/abc",
        **extra,
    )


def _calendars(messages):
    found = []
    for message in messages:
        for part in message.message().walk():
            if part.get_content_type() == "text/calendar":
                found.append((message.to[0], icalendar.Calendar.from_ical(part.get_payload(decode=True))))
    return found


def test_the_plan_follows_the_flow_and_the_focus_area(room):
    plan = interview_plan_ensure(requisition=room.requisition, actor=TEST_ACTOR)
    rounds = {r.stage_code: r for r in plan.rounds.all()}
    assert list(rounds) == ["technical_1", "technical_2", "hiring_manager_interview", "hr_interview"]
    assert rounds["technical_1"].focus_attributes == [
        "modelling_depth",
        "coding",
        "systems",
        "research_taste",
    ]
    assert rounds["hr_interview"].focus_attributes == ["motivation", "communication", "collaboration"]
    assert interview_plan_ensure(requisition=room.requisition, actor=TEST_ACTOR) == plan
    assert AuditEvent.objects.filter(action=AuditAction.INTERVIEW_PLAN_CREATE).count() == 1


def test_hardware_roles_are_assessed_on_their_own_attributes(drive, team):
    requisition = factories.make_requisition(drive=drive, team=team, area="ai-hardware", external_id="HW")
    plan = interview_plan_ensure(requisition=requisition, actor=TEST_ACTOR)
    assert plan.rounds.get(stage_code="technical_1").focus_attributes[0] == "computer_architecture"


def test_scheduling_invites_the_candidate_in_chinese_and_each_interviewer(
    room, django_capture_on_commit_callbacks
):
    # given: a webhook endpoint listening
    WebhookEndpoint.objects.create(url="https://hooks.example.test/in")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        interview = _schedule(room, interviewers=room.interviewers)
    # then
    calendars = dict(_calendars(mail.outbox))
    assert set(calendars) == {"li.lei@example.test", "ivan@example.test", "iris@example.test"}
    candidate_mail = next(m for m in mail.outbox if m.to == ["li.lei@example.test"])
    assert "面试" in candidate_mail.subject
    event = calendars["li.lei@example.test"].walk("VEVENT")[0]
    assert calendars["li.lei@example.test"]["METHOD"] == "REQUEST"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == at(8, 10)
    assert str(event.decoded("DTSTART").tzinfo) == "Asia/Shanghai"
    assert "李雷" not in calendars["ivan@example.test"].to_ical().decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.INTERVIEW_SCHEDULE, target_id=str(interview.pk)
    ).exists()
    assert WebhookDelivery.objects.filter(event_type="interview.scheduled").count() == 1
    assert InterviewInvitation.objects.filter(sent_at__isnull=False).count() == 3


def test_a_second_run_of_the_task_sends_nothing_more(room, django_capture_on_commit_callbacks):
    from talentdrive.interviews.tasks import interview_invitations_send_task

    with django_capture_on_commit_callbacks(execute=True):
        interview = _schedule(room)
    sent = len(mail.outbox)
    assert interview_invitations_send_task.call(interview.pk) == 0
    assert len(mail.outbox) == sent == 2


def test_reschedule_sends_a_higher_sequence_at_the_new_time(room, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        interview = _schedule(room)
    mail.outbox.clear()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        interview_reschedule(interview_id=interview.pk, starts_at=at(9, 15, 30), actor=room.recruiter)
    # then
    calendars = _calendars(mail.outbox)
    assert len(calendars) == 2
    for _, calendar in calendars:
        event = calendar.walk("VEVENT")[0]
        assert calendar["METHOD"] == "REQUEST"
        assert event["SEQUENCE"] == 1
        assert event["UID"] == f"{interview.uid}@talentdrive"
        assert event.decoded("DTSTART") == at(9, 15, 30)
        assert event.decoded("DTSTART").tzinfo.key == "Asia/Shanghai"
        assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=60)


def test_changing_interviewers_cancels_for_the_one_taken_off(room, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        interview = _schedule(room)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interview_reschedule(
            interview_id=interview.pk,
            starts_at=at(8, 10),
            interviewer_ids=[room.interviewers[1].pk],
            actor=room.recruiter,
        )
    methods = {to: str(calendar["METHOD"]) for to, calendar in _calendars(mail.outbox)}
    assert methods == {
        "ivan@example.test": "CANCEL",
        "iris@example.test": "REQUEST",
        "li.lei@example.test": "REQUEST",
    }


def test_cancel_sends_method_cancel(room, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(url="https://hooks.example.test/in")
    with django_capture_on_commit_callbacks(execute=True):
        interview = _schedule(room)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interview_cancel(interview_id=interview.pk, actor=room.recruiter, reason="candidate asked")
    calendars = _calendars(mail.outbox)
    assert len(calendars) == 2
    for _, calendar in calendars:
        assert calendar["METHOD"] == "CANCEL"
        assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1
        assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert WebhookDelivery.objects.filter(event_type="interview.cancelled").count() == 1


def test_double_booking_an_interviewer_is_refused_naming_the_event(room, drive, team):
    # given: the interviewer is booked 10:00-11:00 on R-INT
    _schedule(room)
    other = factories.make_application(
        requisition=factories.make_requisition(drive=drive, team=team, external_id="R-OTHER"),
        stage="technical_1",
    )
    before = (Interview.objects.count(), InterviewInvitation.objects.count(), AuditEvent.objects.count())
    # when: another application at 10:30 with the same interviewer
    with pytest.raises(InterviewRefused) as refused:
        _schedule(room, application=other, start=at(8, 10, 30))
    # then
    assert refused.value.code == "interviewer_busy"
    assert refused.value.params["when"] == "2026-12-08 10:00"
    assert refused.value.params["requisition"] == "R-INT"
    assert (
        Interview.objects.count(),
        InterviewInvitation.objects.count(),
        AuditEvent.objects.count(),
    ) == before


def test_double_booking_the_candidate_is_refused(room):
    _schedule(room)
    with pytest.raises(InterviewRefused) as refused:
        _schedule(room, interviewers=room.interviewers[1:], start=at(8, 10, 45), stage_code="technical_2")
    assert refused.value.code == "candidate_busy"
    assert Interview.objects.count() == 1


def test_back_to_back_interviews_are_not_a_clash(room):
    _schedule(room)
    _schedule(room, interviewers=room.interviewers[1:], start=at(8, 11), stage_code="technical_2")
    assert Interview.objects.count() == 2


def test_the_weekly_cap_refuses_one_more(room, settings, drive, team):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 2}
    requisition = factories.make_requisition(drive=drive, team=team, external_id="R-CAP")
    applications = [
        factories.make_application(requisition=requisition, stage="technical_1") for _ in range(3)
    ]
    _schedule(room, application=applications[0], start=at(7, 10))
    _schedule(room, application=applications[1], start=at(13, 10))  # Sunday: still the same week
    with pytest.raises(InterviewRefused) as refused:
        _schedule(room, application=applications[2], start=at(9, 15))
    assert refused.value.code == "load_cap"
    assert refused.value.params["week"] == "2026-12-07"
    # the next week is free again
    _schedule(room, application=applications[2], start=at(14, 10))
    assert Interview.objects.count() == 3


def test_only_those_who_may_move_the_application_schedule(room):
    with pytest.raises(InterviewRefused) as refused:
        interview_schedule(
            application_id=room.application.pk,
            stage_code="technical_1",
            starts_at=at(8, 10),
            interviewer_ids=[room.interviewers[0].pk],
            actor=room.staff["other_recruiter"],
        )
    assert refused.value.code == "not_allowed"
    assert not InterviewPlan.objects.exists()


def test_a_stage_that_is_no_interview_round_is_refused(room):
    with pytest.raises(InterviewRefused) as refused:
        _schedule(room, stage_code="resume_screen")
    assert refused.value.code == "not_an_interview_stage"


def test_the_time_is_kept_in_the_chosen_zone(room, django_capture_on_commit_callbacks):
    start = dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        _schedule(room, start=start, time_zone="Europe/London")
    event = _calendars(mail.outbox)[0][1].walk("VEVENT")[0]
    assert event.decoded("DTSTART").tzinfo.key == "Europe/London"
    assert event.decoded("DTSTART").astimezone(SHANGHAI) == at(8, 17)
