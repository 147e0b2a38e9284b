"""Interview days: planning them with the solver, re-planning when an interviewer drops out, and booking
the plan as real interviews (``interviews.services.interview_schedule``: calendar invitations, the
double-booking and weekly-load checks)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.db import transaction
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


@dataclass(frozen=True)
class PlanOutcome:
    saved: bool
    placed: int
    unplaced: int
    binding: tuple[Binding, ...]
    stats: dict[str, float]
    seconds: float


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


def interview_day_setting(day: InterviewDay) -> DaySetting:
    """The planning problem of an interview day, read from the database."""
    if not day.dates:
        raise CampusRefused("no_dates", field="dates")
    if not day.stage_codes:
        raise CampusRefused("no_rounds", field="stage_codes")
    starts, per_day = _slot_starts(day)
    zone = zoneinfo.ZoneInfo(day.time_zone)
    general = set(day.general_stage_codes)
    rooms = {room.pk: room for room in day.rooms.all()}
    has_video = any(room.video_url for room in rooms.values())
    rounds = tuple(
        Round(code, general=code in general, video=code in general and has_video) for code in day.stage_codes
    )
    applications = {
        a.pk: a
        for a in Application.objects.filter(
            requisition__in=day.requisitions.all(), stage=day.stage_codes[0]
        ).select_related("requisition__plan_line__focus_area", "candidate")
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
    own = set(day.assignments.exclude(interview=None).values_list("interview_id", flat=True))
    others = Interview.objects.filter(
        status=InterviewStatus.SCHEDULED, starts_at__lt=span_end, ends_at__gt=span_start
    ).exclude(pk__in=own)
    week_start, week_end = week_of(starts[0])
    cap = interviewer_weekly_cap()
    people = []
    for entry in day.interviewers.filter(dropped_out=False).select_related("user"):
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
    )
    return DaySetting(problem, tuple(starts), applications, rooms)


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
    *, day_id: int, actor: Actor, time_limit: float = 30.0, accept_partial: bool = False
) -> PlanOutcome:
    """Plan the day with the solver. A plan that leaves candidates out is not saved unless the caller
    accepts it knowingly (``accept_partial``); the answer says how many and which constraint binds."""
    day = _locked_day(day_id, actor)
    if day.assignments.exclude(interview=None).exists():
        raise CampusRefused("already_booked")
    setting = interview_day_setting(day)
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
    rows = list(day.assignments.all())
    assignments = tuple(
        Assignment(r.application_id, r.stage_code, index[r.starts_at], r.interviewer_id, r.room_id)
        for r in rows
    )
    planned = {r.application_id for r in rows}
    unplaced = tuple(c.id for c in setting.problem.candidates if c.id not in planned)
    return Plan(assignments=assignments, unplaced=unplaced)


@transaction.atomic
def interview_day_replan(
    *, day_id: int, interviewer_id: int, actor: Actor, reason: str = "", move_others: bool = False
) -> PlanOutcome:
    """An interviewer drops out: their interviews go to others, everything else stays. Booked
    interviews that change are rescheduled (the calendars get the update); a candidate who cannot be
    placed again is reported and their booked interviews are left for a person to decide. With
    ``move_others`` (asked for explicitly), such a candidate's other rounds may move too."""
    day = _locked_day(day_id, actor)
    entry = day.interviewers.filter(user_id=interviewer_id).first()
    if entry is None:
        raise CampusRefused("not_on_day", field="interviewer")
    if not day.assignments.exists():
        raise CampusRefused("not_planned")
    full = interview_day_setting(day)
    before = _current(day, full)
    entry.dropped_out = True
    entry.save(update_fields=["dropped_out"])
    # The dropped interviewer's entry is still in ``full``'s problem; plan_replan leaves them out.
    plan = plan_replan(full.problem, before, dropped=interviewer_id, move_others=move_others)
    old = {(a.candidate, a.round): a for a in before.assignments}
    new = {(a.candidate, a.round): a for a in plan.assignments}
    rows = {(r.application_id, r.stage_code): r for r in day.assignments.select_related("interview")}
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
    day.last_plan = _summary(plan, full.problem)
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
            "move_others": move_others,
        },
    )
    return PlanOutcome(
        saved=True,
        placed=len(full.problem.candidates) - len(plan.unplaced),
        unplaced=len(plan.unplaced),
        binding=plan.binding,
        stats={**plan_stats(full.problem, plan), "changed": float(changed)},
        seconds=plan.seconds,
    )


@transaction.atomic
def interview_day_book(*, day_id: int, actor: Actor) -> int:
    """Make every planned interview real (``interview_schedule``: invitations with .ics, double-booking
    and weekly-load checks); all or nothing. Answers how many were booked."""
    day = _locked_day(day_id, actor)
    rows = list(day.assignments.filter(interview=None).select_related("room"))
    if not rows and not day.assignments.exists():
        raise CampusRefused("not_planned")
    for row in rows:
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
    audit_record(actor=actor, action=AuditAction.INTERVIEW_DAY_BOOK, target=day, data={"booked": len(rows)})
    return len(rows)


__all__ = ["InterviewDayInterviewer", "interview_day_book", "interview_day_plan", "interview_day_replan"]
