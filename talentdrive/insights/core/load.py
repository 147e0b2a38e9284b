"""Interviews per interviewer per week against the weekly cap, and late scorecards. Pure.

A scorecard is late when it is not in by the allowance after the interview ended (a day by default,
``interviews.selectors.LATE_AFTER``): counted while it is missing, and again when it came in after.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class InterviewRow:
    """One interviewer's part in one scheduled interview, and their scorecard's time if handed in."""

    interviewer_id: int
    starts_at: datetime
    ends_at: datetime
    scorecard_at: datetime | None


@dataclass(frozen=True)
class InterviewerLoad:
    interviewer_id: int
    this_week: int  # interviews starting in the current week
    next_week: int
    weekly_average: float  # over the weeks before this one that are counted (``past_weeks``)
    cap: int
    late_now: int  # ended more than the allowance ago, scorecard still missing
    handed_in_late: int  # scorecards that came after the allowance
    scorecards: int  # scorecards handed in

    @property
    def full(self) -> bool:
        """At the weekly cap this week or next: no further interview can be booked for them then."""
        return max(self.this_week, self.next_week) >= self.cap


def interviewer_load(
    rows: Iterable[InterviewRow],
    *,
    week_start: datetime,
    now: datetime,
    cap: int,
    late_after: timedelta,
    past_weeks: int = 4,
) -> list[InterviewerLoad]:
    """Interviews per interviewer this week, next week and on average over the ``past_weeks`` before,
    against the weekly cap, with their late scorecards; the busiest first."""
    week = timedelta(days=7)
    per: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for row in rows:
        figures = per[row.interviewer_id]
        index = (row.starts_at - week_start) // week
        if index == 0:
            figures[0] += 1
        elif index == 1:
            figures[1] += 1
        elif -past_weeks <= index < 0:
            figures[2] += 1
        if row.scorecard_at is None:
            figures[3] += row.ends_at + late_after < now
        else:
            figures[5] += 1
            figures[4] += row.scorecard_at > row.ends_at + late_after
    loads = [
        InterviewerLoad(
            interviewer_id=pk,
            this_week=f[0],
            next_week=f[1],
            weekly_average=round(f[2] / past_weeks, 2) if past_weeks else 0.0,
            cap=cap,
            late_now=f[3],
            handed_in_late=f[4],
            scorecards=f[5],
        )
        for pk, f in per.items()
    ]
    return sorted(
        loads, key=lambda load: (-max(load.this_week, load.next_week), -load.late_now, load.interviewer_id)
    )
