"""The pipeline dashboard: funnel, time in stage, time to hire, sources and requisitions at risk.

Thin: the figures come from ``insights/pipeline.py``; this page turns them into bars (widths in percent,
drawn as SVG, so no script or chart library is needed) beside the numbers they stand for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.views_progress import DIMENSION_LABELS, NoDrive
from talentdrive.insights.core.funnel import FunnelStep
from talentdrive.insights.core.load import InterviewerLoad
from talentdrive.insights.core.offers import Acceptance
from talentdrive.insights.core.progress import DIMENSIONS
from talentdrive.insights.forecast import plan_forecast
from talentdrive.insights.labels import (
    channel_label,
    line_label,
    percent,
    risk_label,
    source_label,
    step_label,
)
from talentdrive.insights.offers_load import LoadFigures, OfferFigures
from talentdrive.insights.pipeline import pipeline_dashboard
from talentdrive.insights.selectors import dimension_choices, dimension_member_labels
from talentdrive.insights.workbook import dashboard_tables, dashboard_workbook, table_csv
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import Channel, Drive
from talentdrive.plans.selectors import drive_list

SHOWN_INTERVIEWERS = 30


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float
    width: float  # percent of the widest row
    note: str = ""
    marker: float | None = None  # percent, e.g. the 90th percentile beside a median


def _width(value: float, scale: float) -> float:
    return round(100.0 * value / scale, 1) if scale > 0 else 0.0


def _funnel_rows(steps: list[FunnelStep]) -> list[BarRow]:
    top = max([step.reached for step in steps] + [1])
    return [
        BarRow(
            step_label(step.kind),
            step.reached,
            _width(step.reached, top),
            f"{step.share_of_previous:.0%}" if step.share_of_previous is not None else "",
        )
        for step in steps
    ]


@dataclass(frozen=True)
class StackRow:
    """One row of a stacked bar: its parts as (css class, x, width) in percent of the widest row."""

    label: str
    figures: Acceptance
    parts: list[tuple[str, float, float]]


def _acceptance_rows(offers: OfferFigures) -> list[StackRow]:
    rows = [(str(_("All offers")), offers.total)] + [
        (channel_label(item.key), item) for item in offers.by_channel
    ]
    widest = max([item.decided for _label, item in rows] + [1])
    stacked = []
    for label, item in rows:
        x, parts = 0.0, []
        for css, value in (("bar-a", item.accepted), ("bar-b", item.declined), ("bar-c", item.expired)):
            width = _width(value, widest)
            parts.append((css, x, width))
            x += width
        stacked.append(StackRow(label, item, parts))
    return stacked


def _load_rows(load: LoadFigures) -> list[tuple[BarRow, InterviewerLoad]]:
    scale = max([load.cap] + [max(item.this_week, item.next_week) for _user, item in load.loads])
    return [
        (
            BarRow(str(user), item.this_week, _width(item.this_week, scale), marker=_width(load.cap, scale)),
            item,
        )
        for user, item in load.loads[:SHOWN_INTERVIEWERS]
    ]


def _drive_and_filters(request: HttpRequest) -> tuple[list[Drive], Drive, dict[str, str]]:
    """The drive asked for (else the newest) and the dimensions the figures are narrowed to."""
    drives = list(drive_list())
    if not drives:
        raise NoDrive("no drive has been set up yet")
    drive = next((d for d in drives if d.code == request.GET.get("drive")), drives[0])
    filters = {name: request.GET[name][:80] for name in DIMENSIONS if request.GET.get(name)}
    return drives, drive, filters


@staff_view(plans_access.plan_can_read)
def dashboard_xlsx(request: HttpRequest) -> HttpResponse:
    _drives, drive, filters = _drive_and_filters(request)
    board = pipeline_dashboard(user=request.user, drive=drive, filters=filters)  # type: ignore[arg-type]
    forecast = plan_forecast(user=request.user, drive=drive, filters=filters)  # type: ignore[arg-type]
    content = dashboard_workbook(board, forecast)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="pipeline-{drive.code}.xlsx"'
    return response


@staff_view(plans_access.plan_can_read)
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    """One table of the page as CSV, named by ``table`` (the page links each table's)."""
    _drives, drive, filters = _drive_and_filters(request)
    board = pipeline_dashboard(user=request.user, drive=drive, filters=filters)  # type: ignore[arg-type]
    forecast = plan_forecast(user=request.user, drive=drive, filters=filters)  # type: ignore[arg-type]
    tables = {table.slug: table for table in dashboard_tables(board, forecast)}
    slug = request.GET.get("table", "")
    if slug not in tables:
        return HttpResponseBadRequest(
            _(
                "There is no table “%(table)s” on the pipeline page; the address's table= takes one of: %(tables)s."
            )
            % {"table": slug[:40], "tables": ", ".join(tables)},
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(table_csv(tables[slug]), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pipeline-{drive.code}-{slug}.csv"'
    return response


@staff_view(plans_access.plan_can_read)
def dashboard(request: HttpRequest) -> HttpResponse:
    try:
        drives, drive, filters = _drive_and_filters(request)
    except NoDrive:
        return render(request, "backoffice/no_drive.html", {"nav": "dashboard"})
    board = pipeline_dashboard(user=request.user, drive=drive, filters=filters)  # type: ignore[arg-type]
    forecast = plan_forecast(user=request.user, drive=drive, filters=filters)  # type: ignore[arg-type]
    slowest = max([d.p90_days or 0 for d in board.time_in_stage] + [1])
    widest_source = max([s.applications for s in board.sources] + [1])
    widest_reason = max([r.count for r in board.offers.decline_reasons] + [1])
    labels = dimension_member_labels(filters=filters)
    context = {
        "nav": "dashboard",
        "drive": drive,
        "drives": drives,
        "board": board,
        "filters": [(str(DIMENSION_LABELS[name]), labels.get(name, key)) for name, key in filters.items()],
        "drill": [
            (name, str(DIMENSION_LABELS[name]), members, filters.get(name, ""))
            for name, members in dimension_choices(user=request.user, drive=drive, filters=filters).items()  # type: ignore[arg-type]
        ],
        "funnel": _funnel_rows(board.funnel),
        "funnel_by_channel": [
            (str(Channel(code).label) if code in Channel.values else code, _funnel_rows(steps))
            for code, steps in board.funnel_by_channel.items()
        ],
        "stage_days": [
            BarRow(
                step_label(d.kind),
                d.median_days or 0,
                _width(d.median_days or 0, slowest),
                str(d.count),
                _width(d.p90_days or 0, slowest),
            )
            for d in board.time_in_stage
        ],
        "sources": [
            (
                BarRow(
                    source_label(s.source),
                    s.applications,
                    _width(s.applications, widest_source),
                ),
                s,
                _width(s.hired, widest_source),
            )
            for s in board.sources
        ],
        "forecast": forecast,
        "forecast_lines": [(line_label(line), line_forecast) for line, line_forecast in forecast.lines],
        "at_risk": [(risk, risk_label(risk)) for risk in board.at_risk[:50]],
        "acceptance": _acceptance_rows(board.offers),
        "decline_reasons": [
            BarRow(
                reason.reason,
                reason.count,
                _width(reason.count, widest_reason),
                percent(reason.count / board.offers.total.declined if board.offers.total.declined else None),
            )
            for reason in board.offers.decline_reasons
        ],
        "load": _load_rows(board.load),
        "xlsx_query": request.GET.urlencode(),
    }
    return render(request, "backoffice/dashboard.html", context)
