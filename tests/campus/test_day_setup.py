from __future__ import annotations

import datetime as dt

import pytest

from talentdrive.accounts.models import Role
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.day_setup import InterviewerSpec, RoomSpec, interview_day_create
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.interview_days import interview_day_plan
from talentdrive.campus.models import InterviewDay
from tests.factories import make_application, make_requisition, make_staff

pytestmark = pytest.mark.django_db

# A day still to come: nothing is planned at a time that has passed.
DATE = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture(autouse=True)
def roomy_week(settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 20}


def _arguments(drive, requisition, people, **overrides):
    window = ((DATE, dt.time(9), dt.time(13, 30)),)
    arguments = {
        "drive": drive,
        "city": requisition.plan_line.city,
        "name": "Shanghai day",
        "dates": [DATE],
        "requisitions": [requisition],
        "stage_codes": ["technical_1", "technical_2", "hr_interview"],
        "general_stage_codes": ["hr_interview"],
        "rooms": [
            RoomSpec("Room 101", capacity=2),
            RoomSpec("Video", capacity=2, video_url="https://meet.example.com/hr"),
        ],
        "interviewers": [
            *(
                InterviewerSpec(user=p, languages=("zh", "en"), windows=window, focus_areas=("llm",))
                for p in people
            ),
            InterviewerSpec(user=make_staff(Role.INTERVIEWER), languages=("zh", "en"), windows=window),
        ],
        "day_end": dt.time(13, 30),
    }
    arguments.update(overrides)
    return arguments


def test_a_day_is_set_up_audited_and_then_plans_everyone(drive, team, staff):
    # given a campus requisition with three candidates at the first technical round
    requisition = make_requisition(
        drive=drive, team=team, channel="campus", external_id="CAMPUS-SETUP", recruiters=[staff["recruiter"]]
    )
    for n in range(3):
        make_application(requisition=requisition, stage="technical_1", school=f"S{n}")
    people = [make_staff(Role.INTERVIEWER) for _ in range(3)]
    # when the recruiter sets the day up
    day = interview_day_create(**_arguments(drive, requisition, people), actor=staff["recruiter"])
    # then it holds what was given, not yet planned, with one audit event
    assert day.dates == [DATE.isoformat()] and list(day.requisitions.all()) == [requisition]
    assert day.rooms.count() == 2 and day.interviewers.count() == 4 and not day.assignments.exists()
    entry = day.interviewers.get(user=people[0])
    assert entry.windows == [{"date": DATE.isoformat(), "start": "09:00", "end": "13:30"}]
    event = AuditEvent.objects.get(action=AuditAction.INTERVIEW_DAY_CREATE)
    assert event.target_id == str(day.pk) and event.data["interviewers"] == 4
    # and it can be planned as it stands
    outcome = interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=3)
    assert outcome.saved and outcome.unplaced == 0 and outcome.placed == 3


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"dates": []}, "no_dates"),
        ({"stage_codes": []}, "no_rounds"),
        ({"rooms": []}, "no_rooms"),
        ({"stage_codes": ["technical_1", "resume_screen"]}, "round_not_in_flow"),
    ],
)
def test_a_day_missing_what_it_needs_is_refused_and_nothing_is_written(drive, team, staff, overrides, code):
    requisition = make_requisition(drive=drive, team=team, channel="campus", external_id="CAMPUS-BAD")
    with pytest.raises(CampusRefused) as refused:
        interview_day_create(**_arguments(drive, requisition, [], **overrides), actor=staff["admin"])
    assert refused.value.code == code
    assert not InterviewDay.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.INTERVIEW_DAY_CREATE).exists()


def test_only_those_who_may_change_every_requisition_set_a_day_up(drive, team, staff):
    requisition = make_requisition(drive=drive, team=team, channel="campus", external_id="CAMPUS-WHO")
    for role in ("other_recruiter", "interviewer", "leadership", "hiring_manager"):
        with pytest.raises(CampusRefused):
            interview_day_create(**_arguments(drive, requisition, []), actor=staff[role])
    assert not InterviewDay.objects.exists()
