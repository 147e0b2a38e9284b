"""Column names, their aliases and the parsing of one cell. Pure: no Django import."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from talentdrive.plans.importing.rows import CellValue


class CellError(ValueError):
    """One cell's value is unusable; the message says why."""


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False


PLAN_COLUMNS: tuple[Column, ...] = (
    Column("external_id", ("id", "编号", "外部编号", "计划编号"), required=True),
    Column("drive", ("招聘项目", "项目")),
    Column("city", ("城市",), required=True),
    Column("channel", ("渠道", "招聘类型"), required=True),
    Column("focus_area", ("focus area", "area", "方向", "领域", "重点方向"), required=True),
    Column("team", ("团队",), required=True),
    Column("target", ("目标", "目标人数", "编制"), required=True),
    Column("team_name_zh", ("团队中文名",)),
    Column("team_name_en", ("团队英文名",)),
    Column("business_group", ("事业群", "业务线")),
    Column("business_group_name_zh", ("事业群中文名",)),
    Column("business_group_name_en", ("事业群英文名",)),
    Column("note", ("备注",)),
)

REQUISITION_COLUMNS: tuple[Column, ...] = (
    Column("external_id", ("id", "编号", "外部编号", "职位编号"), required=True),
    Column("drive", ("招聘项目", "项目")),
    Column("plan_line", ("plan line", "计划行", "计划编号")),
    Column("city", ("城市",)),
    Column("channel", ("渠道", "招聘类型")),
    Column("focus_area", ("focus area", "area", "方向", "领域")),
    Column("team", ("团队",)),
    Column("title_zh", ("中文职位名称", "职位名称"), required=True),
    Column("title_en", ("英文职位名称", "title"), required=True),
    Column("description_zh", ("中文描述", "职位描述")),
    Column("description_en", ("英文描述", "description")),
    Column("level", ("级别", "职级")),
    Column("headcount", ("人数", "招聘人数")),
    Column("must_skills", ("必备技能",)),
    Column("nice_skills", ("加分技能",)),
    Column("domain", ("行业领域", "行业")),
    Column("min_degree", ("最低学历", "学历")),
    Column("min_years", ("最低年限", "工作年限")),
    Column("graduation_from", ("毕业时间起",)),
    Column("graduation_to", ("毕业时间止",)),
    Column("programme_eligible", ("人才计划",)),
    Column("status", ("状态",)),
    Column("cities", ("工作城市",)),
    Column("hiring_manager", ("用人经理", "招聘经理")),
    Column("recruiters", ("招聘专员", "招聘人员")),
)


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "_", text.strip().lower())


def map_header(header: Sequence[str], columns: Sequence[Column]) -> tuple[dict[str, int], list[str]]:
    """Return column name → index, and the problems (missing required, repeated columns)."""
    lookup = {}
    for column in columns:
        for alias in (column.name, *column.aliases):
            lookup[_key(alias)] = column.name
    positions: dict[str, int] = {}
    problems: list[str] = []
    for index, title in enumerate(header):
        name = lookup.get(_key(title))
        if name is None:
            continue
        if name in positions:
            problems.append(f'column "{name}" appears twice (as "{header[positions[name]]}" and "{title}")')
            continue
        positions[name] = index
    for column in columns:
        if column.required and column.name not in positions:
            problems.append(f'required column "{column.name}" is missing')
    return positions, problems


def text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def integer(value: CellValue, *, minimum: int, what: str) -> int:
    if isinstance(value, bool):
        raise CellError(f"{what} must be a whole number, not {value!r}")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"{what} must be a whole number, not {value:g}")
        value = int(value)
    if isinstance(value, str):
        raw = value.strip().replace(",", "")
        if not re.fullmatch(r"[+-]?\d+(\.0+)?", raw):
            raise CellError(f'{what} must be a whole number, not "{value.strip()}"')
        value = int(raw.split(".")[0])
    if not isinstance(value, int):
        raise CellError(f"{what} must be a whole number, not {text(value)!r}")
    if value < 0:
        raise CellError(f"{what} cannot be negative ({value})")
    if value < minimum:
        raise CellError(f"{what} must be at least {minimum}, not {value}")
    return value


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y-%m", "%Y/%m")


def date(value: CellValue) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(f'"{raw}" is not a date; write it as YYYY-MM-DD, e.g. 2027-06-30')


_TRUE = {"1", "true", "yes", "y", "是", "对", "x", "✓"}
_FALSE = {"", "0", "false", "no", "n", "否"}


def boolean(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    raw = text(value).lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise CellError(f'"{raw}" is not yes or no')


def split_list(value: CellValue) -> list[str]:
    """Split on commas, semicolons and the Chinese enumeration comma, keeping order, dropping repeats."""
    items = [item.strip() for item in re.split(r"[,;，；、\n]", text(value))]
    return list(dict.fromkeys(item for item in items if item))
