"""The demo's interview day: Hangzhou's campus candidates waiting for their first technical interview,
over two days next week, set up through ``interview_day_create`` and left unplanned, so a recruiter
can press "Plan the interview day" and read what the solver made of it.

The day takes as many candidates as its interviewers can see within the weekly interview cap that the
walk's interviews leave them, so the plan places everyone; requisitions whose candidates hold no first
technical interview yet (those the assessment import moved on) come first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.campus.day_setup import InterviewerSpec, RoomSpec, interview_day_create
from talentdrive.campus.models import InterviewDay
from talentdrive.demo.users import INTERVIEWERS, LEADERSHIP, TEAM_INTERVIEWERS
from talentdrive.interviews.models import Interview, InterviewStatus
from talentdrive.interviews.services import interviewer_weekly_cap
from talentdrive.pipeline.models import Application
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import City, Drive, Requisition, RequisitionStatus

CITY = "hangzhou"
ROUNDS = ("technical_1", "technical_2", "hr_interview")
GENERAL = ("hr_interview",)
MAX_CANDIDATES = 14
DAILY_CAP = 6
HEADROOM = 0.7
ROOMS = (
    RoomSpec("滨江园区 A301", capacity=2),
    RoomSpec("滨江园区 A302", capacity=2),
    RoomSpec("滨江园区 A305"),
    RoomSpec("滨江园区 B201"),
    RoomSpec("Video · HR", capacity=2, video_url="https://meet.example.com/talentdrive-demo-hr"),
)


@dataclass(frozen=True)
class DayLoaded:
    days: int
    candidates: int
    dates: tuple[date, ...]


def _next_week() -> tuple[date, date]:
    """Tuesday and Wednesday of next week."""
    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    return monday + timedelta(days=1), monday + timedelta(days=2)


def _left_this_week(users: Sequence[User], monday: date) -> dict[int, int]:
    """Each person's interviews left under the weekly cap in the week starting ``monday``."""
    zone = timezone.get_default_timezone()
    start = datetime.combine(monday, time(0), zone)
    booked = Counter(
        Interview.objects.filter(
            status=InterviewStatus.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=7),
            interviewers__in=users,
        ).values_list("interviewers", flat=True)
    )
    cap = interviewer_weekly_cap()
    return {user.pk: max(0, cap - booked[user.pk]) for user in users}


def day_load(*, drive: Drive, recruiter: User) -> DayLoaded:
    city = City.objects.get(code=CITY)
    dates = _next_week()
    requisitions = list(
        Requisition.objects.filter(
            drive=drive, cities=city, plan_line__channel="campus", status=RequisitionStatus.OPEN
        )
        .select_related("plan_line__focus_area", "plan_line__team")
        .order_by("pk")
    )
    # The day is the recruiter's to plan: only requisitions they may change.
    requisitions = [r for r in requisitions if plans_access.requisition_can_edit(recruiter, r)]
    waiting = Counter(
        Application.objects.filter(requisition__in=requisitions, stage=ROUNDS[0]).values_list(
            "requisition_id", flat=True
        )
    )
    held = set(
        Interview.objects.filter(
            application__requisition__in=requisitions, application__stage=ROUNDS[0], stage_code=ROUNDS[0]
        ).values_list("application__requisition_id", flat=True)
    )
    users = {user.username: user for user in User.objects.filter(role__in=("interviewer", "leadership"))}
    shared = [users[spec.username] for spec in INTERVIEWERS]
    team_people = {spec.interviews_team: users[spec.username] for spec in TEAM_INTERVIEWERS}
    hr = [users[LEADERSHIP.username], recruiter]
    everyone = [*shared, *team_people.values(), *hr]
    left = _left_this_week(everyone, dates[0] - timedelta(days=1))

    def reach(user: User) -> int:
        return min(left[user.pk], 2 * DAILY_CAP)

    shared_reach = sum(reach(user) for user in shared)
    hr_reach = sum(reach(user) for user in hr)
    chosen: list[Requisition] = []
    by_area: Counter[str] = Counter()
    # Two technical rounds a candidate, each from a shared interviewer or the own team's, within the
    # two days' caps and what the week's cap leaves them; kept to HEADROOM of that, as the rounds'
    # order, the gaps and the rooms take some of it.
    for requisition in sorted(requisitions, key=lambda r: (r.pk in held, r.pk)):
        count = waiting[requisition.pk]
        if not count or sum(by_area.values()) + count > MAX_CANDIDATES:
            continue
        trial = [*chosen, requisition]
        areas_after = by_area + Counter({requisition.plan_line.focus_area.code: count})
        own: Counter[str] = Counter()
        for team in {r.plan_line.team.code for r in trial}:
            if team in team_people:
                for area in {r.plan_line.focus_area.code for r in trial if r.plan_line.team.code == team}:
                    own[area] += reach(team_people[team])
        beyond = sum(max(0, 2 * n - own[area]) for area, n in areas_after.items())
        total = sum(areas_after.values())
        if beyond > HEADROOM * shared_reach or 2 * total > HEADROOM * (shared_reach + sum(own.values())):
            continue
        if total > HEADROOM * hr_reach:
            continue
        chosen.append(requisition)
        by_area = areas_after
    candidates = sum(by_area.values())
    areas = sorted({r.plan_line.focus_area.code for r in chosen})
    full_days = tuple((day, time(9), time(18)) for day in dates)
    people = [
        InterviewerSpec(user=user, languages=("zh", "en"), windows=full_days, focus_areas=tuple(areas),
                        daily_cap=DAILY_CAP)
        for user in shared
    ]  # fmt: skip
    for team in sorted({r.plan_line.team.code for r in chosen}):
        team_areas = tuple(
            sorted({r.plan_line.focus_area.code for r in chosen if r.plan_line.team.code == team})
        )
        if team in team_people:
            # The team's own engineer is free the first day, and the second morning.
            windows = (full_days[0], (dates[1], time(9), time(12)))
            people.append(
                InterviewerSpec(user=team_people[team], languages=("zh", "en"), windows=windows,
                                focus_areas=team_areas, daily_cap=DAILY_CAP)
            )  # fmt: skip
    people += [
        InterviewerSpec(user=user, languages=("zh", "en"), windows=full_days, daily_cap=DAILY_CAP)
        for user in hr
    ]
    interview_day_create(
        drive=drive,
        city=city,
        name=f"杭州校招面试日 · Hangzhou campus interview days {dates[0]:%m-%d}/{dates[1]:%m-%d}",
        dates=dates,
        requisitions=chosen,
        stage_codes=ROUNDS,
        general_stage_codes=GENERAL,
        rooms=ROOMS,
        interviewers=people,
        day_start=time(9),
        day_end=time(18),
        slot_minutes=45,
        min_gap_slots=1,
        actor=recruiter,
    )
    return DayLoaded(InterviewDay.objects.filter(drive=drive).count(), candidates, dates)


__all__ = ["DayLoaded", "day_load"]
