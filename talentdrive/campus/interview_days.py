"""Interview days: planning them with the solver, re-planning when an interviewer drops out, and booking
the plan as real interviews (``interviews.services.interview_schedule``: calendar invitations, the
double-booking and weekly-load checks)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.campus import access
from talentdrive.campus.core.problem import (
    Assignment,
    Binding,
    Candidate,
    Interviewer,
    Plan,
    Problem,
    Room,
    Round,
)
from talentdrive.campus.core.solver import plan_replan, plan_solve, plan_stats
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import (
    InterviewDay,
    InterviewDayAssignment,
    InterviewDayInterviewer,
    InterviewDayRoom,
)
from talentdrive.interviews.errors import InterviewRefused
from talentdrive.interviews.models import Interview, InterviewStatus
from talentdrive.interviews.services import (
    interview_reschedule,
    interview_schedule,
    interviewer_weekly_cap,
    week_of,
)
from talentdrive.pipeline.models import Application


@dataclass(frozen=True)
class DaySetting:
    """The problem built from an interview day, with the maps back to its rows."""

    problem: Problem
    slot_starts: tuple[dt.datetime, ...]
    applications: dict[int, Application]
    rooms: dict[int, InterviewDayRoom]
    # Planned interviews no longer to be held (the application moved past that round, was rejected or
    # withdrew): left out of the problem and of the current plan.
    left_out: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PlanOutcome:
    saved: bool
    placed: int
    unplaced: int
    binding: tuple[Binding, ...]
    stats: dict[str, float]
    seconds: float
    # On a re-plan: planned interviews left out because their application moved past that round, was
    # rejected or withdrew, and the applications that could not be placed again.
    dropped: int = 0
    not_placed_again: tuple[int, ...] = ()


@dataclass(frozen=True)
class BookingSkip:
    """A planned interview that booking left out, and why: ``interviewer_dropped_out`` (this one's
    interviewer), ``candidate_incomplete`` (another round of the candidate's has a dropped-out
    interviewer: no partial day) or ``moved_on`` (the application is no longer at that round)."""

    assignment_id: int
    application_id: int
    stage_code: str
    interviewer_id: int
    reason: str


@dataclass(frozen=True)
class BookOutcome:
    booked: int
    skipped: tuple[BookingSkip, ...] = ()


def _slot_starts(day: InterviewDay) -> tuple[list[dt.datetime], int]:
    zone = zoneinfo.ZoneInfo(day.time_zone)
    starts: list[dt.datetime] = []
    per_day = 0
    for iso in day.dates:
        date = dt.date.fromisoformat(iso)
        moment = dt.datetime.combine(date, _time(day.day_start), zone)
        end = dt.datetime.combine(date, _time(day.day_end), zone)
        count = 0
        while moment + dt.timedelta(minutes=day.slot_minutes) <= end:
            starts.append(moment)
            moment += dt.timedelta(minutes=day.slot_minutes)
            count += 1
        per_day = count
    return starts, per_day


def _time(value: Any) -> dt.time:
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(str(value))


def still_to_hold(day: InterviewDay, stage_code: str, application_stage: str) -> bool:
    """Whether a planned round is still to be held: the application is at that round or an earlier one
    of the day, not past it, rejected or withdrawn."""
    codes = list(day.stage_codes)
    return (
        application_stage in codes
        and stage_code in codes
        and codes.index(application_stage) <= codes.index(stage_code)
    )


def interview_day_setting(
    day: InterviewDay, *, planned: bool = False, now: dt.datetime | None = None
) -> DaySetting:
    """The planning problem of an interview day, read from the database: the applicants at the day's
    first round. With ``planned`` (changing a plan, not making one), also the applicants of the plan
    still to be interviewed in a later round of it, and the planned interviews no longer to be held
    are named in ``left_out``. No new or moved interview may start before ``now`` (by default, the
    present): the problem's ``earliest`` slot is the first after every slot that has started."""
    if not day.dates:
        raise CampusRefused("no_dates", field="dates")
    if not day.stage_codes:
        raise CampusRefused("no_rounds", field="stage_codes")
    starts, per_day = _slot_starts(day)
    moment_now = now or timezone.now()
    earliest = max((g + 1 for g, moment in enumerate(starts) if moment < moment_now), default=0)
    zone = zoneinfo.ZoneInfo(day.time_zone)
    general = set(day.general_stage_codes)
    rooms = {room.pk: room for room in day.rooms.all()}
    has_video = any(room.video_url for room in rooms.values())
    rounds = tuple(
        Round(code, general=code in general, video=code in general and has_video) for code in day.stage_codes
    )
    later: set[int] = set()
    left_out: set[int] = set()
    if planned:
        for row_id, application_id, code, stage in day.assignments.values_list(
            "pk", "application_id", "stage_code", "application__stage"
        ):
            if still_to_hold(day, code, stage):
                later.add(application_id)
            else:
                left_out.add(row_id)
    applications = {
        a.pk: a
        for a in Application.objects.filter(requisition__in=day.requisitions.all())
        .filter(Q(stage=day.stage_codes[0]) | Q(pk__in=later))
        .select_related("requisition__plan_line__focus_area", "candidate")
    }
    dates = [dt.date.fromisoformat(iso) for iso in day.dates]
    candidates = tuple(
        Candidate(
            id=a.pk,
            focus_area=a.requisition.plan_line.focus_area.code,
            language="en" if (a.language or "").startswith("en") else "zh",
            school=a.school,
            preferred_day=dates.index(dt.date.fromisoformat(day.preferred_dates[str(a.pk)]))
            if day.preferred_dates.get(str(a.pk))
            and dt.date.fromisoformat(day.preferred_dates[str(a.pk)]) in dates
            else None,
        )
        for a in applications.values()
    )
    span_start, span_end = starts[0], starts[-1] + dt.timedelta(minutes=day.slot_minutes)
    # The day's own booked interviews are counted by the plan itself, except those of rows left out of
    # it (a candidate who moved on keeps their booked interview as its record): those still take a place
    # in their interviewer's week.
    own = set(
        day.assignments.exclude(interview=None)
        .exclude(pk__in=left_out)
        .values_list("interview_id", flat=True)
    )
    others = Interview.objects.filter(
        status=InterviewStatus.SCHEDULED, starts_at__lt=span_end, ends_at__gt=span_start
    ).exclude(pk__in=own)
    week_start, week_end = week_of(starts[0])
    cap = interviewer_weekly_cap()
    people = []
    for entry in day.interviewers.select_related("user"):
        busy = [(i.starts_at, i.ends_at) for i in others.filter(interviewers=entry.user)]
        available = set()
        for window in entry.windows:
            date = dt.date.fromisoformat(window["date"])
            low = dt.datetime.combine(date, _time(window["start"]), zone)
            high = dt.datetime.combine(date, _time(window["end"]), zone)
            for g, moment in enumerate(starts):
                end = moment + dt.timedelta(minutes=day.slot_minutes)
                if low <= moment and end <= high and not any(b < end and moment < e for b, e in busy):
                    available.add(g)
        if entry.dropped_out:
            # Gone from the day: they stay in it only for the interviews they held before now.
            available = {g for g in available if g < earliest}
        week_load = (
            Interview.objects.filter(
                status=InterviewStatus.SCHEDULED,
                starts_at__gte=week_start,
                starts_at__lt=week_end,
                interviewers=entry.user,
            )
            .exclude(pk__in=own)
            .count()
        )
        codes = set(entry.stage_codes) or (
            general if not entry.focus_areas else set(day.stage_codes) - general
        )
        people.append(
            Interviewer(
                id=entry.user_id,
                focus_areas=tuple(entry.focus_areas),
                languages=frozenset(entry.languages),
                rounds=frozenset(codes),
                available=frozenset(available),
                daily_cap=entry.daily_cap,
                total_cap=max(0, cap - week_load),
                conflict_schools=frozenset(entry.conflict_schools),
                conflict_candidates=frozenset(int(x) for x in entry.conflict_application_ids),
                avoid_days=frozenset(
                    dates.index(dt.date.fromisoformat(iso))
                    for iso in entry.preferences.get("avoid_dates", [])
                    if dt.date.fromisoformat(iso) in dates
                ),
            )
        )
    problem = Problem(
        days=len(dates),
        slots_per_day=per_day,
        rounds=rounds,
        min_gap=day.min_gap_slots,
        candidates=candidates,
        interviewers=tuple(people),
        rooms=tuple(Room(room.pk, room.capacity, video=bool(room.video_url)) for room in rooms.values()),
        earliest=earliest,
    )
    return DaySetting(problem, tuple(starts), applications, rooms, frozenset(left_out))


def _locked_day(day_id: int, actor: Actor) -> InterviewDay:
    day = InterviewDay.objects.select_for_update().get(pk=day_id)
    if not access.interview_day_can_change(actor, day):
        raise CampusRefused("not_allowed")
    return day


def _store(day: InterviewDay, setting: DaySetting, assignments: tuple[Assignment, ...]) -> None:
    rows = []
    for a in assignments:
        starts_at = setting.slot_starts[a.slot]
        rows.append(
            InterviewDayAssignment(
                day=day,
                application_id=a.candidate,
                stage_code=a.round,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(minutes=day.slot_minutes),
                interviewer_id=a.interviewer,
                room_id=a.room,
            )
        )
    InterviewDayAssignment.objects.bulk_create(rows)


def _summary(plan: Plan, problem: Problem) -> dict[str, Any]:
    return {
        "planned_at": timezone.now().isoformat(),
        "placed": len(problem.candidates) - len(plan.unplaced),
        "unplaced": list(plan.unplaced),
        "binding": [b.__dict__ for b in plan.binding],
        "stats": plan_stats(problem, plan),
        "seconds": round(plan.seconds, 2),
    }


@transaction.atomic
def interview_day_plan(
    *,
    day_id: int,
    actor: Actor,
    time_limit: float = 30.0,
    accept_partial: bool = False,
    now: dt.datetime | None = None,
) -> PlanOutcome:
    """Plan the day with the solver. A plan that leaves candidates out is not saved unless the caller
    accepts it knowingly (``accept_partial``); the answer says how many and which constraint binds.
    Nothing is planned to start before ``now`` (by default, the present)."""
    day = _locked_day(day_id, actor)
    if day.assignments.exclude(interview=None).exists():
        raise CampusRefused("already_booked")
    setting = interview_day_setting(day, now=now)
    plan = plan_solve(setting.problem, time_limit=time_limit)
    saved = not plan.unplaced or accept_partial
    if saved:
        day.assignments.all().delete()
        _store(day, setting, plan.assignments)
        day.last_plan = _summary(plan, setting.problem)
        day.save(update_fields=["last_plan"])
        audit_record(
            actor=actor,
            action=AuditAction.INTERVIEW_DAY_PLAN,
            target=day,
            data={k: v for k, v in day.last_plan.items() if k != "unplaced"},
        )
    return PlanOutcome(
        saved=saved,
        placed=len(setting.problem.candidates) - len(plan.unplaced),
        unplaced=len(plan.unplaced),
        binding=plan.binding,
        stats=plan_stats(setting.problem, plan),
        seconds=plan.seconds,
    )


def _current(day: InterviewDay, setting: DaySetting) -> Plan:
    index = {moment: g for g, moment in enumerate(setting.slot_starts)}
    rows = [
        r
        for r in day.assignments.all()
        if r.pk not in setting.left_out and r.application_id in setting.applications
    ]
    assignments = tuple(
        Assignment(r.application_id, r.stage_code, index[r.starts_at], r.interviewer_id, r.room_id)
        for r in rows
    )
    planned = {r.application_id for r in rows}
    unplaced = tuple(c.id for c in setting.problem.candidates if c.id not in planned)
    return Plan(assignments=assignments, unplaced=unplaced)


@transaction.atomic
def interview_day_replan(
    *,
    day_id: int,
    interviewer_id: int,
    actor: Actor,
    reason: str = "",
    move_others: bool = False,
    now: dt.datetime | None = None,
) -> PlanOutcome:
    """An interviewer drops out: their interviews go to others, everything else stays. Booked
    interviews that change are rescheduled (the calendars get the update); a candidate who cannot be
    placed again is reported and their booked interviews are left for a person to decide. With
    ``move_others`` (asked for explicitly), such a candidate's other rounds may move too.

    Planned interviews no longer to be held (the application moved past that round, was rejected or
    withdrew) are left out: not given again, and taken off the plan unless booked (a booked one is the
    interview's record, which the pipeline looks after); the answer counts them in ``dropped``.

    Nothing moves to or from a time before ``now`` (by default, the present): on the day itself, what
    has started stays as it was held (the dropped interviewer's too), and their later interviews are
    given again only at times still to come."""
    now = now or timezone.now()
    day = _locked_day(day_id, actor)
    entry = day.interviewers.filter(user_id=interviewer_id).first()
    if entry is None:
        raise CampusRefused("not_on_day", field="interviewer")
    if not day.assignments.exists():
        raise CampusRefused("not_planned")
    full = interview_day_setting(day, planned=True, now=now)
    before = _current(day, full)
    # A candidate an earlier re-plan could not place again still has a round to come with that
    # interviewer: they wait for a person, so this re-plan counts them as not placed and leaves their rows
    # alone. (A round with them that has started was held before they dropped out.)
    gone = day.interviewers.filter(dropped_out=True).values("user_id")
    waiting = set(
        day.assignments.filter(interviewer_id__in=gone, starts_at__gte=now)
        .exclude(pk__in=full.left_out)
        .values_list("application_id", flat=True)
    )
    if waiting:
        before = Plan(
            assignments=tuple(a for a in before.assignments if a.candidate not in waiting),
            unplaced=tuple(sorted({*before.unplaced, *(waiting & set(full.applications))})),
        )
    entry.dropped_out = True
    entry.save(update_fields=["dropped_out"])
    dropped = len(full.left_out)
    day.assignments.filter(pk__in=full.left_out, interview=None).delete()
    # The dropped interviewer's entry is still in ``full``'s problem; plan_replan leaves them out.
    plan = plan_replan(full.problem, before, dropped=interviewer_id, move_others=move_others)
    old = {(a.candidate, a.round): a for a in before.assignments}
    new = {(a.candidate, a.round): a for a in plan.assignments}
    rows = {
        (r.application_id, r.stage_code): r
        for r in day.assignments.select_related("interview").exclude(pk__in=full.left_out)
    }
    changed = 0
    pending: list[tuple[int, dt.datetime, Assignment]] = []
    for key, row in rows.items():
        if key in new and new[key] == old.get(key):
            continue
        if key not in new:
            continue  # not placed again: kept as it was for a person to decide (reported)
        a = new[key]
        starts_at = full.slot_starts[a.slot]
        row.starts_at, row.ends_at = starts_at, starts_at + dt.timedelta(minutes=day.slot_minutes)
        row.interviewer_id, row.room_id = a.interviewer, a.room
        row.save(update_fields=["starts_at", "ends_at", "interviewer", "room"])
        changed += 1
        if row.interview is not None and row.interview.is_scheduled:
            pending.append((row.interview.pk, starts_at, a))
    # Moves can chain (one interview takes the time another is leaving): apply each in a savepoint and
    # retry the refused ones until none is left; a move that never fits refuses the whole re-plan.
    while pending:
        refused: list[tuple[int, dt.datetime, Assignment]] = []
        last: InterviewRefused | None = None
        for interview_id, starts_at, a in pending:
            room = full.rooms[a.room]
            try:
                with transaction.atomic():
                    interview_reschedule(
                        interview_id=interview_id,
                        starts_at=starts_at,
                        interviewer_ids=[a.interviewer],
                        location="" if room.video_url else room.name,
                        video_url=room.video_url,
                        actor=actor,
                        reason=reason or "interviewer dropped out",
                    )
            except InterviewRefused as refusal:
                refused.append((interview_id, starts_at, a))
                last = refusal
        if len(refused) == len(pending) and last is not None:
            raise last
        pending = refused
    not_placed_again = tuple(sorted(set(plan.unplaced) - set(before.unplaced)))
    day.last_plan = {
        **_summary(plan, full.problem),
        "dropped": dropped,
        "not_placed_again": list(not_placed_again),
    }
    day.save(update_fields=["last_plan"])
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_DAY_REPLAN,
        target=day,
        reason=reason[:2000],
        data={
            "interviewer_id": interviewer_id,
            "changed": changed,
            "unplaced": len(plan.unplaced),
            "not_placed_again": list(not_placed_again),
            "dropped": dropped,
            "move_others": move_others,
        },
    )
    return PlanOutcome(
        saved=True,
        placed=len(full.problem.candidates) - len(plan.unplaced),
        unplaced=len(plan.unplaced),
        binding=plan.binding,
        stats={**plan_stats(full.problem, plan), "changed": float(changed), "dropped": float(dropped)},
        seconds=plan.seconds,
        dropped=dropped,
        not_placed_again=not_placed_again,
    )


@transaction.atomic
def interview_day_book(*, day_id: int, actor: Actor) -> BookOutcome:
    """Make every planned interview real (``interview_schedule``: invitations with .ics, double-booking
    and weekly-load checks); all or nothing for what it books. Never invites an interviewer who dropped
    out: a candidate with such a round keeps every round of theirs unbooked until a person moves it (then
    booking again books them); nor books a round its application is no longer at. The answer counts
    what was booked and names each interview left out, with the reason."""
    day = _locked_day(day_id, actor)
    rows = list(day.assignments.filter(interview=None).select_related("room", "application"))
    if not rows and not day.assignments.exists():
        raise CampusRefused("not_planned")
    gone = set(day.interviewers.filter(dropped_out=True).values_list("user_id", flat=True))
    waiting = {r.application_id for r in rows if r.interviewer_id in gone}
    skipped: list[BookingSkip] = []
    booked = 0
    for row in rows:
        if row.interviewer_id in gone:
            why = "interviewer_dropped_out"
        elif not still_to_hold(day, row.stage_code, row.application.stage):
            why = "moved_on"
        elif row.application_id in waiting:
            why = "candidate_incomplete"
        else:
            interview = interview_schedule(
                application_id=row.application_id,
                stage_code=row.stage_code,
                starts_at=row.starts_at,
                interviewer_ids=[row.interviewer_id],
                duration_minutes=day.slot_minutes,
                time_zone=day.time_zone,
                location="" if row.room.video_url else row.room.name,
                video_url=row.room.video_url,
                actor=actor,
            )
            row.interview = interview
            row.save(update_fields=["interview"])
            booked += 1
            continue
        skipped.append(BookingSkip(row.pk, row.application_id, row.stage_code, row.interviewer_id, why))
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_DAY_BOOK,
        target=day,
        data={"booked": booked, "skipped": [[s.assignment_id, s.reason] for s in skipped]},
    )
    return BookOutcome(booked=booked, skipped=tuple(skipped))


__all__ = [
    "BookOutcome",
    "BookingSkip",
    "InterviewDayInterviewer",
    "interview_day_book",
    "interview_day_plan",
    "interview_day_replan",
]
