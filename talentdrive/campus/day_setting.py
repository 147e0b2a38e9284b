"""An interview day as the planner sees it: the problem read from the day's rows (candidates, rounds,
interviewers, rooms and the times still to come) and the plan stored for it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from talentdrive.campus.core.problem import (
    Assignment,
    Candidate,
    Interviewer,
    Plan,
    Problem,
    Room,
    Round,
)
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import (
    InterviewDay,
    InterviewDayRoom,
)
from talentdrive.interviews.models import Interview, InterviewStatus
from talentdrive.interviews.services import (
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


def current_plan(day: InterviewDay, setting: DaySetting) -> Plan:
    """The plan as stored, as the solver reads one: the day's rows still to be held, and who has none."""
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
