"""The optional "drive" sheet of a plan workbook: the drive's names, dates and total, as name/value pairs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from talentdrive.audit.actors import Actor
from talentdrive.plans.importing import columns as cols
from talentdrive.plans.importing.columns import CellError
from talentdrive.plans.importing.lookups import Reference, channel
from talentdrive.plans.importing.outcome import Outcome
from talentdrive.plans.importing.rows import CellValue, Table
from talentdrive.plans.models import City, Drive
from talentdrive.plans.services import drive_upsert

PROPERTY_ALIASES = {
    "code": ("code", "代码", "编号"),
    "name_zh": ("name_zh", "中文名称"),
    "name_en": ("name_en", "英文名称"),
    "total_target": ("total_target", "总目标", "目标人数"),
    "starts_on": ("starts_on", "开始日期"),
    "ends_on": ("ends_on", "结束日期"),
    "cities": ("cities", "城市"),
    "channels": ("channels", "渠道"),
}
REQUIRED = ("code", "name_zh", "name_en", "total_target", "starts_on", "ends_on")


def _where(name: str) -> str:
    return f"drive sheet: {name}"


def drive_from_sheet(
    *, table: Table, positions: dict[str, int], ref: Reference, actor: Actor, outcome: Outcome
) -> Drive | None:
    """Create or update the drive the sheet describes; None (with errors recorded) when it is unusable."""
    lookup = {alias.lower(): name for name, aliases in PROPERTY_ALIASES.items() for alias in aliases}
    raw: dict[str, CellValue] = {}
    for key, value in table.properties:
        name = lookup.get(key.strip().lower())
        if name is not None:
            raw[name] = value
    values: dict[str, Any] = {}
    failed = False

    def parse(name: str, parser: Any) -> None:
        nonlocal failed
        try:
            values[name] = parser(raw.get(name))
        except CellError as error:
            failed = True
            outcome.error(None, _where(name), str(error))

    for name in REQUIRED:
        if not cols.text(raw.get(name)):
            failed = True
            outcome.error(None, _where(name), "a value is required")
    if failed:
        return None
    values["code"] = cols.text(raw["code"]).lower()
    values["name_zh"] = cols.text(raw["name_zh"])
    values["name_en"] = cols.text(raw["name_en"])
    parse("total_target", lambda v: cols.integer(v, minimum=1, what="total_target"))
    parse("starts_on", cols.date)
    parse("ends_on", cols.date)
    parse("cities", lambda v: [ref.city(c) for c in cols.split_list(v)])
    parse("channels", lambda v: [channel(c) for c in cols.split_list(v)])
    if failed:
        return None
    cities: list[City] = values.pop("cities") or _cities_in_rows(table, positions, ref)
    channels: list[str] = values.pop("channels") or ["experienced", "campus"]
    try:
        drive, result = drive_upsert(cities=cities, channels=channels, actor=actor, **values)
    except ValidationError as error:
        for message in error.messages:
            outcome.error(None, _where("code"), message)
        return None
    outcome.counts[f"drive_{result}"] += 1
    ref.remember_drive(drive)
    return drive


def _cities_in_rows(table: Table, positions: dict[str, int], ref: Reference) -> list[City]:
    found: dict[int, City] = {}
    index = positions.get("city")
    for row in table.rows:
        if index is None:
            break
        try:
            city = ref.city(cols.text(row.values[index]))
        except CellError:
            continue
        found[city.pk] = city
    return list(found.values())
