"""Interview days in the back office and the verifier's check of a manual change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.backoffice import views_interview_days
from talentdrive.campus.day_changes import interview_day_move
from talentdrive.campus.interview_days import interview_day_plan
from talentdrive.campus.models import InterviewDayAssignment
from talentdrive.interviews.models import Interview
from talentdrive.pipeline.models import Application
from tests.campus.test_interview_days import _day

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_page(monkeypatch, settings):
    monkeypatch.setattr(views_interview_days, "PAGE_TIME_LIMIT", 2.0)
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 20}


def _busy_pair(day):
    """Two interviews of one interviewer: moving the first onto the second's time double-books them."""
    rows = list(InterviewDayAssignment.objects.filter(day=day).order_by("interviewer_id", "starts_at"))
    for a, b in zip(rows, rows[1:], strict=False):
        if a.interviewer_id == b.interviewer_id and a.starts_at != b.starts_at:
            return a, b
    raise AssertionError("no interviewer with two interviews")


def test_the_page_plans_the_day_and_prints_it_per_room_and_interviewer(client, drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=3)
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    response = client.post(url, {"action": "plan"})
    assert response.status_code == 200
    assert InterviewDayAssignment.objects.filter(day=day).count() == 9
    printed = client.get(reverse("backoffice:interview_day_print", args=[day.pk])).content.decode()
    assert "Room: Room 101" in printed and "Room: Video" in printed
    assert printed.count("Interviewer: ") == len({r.interviewer_id for r in day.assignments.all()})
    assert apps[0].candidate.full_name in printed
    assert "dropped out" not in printed


def test_the_printed_plan_marks_an_interviewer_who_dropped_out_and_was_not_replaced(
    client, drive, team, staff
):
    # given two technical interviewers for candidates who need both, and one drops out (nobody can take over)
    from talentdrive.campus.interview_days import interview_day_replan

    day, apps, people, hr = _day(drive, team, staff, candidates=2, technical=2)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    interview_day_replan(day_id=day.pk, interviewer_id=people[0].pk, actor=staff["recruiter"])
    client.force_login(staff["recruiter"])
    # when printed, then their rows and their own table say so, so nobody waits for them at the door
    printed = client.get(reverse("backoffice:interview_day_print", args=[day.pk])).content.decode()
    assert printed.count("(dropped out)") == 2 + 1  # two rows in the rooms' tables, their own heading


def test_a_day_that_cannot_hold_everyone_says_what_binds_in_chinese(client, drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=12, technical=2)
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    page = client.post(url, {"action": "plan"}, headers={"accept-language": "zh-hans"}).content.decode()
    assert not InterviewDayAssignment.objects.filter(day=day).exists()
    assert "未能安排" in page and 'id="binding"' in page
    # the sentence is Chinese, with the round's Chinese name
    assert "面试官" in page.split('id="binding"')[1]


def test_a_manual_move_is_checked_and_says_what_it_breaks(client, drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=4, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    first, second = _busy_pair(day)
    # when moved onto the same interviewer's other interview
    check = interview_day_move(
        day_id=day.pk,
        assignment_id=first.pk,
        starts_at=second.starts_at,
        interviewer_id=first.interviewer_id,
        room_id=first.room_id,
        actor=staff["recruiter"],
    )
    # then it is refused with the reason, and nothing changed
    assert not check.applied
    assert "interviewer_double" in {v.code for v in check.violations}
    assert InterviewDayAssignment.objects.get(pk=first.pk).starts_at == first.starts_at
    assert not AuditEvent.objects.filter(action=AuditAction.INTERVIEW_DAY_MOVE).exists()
    # and the page says it in words
    client.force_login(staff["recruiter"])
    page = client.post(
        reverse("backoffice:interview_day_detail", args=[day.pk]),
        {
            "action": "move",
            "assignment": first.pk,
            "starts_at": second.starts_at.astimezone(dt.UTC).isoformat(),
            "interviewer": first.interviewer_id,
            "room": first.room_id,
        },
    ).content.decode()
    assert "would have 2 interviews at" in page


def test_a_move_that_breaks_nothing_is_made_and_audited(drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    rows = {r.stage_code: r for r in InterviewDayAssignment.objects.filter(day=day)}
    last = rows["hr_interview"]
    used = {r.interviewer_id for r in rows.values()}
    free = next(p for p in people if p.pk not in used) if len(used) < 4 else None
    # the technical round 2 goes to an interviewer who has no other interview with this candidate
    target = rows["technical_2"]
    other = free or next(p for p in people if p.pk not in (rows["technical_1"].interviewer_id,))
    check = interview_day_move(
        day_id=day.pk,
        assignment_id=target.pk,
        starts_at=target.starts_at,
        interviewer_id=other.pk,
        room_id=target.room_id,
        actor=staff["recruiter"],
    )
    assert check.applied and check.violations == ()
    assert InterviewDayAssignment.objects.get(pk=target.pk).interviewer_id == other.pk
    assert AuditEvent.objects.filter(action=AuditAction.INTERVIEW_DAY_MOVE).count() == 1
    assert InterviewDayAssignment.objects.get(pk=last.pk).starts_at == last.starts_at


def test_a_move_outside_the_days_times_is_refused(drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    row = InterviewDayAssignment.objects.filter(day=day).first()
    check = interview_day_move(
        day_id=day.pk,
        assignment_id=row.pk,
        starts_at=row.starts_at + dt.timedelta(minutes=7),
        interviewer_id=row.interviewer_id,
        room_id=row.room_id,
        actor=staff["recruiter"],
    )
    assert not check.applied and check.violations[0].code == "slot_outside"
    assert [v.code for v in check.violations].count("slot_outside") == 1  # said once


def test_replanning_from_the_page_moves_only_the_dropped_interviewers_interviews(client, drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    gone = InterviewDayAssignment.objects.filter(day=day, stage_code="technical_1").first().interviewer_id
    kept = {
        r.pk: (r.starts_at, r.interviewer_id, r.room_id)
        for r in InterviewDayAssignment.objects.filter(day=day).exclude(interviewer_id=gone)
    }
    client.force_login(staff["recruiter"])
    client.post(
        reverse("backoffice:interview_day_detail", args=[day.pk]), {"action": "replan", "interviewer": gone}
    )
    assert not InterviewDayAssignment.objects.filter(day=day, interviewer_id=gone).exists()
    for pk, before in kept.items():
        r = InterviewDayAssignment.objects.get(pk=pk)
        assert (r.starts_at, r.interviewer_id, r.room_id) == before


def test_moving_other_rounds_on_a_replan_is_asked_for_on_the_page(client, drive, team, staff):
    from talentdrive.audit.models import AuditAction, AuditEvent

    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    gone = InterviewDayAssignment.objects.filter(day=day, stage_code="technical_1").first().interviewer_id
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    assert 'name="move_others"' in client.get(url).content.decode()
    client.post(url, {"action": "replan", "interviewer": gone, "move_others": "on"})
    event = AuditEvent.objects.get(action=AuditAction.INTERVIEW_DAY_REPLAN)
    assert event.data["move_others"] is True


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("starts_at", "2026-02-30T25:00", "is not a date and time"),
        ("assignment", "abc", ""),
        ("interviewer", "١٢", ""),
        ("room", "99999999999999999999999", ""),
    ],
)
def test_a_forged_move_form_gets_an_answer_not_a_server_error(client, drive, team, staff, field, value, says):
    day, apps, people, hr = _day(drive, team, staff, candidates=2, technical=2)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    before = list(InterviewDayAssignment.objects.values_list("pk", "starts_at", "interviewer_id", "room_id"))
    row = InterviewDayAssignment.objects.filter(day=day).first()
    form = {
        "action": "move",
        "assignment": str(row.pk),
        "starts_at": row.starts_at.isoformat(),
        "interviewer": str(row.interviewer_id),
        "room": str(row.room_id or ""),
        field: value,
    }
    client.force_login(staff["recruiter"])
    response = client.post(reverse("backoffice:interview_day_detail", args=[day.pk]), form, follow=True)
    assert response.status_code in (200, 409)
    assert says in response.content.decode()
    after = list(InterviewDayAssignment.objects.values_list("pk", "starts_at", "interviewer_id", "room_id"))
    assert after == before, "nothing stored is changed by a form that names nothing real"


def test_the_page_names_who_was_not_placed_again_and_books_without_the_dropped_interviewer(
    client, drive, team, staff
):
    # given two technical interviewers: once one drops out, nobody can have both technical rounds
    day, apps, people, hr = _day(drive, team, staff, candidates=2, technical=2)
    for n, application in enumerate(apps):
        application.candidate.full_name = f"Candidate {n}"
        application.candidate.save(update_fields=["full_name"])
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    # when one drops out and the day is re-planned, then booked, from the page
    page = client.post(url, {"action": "replan", "interviewer": people[0].pk}).content.decode()
    # then the page names the candidates not placed again and marks the dropped-out interviewer
    listed = page.split('id="not-placed-again"')[1].split("</div>")[0]
    assert "Candidate 0" in listed and "Candidate 1" in listed
    assert "(dropped out)" in page
    page = client.post(url, {"action": "book"}, headers={"accept-language": "zh-hans"}).content.decode()
    # and booking invites nobody, saying why for each interview, in Chinese
    assert not Interview.objects.exists()
    skipped = page.split('id="booking-skipped"')[1].split("</section>")[0]
    assert skipped.count("<li>") == 6
    assert "已退出" in skipped and "Candidate 0" in skipped and "Candidate 1" in skipped


def test_a_replan_from_the_page_says_how_many_interviews_were_dropped(client, drive, team, staff):
    day, apps, people, hr = _day(drive, team, staff, candidates=3, technical=4)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    Application.objects.filter(pk=apps[0].pk).update(stage="withdrawn")
    gone = InterviewDayAssignment.objects.get(day=day, application=apps[0], stage_code="technical_1")
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:interview_day_detail", args=[day.pk]),
        {"action": "replan", "interviewer": gone.interviewer_id},
    )
    assert response.status_code == 200
    assert "3 planned interviews were dropped from the re-plan" in response.content.decode()
    assert not InterviewDayAssignment.objects.filter(application=apps[0]).exists()


def test_a_recruiter_out_of_scope_neither_lists_nor_reaches_the_day(client, drive, team, staff):
    day, *_ = _day(drive, team, staff, candidates=1, technical=2)
    client.force_login(staff["other_recruiter"])
    listing = client.get(reverse("backoffice:interview_days")).content.decode()
    assert day.name not in listing
    assert client.get(reverse("backoffice:interview_day_detail", args=[day.pk])).status_code == 404
    assert client.get(reverse("backoffice:interview_day_print", args=[day.pk])).status_code == 404
    # while the requisition's recruiter and its hiring manager read it
    for who in ("recruiter", "hiring_manager"):
        client.force_login(staff[who])
        assert day.name in client.get(reverse("backoffice:interview_days")).content.decode()
        assert client.get(reverse("backoffice:interview_day_detail", args=[day.pk])).status_code == 200


def test_a_day_over_requisitions_of_two_scopes_is_read_only_by_who_reads_both(
    client, drive, team, other_team, staff
):
    from tests.factories import make_requisition

    day, *_ = _day(drive, team, staff, candidates=1, technical=2)
    other = make_requisition(
        drive=drive, team=other_team, channel="campus", area="agents", external_id="CAMPUS-OTHER"
    )
    day.requisitions.add(other)
    for who, status in (("recruiter", 404), ("other_recruiter", 404), ("leadership", 200), ("admin", 200)):
        client.force_login(staff[who])
        assert client.get(reverse("backoffice:interview_day_detail", args=[day.pk])).status_code == status, (
            who
        )


def test_one_of_anything_is_said_in_the_singular_in_english_and_in_chinese(client, drive, team, staff):
    # given a day of one candidate, and one technical interviewer who will drop out
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    # when planned
    page = client.post(url, {"action": "plan"}).content.decode()
    # then one candidate, one interview, one of each
    assert "Planned 1 candidate." in page and "1 candidate placed, 0 not placed" in page
    assert "Busiest interviewer: 1 interview." in page
    assert "1 candidates" not in page and "1 interviews" not in page
    # when booked: three interviews
    page = client.post(url, {"action": "book"}).content.decode()
    assert "3 interviews booked; the invitations are on their way." in page
    # when the interviewer of one round drops out (one interview changes; the spare one takes it)
    gone = InterviewDayAssignment.objects.get(day=day, stage_code="technical_1").interviewer_id
    page = client.post(url, {"action": "replan", "interviewer": gone}).content.decode()
    assert "Re-planned: 1 interview changed." in page
    assert "could not be placed again" not in page.split('id="plan-summary"')[0]
    # and in Chinese, the same sentences in Chinese
    page = client.get(url, headers={"accept-language": "zh-hans"}).content.decode()
    assert "已安排 1 位候选人" in page and "最忙的面试官：1 场面试。" in page


def test_a_candidate_not_placed_again_is_counted_in_the_singular(client, drive, team, staff):
    # given two technical interviewers for one candidate who needs both: once one drops out, nobody can
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=2)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    page = client.post(url, {"action": "replan", "interviewer": people[0].pk}).content.decode()
    assert "Re-planned: 0 interviews changed." in page
    assert "1 candidate could not be placed again; a person has to decide." in page
    page = client.post(
        url, {"action": "replan", "interviewer": people[1].pk}, headers={"accept-language": "zh-hans"}
    ).content.decode()
    assert "已重新安排：0 场面试有变动。" in page


def test_a_day_that_cannot_hold_its_one_candidate_says_so_in_the_singular(client, drive, team, staff):
    # given one technical interviewer for a candidate who needs two different ones
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=1)
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:interview_day_detail", args=[day.pk])
    page = client.post(url, {"action": "plan"}).content.decode()
    assert "The day cannot hold everyone: 1 candidate could not be placed." in page
    assert "there is 1." in page
    assert not InterviewDayAssignment.objects.filter(day=day).exists()


def test_an_interview_cannot_be_moved_to_a_time_that_has_passed(drive, team, staff):
    # given a planned day, looked at after its second round has started
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    rows = sorted(InterviewDayAssignment.objects.filter(day=day), key=lambda r: r.starts_at)
    first, last = rows[0], rows[-1]
    now = rows[1].starts_at + dt.timedelta(minutes=1)
    # when a person moves the last round back to the first round's time, which has passed
    check = interview_day_move(
        day_id=day.pk,
        assignment_id=last.pk,
        starts_at=first.starts_at,
        interviewer_id=last.interviewer_id,
        room_id=last.room_id,
        actor=staff["recruiter"],
        now=now,
    )
    # then it is refused as a time that has passed, and nothing moved
    assert not check.applied and check.violations[0].code == "slot_passed"
    assert InterviewDayAssignment.objects.get(pk=last.pk).starts_at == last.starts_at


def test_an_interview_that_has_started_stays_where_it_was_held(drive, team, staff):
    # given a planned day, looked at after its first round has started
    day, apps, people, hr = _day(drive, team, staff, candidates=1, technical=3)
    interview_day_plan(day_id=day.pk, actor=staff["recruiter"], time_limit=2)
    rows = sorted(InterviewDayAssignment.objects.filter(day=day), key=lambda r: r.starts_at)
    first, last = rows[0], rows[-1]
    # when a person moves that first round to a time still to come
    check = interview_day_move(
        day_id=day.pk,
        assignment_id=first.pk,
        starts_at=last.starts_at + dt.timedelta(minutes=day.slot_minutes),
        interviewer_id=first.interviewer_id,
        room_id=first.room_id,
        actor=staff["recruiter"],
        now=first.starts_at + dt.timedelta(minutes=1),
    )
    # then it is refused: what started is kept as it was held
    assert not check.applied and check.violations[0].code == "slot_started"
    assert InterviewDayAssignment.objects.get(pk=first.pk).starts_at == first.starts_at
