from __future__ import annotations

import pytest

from talentdrive.accounts.models import Role
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.core.verify import plan_violations
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.interview_days import (
    _current,
    interview_day_book,
    interview_day_plan,
    interview_day_replan,
    interview_day_setting,
)
from talentdrive.campus.models import (
    InterviewDay,
    InterviewDayAssignment,
    InterviewDayInterviewer,
    InterviewDayRoom,
)
from talentdrive.interviews.models import Interview, InterviewInvitation, InterviewStatus
from tests.factories import make_application, make_requisition, make_staff

pytestmark = pytest.mark.django_db

DATE = "2026-10-20"


@pytest.fixture(autouse=True)
def roomy_week(settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 20}


def _day(drive, team, staff, *, candidates: int, technical: int = 3):
    requisition = make_requisition(
        drive=drive, team=team, channel="campus", external_id="CAMPUS-DAY", recruiters=[staff["recruiter"]]
    )
    apps = [
        make_application(requisition=requisition, stage="technical_1", school=f"S{n}")
        for n in range(candidates)
    ]
    day = InterviewDay.objects.create(
        drive=drive,
        city=requisition.plan_line.city,
        name="Shanghai day",
        dates=[DATE],
        day_start="09:00",
        day_end="13:30",
        slot_minutes=45,
        stage_codes=["technical_1", "technical_2", "hr_interview"],
        general_stage_codes=["hr_interview"],
    )
    day.requisitions.set([requisition])
    InterviewDayRoom.objects.create(day=day, name="Room 101", capacity=3)
    InterviewDayRoom.objects.create(
        day=day, name="Video", capacity=3, video_url="https://meet.example.com/hr"
    )
    window = [{"date": DATE, "start": "09:00", "end": "13:30"}]
    people = []
    for n in range(technical):
        user = make_staff(Role.INTERVIEWER)
        InterviewDayInterviewer.objects.create(
            day=day, user=user, focus_areas=["llm"], languages=["zh", "en"], windows=window, daily_cap=6
        )
        people.append(user)
    hr = make_staff(Role.INTERVIEWER)
    InterviewDayInterviewer.objects.create(
        day=day, user=hr, focus_areas=[], languages=["zh", "en"], windows=window
    )
    return day, apps, people, hr


def test_a_day_is_planned_booked_as_interviews_and_replanned_without_one_interviewer(drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=4, technical=4)
    # when planned
    outcome = interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=3)
    # then every candidate has three rounds, none breaking a hard constraint
    assert outcome.saved and outcome.unplaced == 0 and outcome.placed == 4
    assert InterviewDayAssignment.objects.filter(day=day).count() == 12
    setting = interview_day_setting(day)
    assert plan_violations(setting.problem, _current(day, setting)) == []
    # when booked: real interviews with invitations to the candidate and the interviewer
    assert interview_day_book(day_id=day.pk, actor=staff["recruiter"]) == 12
    assert Interview.objects.filter(status=InterviewStatus.SCHEDULED).count() == 12
    assert InterviewInvitation.objects.count() == 24
    # when a technical interviewer drops out
    dropped = people[0]
    theirs = set(
        InterviewDayAssignment.objects.filter(day=day, interviewer=dropped).values_list("pk", flat=True)
    )
    others = {
        a.pk: (a.starts_at, a.interviewer_id)
        for a in InterviewDayAssignment.objects.filter(day=day).exclude(interviewer=dropped)
    }
    result = interview_day_replan(day_id=day.pk, interviewer_id=dropped.pk, actor=staff["recruiter"])
    # then their interviews moved to others and nothing else changed
    assert result.unplaced == 0
    assert not InterviewDayAssignment.objects.filter(day=day, interviewer=dropped).exists()
    for a in InterviewDayAssignment.objects.filter(day=day).exclude(pk__in=theirs):
        assert (a.starts_at, a.interviewer_id) == others[a.pk]
    assert not Interview.objects.filter(status=InterviewStatus.SCHEDULED, interviewers=dropped).exists()
    assert AuditEvent.objects.filter(action=AuditAction.INTERVIEW_DAY_REPLAN).count() == 1
    setting = interview_day_setting(day)
    assert plan_violations(setting.problem, _current(day, setting)) == []


def test_more_candidates_than_slots_is_not_saved_and_says_what_binds(drive, team, staff):
    # given one HR interviewer with four slots a candidate can reach after two technical rounds
    day, apps, people, hr = _day(drive, team, staff, candidates=9)
    outcome = interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=3)
    assert not outcome.saved
    assert outcome.unplaced >= 5
    assert outcome.binding and outcome.binding[0].code in ("interviewers", "combination")
    assert not InterviewDayAssignment.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.INTERVIEW_DAY_PLAN).exists()


def test_a_recruiter_out_of_scope_may_not_plan(drive, team, staff):
    day, *_ = _day(drive, team, staff, candidates=2)
    with pytest.raises(CampusRefused):
        interview_day_plan(day_id=day.pk, actor=staff["other_recruiter"], time_limit=1)
