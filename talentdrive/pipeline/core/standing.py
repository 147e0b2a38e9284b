"""What one application adds to the pipeline's roll-ups: its standing and its step durations. Pure.

The roll-ups (``pipeline/rollups.py``) count applications by their *standing*: the kind of stage they
are at, the furthest step on the way to a hire they ever reached, and whether they were ever at the
programme's committee review. The same functions serve the update made as each event happens and the
rebuild from the events, so the two agree by construction (and a test checks that they do).

Durations are kept as histograms: a count and a sum of milliseconds per bucket, in whole days and in
tenths of a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from talentdrive.pipeline.core.flow import kind_of_code

# The kinds on the way to a hire, in order; closing kinds (rejected, withdrawn) are not steps.
PATH = ("received", "review", "interview", "committee", "offer", "hired")
RANK = {kind: index for index, kind in enumerate(PATH)}
COMMITTEE = "committee"
# The steps whose time is measured (the kind an application left), and time from arrival to hire.
TIMED_STEPS = PATH[:-1]
TO_HIRE = "to_hire"

TENTHS, DAYS = 0, 1  # the two scales of the duration histograms
BUCKET_MS = {TENTHS: 8_640_000, DAYS: 86_400_000}
_MS = dt.timedelta(milliseconds=1)


@dataclass(frozen=True, order=True)
class Standing:
    kind: str  # the kind of stage the application is at now
    furthest: str  # the furthest kind on PATH it was ever at
    committee: bool  # whether it was ever at the committee review


def standing(current_code: str, earlier_codes: Iterable[str]) -> Standing:
    """The standing of an application at ``current_code`` that was before at ``earlier_codes``."""
    kinds = {kind_of_code(current_code), *(kind_of_code(code) for code in earlier_codes)}
    furthest = max((RANK[kind] for kind in kinds if kind in RANK), default=0)
    return Standing(kind_of_code(current_code), PATH[furthest], COMMITTEE in kinds)


def milliseconds(since: dt.datetime, until: dt.datetime) -> int:
    return (until - since) // _MS


def bucket(ms: int, scale: int = TENTHS) -> int:
    """The histogram bucket of a duration: whole tenths of a day, or whole days. Tenth ``b`` lies in
    day ``b // 10``."""
    return ms // BUCKET_MS[scale]


@dataclass(frozen=True)
class Step:
    """One measured duration: the step (a kind left, or ``TO_HIRE``) and how long it took."""

    step: str
    ms: int


def steps_of_move(
    *, arrived: dt.datetime, since: dt.datetime, at: dt.datetime, from_code: str, to_code: str
) -> list[Step]:
    """The durations one move adds: the time at the kind it left (since the move before, or the
    arrival), and, for a hire, the time from arrival to hire."""
    found = []
    left = kind_of_code(from_code)
    if left in TIMED_STEPS:
        found.append(Step(left, milliseconds(since, at)))
    if kind_of_code(to_code) == "hired":
        found.append(Step(TO_HIRE, milliseconds(arrived, at)))
    return found


def week_of(moment: dt.datetime) -> dt.date:
    """The Monday (UTC) of the week a move happened in."""
    day = moment.astimezone(dt.UTC).date()
    return day - dt.timedelta(days=day.weekday())
