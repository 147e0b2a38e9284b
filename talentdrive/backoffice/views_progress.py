"""The progress page: plan vs. open headcount vs. hired, with drill-down, totals and CSV."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from talentdrive.backoffice.access import staff_view
from talentdrive.insights.core.progress import (
    DIMENSIONS,
    Figures,
    ProgressReport,
    ProgressRow,
    csv_rows,
    next_dimension,
)
from talentdrive.insights.selectors import dimension_member_labels, progress_report
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import Drive
from talentdrive.plans.selectors import drive_list

DIMENSION_LABELS = {
    "city": _("City"),
    "channel": _("Channel"),
    "area": _("Focus area"),
    "team": _("Team"),
}


class NoDrive(Http404):
    pass


@dataclass(frozen=True)
class Bar:
    """Widths in percent of the widest row, so bars compare across rows."""

    target: float
    committed: float
    open: float
    hired: float


@dataclass(frozen=True)
class RowView:
    row: ProgressRow
    bar: Bar
    drill_url: str | None
    # Each cross-tab cell with its drill-down address, in column order.
    cells: tuple[tuple[Figures, str | None], ...] = ()


@dataclass(frozen=True)
class FilterChip:
    dimension: str
    dimension_label: str
    key: str
    label: str
    remove_url: str


def _bar(figures: Figures, scale: int) -> Bar:
    if scale <= 0:
        return Bar(0, 0, 0, 0)

    def width(value: int) -> float:
        return round(100.0 * min(value, scale) / scale, 1)

    return Bar(
        target=width(figures.target),
        committed=width(figures.committed),
        open=width(figures.open),
        hired=width(figures.hired),
    )


def _query(drive: Drive, group_by: str, across: str | None, filters: dict[str, str]) -> str:
    params: dict[str, str] = {"drive": drive.code, "group": group_by}
    if across:
        params["across"] = across
    params.update(filters)
    return urlencode(params)


def _selected(request: HttpRequest) -> tuple[list[Drive], Drive, str, str | None, dict[str, str]]:
    drives = list(drive_list())
    if not drives:
        raise NoDrive("no drive has been set up yet")
    code = request.GET.get("drive")
    drive = next((d for d in drives if d.code == code), drives[0])
    group_by = request.GET.get("group", "city")
    if group_by not in DIMENSIONS:
        group_by = "city"
    across = request.GET.get("across") or None
    if across not in DIMENSIONS or across == group_by:
        across = None
    filters = {name: request.GET[name] for name in DIMENSIONS if request.GET.get(name)}
    # A dimension fixed by a filter has one value; grouping by it again would say nothing new.
    filters.pop(group_by, None)
    return drives, drive, group_by, across, filters


def _report(request: HttpRequest) -> tuple[list[Drive], Drive, ProgressReport]:
    drives, drive, group_by, across, filters = _selected(request)
    report = progress_report(
        user=request.user,  # type: ignore[arg-type]
        drive=drive,
        group_by=group_by,
        across=across,
        filters=filters,
    )
    return drives, drive, report


@staff_view(plans_access.plan_can_read)
def progress(request: HttpRequest) -> HttpResponse:
    try:
        drives, drive, report = _report(request)
    except NoDrive:
        return render(request, "backoffice/no_drive.html", {"nav": "progress"})
    filters = dict(report.filters)
    scale = max([report.totals.target, 1] + [max(r.figures.target, r.figures.committed) for r in report.rows])
    row_scale = max([1] + [max(r.figures.target, r.figures.committed) for r in report.rows])
    rows = []
    for row in report.rows:
        drill_url = None
        if report.next_dimension is not None:
            drill_filters = {**filters, report.group_by: row.member.key}
            drill_url = "?" + _query(drive, report.next_dimension, None, drill_filters)
        cells: list[tuple[Figures, str | None]] = []
        for column, cell in zip(report.columns, row.cells, strict=True):
            assert report.across is not None  # noqa: S101 - columns exist only with ``across``
            cell_filters = {**filters, report.group_by: row.member.key, report.across: column.key}
            cell_next = next_dimension(group_by=report.group_by, filtered=cell_filters)
            cells.append((cell, "?" + _query(drive, cell_next, None, cell_filters) if cell_next else None))
        rows.append(
            RowView(row=row, bar=_bar(row.figures, row_scale), drill_url=drill_url, cells=tuple(cells))
        )
    labels = dimension_member_labels(filters=filters)
    chips = [
        FilterChip(
            dimension=name,
            dimension_label=str(DIMENSION_LABELS[name]),
            key=key,
            label=labels.get(name, key),
            remove_url="?"
            + _query(drive, report.group_by, report.across, {k: v for k, v in filters.items() if k != name}),
        )
        for name, key in report.filters
    ]
    context = {
        "nav": "progress",
        "drive": drive,
        "drives": drives,
        "report": report,
        "rows": rows,
        "total_bar": _bar(report.totals, scale),
        "chips": chips,
        "dimensions": [(name, DIMENSION_LABELS[name]) for name in DIMENSIONS],
        "group_label": DIMENSION_LABELS[report.group_by],
        "across_label": DIMENSION_LABELS[report.across] if report.across else "",
        "next_label": DIMENSION_LABELS[report.next_dimension] if report.next_dimension else "",
        "filters": filters,
        "csv_url": "?" + _query(drive, report.group_by, report.across, filters),
        "reset_url": "?" + _query(drive, "city", None, {}),
    }
    template = "backoffice/progress_table.html" if request.htmx else "backoffice/progress.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@staff_view(plans_access.plan_can_read)
def progress_csv(request: HttpRequest) -> HttpResponse:
    _, drive, report = _report(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    suffix = "-".join([report.group_by, *(f"{k}-{v}" for k, v in report.filters)])
    response["Content-Disposition"] = f'attachment; filename="progress-{drive.code}-{suffix}.csv"'
    # A byte-order mark lets Excel open the Chinese labels as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerows(csv_rows(report))
    return response
