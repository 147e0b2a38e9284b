"""Reads of the campus season, narrowed by ``campus/access.py``. Nothing here writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from talentdrive.campus import access
from talentdrive.campus.models import (
    Assessment,
    AssessmentResult,
    CampusTalk,
    InterviewDay,
    InterviewDayAssignment,
    ResultStatus,
    TalkAttribution,
    TalkRegistration,
)
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.models import Application


def assessment_list(*, user: Any) -> QuerySet[Assessment]:
    """The assessments the user may read, with their results counted among the applications the user
    may read (a focus area's assessment spans teams)."""
    readable = Q(results__application__in=Application.objects.filter(pipeline_access.application_scope(user)))
    return (
        Assessment.objects.filter(access.assessment_scope(user))
        .select_related("requisition", "focus_area", "drive")
        .annotate(
            result_count=Count("results", filter=readable),
            pending_count=Count("results", filter=readable & Q(results__status=ResultStatus.PENDING)),
        )
    )


def assessment_get(*, user: Any, assessment_id: int) -> Assessment:
    """The assessment, or ``Assessment.DoesNotExist`` for one the user may not read."""
    return assessment_list(user=user).get(pk=assessment_id)


def assessment_results(*, user: Any, assessment: Assessment) -> QuerySet[AssessmentResult]:
    """The assessment's results on applications the user may read, the pending ones first."""
    readable = Application.objects.filter(pipeline_access.application_scope(user)).values("pk")
    return (
        assessment.results.filter(application__in=readable)
        .select_related("application__candidate", "application__requisition")
        .order_by("status", "-score", "pk")
    )


def talk_list_public() -> QuerySet[CampusTalk]:
    return (
        CampusTalk.objects.filter(published=True)
        .select_related("city")
        .annotate(registered=Count("registrations"))
    )


def talk_list(*, user: Any) -> QuerySet[CampusTalk]:
    if not access.talk_can_list(user):
        return CampusTalk.objects.none()
    return CampusTalk.objects.select_related("city", "drive").annotate(
        registered=Count("registrations"),
        attended=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
    )


def talk_registrations(*, user: Any, talk: CampusTalk) -> QuerySet[TalkRegistration]:
    if not access.talk_can_manage(user):
        return TalkRegistration.objects.none()
    return talk.registrations.select_related("checked_in_by").annotate(applied=Count("applications"))


def application_talk(application: Application) -> TalkAttribution | None:
    """The campus talk an application came from, if any."""
    return (
        TalkAttribution.objects.select_related("registration__talk__city")
        .filter(application=application)
        .first()
    )


def interview_day_list(*, user: Any) -> QuerySet[InterviewDay]:
    if not access.interview_day_can_list(user):
        return InterviewDay.objects.none()
    return (
        InterviewDay.objects.filter(access.interview_day_scope(user))
        .select_related("city", "drive")
        .annotate(planned=Count("assignments", distinct=True))
    )


def interview_day_get(*, user: Any, day_id: int) -> InterviewDay:
    """The interview day, or ``InterviewDay.DoesNotExist`` for one the user may not read."""
    return interview_day_list(user=user).get(pk=day_id)


def interview_day_assignments(*, day: InterviewDay) -> QuerySet[InterviewDayAssignment]:
    return day.assignments.select_related(
        "application__candidate", "application__requisition", "interviewer", "room", "interview"
    ).order_by("starts_at", "room__pk", "pk")


def interview_day_not_placed_again(*, day: InterviewDay, now: dt.datetime | None = None) -> list[str]:
    """The names of the day's candidates, still at one of its rounds, who have a planned interview to
    come (at ``now``, by default the present, or later) with an interviewer who dropped out: a re-plan
    could not place them again, and a person has to decide. One that has started was held before."""
    gone = day.interviewers.filter(dropped_out=True).values("user_id")
    to_come = day.assignments.filter(interviewer_id__in=gone, starts_at__gte=now or timezone.now())
    applications = Application.objects.filter(
        pk__in=to_come.values("application_id"),
        stage__in=list(day.stage_codes),
    ).select_related("candidate")
    return sorted(a.candidate.full_name for a in applications)
