"""When the plan fills at the pace seen so far: the drive and each plan line, with an honest range.

The pace is the hires (moves into a hired stage) of each week since the drive started; the bootstrap
in ``core/forecast.py`` turns it into a likely week and a 10–90 % range for the hires still to make.
Reads the plan lines the user may see, like the progress page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.insights.core.forecast import WeeksToFill, weeks_to_fill
from talentdrive.insights.selectors import progress_plan_lines
from talentdrive.pipeline.models import Stage, StageChange
from talentdrive.plans.models import Drive, PlanLine

SHOWN_LINES = 15


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


def _weekly(moments: list[dt.datetime], start: dt.date, today: dt.date) -> list[int]:
    weeks = max(1, (today - start).days // 7 + 1)
    counts = [0] * weeks
    for moment in moments:
        index = (moment.date() - start).days // 7
        if 0 <= index < weeks:
            counts[index] += 1
    return counts


def plan_forecast(*, user: User, drive: Drive, filters: Mapping[str, str] | None = None) -> PlanForecast:
    lines, _ = progress_plan_lines(user=user, drive=drive, filters=filters)
    lines = lines.select_related("city", "focus_area", "team").annotate(
        hired=Count("requisitions__applications", filter=Q(requisitions__applications__stage=Stage.HIRED))
    )
    today = timezone.localdate()
    start = min(drive.starts_on, today)
    moments: dict[int, list[dt.datetime]] = defaultdict(list)
    for line_id, at in StageChange.objects.filter(
        to_stage=Stage.HIRED, application__requisition__plan_line__in=lines
    ).values_list("application__requisition__plan_line_id", "created_at"):
        moments[line_id].append(at)
    line_list = list(lines)
    every_hire = [at for line in line_list for at in moments[line.pk]]
    drive_forecast = Forecast(
        target=sum(line.target for line in line_list),
        hired=sum(line.hired for line in line_list),
        weeks=weeks_to_fill(
            _weekly(every_hire, start, today), sum(max(0, line.target - line.hired) for line in line_list)
        ),
        today=today,
    )
    per_line = [
        (
            line,
            Forecast(
                target=line.target,
                hired=line.hired,
                weeks=weeks_to_fill(
                    _weekly(moments[line.pk], start, today), max(0, line.target - line.hired)
                ),
                today=today,
            ),
        )
        for line in line_list
    ]
    per_line.sort(key=lambda item: (-item[1].remaining, item[0].external_id))
    return PlanForecast(drive=drive_forecast, lines=per_line[:SHOWN_LINES], ends_on=drive.ends_on)
