"""The pipeline page's figures for integrations: funnel, days in each step, sources, at risk, forecast.

The same selectors and the same access rule as ``/staff/pipeline/`` (whoever may read the plan, for the
plan lines they see); stage kinds and source codes rather than labels, dates as ISO dates.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Router, Schema

from talentdrive.api.auth import caller, staff_auth
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.insights.forecast import Forecast, plan_forecast
from talentdrive.insights.pipeline import pipeline_dashboard
from talentdrive.plans import access as plans_access
from talentdrive.plans.selectors import drive_list

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
    reason: str = Field(description="quiet, no_interviews or no_applicants")
    days: int


class ForecastOut(Schema):
    target: int
    hired: int
    remaining: int
    likely: dt.date | None = Field(
        description="the median finishing date at the pace so far; null: no pace yet"
    )
    low: dt.date | None = Field(description="10th percentile")
    high: dt.date | None = Field(description="90th percentile; null when beyond two years")


class PipelineOut(Schema):
    drive: str
    applications: int
    funnel: list[StepOut]
    days_in_step: list[DaysOut]
    time_to_hire: DaysOut
    sources: list[SourceOut]
    at_risk: list[AtRiskOut]
    forecast: ForecastOut


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
            }
            for r in board.at_risk
        ],
        "forecast": _forecast(forecast.drive),
    }
