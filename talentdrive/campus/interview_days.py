"""Interview days: planning them with the solver, re-planning when an interviewer drops out, and booking
the plan as real interviews (``interviews.services.interview_schedule``: calendar invitations, the
double-booking and weekly-load checks)."""

from __future__ import annotations

import datetime as dt
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
    Plan,
    Problem,
)
from talentdrive.campus.core.solver import plan_replan, plan_solve, plan_stats
from talentdrive.campus.day_setting import (
    DaySetting,
    current_plan,
    interview_day_setting,
    still_to_hold,
)
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import (
    InterviewDay,
    InterviewDayAssignment,
    InterviewDayInterviewer,
)
from talentdrive.interviews.errors import InterviewRefused
from talentdrive.interviews.services import (
    interview_reschedule,
    interview_schedule,
)


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
    before = current_plan(day, full)
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
