"""Import requisitions: each row names its plan line (by id, or by its city/channel/focus area/team cell)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.plans.importing import columns as cols
from talentdrive.plans.importing import lookups
from talentdrive.plans.importing.columns import REQUISITION_COLUMNS, CellError
from talentdrive.plans.importing.lookups import Reference
from talentdrive.plans.importing.outcome import Outcome, RowReader
from talentdrive.plans.importing.rows import Table
from talentdrive.plans.models import City, Drive, PlanLine, Requisition, RequisitionStatus
from talentdrive.plans.services import (
    PlanLimitExceeded,
    PlanRuleError,
    requisition_change_status,
    requisition_create,
    requisition_update,
)

REQUISITION_COLUMN_NAMES = {column.name for column in REQUISITION_COLUMNS}
TEXT_FIELDS = ("title_zh", "title_en", "description_zh", "description_en")


@dataclass(frozen=True)
class RequisitionRow:
    number: int
    drive: Drive
    external_id: str
    plan_line: PlanLine
    fields: dict[str, Any]  # only the columns the file has; a blank cell means the field's default
    headcount: int | None
    status: str | None
    cities: list[City] | None
    recruiters: list[User] | None


class PlanLines:
    """The plan lines of every drive, by external id and by cell."""

    def __init__(self) -> None:
        lines = list(PlanLine.objects.select_related("city", "focus_area", "team"))
        self.by_id = {(line.drive_id, line.external_id.lower()): line for line in lines}
        self.by_cell = {
            (line.drive_id, line.city_id, line.channel, line.focus_area_id, line.team_id): line
            for line in lines
        }


def _read_plan_line(reader: RowReader, ref: Reference, lines: PlanLines, drive: Drive) -> PlanLine | None:
    raw = reader.text("plan_line")
    if raw:
        line = lines.by_id.get((drive.pk, raw.lower()))
        if line is None:
            reader.fail(
                "plan_line", f'unknown plan line "{raw}" in drive {drive.code}; import the plan first'
            )
        return line
    cell = [reader.text(name) for name in ("city", "channel", "focus_area", "team")]
    if not any(cell):
        reader.fail("plan_line", "give the plan line's id, or its city, channel, focus_area and team")
        return None
    city = reader.parse("city", ref.city, cell[0], required=True)
    channel = reader.parse("channel", lookups.channel, cell[1], required=True)
    area = reader.parse("focus_area", ref.focus_area, cell[2], required=True)
    team = ref.team(cell[3]) if cell[3] else None
    if cell[3] and team is None:
        reader.fail("team", f'unknown team "{cell[3]}"')
    elif not cell[3]:
        reader.fail("team", "a value is required")
    if None in (city, channel, area, team):
        return None
    line = lines.by_cell.get((drive.pk, city.pk, channel, area.pk, team.pk))  # type: ignore[union-attr]
    if line is None:
        reader.fail(
            "plan_line", f"drive {drive.code} has no plan line for {'/'.join(cell)}; import the plan first"
        )
    return line


def _read_fields(reader: RowReader, ref: Reference) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if reader.has(name):
            fields[name] = reader.text(name, required=name.startswith("title"))
    parsers: dict[str, Any] = {
        "level": lambda raw: lookups.level(cols.text(raw)) if cols.text(raw) else "engineer",
        "must_skills": cols.split_list,
        "nice_skills": cols.split_list,
        "domain": lambda raw: cols.text(raw).lower(),
        "min_degree": lambda raw: lookups.degree(cols.text(raw)) if cols.text(raw) else "none",
        "min_years": lambda raw: cols.integer(raw, minimum=0, what="min_years") if cols.text(raw) else 0,
        "graduation_from": cols.date,
        "graduation_to": cols.date,
        "programme_eligible": cols.boolean,
        "hiring_manager": lambda raw: ref.user(cols.text(raw)) if cols.text(raw) else None,
    }
    for name, parser in parsers.items():
        if reader.has(name):
            try:
                fields[name] = parser(reader.raw(name))
            except CellError as error:
                reader.fail(name, str(error))
    start, end = fields.get("graduation_from"), fields.get("graduation_to")
    if start and end and start > end:
        reader.fail("graduation_to", f"the graduation window ends ({end}) before it starts ({start})")
    return fields


def _read_row(
    reader: RowReader, ref: Reference, lines: PlanLines, default_drive: Drive | None
) -> RequisitionRow | None:
    external_id = reader.text("external_id", required=True)
    drive = default_drive
    if reader.text("drive"):
        drive = reader.parse("drive", ref.drive, reader.text("drive"))
    elif drive is None:
        reader.fail("drive", "a value is required (or pass --drive)")
    line = _read_plan_line(reader, ref, lines, drive) if drive is not None else None
    fields = _read_fields(reader, ref)
    headcount = None
    if reader.has("headcount"):
        raw = reader.raw("headcount")
        headcount = (
            reader.parse("headcount", cols.integer, raw, minimum=1, what="headcount") if cols.text(raw) else 1
        )
    status = None
    if reader.text("status"):
        status = reader.parse("status", lookups.status, reader.text("status"))
    cities = recruiters = None
    if reader.has("cities"):
        cities = [
            c
            for c in (reader.parse("cities", ref.city, raw) for raw in cols.split_list(reader.raw("cities")))
            if c
        ]
    if reader.has("recruiters"):
        names = cols.split_list(reader.raw("recruiters"))
        recruiters = [u for u in (reader.parse("recruiters", ref.user, raw) for raw in names) if u]
    if reader.failed or drive is None or line is None:
        return None
    return RequisitionRow(
        reader.row.number, drive, external_id, line, fields, headcount, status, cities, recruiters
    )


def import_requisitions(
    *,
    table: Table,
    positions: dict[str, int],
    drive_code: str | None,
    actor: Actor,
    outcome: Outcome,
    filename: str,
) -> None:
    """Validate every row, then write them through the plan-enforcing services; the caller rolls back on errors."""
    ref = Reference()
    default_drive = None
    if drive_code:
        try:
            default_drive = ref.drive(drive_code)
        except CellError as error:
            outcome.error(None, None, f"--drive: {error}")
    lines = PlanLines()
    parsed: list[RequisitionRow] = []
    first_row: dict[tuple[int, str], int] = {}
    for row in table.rows:
        outcome.rows += 1
        parsed_row = _read_row(RowReader(row, positions, outcome), ref, lines, default_drive)
        if parsed_row is None:
            continue
        key = (parsed_row.drive.pk, parsed_row.external_id)
        if key in first_row:
            outcome.error(
                row.number,
                "external_id",
                f'duplicate id "{parsed_row.external_id}" (first on row {first_row[key]})',
            )
            continue
        first_row[key] = row.number
        parsed.append(parsed_row)
    existing = {
        (r.drive_id, r.external_id): r
        for r in Requisition.objects.filter(drive__in={row.drive for row in parsed}).prefetch_related(
            "cities", "recruiters"
        )
    }
    reason = f"imported from {filename}"
    for parsed_row in parsed:
        current = existing.get((parsed_row.drive.pk, parsed_row.external_id))
        try:
            with transaction.atomic():
                if current is None:
                    result = _create(parsed_row, actor, reason)
                else:
                    result = _update(parsed_row, current, actor, reason)
        except PlanLimitExceeded as error:
            outcome.error(parsed_row.number, "headcount", f"target exceeded: {error.message}")
        except PlanRuleError as error:
            outcome.error(parsed_row.number, error.field or "status", str(error.message))
        except ValidationError as error:
            outcome.validation_error(parsed_row.number, error, columns=REQUISITION_COLUMN_NAMES, default=None)
        else:
            outcome.counts[result] += 1


def _create(row: RequisitionRow, actor: Actor, reason: str) -> str:
    fields = dict(row.fields)
    status = row.status or RequisitionStatus.DRAFT
    # A closed requisition cannot be created directly; it is created as a draft and closed, both audited.
    requisition = requisition_create(
        plan_line=row.plan_line,
        external_id=row.external_id,
        title_zh=fields.pop("title_zh", ""),
        title_en=fields.pop("title_en", ""),
        headcount=row.headcount or 1,
        cities=row.cities or (),
        recruiters=row.recruiters or (),
        status=RequisitionStatus.DRAFT if status == RequisitionStatus.CLOSED else status,
        actor=actor,
        **fields,
    )
    if status == RequisitionStatus.CLOSED:
        requisition_change_status(requisition=requisition, status=status, actor=actor, reason=reason)
    return "created"


def _same(current: Requisition, name: str, value: Any) -> bool:
    if name == "hiring_manager":
        return current.hiring_manager_id == (value.pk if value is not None else None)
    return bool(getattr(current, name) == value)


def _update(row: RequisitionRow, current: Requisition, actor: Actor, reason: str) -> str:
    if current.plan_line_id != row.plan_line.pk:
        raise ValidationError(
            {
                "plan_line": f"requisition {row.external_id} is under plan line {current.plan_line.external_id}; "
                "an import cannot move it to another line"
            }
        )
    changes: dict[str, Any] = {
        name: value for name, value in row.fields.items() if not _same(current, name, value)
    }
    if row.headcount is not None and row.headcount != current.headcount:
        changes["headcount"] = row.headcount
    if row.cities is not None:
        wanted = {city.pk for city in row.cities} | {row.plan_line.city_id}
        if wanted != {city.pk for city in current.cities.all()}:
            changes["cities"] = row.cities
    if row.recruiters is not None and {u.pk for u in row.recruiters} != {
        u.pk for u in current.recruiters.all()
    }:
        changes["recruiters"] = row.recruiters
    status_changes = row.status is not None and row.status != current.status
    if not changes and not status_changes:
        return "unchanged"
    if changes:
        current = requisition_update(requisition=current, actor=actor, **changes)
    if status_changes:
        assert row.status is not None
        requisition_change_status(requisition=current, status=row.status, actor=actor, reason=reason)
    return "updated"
