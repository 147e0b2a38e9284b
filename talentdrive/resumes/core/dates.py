"""Dates as resumes write them: 2019.09, 2019-09, 2019/09, 2019年9月, 09/2019, Sep 2019, 2019, 至今, Present;
with a day too (2019-09-01, 2019年9月1日, 09/01/2019), read as the month."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from .memo import line_memo

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAME = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# A day is read and dropped: 2016-03-01, 2016年3月1日, 03/01/2016 are months (and a time of day after it,
# as an export of a database writes a date: "2024-06-01 00:00:00").
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# ("Invalid Date": what a page printed by a resume theme shows for an end its owner left out, which the
# JSON Resume schema reads as still going)
_NOW = r"(?:至今|迄今|现在|今|目前|present|now|current|currently|today|ongoing|invalid date)"
# One date point; named groups tell the shapes apart.
_POINT = (
    rf"(?:(?P<{{p}}y1>{_YEAR})\s*(?:[.\-/．]\s*|年\s*)(?P<{{p}}m1>1[0-2]|0?[1-9])(?!\d)\s*月?"
    rf"(?:\s*[.\-/]\s*{_DAY}(?!\d)(?:[ T]\d\d:\d\d(?::\d\d)?(?!\d))?|\s*{_DAY}\s*日)?"
    rf"|(?P<{{p}}m2>1[0-2]|0?[1-9])\s*[/.\-]\s*(?:{_DAY}\s*[/.\-]\s*)?(?P<{{p}}y2>{_YEAR})"
    rf"|(?P<{{p}}mn>{_MONTH_NAME})\s*,?\s*(?P<{{p}}y3>{_YEAR})"
    # ("2015, November": the year first, a comma, the month's name)
    rf"|(?P<{{p}}y5>{_YEAR}),\s*(?P<{{p}}mn5>{_MONTH_NAME})(?![\w.])"
    rf"|(?P<{{p}}y4>{_YEAR})(?:\s*年)?(?![\d.\-/]\d{{{{1,2}}}}(?!\d))(?!\d)"
    rf"|(?P<{{p}}now>{_NOW}))"
)
_SEP = r"\s*(?:-{1,2}|–|—|~|～|至|到|to|until|–|−|－)\s*"
DATE_RANGE = re.compile(
    rf"(?<![\w.]){_POINT.format(p='a')}{_SEP}{_POINT.format(p='b')}(?!\w)",
    re.IGNORECASE,
)
DATE_POINT = re.compile(rf"(?<![\w.]){_POINT.format(p='a')}(?![\w])", re.IGNORECASE)
# A start and a dash closing the line, its end left out: still going ("visual assault, llc 2004-02-01 —").
_LIST_ITEM = re.compile(r"\s*[-*•·●▪◆■►–]\s")
_OPEN_RANGE = re.compile(rf"(?<![\w.]){_POINT.format(p='a')}\s*(?:-{{1,2}}|–|—|~|～)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None
    current: bool
    start_offset: int
    end_offset: int


def _point(match: re.Match[str], prefix: str) -> tuple[str | None, bool]:
    group = match.groupdict()
    if group[prefix + "now"]:
        return None, True
    for year_key, month_key in (("y1", "m1"), ("y2", "m2")):
        if group[prefix + year_key]:
            return f"{group[prefix + year_key]}-{int(group[prefix + month_key]):02d}", False
    for year_key, name_key in (("y3", "mn"), ("y5", "mn5")):
        if group[prefix + year_key]:
            month = _MONTHS[group[prefix + name_key][:3].lower()]
            return f"{group[prefix + year_key]}-{month:02d}", False
    if group[prefix + "y4"]:
        return group[prefix + "y4"], False
    return None, False


HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_SEASON = re.compile(
    rf"(?<![\w.])(?P<season>spring|summer|fall|autumn|winter)\s+(?P<year>{_YEAR})(?!\w)", re.IGNORECASE
)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 12), "autumn": (9, 12), "winter": (1, 2)}


def find_ranges(text: str, offset: int = 0) -> list[DateRange]:
    """Every date range in text, offsets shifted by offset; a range ending in 至今/present is current.
    A season ("Summer 2018") is a range of its months."""
    if not HAS_YEAR.search(text):
        return []  # most lines (descriptions) hold no year: not worth a trip through the memo
    found = _ranges(text)
    if not offset:
        return list(found)
    return [
        DateRange(r.start, r.end, r.current, r.start_offset + offset, r.end_offset + offset) for r in found
    ]


@line_memo(maxsize=8192)
def _ranges(text: str) -> tuple[DateRange, ...]:
    # Lines are looked at by several extractors; the cache makes that one regex pass per line.
    offset = 0
    ranges = []
    if not DATE_RANGE.search(text):
        opened = _OPEN_RANGE.search(text)
        start, start_now = _point(opened, "a") if opened else (None, False)
        # A month at least ("2004-02-01 —", "Jan 2015 –"), on a line that is no list item: "- Revenue
        # grew 30% in 2019-" or "• Launched it in 2019 —" says no more than a year.
        if opened and start and "-" in start and not start_now and not _LIST_ITEM.match(text):
            return (DateRange(start, None, True, offset + opened.start(), offset + opened.end()),)
        for match in _SEASON.finditer(text):
            first, last = _SEASON_MONTHS[match.group("season").lower()]
            year = match.group("year")
            ranges.append(
                DateRange(
                    f"{year}-{first:02d}",
                    f"{year}-{last:02d}",
                    False,
                    offset + match.start(),
                    offset + match.end(),
                )
            )
        return tuple(ranges)
    for match in DATE_RANGE.finditer(text):
        start, start_now = _point(match, "a")
        end, current = _point(match, "b")
        if start is None or start_now:
            continue
        ranges.append(DateRange(start, end, current, offset + match.start(), offset + match.end()))
    return tuple(ranges)


def find_point(text: str) -> str | None:
    """The first single date in text (for "毕业时间: 2023.06" style lines)."""
    for match in DATE_POINT.finditer(text):
        value, is_now = _point(match, "a")
        if value and not is_now:
            return value
    return None


def month_index(value: str) -> int:
    """Months since year 0 of a "YYYY-MM" or "YYYY" value (a bare year counts from January)."""
    year, _, month = value.partition("-")
    return int(year) * 12 + (int(month) - 1 if month else 0)


def years_from_intervals(intervals: list[tuple[str, str | None, bool]], today: date) -> float:
    """Total years covered by the union of (start, end, current) intervals; overlaps count once.

    A finished period includes its end month (2019.09–2021.06 is 22 months, so back-to-back jobs leave no
    gap); a current one runs up to, not including, this month.
    """
    spans: list[tuple[int, int]] = []
    now = today.year * 12 + today.month - 1
    for start, end, current in intervals:
        first = month_index(start)
        last = now if current or end is None else month_index(end) + 1
        last = min(last, now)
        if last > first:
            spans.append((first, last))
    spans.sort()
    months = 0
    cursor = -1
    for first, stop in spans:
        first = max(first, cursor)
        if stop > first:
            months += stop - first
            cursor = stop
    # Half up (6.25 -> 6.3), not banker's rounding.
    return math.floor(months / 12 * 10 + 0.5) / 10
