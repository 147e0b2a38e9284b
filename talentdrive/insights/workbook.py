"""The pipeline page's tables for the weekly meeting: a workbook with one sheet per table, or one table as
CSV, in the reader's language."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from talentdrive.insights.forecast import PlanForecast
from talentdrive.insights.labels import channel_label, line_label, risk_label, source_label, step_label
from talentdrive.insights.pipeline import PipelineDashboard

# A cell a spreadsheet would run as a formula when it starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    slug: str  # names the table in a CSV address and file name
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _sheet(book: Workbook, table: Table) -> None:
    sheet = book.create_sheet(table.title[:31])
    sheet.append(list(table.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # typed by people: text, never a formula a spreadsheet runs
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))


def tables_workbook(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _sheet(book, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_csv(table: Table) -> bytes:
    """One table as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese as such). A text cell that a
    spreadsheet would run as a formula is written behind an apostrophe: CSV has no cell types to say
    "text" with, and these cells hold words candidates and staff typed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow(
            [
                ""
                if value is None
                else "'" + value
                if isinstance(value, str) and value.startswith(FORMULA_START)
                else value
                for value in row
            ]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def dashboard_workbook(board: PipelineDashboard, forecast: PlanForecast) -> bytes:
    return tables_workbook(dashboard_tables(board, forecast))


def dashboard_tables(board: PipelineDashboard, forecast: PlanForecast) -> list[Table]:
    """Every table of the pipeline page, in its order, labelled in the active language."""
    tables: list[Table] = []
    tables.append(
        Table(
            "funnel",
            _("Funnel"),
            [_("Step"), _("Reached"), _("Of the step before")],
            [(step_label(s.kind), s.reached, s.share_of_previous) for s in board.funnel],
        )
    )
    tables.append(
        Table(
            "funnel_by_channel",
            _("Funnel by channel"),
            [_("Channel"), _("Step"), _("Reached"), _("Of the step before")],
            [
                (channel_label(channel), step_label(s.kind), s.reached, s.share_of_previous)
                for channel, steps in board.funnel_by_channel.items()
                for s in steps
            ],
        )
    )
    tables.append(
        Table(
            "days",
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
    )
    tables.append(
        Table(
            "sources",
            _("Sources"),
            [_("Source"), _("Applications"), _("Interviewed"), _("Hired")],
            [(source_label(s.source), s.applications, s.interviewed, s.hired) for s in board.sources],
        )
    )
    forecasts = [(_("The whole plan you see"), forecast.drive)] + [
        (line_label(line), line_forecast) for line, line_forecast in forecast.lines
    ]
    tables.append(
        Table(
            "forecast",
            _("Forecast"),
            [
                _("Plan"),
                _("Target"),
                _("Hired"),
                _("Still to hire"),
                _("Likely filled by"),
                _("From"),
                _("To"),
            ],
            [(label, f.target, f.hired, f.remaining, f.likely, f.low, f.high) for label, f in forecasts],
        )
    )
    tables.append(
        Table(
            "at_risk",
            _("Requisitions at risk"),
            [_("Requisition"), _("Title"), _("Why")],
            [(r.requisition.external_id, r.requisition.title, risk_label(r)) for r in board.at_risk],
        )
    )
    offers = [(_("All offers"), board.offers.total)] + [
        (channel_label(item.key), item) for item in board.offers.by_channel
    ]
    tables.append(
        Table(
            "offers",
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
    )
    tables.append(
        Table(
            "declines",
            _("Why offers were declined"),
            [_("Reason"), _("Offers")],
            [(reason.reason, reason.count) for reason in board.offers.decline_reasons],
        )
    )
    tables.append(
        Table(
            "interviewers",
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
    )
    return tables
