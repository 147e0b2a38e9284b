"""A person's change to an interview-day plan: one interview moved to another time, interviewer or
room, checked by the independent verifier (``campus/core/verify.py``) against every hard constraint
before anything is written. The answer names what the change would break; only the new breaks count,
so a plan already short of something does not blame the move for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.campus.core.problem import Assignment, Plan
from talentdrive.campus.core.verify import Violation, plan_violation_list
from talentdrive.campus.day_setting import current_plan, interview_day_setting
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.interview_days import _locked_day
from talentdrive.interviews.services import interview_reschedule


@dataclass(frozen=True)
class MoveCheck:
    violations: tuple[Violation, ...]
    applied: bool
    # global slot index -> start, to say the violations' times in words
    slot_starts: tuple[dt.datetime, ...]


@transaction.atomic
def interview_day_move(
    *,
    day_id: int,
    assignment_id: int,
    starts_at: dt.datetime,
    interviewer_id: int,
    room_id: int,
    actor: Actor,
    apply: bool = True,
    now: dt.datetime | None = None,
) -> MoveCheck:
    """Check moving one planned interview; with ``apply`` and nothing broken, make the change (and
    reschedule its interview when the plan is booked: the calendars get the update). An interview that
    has started stays where it was held, and none moves to a time that has passed (``now``, by default
    the present)."""
    day = _locked_day(day_id, actor)
    row = day.assignments.select_related("interview", "room").filter(pk=assignment_id).first()
    if row is None:
        raise CampusRefused("assignment_unknown", field="assignment")
    setting = interview_day_setting(day, planned=True, now=now)
    index = {moment: g for g, moment in enumerate(setting.slot_starts)}
    earliest = setting.problem.earliest
    before = current_plan(day, setting)
    slot = index.get(starts_at, -1)
    key = (row.application_id, row.stage_code)
    moved = Assignment(row.application_id, row.stage_code, slot, interviewer_id, room_id)
    after = Plan(
        tuple(moved if (a.candidate, a.round) == key else a for a in before.assignments), before.unplaced
    )
    already = set(map(_key, plan_violation_list(setting.problem, before)))
    broken = tuple(v for v in plan_violation_list(setting.problem, after) if _key(v) not in already)
    if slot < 0:
        # Said once, first: the verifier finds the same for the moved interview's slot.
        rest = tuple(v for v in broken if v.code != "slot_outside")
        broken = (Violation("slot_outside", {"slot": -1, "interviewer": interviewer_id}), *rest)
    held = index.get(row.starts_at, -1)
    if 0 <= held < earliest:
        broken = (Violation("slot_started", {"slot": held}), *broken)
    elif 0 <= slot < earliest:
        broken = (Violation("slot_passed", {"slot": slot}), *broken)
    if broken or not apply:
        return MoveCheck(broken, applied=False, slot_starts=setting.slot_starts)
    row.starts_at = starts_at
    row.ends_at = starts_at + dt.timedelta(minutes=day.slot_minutes)
    row.interviewer_id, row.room_id = interviewer_id, room_id
    row.save(update_fields=["starts_at", "ends_at", "interviewer", "room"])
    if row.interview is not None and row.interview.is_scheduled:
        room = setting.rooms[room_id]
        interview_reschedule(
            interview_id=row.interview.pk,
            starts_at=starts_at,
            interviewer_ids=[interviewer_id],
            location="" if room.video_url else room.name,
            video_url=room.video_url,
            actor=actor,
            reason="interview day plan changed by hand",
        )
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_DAY_MOVE,
        target=day,
        data={"assignment": row.pk, "slot": slot, "interviewer_id": interviewer_id, "room_id": room_id},
    )
    return MoveCheck((), applied=True, slot_starts=setting.slot_starts)


def _key(violation: Violation) -> tuple[str, tuple[tuple[str, str], ...]]:
    params = {k: v for k, v in violation.params.items() if k != "assignment"}
    return violation.code, tuple(sorted((k, str(v)) for k, v in params.items()))
