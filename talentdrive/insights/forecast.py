"""When the plan fills at the pace seen so far: the drive and each plan line, with an honest range.

The pace is the hires (moves into a hired stage) of each calendar week since the drive started, read
from the pipeline's weekly roll-up, and the hired count from its application counts; the bootstrap
in ``core/forecast.py`` turns it into a likely week and a 10–90 % range for the hires still to make.
Reads the plan lines the user may see, like the progress page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.insights.core.forecast import WeeksToFill, weeks_to_fill
from talentdrive.insights.selectors import progress_plan_lines
from talentdrive.pipeline.models import ApplicationTally, WeeklyMoves
from talentdrive.plans.models import Drive, PlanLine

SHOWN_LINES = 15
HIRED_KIND = "hired"


@dataclass(frozen=True)
class Forecast:
    target: int
    hired: int
    weeks: WeeksToFill
    today: dt.date

    @property
    def remaining(self) -> int:
        return max(0, self.target - self.hired)

    def _date(self, weeks: int | None) -> dt.date | None:
        return None if weeks is None else self.today + dt.timedelta(weeks=weeks)

    @property
    def low(self) -> dt.date | None:
        return self._date(self.weeks.low)

    @property
    def likely(self) -> dt.date | None:
        return self._date(self.weeks.likely)

    @property
    def high(self) -> dt.date | None:
        return self._date(self.weeks.high)


@dataclass(frozen=True)
class PlanForecast:
    drive: Forecast
    lines: Sequence[tuple[PlanLine, Forecast]]  # the lines with the most hires still to make first
    ends_on: dt.date


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _weekly(counts: Mapping[dt.date, int], start: dt.date, today: dt.date) -> list[int]:
    """Hires per calendar week (Monday to Sunday, UTC) from the week the drive started to this one."""
    first = _monday(start)
    weeks = max(1, (_monday(today) - first).days // 7 + 1)
    series = [0] * weeks
    for week, count in counts.items():
        index = (week - first).days // 7
        if 0 <= index < weeks:
            series[index] += count
    return series


def plan_forecast(*, user: User, drive: Drive, filters: Mapping[str, str] | None = None) -> PlanForecast:
    lines, _ = progress_plan_lines(user=user, drive=drive, filters=filters)
    hired = (
        ApplicationTally.objects.filter(requisition__plan_line=OuterRef("pk"), kind=HIRED_KIND)
        .values("requisition__plan_line")
        .annotate(total=Sum("count"))
        .values("total")
    )
    lines = lines.select_related("city", "focus_area", "team").annotate(hired=Coalesce(Subquery(hired), 0))
    today = timezone.localdate()
    start = min(drive.starts_on, today)
    weekly: dict[int, Counter[dt.date]] = defaultdict(Counter)
    every_line: Counter[dt.date] = Counter()
    for line_id, week, count in (
        WeeklyMoves.objects.filter(kind=HIRED_KIND, requisition__plan_line__in=lines)
        .values_list("requisition__plan_line_id", "week")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        weekly[line_id][week] += count
        every_line[week] += count
    line_list = list(lines)
    drive_forecast = Forecast(
        target=sum(line.target for line in line_list),
        hired=sum(line.hired for line in line_list),
        weeks=weeks_to_fill(
            _weekly(every_line, start, today), sum(max(0, line.target - line.hired) for line in line_list)
        ),
        today=today,
    )
    per_line = [
        (
            line,
            Forecast(
                target=line.target,
                hired=line.hired,
                weeks=weeks_to_fill(_weekly(weekly[line.pk], start, today), max(0, line.target - line.hired)),
                today=today,
            ),
        )
        for line in line_list
    ]
    per_line.sort(key=lambda item: (-item[1].remaining, item[0].external_id))
    return PlanForecast(drive=drive_forecast, lines=per_line[:SHOWN_LINES], ends_on=drive.ends_on)
