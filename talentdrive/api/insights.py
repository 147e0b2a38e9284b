"""The pipeline page's figures for integrations: funnel, days in each step, sources, at risk, forecast.

The same selectors and the same access rule as ``/staff/pipeline/`` (whoever may read the plan, for the
plan lines they see); stage kinds and source codes rather than labels, dates as ISO dates.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Router, Schema

from talentdrive.accounts.models import User
from talentdrive.api.auth import caller, staff_auth
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.candidates import access as candidates_access
from talentdrive.insights.core.offers import Acceptance
from talentdrive.insights.forecast import Forecast, plan_forecast
from talentdrive.insights.oversight import oversight_list, requisition_oversight
from talentdrive.insights.pipeline import pipeline_dashboard
from talentdrive.matching.selectors import MatchUnavailable, match_applicants
from talentdrive.matching.services import match_index_serve
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import Requisition
from talentdrive.plans.selectors import drive_list, requisition_get

router = Router(tags=["insights"])


class StepOut(Schema):
    kind: str = Field(description="received, review, interview, committee, offer or hired")
    reached: int
    share_of_previous: float | None


class DaysOut(Schema):
    kind: str
    count: int
    median_days: float | None
    p90_days: float | None


class SourceOut(Schema):
    source: str
    applications: int
    interviewed: int
    hired: int


class AtRiskOut(Schema):
    requisition_id: int
    external_id: str
    reason: str = Field(description="quiet, no_interviews, no_applicants or low_acceptance")
    days: int
    accepted: int = Field(description="for low_acceptance: offers accepted of those answered (decided)")
    decided: int


class ForecastOut(Schema):
    target: int
    hired: int
    remaining: int
    likely: dt.date | None = Field(
        description="the median finishing date at the pace so far; null: no pace yet"
    )
    low: dt.date | None = Field(description="10th percentile")
    high: dt.date | None = Field(description="90th percentile; null when beyond two years")


class AcceptanceOut(Schema):
    channel: str = Field(description="empty for all offers, else the channel")
    in_progress: int = Field(description="drafted, awaiting approval or approved, not yet sent")
    out: int = Field(description="sent, awaiting the candidate's answer")
    accepted: int
    declined: int
    expired: int
    rate: float | None = Field(description="accepted of accepted + declined + expired; null before any")


class DeclineReasonOut(Schema):
    reason: str
    count: int


class OffersOut(Schema):
    total: AcceptanceOut
    by_channel: list[AcceptanceOut]
    decline_reasons: list[DeclineReasonOut]


class InterviewerLoadOut(Schema):
    interviewer_id: int
    name: str
    this_week: int
    next_week: int
    weekly_average: float = Field(description="interviews per week over the weeks before this one")
    cap: int
    full: bool = Field(description="at the weekly cap this week or next")
    late_now: int = Field(description="scorecards missing a day after the interview ended")
    handed_in_late: int
    scorecards: int


class InterviewersOut(Schema):
    cap: int
    week_start: dt.date
    past_weeks: int
    late_now: int
    loads: list[InterviewerLoadOut]


class PipelineOut(Schema):
    drive: str
    applications: int
    funnel: list[StepOut]
    days_in_step: list[DaysOut]
    time_to_hire: DaysOut
    sources: list[SourceOut]
    at_risk: list[AtRiskOut]
    forecast: ForecastOut
    offers: OffersOut
    interviewers: InterviewersOut


def _acceptance(item: Acceptance) -> dict[str, object]:
    return {
        "channel": item.key,
        "in_progress": item.in_progress,
        "out": item.out,
        "accepted": item.accepted,
        "declined": item.declined,
        "expired": item.expired,
        "rate": item.rate,
    }


def _forecast(forecast: Forecast) -> dict[str, object]:
    return {
        "target": forecast.target,
        "hired": forecast.hired,
        "remaining": forecast.remaining,
        "likely": forecast.likely,
        "low": forecast.low,
        "high": forecast.high,
    }


@router.get(
    "/insights/pipeline",
    response={200: PipelineOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=staff_auth,
    summary="The pipeline's funnel, timings, sources, requisitions at risk and forecast (staff)",
)
def pipeline(
    request: HttpRequest,
    drive: str | None = None,
    city: str | None = None,
    channel: str | None = None,
    area: str | None = None,
    team: str | None = None,
) -> dict[str, object]:
    user = caller(request)
    assert user is not None
    if not plans_access.plan_can_read(user):
        raise PermissionDenied("your role does not give access to the headcount plan")
    drives = list(drive_list())
    chosen = next((d for d in drives if d.code == drive), None) if drive else (drives[0] if drives else None)
    if chosen is None:
        raise ApiError(
            404, f"there is no drive {drive!r}" if drive else "no drive yet", code="not_found", field="drive"
        )
    filters = {k: v for k, v in {"city": city, "channel": channel, "area": area, "team": team}.items() if v}
    board = pipeline_dashboard(user=user, drive=chosen, filters=filters)
    forecast = plan_forecast(user=user, drive=chosen, filters=filters)
    return {
        "drive": chosen.code,
        "applications": board.applications,
        "funnel": [step.__dict__ for step in board.funnel],
        "days_in_step": [d.__dict__ for d in board.time_in_stage],
        "time_to_hire": board.time_to_hire.__dict__,
        "sources": [
            {
                "source": s.source,
                "applications": s.applications,
                "interviewed": s.interviewed,
                "hired": s.hired,
            }
            for s in board.sources
        ],
        "at_risk": [
            {
                "requisition_id": r.requisition.pk,
                "external_id": r.requisition.external_id,
                "reason": r.reason,
                "days": r.days,
                "accepted": r.accepted,
                "decided": r.decided,
            }
            for r in board.at_risk
        ],
        "forecast": _forecast(forecast.drive),
        "offers": {
            "total": _acceptance(board.offers.total),
            "by_channel": [_acceptance(item) for item in board.offers.by_channel],
            "decline_reasons": [r.__dict__ for r in board.offers.decline_reasons],
        },
        "interviewers": {
            "cap": board.load.cap,
            "week_start": board.load.week_start,
            "past_weeks": board.load.past_weeks,
            "late_now": board.load.late_now,
            "loads": [
                {**load.__dict__, "name": str(user), "full": load.full} for user, load in board.load.loads
            ],
        },
    }


class OversightRowOut(Schema):
    requisition_id: int
    external_id: str
    applications: int
    declared: int = Field(description="applicants who volunteered their gender")
    lowest_ratio: float | None = Field(description="the lowest four-fifths ratio among the groups")
    warning: bool = Field(description="lowest_ratio below 0.8")


class GroupOut(Schema):
    group: str = Field(description="woman, man, another; empty for applicants who did not say")
    applications: int
    advanced: int = Field(description="reached an interview or a later step")
    rate: float | None
    impact_ratio: float | None = Field(description="rate ÷ the highest group's rate; null for no group")
    below_four_fifths: bool
    median_score: float | None
    histogram: list[int] = Field(description="applicants per score band of 0.1, lowest first")


class ActorOverridesOut(Schema):
    actor: str
    forward_moves: int
    overrides: int = Field(description="forward moves past an active applicant with a higher match score")


class RequisitionOversightOut(Schema):
    requisition_id: int
    external_id: str
    applications: int
    declared: int
    lowest_ratio: float | None
    scored: bool = Field(description="false when the ranking could not be read: no histograms, no overrides")
    groups: list[GroupOut]
    actors: list[ActorOverridesOut]


def _oversight_reader(request: HttpRequest) -> User:
    user = caller(request)
    assert user is not None
    if not candidates_access.group_data_can_read(user):
        raise PermissionDenied("the screening oversight is for leadership and administrators")
    return user


@router.get(
    "/insights/oversight",
    response={200: list[OversightRowOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=staff_auth,
    summary="Requisitions with their applicants' volunteered groups and lowest four-fifths ratio (leadership)",
)
def oversight_rows(request: HttpRequest, drive: str | None = None) -> list[dict[str, object]]:
    user = _oversight_reader(request)
    drives = list(drive_list())
    chosen = next((d for d in drives if d.code == drive), None) if drive else (drives[0] if drives else None)
    if chosen is None:
        raise ApiError(
            404, f"there is no drive {drive!r}" if drive else "no drive yet", code="not_found", field="drive"
        )
    return [
        {
            "requisition_id": row.requisition.pk,
            "external_id": row.requisition.external_id,
            "applications": row.applications,
            "declared": row.declared,
            "lowest_ratio": row.lowest_ratio,
            "warning": row.warning,
        }
        for row in oversight_list(user=user, drive=chosen)
    ]


@router.get(
    "/insights/oversight/{requisition_id}",
    response={200: RequisitionOversightOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=staff_auth,
    summary="One requisition's scores and selection rates by group, four-fifths ratios, overrides (leadership)",
)
def oversight_requisition(request: HttpRequest, requisition_id: int) -> dict[str, object]:
    user = _oversight_reader(request)
    try:
        requisition = requisition_get(user=user, requisition_id=requisition_id)
    except Requisition.DoesNotExist as missing:
        raise ApiError(404, str(missing), code="not_found", field="requisition_id") from missing
    candidate_ids = list(requisition.applications.values_list("candidate_id", flat=True))
    try:
        ranking = match_index_serve(
            read=lambda: match_applicants(user=user, requisition=requisition, candidate_ids=candidate_ids),
            actor=user,
        )
        scores: dict[int, float] | None = {key: m.score for key, m in ranking.matches.items()}
    except MatchUnavailable:
        scores = None
    figures = requisition_oversight(user=user, requisition=requisition, scores=scores)
    return {
        "requisition_id": requisition.pk,
        "external_id": requisition.external_id,
        "applications": figures.applications,
        "declared": figures.declared,
        "lowest_ratio": figures.lowest_ratio,
        "scored": figures.scored,
        "groups": [
            {
                **g.__dict__,
                "rate": g.rate,
                "below_four_fifths": g.below_four_fifths,
                "histogram": list(g.histogram),
            }
            for g in figures.groups
        ],
        "actors": [a.__dict__ for a in figures.actors],
    }
