"""Reads for the pipeline page's offers and interviewers: acceptance, decline reasons, weekly load, late
scorecards, for the plan lines the user may read (``progress_plan_lines``: ``plans.access``).

Two queries whatever the size of the drive (the offers, and the interviewers' parts in scheduled
interviews with their scorecards' times), one more for the interviewers' names; the arithmetic is in
``core/offers.py`` and ``core/load.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.insights.core.load import InterviewerLoad, InterviewRow, interviewer_load
from talentdrive.insights.core.offers import Acceptance, DeclineReason, OfferRow, acceptance, decline_reasons
from talentdrive.interviews.models import Interview, InterviewStatus, Scorecard
from talentdrive.interviews.selectors import LATE_AFTER
from talentdrive.interviews.services import interviewer_weekly_cap, week_of
from talentdrive.offers.models import Offer
from talentdrive.plans.models import PlanLine

PAST_WEEKS = 4


@dataclass(frozen=True)
class OfferFigures:
    total: Acceptance
    by_channel: list[Acceptance]
    decline_reasons: list[DeclineReason]


@dataclass(frozen=True)
class LoadFigures:
    loads: list[tuple[User, InterviewerLoad]]  # the busiest first
    cap: int
    week_start: dt.date
    past_weeks: int

    @property
    def late_now(self) -> int:
        return sum(load.late_now for _, load in self.loads)

    @property
    def full(self) -> int:
        return sum(1 for _, load in self.loads if load.full)


def offer_figures(*, lines: QuerySet[PlanLine]) -> OfferFigures:
    rows = [
        OfferRow(status, channel, reason)
        for status, channel, reason in Offer.objects.filter(requisition__plan_line__in=lines)
        .order_by("pk")
        .values_list("status", "requisition__plan_line__channel", "reason")
    ]
    total, by_channel = acceptance(rows)
    return OfferFigures(total=total, by_channel=by_channel, decline_reasons=decline_reasons(rows))


def load_figures(*, lines: QuerySet[PlanLine], now: dt.datetime | None = None) -> LoadFigures:
    now = now or timezone.now()
    week_start, _ = week_of(now)
    through = Interview.interviewers.through
    scorecard_at = Scorecard.objects.filter(
        interview_id=OuterRef("interview_id"), interviewer_id=OuterRef("user_id")
    ).values("submitted_at")[:1]
    rows = [
        InterviewRow(user_id, starts_at, ends_at, submitted)
        for user_id, starts_at, ends_at, submitted in through.objects.filter(
            interview__application__requisition__plan_line__in=lines,
            interview__status=InterviewStatus.SCHEDULED,
        )
        .annotate(scorecard_at=Subquery(scorecard_at))
        # the stubs know the through model's fields, not the annotation
        .values_list("user_id", "interview__starts_at", "interview__ends_at", "scorecard_at")  # type: ignore[misc]
    ]
    cap = interviewer_weekly_cap()
    loads = interviewer_load(
        rows, week_start=week_start, now=now, cap=cap, late_after=LATE_AFTER, past_weeks=PAST_WEEKS
    )
    users = User.objects.in_bulk([load.interviewer_id for load in loads])
    return LoadFigures(
        loads=[(users[load.interviewer_id], load) for load in loads if load.interviewer_id in users],
        cap=cap,
        week_start=week_start.date(),
        past_weeks=PAST_WEEKS,
    )
