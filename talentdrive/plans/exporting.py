"""Export plan lines and requisitions to CSV or XLSX, in the columns the importer reads back unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from talentdrive.plans.models import Drive, Requisition
from talentdrive.plans.selectors import plan_line_list

ExportKind = Literal["plan", "requisitions"]
ExportFormat = Literal["csv", "xlsx"]

PLAN_EXPORT_COLUMNS = (
    "external_id",
    "drive",
    "city",
    "channel",
    "focus_area",
    "team",
    "target",
    "team_name_zh",
    "team_name_en",
    "business_group",
    "business_group_name_zh",
    "business_group_name_en",
    "note",
)
REQUISITION_EXPORT_COLUMNS = (
    "external_id",
    "drive",
    "plan_line",
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "level",
    "headcount",
    "must_skills",
    "nice_skills",
    "domain",
    "min_degree",
    "min_years",
    "graduation_from",
    "graduation_to",
    "programme_eligible",
    "status",
    "cities",
    "hiring_manager",
    "recruiters",
)
# Zip entries carry a timestamp; a fixed one makes the same data export to the same bytes.
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
FIXED_DOC_TIME = dt.datetime(2026, 1, 1)
FIXED_DOC_STAMP = b"2026-01-01T00:00:00Z"
MODIFIED_STAMP = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _plan_rows(drive: Drive | None) -> Iterator[list[Any]]:
    for line in plan_line_list(drive=drive).order_by("drive__code", "external_id"):
        yield [
            line.external_id,
            line.drive.code,
            line.city.code,
            line.channel,
            line.focus_area.code,
            line.team.code,
            line.target,
            line.team.name_zh,
            line.team.name_en,
            line.team.group.code,
            line.team.group.name_zh,
            line.team.group.name_en,
            line.note,
        ]


def _requisition_rows(drive: Drive | None) -> Iterator[list[Any]]:
    requisitions = Requisition.objects.select_related(
        "drive", "plan_line", "hiring_manager"
    ).prefetch_related("cities", "recruiters")
    if drive is not None:
        requisitions = requisitions.filter(drive=drive)
    for r in requisitions.order_by("drive__code", "external_id"):
        yield [
            r.external_id,
            r.drive.code,
            r.plan_line.external_id,
            r.title_zh,
            r.title_en,
            r.description_zh,
            r.description_en,
            r.level,
            r.headcount,
            ", ".join(r.must_skills),
            ", ".join(r.nice_skills),
            r.domain,
            r.min_degree,
            r.min_years,
            r.graduation_from,
            r.graduation_to,
            "yes" if r.programme_eligible else "no",
            r.status,
            ", ".join(sorted(city.code for city in r.cities.all())),
            r.hiring_manager.username if r.hiring_manager else "",
            ", ".join(sorted(user.username for user in r.recruiters.all())),
        ]


def _drive_properties(drive: Drive) -> list[tuple[str, Any]]:
    """The drive sheet, so a one-drive plan workbook re-imports into an empty database."""
    return [
        ("code", drive.code),
        ("name_zh", drive.name_zh),
        ("name_en", drive.name_en),
        ("total_target", drive.total_target),
        ("starts_on", drive.starts_on),
        ("ends_on", drive.ends_on),
        ("cities", ", ".join(sorted(city.code for city in drive.cities.all()))),
        ("channels", ", ".join(drive.channels)),
    ]


def _csv(header: Sequence[str], rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    # The BOM makes Excel open Chinese text as UTF-8 instead of the system code page.
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _xlsx(
    header: Sequence[str], rows: Iterable[list[Any]], title: str, properties: Sequence[tuple[str, Any]]
) -> bytes:
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Talent Drive"
    workbook.properties.created = FIXED_DOC_TIME
    workbook.properties.modified = FIXED_DOC_TIME
    sheet = workbook.create_sheet(title)
    sheet.append(list(header))
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        sheet.append(cells)
    if properties:
        extra = workbook.create_sheet("drive")
        for pair in properties:
            extra.append(list(pair))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return normalise_zip(buffer.getvalue())


def normalise_zip(content: bytes) -> bytes:
    """Rewrite a zip with fixed entry timestamps so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time as "modified" whatever the properties say.
                data = MODIFIED_STAMP.sub(rb"\g<1>" + FIXED_DOC_STAMP + rb"\g<2>", data)
            target.writestr(entry, data)
    return out.getvalue()


def write_table(
    *,
    header: Sequence[str],
    rows: Iterable[list[Any]],
    file_format: ExportFormat,
    title: str,
    properties: Sequence[tuple[str, Any]] = (),
) -> bytes:
    """CSV (UTF-8 with BOM) or XLSX; ``properties`` become a second "drive" sheet of name/value pairs."""
    if file_format == "csv":
        return _csv(header, rows)
    if file_format == "xlsx":
        return _xlsx(header, rows, title, properties)
    raise ValueError(f"unknown export format {file_format!r}")


def plan_export(*, kind: ExportKind, drive: Drive | None, file_format: ExportFormat) -> bytes:
    """Every plan line or requisition (of one drive, or all), ordered by drive and external id."""
    if kind == "plan":
        return write_table(
            header=PLAN_EXPORT_COLUMNS,
            rows=_plan_rows(drive),
            file_format=file_format,
            title="plan",
            properties=_drive_properties(drive) if drive is not None else (),
        )
    if kind == "requisitions":
        return write_table(
            header=REQUISITION_EXPORT_COLUMNS,
            rows=_requisition_rows(drive),
            file_format=file_format,
            title="requisitions",
        )
    raise ValueError(f"unknown export kind {kind!r}")


__all__ = ["PLAN_EXPORT_COLUMNS", "REQUISITION_EXPORT_COLUMNS", "plan_export", "write_table"]
