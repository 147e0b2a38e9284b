"""Reads of the interviews app; permission checks through ``interviews/access.py``. Never write."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.interviews import access
from talentdrive.interviews.models import Interview, InterviewStatus, Scorecard, SlotOffer, SlotOfferStatus
from talentdrive.interviews.services import interviewer_weekly_cap, week_of
from talentdrive.interviews.slots import slot_times
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.models import TERMINAL_STAGES, Application

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


# -- the candidate's status page (the status link is the access: the caller resolved it to ``candidate``) --


@dataclass(frozen=True)
class OfferedTimes:
    offer: SlotOffer
    round_name_en: str
    round_name_zh: str
    times: list[dt.datetime]  # still to come, in order


def candidate_slot_offers(*, candidate: Any, now: dt.datetime | None = None) -> list[OfferedTimes]:
    """Times offered to this person and not yet chosen, on applications still open; past times dropped,
    and an offer whose times have all passed is left out."""
    now = now or timezone.now()
    offers = (
        SlotOffer.objects.filter(
            application__candidate=candidate,
            status=SlotOfferStatus.OPEN,
            application__in=_open_applications(),
        )
        .select_related("round", "application__requisition")
        .order_by("created_at", "pk")
    )
    listed = []
    for offer in offers:
        times = [moment for moment in slot_times(offer) if moment > now]
        if times:
            name_en = offer.round.name_en if offer.round else offer.stage_code
            name_zh = offer.round.name_zh if offer.round else offer.stage_code
            listed.append(OfferedTimes(offer, name_en, name_zh, times))
    return listed


def candidate_slot_offer_get(*, candidate: Any, offer_id: int) -> SlotOffer:
    """One of this person's offered times; another person's is indistinguishable from a missing one."""
    offer = SlotOffer.objects.filter(application__candidate=candidate, pk=offer_id).first()
    if offer is None:
        raise SlotOffer.DoesNotExist(f"slot offer {offer_id} does not exist")
    return offer


def candidate_interviews_upcoming(*, candidate: Any, now: dt.datetime | None = None) -> list[Interview]:
    """This person's interviews still to come, soonest first, for their status page."""
    return list(
        Interview.objects.filter(
            application__candidate=candidate,
            status=InterviewStatus.SCHEDULED,
            ends_at__gt=now or timezone.now(),
        )
        .select_related("round", "application__requisition")
        .order_by("starts_at", "pk")
    )


def application_slot_offers(*, user: User, application: Application) -> list[SlotOffer]:
    """Times offered for this application and still waiting for the candidate, for its page."""
    if not access.interview_can_list(user):
        return []
    return list(
        SlotOffer.objects.filter(application=application, status=SlotOfferStatus.OPEN)
        .filter(application__in=Application.objects.filter(pipeline_access.application_scope(user)))
        .select_related("round")
        .prefetch_related("interviewers")
    )


def application_slot_offer_get(*, user: User, offer_id: int) -> SlotOffer:
    """Offered times on an application the user may read; others are indistinguishable from missing."""
    offer = (
        SlotOffer.objects.filter(pk=offer_id)
        .filter(application__in=Application.objects.filter(pipeline_access.application_scope(user)))
        .first()
        if access.interview_can_list(user)
        else None
    )
    if offer is None:
        raise SlotOffer.DoesNotExist(f"slot offer {offer_id} does not exist")
    return offer


def _open_applications() -> QuerySet[Application]:
    return Application.objects.exclude(stage__in=TERMINAL_STAGES)
