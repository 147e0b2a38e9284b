from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from talentdrive.accounts.models import Role
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.core.verify import plan_violations
from talentdrive.campus.day_setting import current_plan, interview_day_setting
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.interview_days import (
    interview_day_book,
    interview_day_plan,
    interview_day_replan,
)
from talentdrive.campus.models import (
    InterviewDay,
    InterviewDayAssignment,
    InterviewDayInterviewer,
    InterviewDayRoom,
)
from talentdrive.campus.selectors import interview_day_not_placed_again
from talentdrive.interviews.models import Interview, InterviewInvitation, InterviewStatus
from talentdrive.pipeline.models import Application
from tests.factories import make_application, make_requisition, make_staff

pytestmark = pytest.mark.django_db

# A day still to come: nothing is planned at a time that has passed.
DATE = (dt.date.today() + dt.timedelta(days=30)).isoformat()


@pytest.fixture(autouse=True)
def roomy_week(settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 20}


def _day(drive, team, staff, *, candidates: int, technical: int = 3):
    requisition = make_requisition(
        drive=drive,
        team=team,
        channel="campus",
        external_id="CAMPUS-DAY",
        recruiters=[staff["recruiter"]],
        hiring_manager=staff["hiring_manager"],
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
    assert plan_violations(setting.problem, current_plan(day, setting)) == []
    # when booked: real interviews with invitations to the candidate and the interviewer
    assert interview_day_book(day_id=day.pk, actor=staff["recruiter"]).booked == 12
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
    assert plan_violations(setting.problem, current_plan(day, setting)) == []


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


def _row(day, application, stage_code):
    return InterviewDayAssignment.objects.get(day=day, application=application, stage_code=stage_code)


def _at(application, stage):
    # The stage is what the day reads; how the application got there is the pipeline's business.
    Application.objects.filter(pk=application.pk).update(stage=stage)


def test_a_replan_drops_the_interviews_of_candidates_who_moved_on_were_rejected_or_withdrew(
    drive, team, staff
):
    day, apps, people, hr = _day(drive, team, staff, candidates=4, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    moved, rejected, withdrew, _waiting = apps
    # given one candidate past the first round, one rejected, one withdrawn
    _at(moved, "technical_2")
    _at(rejected, "rejected")
    _at(withdrew, "withdrawn")
    kept_hr = _row(day, moved, "hr_interview")
    # when the interviewer of the moved candidate's second round drops out
    dropped = _row(day, moved, "technical_2").interviewer
    result = interview_day_replan(day_id=day.pk, interviewer_id=dropped.pk, actor=staff["recruiter"])
    # then the re-plan works and says how many planned interviews were no longer to be held
    assert result.dropped == 7 and result.stats["dropped"] == 7.0
    assert result.not_placed_again == ()
    assert not InterviewDayAssignment.objects.filter(application__in=[rejected, withdrew]).exists()
    assert not InterviewDayAssignment.objects.filter(application=moved, stage_code="technical_1").exists()
    # the moved candidate's rounds still to come stay on the plan, the dropped interviewer's one given again
    second = _row(day, moved, "technical_2")
    assert second.interviewer_id != dropped.pk
    assert second.starts_at < kept_hr.starts_at
    assert (_row(day, moved, "hr_interview").starts_at, _row(day, moved, "hr_interview").interviewer_id) == (
        kept_hr.starts_at,
        kept_hr.interviewer_id,
    )
    assert not InterviewDayAssignment.objects.filter(day=day, interviewer=dropped).exists()
    event = AuditEvent.objects.get(action=AuditAction.INTERVIEW_DAY_REPLAN)
    assert event.data["dropped"] == 7


def test_a_replan_keeps_the_booked_interview_of_a_candidate_who_moved_on_without_giving_it_again(
    drive, team, staff
):
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    interview_day_book(day_id=day.pk, actor=staff["recruiter"])
    # given the first round held and the candidate moved on
    moved = apps[0]
    _at(moved, "technical_2")
    first = _row(day, moved, "technical_1")
    # when that round's interviewer drops out
    result = interview_day_replan(
        day_id=day.pk, interviewer_id=first.interviewer_id, actor=staff["recruiter"]
    )
    # then the held interview is left as it was (its record), not moved to someone else
    assert result.dropped == 1
    assert InterviewDayAssignment.objects.get(pk=first.pk).interviewer_id == first.interviewer_id
    assert Interview.objects.get(pk=first.interview_id).starts_at == first.starts_at


def test_the_held_interview_of_a_candidate_who_moved_on_still_counts_in_its_interviewers_week(
    drive, team, staff
):
    # given a booked day, and a candidate whose first round was held before they moved on
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    interview_day_book(day_id=day.pk, actor=staff["recruiter"])
    moved = apps[0]
    _at(moved, "technical_2")
    held = _row(day, moved, "technical_1")
    # when the day is read for a re-plan
    setting = interview_day_setting(day, planned=True)
    # then that interview, left out of the plan, still takes a place in its interviewer's week (the cap
    # is 20 here): a re-plan cannot give them one interview more than the week allows
    entry = next(p for p in setting.problem.interviewers if p.id == held.interviewer_id)
    assert held.pk in setting.left_out
    assert entry.total_cap == 20 - 1


def test_booking_never_invites_a_dropped_out_interviewer_nor_a_candidate_past_that_round(drive, team, staff):
    # given a plan in which one technical interviewer has dropped out without being replaced (two
    # technical interviewers: every candidate needs both, so nobody can be placed again)
    day, apps, people, hr = _day(drive, team, staff, candidates=2, technical=2)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    dropped = people[0]
    result = interview_day_replan(day_id=day.pk, interviewer_id=dropped.pk, actor=staff["recruiter"])
    assert set(result.not_placed_again) == {a.pk for a in apps}
    assert InterviewDayAssignment.objects.filter(day=day, interviewer=dropped).count() == 2
    # when booked
    booking = interview_day_book(day_id=day.pk, actor=staff["recruiter"])
    # then nobody is invited: each candidate's day waits for a person to move the dropped interviewer's round
    assert booking.booked == 0
    assert not Interview.objects.exists()
    reasons = {(s.application_id, s.stage_code): s.reason for s in booking.skipped}
    assert len(reasons) == 6
    assert sorted(reasons.values()).count("interviewer_dropped_out") == 2
    assert all(
        reason == "interviewer_dropped_out"
        for (application_id, code), reason in reasons.items()
        if _row(day, Application.objects.get(pk=application_id), code).interviewer_id == dropped.pk
    )


def test_booking_leaves_out_rounds_their_application_is_no_longer_at(drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    moved, rejected, waiting = apps
    _at(moved, "technical_2")
    _at(rejected, "rejected")
    booking = interview_day_book(day_id=day.pk, actor=staff["recruiter"])
    # then the waiting candidate's three rounds and the moved one's last two are booked, nothing else
    assert booking.booked == 5
    assert {(s.application_id, s.stage_code) for s in booking.skipped} == {
        (moved.pk, "technical_1"),
        (rejected.pk, "technical_1"),
        (rejected.pk, "technical_2"),
        (rejected.pk, "hr_interview"),
    }
    assert {s.reason for s in booking.skipped} == {"moved_on"}
    assert not Interview.objects.filter(application=rejected).exists()
    assert not Interview.objects.filter(application=moved, stage_code="technical_1").exists()


def test_a_second_replan_leaves_the_candidates_the_first_could_not_place_for_a_person(drive, team, staff):
    # two technical interviewers: once one drops out, nobody can have both technical rounds
    day, apps, people, hr = _day(drive, team, staff, candidates=2, technical=2)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    first = interview_day_replan(day_id=day.pk, interviewer_id=people[0].pk, actor=staff["recruiter"])
    waiting = set(first.not_placed_again)
    rows = {
        r.pk: (r.starts_at, r.interviewer_id)
        for r in InterviewDayAssignment.objects.filter(day=day, application_id__in=waiting)
    }
    # when another interviewer drops out too
    second = interview_day_replan(day_id=day.pk, interviewer_id=people[1].pk, actor=staff["recruiter"])
    # then the re-plan works, does not report the first's candidates again and leaves their rows alone
    assert waiting == {a.pk for a in apps} and second.not_placed_again == ()
    for r in InterviewDayAssignment.objects.filter(pk__in=rows):
        assert (r.starts_at, r.interviewer_id) == rows[r.pk]
    # and booking invites neither dropped-out interviewer
    interview_day_book(day_id=day.pk, actor=staff["recruiter"])
    assert not Interview.objects.filter(interviewers__in=people[:2]).exists()


def test_a_round_moved_by_hand_off_a_dropped_out_interviewer_is_booked_with_the_rest(drive, team, staff):
    from talentdrive.campus.day_changes import interview_day_move

    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    # given the interviewer of the second round dropped out with nobody placed in their stead
    row = _row(day, apps[0], "technical_2")
    InterviewDayInterviewer.objects.filter(day=day, user_id=row.interviewer_id).update(dropped_out=True)
    assert interview_day_book(day_id=day.pk, actor=staff["recruiter"]).booked == 0
    # when a person moves that round to the technical interviewer the candidate has not met
    met = set(InterviewDayAssignment.objects.filter(day=day).values_list("interviewer_id", flat=True))
    free = next(p for p in people if p.pk not in met)
    check = interview_day_move(
        day_id=day.pk,
        assignment_id=row.pk,
        starts_at=row.starts_at,
        interviewer_id=free.pk,
        room_id=row.room_id,
        actor=staff["recruiter"],
    )
    # then the change is accepted and booking again books the candidate's whole day
    assert check.applied, check.violations
    booking = interview_day_book(day_id=day.pk, actor=staff["recruiter"])
    assert booking.booked == 3 and booking.skipped == ()


def _clock(day, hour):
    """That time on the day, in the day's time zone."""
    return dt.datetime.combine(
        dt.date.fromisoformat(DATE), dt.time.fromisoformat(hour), zoneinfo.ZoneInfo(day.time_zone)
    )


def _place(row, hour, user):
    starts_at = _clock(row.day, hour)
    InterviewDayAssignment.objects.filter(pk=row.pk).update(
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(minutes=45), interviewer=user
    )


def test_a_day_planned_once_it_has_begun_starts_nobody_before_now(drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    # when planned at 10:00 on the day (its first two times, 09:00 and 09:45, have started)
    now = _clock(day, "10:00")
    outcome = interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2, now=now)
    # then the candidate's three rounds are at 10:30 or later
    assert outcome.saved and outcome.placed == 1
    starts = InterviewDayAssignment.objects.filter(day=day).values_list("starts_at", flat=True)
    assert len(starts) == 3 and min(starts) >= now


def test_a_day_planned_too_late_for_anyone_places_nobody_and_saves_nothing(drive, team, staff):
    day, *_ = _day(drive, team, staff, candidates=1, technical=3)
    # when planned at 12:00: two times are left (12:00, 12:45) for three rounds
    outcome = interview_day_plan(
        day_id=day.pk, actor=staff["recruiter"], time_limit=1, now=_clock(day, "12:00")
    )
    assert not outcome.saved and outcome.unplaced == 1 and outcome.binding
    assert not InterviewDayAssignment.objects.filter(day=day).exists()


def _under_way(drive, team, staff):
    """A candidate's day by hand: technical_1 at 09:00 with A, technical_2 at 12:00 with B, the HR round
    at 12:45; C, the third technical interviewer, is free."""
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=1)
    (application,) = apps
    a, b, c = people
    _place(_row(day, application, "technical_1"), "09:00", a)
    _place(_row(day, application, "technical_2"), "12:00", b)
    _place(_row(day, application, "hr_interview"), "12:45", hr)
    return day, application, (a, b, c)


def _window(day, user, start, end):
    InterviewDayInterviewer.objects.filter(day=day, user=user).update(
        windows=[{"date": DATE, "start": start, "end": end}]
    )


def test_a_replan_on_the_day_leaves_a_held_round_as_it_was_and_gives_a_later_one_only_a_time_to_come(
    drive, team, staff
):
    day, application, (a, b, c) = _under_way(drive, team, staff)
    first = _row(day, application, "technical_1")
    now = _clock(day, "11:00")
    # when A, whose interview at 09:00 was held, drops out at 11:00
    result = interview_day_replan(day_id=day.pk, interviewer_id=a.pk, actor=staff["recruiter"], now=now)
    # then that round stays as it was held, and nobody waits for a person
    assert result.not_placed_again == ()
    held = InterviewDayAssignment.objects.get(pk=first.pk)
    assert (held.starts_at, held.interviewer_id) == (first.starts_at, a.pk)
    assert interview_day_not_placed_again(day=day, now=now) == []
    # when B drops out too, and C is there until 12:00 (the times from 09:00 to 11:15)
    _window(day, c, "09:00", "12:00")
    result = interview_day_replan(day_id=day.pk, interviewer_id=b.pk, actor=staff["recruiter"], now=now)
    # then the second round goes to C at the one time still to come, not at 09:45 or 10:30
    assert result.not_placed_again == ()
    second = _row(day, application, "technical_2")
    assert (second.starts_at, second.interviewer_id) == (_clock(day, "11:15"), c.pk)


def test_a_replan_on_the_day_with_no_time_to_come_reports_the_candidate_and_moves_nothing(drive, team, staff):
    day, application, (a, b, c) = _under_way(drive, team, staff)
    # given C is free only in the morning, at times that have passed by 11:00
    _window(day, c, "09:00", "11:15")
    before = {r.pk: (r.starts_at, r.interviewer_id) for r in InterviewDayAssignment.objects.filter(day=day)}
    now = _clock(day, "11:00")
    # when B drops out at 11:00
    result = interview_day_replan(day_id=day.pk, interviewer_id=b.pk, actor=staff["recruiter"], now=now)
    # then the candidate is reported for a person to decide, and no interview moved (into the past or anywhere)
    assert result.not_placed_again == (application.pk,)
    after = {r.pk: (r.starts_at, r.interviewer_id) for r in InterviewDayAssignment.objects.filter(day=day)}
    assert after == before
    assert interview_day_not_placed_again(day=day, now=now) == [application.candidate.full_name]
