"""The pipeline page as a workbook for the weekly meeting: one sheet per table, in the reader's language."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from talentdrive.insights.forecast import PlanForecast
from talentdrive.insights.labels import channel_label, line_label, risk_label, source_label, step_label
from talentdrive.insights.pipeline import PipelineDashboard


def _sheet(book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
                cell.data_type = "s"  # titles are typed by people: text, never a formula a spreadsheet runs
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def dashboard_workbook(board: PipelineDashboard, forecast: PlanForecast) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _sheet(
        book,
        _("Funnel"),
        [_("Step"), _("Reached"), _("Of the step before")],
        [(step_label(s.kind), s.reached, s.share_of_previous) for s in board.funnel],
    )
    _sheet(
        book,
        _("Days in each step"),
        [_("Step"), _("Applications"), _("Median days"), _("90th percentile")],
        [(step_label(d.kind), d.count, d.median_days, d.p90_days) for d in board.time_in_stage]
        + [
            (
                _("Time to hire"),
                board.time_to_hire.count,
                board.time_to_hire.median_days,
                board.time_to_hire.p90_days,
            )
        ],
    )
    _sheet(
        book,
        _("Sources"),
        [_("Source"), _("Applications"), _("Interviewed"), _("Hired")],
        [(source_label(s.source), s.applications, s.interviewed, s.hired) for s in board.sources],
    )
    forecasts = [(_("The whole plan you see"), forecast.drive)] + [
        (line_label(line), line_forecast) for line, line_forecast in forecast.lines
    ]
    _sheet(
        book,
        _("Forecast"),
        [_("Plan"), _("Target"), _("Hired"), _("Still to hire"), _("Likely filled by"), _("From"), _("To")],
        [(label, f.target, f.hired, f.remaining, f.likely, f.low, f.high) for label, f in forecasts],
    )
    _sheet(
        book,
        _("Requisitions at risk"),
        [_("Requisition"), _("Title"), _("Why")],
        [(r.requisition.external_id, r.requisition.title, risk_label(r)) for r in board.at_risk],
    )
    offers = [(_("All offers"), board.offers.total)] + [
        (channel_label(item.key), item) for item in board.offers.by_channel
    ]
    _sheet(
        book,
        _("Offers"),
        [
            _("Offers"),
            _("Accepted"),
            _("Declined"),
            _("Expired"),
            _("Acceptance"),
            _("Out, awaiting an answer"),
            _("Not sent yet"),
        ],
        [(label, a.accepted, a.declined, a.expired, a.rate, a.out, a.in_progress) for label, a in offers],
    )
    _sheet(
        book,
        _("Why offers were declined"),
        [_("Reason"), _("Offers")],
        [(reason.reason, reason.count) for reason in board.offers.decline_reasons],
    )
    _sheet(
        book,
        _("Interviewers"),
        [
            _("Interviewer"),
            _("This week"),
            _("Next week"),
            _("Weekly average before"),
            _("Weekly cap"),
            _("Scorecards late now"),
            _("Handed in late"),
            _("Handed in"),
        ],
        [
            (
                str(user),
                load.this_week,
                load.next_week,
                load.weekly_average,
                load.cap,
                load.late_now,
                load.handed_in_late,
                load.scorecards,
            )
            for user, load in board.load.loads
        ],
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
