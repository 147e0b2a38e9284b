"""Reads of the interviews app; permission checks through ``interviews/access.py``. Never write."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.interviews import access
from talentdrive.interviews.models import Interview, InterviewStatus, Scorecard
from talentdrive.interviews.services import interviewer_weekly_cap, week_of
from talentdrive.pipeline.models import Application

LATE_AFTER = dt.timedelta(hours=24)


def interview_list(*, user: User) -> QuerySet[Interview]:
    """The interviews this user may read, soonest first."""
    return (
        Interview.objects.filter(access.interview_scope(user))
        .select_related("application__requisition", "round")
        .prefetch_related("interviewers")
        .order_by("starts_at", "pk")
    )


def interview_get(*, user: User, interview_id: int) -> Interview:
    """One interview the user may read; one they may not is indistinguishable from a missing one."""
    interview = interview_list(user=user).filter(pk=interview_id).first()
    if interview is None:
        raise Interview.DoesNotExist(f"interview {interview_id} does not exist")
    return interview


def scorecard_list(*, user: User) -> QuerySet[Scorecard]:
    """The scorecards this user may read (``access.scorecard_scope``), oldest first."""
    return (
        Scorecard.objects.filter(access.scorecard_scope(user))
        .select_related("interview__round", "interviewer")
        .order_by("submitted_at", "pk")
    )


def application_interviews(*, user: User, application: Application) -> list[Interview]:
    """The application's interviews, cancelled ones included, for its page."""
    return list(interview_list(user=user).filter(application=application))


def application_scorecards(*, user: User, application: Application) -> list[Scorecard]:
    return list(scorecard_list(user=user).filter(interview__application=application))


@dataclass(frozen=True)
class MyInterviews:
    today: list[Interview]
    this_week: list[Interview]
    scorecards_due: list[Interview]


def my_interviews(*, user: User, now: dt.datetime | None = None) -> MyInterviews:
    """An interviewer's home: today's interviews, the rest of this week's, and the interviews that
    have started and still wait for their scorecard."""
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    local = timezone.localtime(now, zone)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    day_end = day_start + dt.timedelta(days=1)
    _, week_end = week_of(now)
    mine = (
        Interview.objects.filter(interviewers=user, status=InterviewStatus.SCHEDULED)
        .select_related("application__requisition", "round")
        .order_by("starts_at", "pk")
    )
    upcoming = list(mine.filter(ends_at__gte=day_start, starts_at__lt=week_end))
    mine_submitted = Scorecard.objects.filter(interview=OuterRef("pk"), interviewer=user)
    due = list(mine.filter(starts_at__lte=now).exclude(Exists(mine_submitted)))
    return MyInterviews(
        today=[i for i in upcoming if i.starts_at < day_end],
        this_week=[i for i in upcoming if i.starts_at >= day_end],
        scorecards_due=due,
    )


@dataclass(frozen=True)
class LateScorecard:
    interview: Interview
    interviewer: User


def scorecards_late(*, user: User, now: dt.datetime | None = None) -> list[LateScorecard]:
    """Interviews that ended more than a day ago without the scorecard of each of their interviewers,
    among the applications the user may read: the recruiter's home lists them to chase."""
    if not access.scorecards_late_can_list(user):
        return []
    now = now or timezone.now()
    through = Interview.interviewers.through
    submitted = Scorecard.objects.filter(
        interview_id=OuterRef("interview_id"), interviewer_id=OuterRef("user_id")
    )
    rows = (
        through.objects.filter(
            interview__in=Interview.objects.filter(access.interview_scope(user)),
            interview__status=InterviewStatus.SCHEDULED,
            interview__ends_at__lt=now - LATE_AFTER,
        )
        .exclude(Exists(submitted))
        .select_related("interview__application__requisition", "interview__round", "user")
        .order_by("interview__ends_at", "pk")[:200]
    )
    return [LateScorecard(row.interview, row.user) for row in rows]


@dataclass(frozen=True)
class Load:
    interviewer: User
    this_week: int
    cap: int


def interviewer_loads(*, interviewers: list[User], moment: dt.datetime | None = None) -> list[Load]:
    """How many interviews each interviewer has in the week of ``moment`` (default now), with the cap."""
    week_start, week_end = week_of(moment or timezone.now())
    counts = dict(
        User.objects.filter(pk__in=[user.pk for user in interviewers])
        .annotate(
            week=Count(
                "interviews_assigned",
                filter=Q(
                    interviews_assigned__status=InterviewStatus.SCHEDULED,
                    interviews_assigned__starts_at__gte=week_start,
                    interviews_assigned__starts_at__lt=week_end,
                ),
            )
        )
        .values_list("pk", "week")
    )
    cap = interviewer_weekly_cap()
    return [Load(user, counts.get(user.pk, 0), cap) for user in interviewers]
