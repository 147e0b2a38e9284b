"""Import plan lines: one row per (city, channel, focus area, team) cell with its target headcount."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from talentdrive.audit.actors import Actor
from talentdrive.plans.importing import columns as cols
from talentdrive.plans.importing.columns import PLAN_COLUMNS, CellError
from talentdrive.plans.importing.drive_sheet import drive_from_sheet
from talentdrive.plans.importing.lookups import Reference, channel
from talentdrive.plans.importing.outcome import Outcome, RowReader
from talentdrive.plans.importing.rows import Table
from talentdrive.plans.models import City, Drive, FocusArea, PlanLine, Team
from talentdrive.plans.services import (
    PlanRuleError,
    PlanTargetBelowCommitted,
    business_group_create,
    plan_line_upsert,
    team_create,
)

PLAN_COLUMN_NAMES = {column.name for column in PLAN_COLUMNS}


@dataclass(frozen=True)
class NewTeam:
    code: str
    name_zh: str
    name_en: str
    group_raw: str
    group_name_zh: str
    group_name_en: str


@dataclass(frozen=True)
class PlanRow:
    number: int
    drive: Drive
    external_id: str
    city: City
    channel: str
    focus_area: FocusArea
    team: Team | NewTeam
    target: int
    note: str | None


def _read_row(
    reader: RowReader, ref: Reference, default_drive: Drive | None, drive_error: str | None
) -> PlanRow | None:
    external_id = reader.text("external_id", required=True)
    drive_raw = reader.text("drive")
    drive: Drive | None = default_drive
    if drive_raw:
        drive = reader.parse("drive", ref.drive, drive_raw)
    elif default_drive is None:
        reader.fail("drive", drive_error or "a value is required (or pass --drive)")
    city = reader.parse("city", ref.city, reader.text("city"), required=True)
    line_channel = reader.parse("channel", channel, reader.text("channel"), required=True)
    area = reader.parse("focus_area", ref.focus_area, reader.text("focus_area"), required=True)
    target = reader.parse(
        "target", cols.integer, reader.raw("target"), minimum=0, what="target", required=True
    )
    team = _read_team(reader, ref)
    note = reader.text("note") if reader.has("note") else None
    if reader.failed or drive is None or team is None:
        return None
    return PlanRow(reader.row.number, drive, external_id, city, line_channel, area, team, target, note)


def _read_team(reader: RowReader, ref: Reference) -> Team | NewTeam | None:
    raw = reader.text("team", required=True)
    if not raw:
        return None
    team = ref.team(raw)
    if team is not None:
        return team
    name_zh, name_en, group_raw = (reader.text(n) for n in ("team_name_zh", "team_name_en", "business_group"))
    if not (name_zh and name_en and group_raw):
        reader.fail("team", str(ref.unknown_team(raw)))
        return None
    if slugify(raw) != raw.strip().lower():
        reader.fail("team", f'"{raw}" cannot be a team code; use lowercase letters, digits and hyphens')
        return None
    group_names = (reader.text("business_group_name_zh"), reader.text("business_group_name_en"))
    if ref.has_group(group_raw):
        group_names = ("", "")
    elif not all(group_names):
        reader.parse("business_group", ref.group, group_raw)
        return None
    elif slugify(group_raw) != group_raw.strip().lower():
        reader.fail(
            "business_group", f'"{group_raw}" cannot be a code; use lowercase letters, digits and hyphens'
        )
        return None
    return NewTeam(
        code=raw.strip().lower(),
        name_zh=name_zh,
        name_en=name_en,
        group_raw=group_raw,
        group_name_zh=group_names[0],
        group_name_en=group_names[1],
    )


def _check_duplicates(parsed: list[PlanRow], outcome: Outcome) -> None:
    first_by_id: dict[tuple[int, str], int] = {}
    first_by_cell: dict[tuple, int] = {}
    for row in parsed:
        key = (row.drive.pk, row.external_id)
        if key in first_by_id:
            outcome.error(
                row.number,
                "external_id",
                f'duplicate id "{row.external_id}" (first on row {first_by_id[key]})',
            )
        first_by_id.setdefault(key, row.number)
        team_code = row.team.code
        cell = (row.drive.pk, row.city.pk, row.channel, row.focus_area.pk, team_code)
        if cell in first_by_cell:
            outcome.error(
                row.number,
                "team",
                f"the cell {row.city.code}/{row.channel}/{row.focus_area.code}/{team_code} "
                f"is already planned on row {first_by_cell[cell]}",
            )
        first_by_cell.setdefault(cell, row.number)


def import_plan_lines(
    *, table: Table, positions: dict[str, int], drive_code: str | None, actor: Actor, outcome: Outcome
) -> None:
    """Validate every row, then write them; the caller rolls back when any error was recorded."""
    ref = Reference()
    default_drive, drive_error = None, None
    if table.properties:
        default_drive = drive_from_sheet(
            table=table, positions=positions, ref=ref, actor=actor, outcome=outcome
        )
        drive_error = None if default_drive else "the drive sheet is unusable (see above)"
    if drive_code and default_drive is not None and default_drive.code != drive_code.lower():
        outcome.error(
            None, None, f"--drive {drive_code} contradicts the drive sheet's code {default_drive.code}"
        )
    elif drive_code and default_drive is None:
        try:
            default_drive = ref.drive(drive_code)
        except CellError as error:
            drive_error = f"--drive: {error}"
            outcome.error(None, None, drive_error)
    parsed = []
    for row in table.rows:
        outcome.rows += 1
        plan_row = _read_row(RowReader(row, positions, outcome), ref, default_drive, drive_error)
        if plan_row is not None:
            parsed.append(plan_row)
    _check_duplicates(parsed, outcome)
    for plan_row in parsed:
        _write_row(plan_row, ref, actor, outcome)


def _write_row(row: PlanRow, ref: Reference, actor: Actor, outcome: Outcome) -> None:
    team = row.team
    if isinstance(team, NewTeam):
        existing = ref.team(team.code)
        if existing is None:
            if not ref.has_group(team.group_raw):
                group = business_group_create(
                    code=team.group_raw.strip().lower(),
                    name_zh=team.group_name_zh,
                    name_en=team.group_name_en,
                    actor=actor,
                )
                ref.remember_group(group)
                outcome.counts["groups_created"] += 1
            existing = team_create(
                code=team.code,
                name_zh=team.name_zh,
                name_en=team.name_en,
                group=ref.group(team.group_raw),
                actor=actor,
            )
            ref.remember_team(existing)
            outcome.counts["teams_created"] += 1
        team = existing
    clash = (
        PlanLine.objects.filter(
            drive=row.drive, city=row.city, channel=row.channel, focus_area=row.focus_area, team=team
        )
        .exclude(external_id=row.external_id)
        .values_list("external_id", flat=True)
        .first()
    )
    if clash is not None:
        outcome.error(
            row.number,
            "external_id",
            f"the cell {row.city.code}/{row.channel}/{row.focus_area.code}/{team.code} is already "
            f'plan line "{clash}"; use that id to change its target',
        )
        return
    note = row.note
    if note is None:
        current = PlanLine.objects.filter(drive=row.drive, external_id=row.external_id).first()
        note = current.note if current is not None else ""
    try:
        _, result = plan_line_upsert(
            drive=row.drive,
            external_id=row.external_id,
            city=row.city,
            channel=row.channel,
            focus_area=row.focus_area,
            team=team,
            target=row.target,
            note=note,
            actor=actor,
        )
    except PlanTargetBelowCommitted as error:
        outcome.error(row.number, "target", f"target exceeded: {error.message}")
        return
    except PlanRuleError as error:
        outcome.error(row.number, error.field, str(error.message))
        return
    except ValidationError as error:
        outcome.validation_error(row.number, error, columns=PLAN_COLUMN_NAMES, default=None)
        return
    outcome.counts[result] += 1
