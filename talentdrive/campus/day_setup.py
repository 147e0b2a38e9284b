"""Setting up an interview day: its dates, requisitions, rounds, rooms and interviewers, in one audited
service, before anyone plans it (``interview_days.interview_day_plan``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.campus import access
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import InterviewDay, InterviewDayInterviewer, InterviewDayRoom
from talentdrive.pipeline.flows import flows_for_requisitions
from talentdrive.plans.models import City, Drive, Requisition


@dataclass(frozen=True)
class RoomSpec:
    """A room with ``capacity`` interview tables at once, or a video link."""

    name: str
    capacity: int = 1
    video_url: str = ""


@dataclass(frozen=True)
class InterviewerSpec:
    """One interviewer of the day: what they may interview and when (``windows``: date, start, end)."""

    user: User
    languages: tuple[str, ...]
    windows: tuple[tuple[dt.date, dt.time, dt.time], ...]
    focus_areas: tuple[str, ...] = ()
    daily_cap: int = 8
    stage_codes: tuple[str, ...] = ()
    conflict_schools: tuple[str, ...] = field(default_factory=tuple)


@transaction.atomic
def interview_day_create(
    *,
    drive: Drive,
    city: City,
    name: str,
    dates: Sequence[dt.date],
    requisitions: Sequence[Requisition],
    stage_codes: Sequence[str],
    rooms: Sequence[RoomSpec],
    interviewers: Sequence[InterviewerSpec],
    actor: Actor,
    general_stage_codes: Sequence[str] = (),
    day_start: dt.time = dt.time(9),
    day_end: dt.time = dt.time(18),
    slot_minutes: int = 45,
    min_gap_slots: int = 0,
) -> InterviewDay:
    """An interview day, not yet planned. Refused (``CampusRefused``, nothing written) without a date,
    a round or a room, with a round that is not in every requisition's flow, or for someone who may not
    plan a day of these requisitions."""
    if not access.interview_day_can_create(actor, requisitions):
        raise CampusRefused("not_allowed")
    if not dates:
        raise CampusRefused("no_dates", field="dates")
    if not stage_codes:
        raise CampusRefused("no_rounds", field="stage_codes")
    if not rooms:
        raise CampusRefused("no_rooms", field="rooms")
    by_pk = {requisition.pk: requisition for requisition in requisitions}
    for pk, flow in flows_for_requisitions(requisitions).items():
        missing = [code for code in stage_codes if flow.stage(code) is None]
        if missing:
            raise CampusRefused(
                "round_not_in_flow",
                field="stage_codes",
                params={"round": missing[0], "requisition": by_pk[pk].external_id},
            )
    day = InterviewDay.objects.create(
        drive=drive,
        city=city,
        name=name.strip()[:200],
        dates=[date.isoformat() for date in sorted(set(dates))],
        day_start=day_start,
        day_end=day_end,
        slot_minutes=slot_minutes,
        min_gap_slots=min_gap_slots,
        stage_codes=list(stage_codes),
        general_stage_codes=[code for code in general_stage_codes if code in stage_codes],
        created_by=actor if isinstance(actor, User) else None,
    )
    day.requisitions.set(requisitions)
    InterviewDayRoom.objects.bulk_create(
        InterviewDayRoom(day=day, name=room.name[:120], capacity=room.capacity, video_url=room.video_url)
        for room in rooms
    )
    InterviewDayInterviewer.objects.bulk_create(
        InterviewDayInterviewer(
            day=day,
            user=person.user,
            focus_areas=list(person.focus_areas),
            languages=list(person.languages),
            windows=[
                {"date": date.isoformat(), "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
                for date, start, end in person.windows
            ],
            daily_cap=person.daily_cap,
            stage_codes=list(person.stage_codes),
            conflict_schools=list(person.conflict_schools),
        )
        for person in interviewers
    )
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_DAY_CREATE,
        target=day,
        data={
            "city": city.code,
            "dates": day.dates,
            "requisitions": len(requisitions),
            "rooms": len(rooms),
            "interviewers": len(interviewers),
        },
    )
    return day


__all__ = ["InterviewerSpec", "RoomSpec", "interview_day_create"]
