"""The funnel, time in stage and time to hire, from applications and their stage changes. Pure.

Stages are compared by their *kind* (received, review, interview, committee, offer, hired), which every
flow shares whatever its stages are called: an application "reached" a kind when it was ever at a stage
of that kind or beyond. Durations count only stages an application has left (the current one is still
running and would understate them).

The page reads the pipeline's roll-ups, not every application: counts of applications by the furthest
step they reached (``Tally``: ``funnel_of``, ``by_source_of``) and histograms of durations in buckets of a
tenth of a day, each bucket's mean standing for its moves (``histogram_duration``). The functions over
``Journey`` compute the same figures from every move and are the reference the roll-ups are tested
against: counts agree exactly, and durations to the tenth of a day the page shows whenever the moves
that share a bucket took the same time (otherwise within that tenth).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from talentdrive.pipeline.core.standing import PATH, RANK

__all__ = ["PATH", "RANK"]


@dataclass(frozen=True)
class Move:
    at: datetime
    from_kind: str
    to_kind: str


@dataclass(frozen=True)
class Journey:
    """One application: when it arrived, where it is, the moves it made (oldest first), its source."""

    created_at: datetime
    kind: str
    moves: tuple[Move, ...]
    source: str = ""
    channel: str = ""


@dataclass(frozen=True)
class FunnelStep:
    kind: str
    reached: int
    share_of_previous: float | None  # None for the first step, or when nobody reached the previous one


@dataclass(frozen=True)
class Duration:
    kind: str
    count: int
    median_days: float | None
    p90_days: float | None


def furthest(journey: Journey) -> int:
    """The furthest step on the way to a hire this application was ever at."""
    kinds = [
        journey.kind,
        *(move.from_kind for move in journey.moves),
        *(move.to_kind for move in journey.moves),
    ]
    return max((RANK[kind] for kind in kinds if kind in RANK), default=0)


def _kinds(journey: Journey) -> set[str]:
    return {journey.kind, *(m.from_kind for m in journey.moves), *(m.to_kind for m in journey.moves)}


OPTIONAL = frozenset({"committee"})  # steps only some flows have (the elite programme's review)


@dataclass(frozen=True)
class Tally:
    """``count`` applications that reached ``furthest`` (a kind on PATH), were or were not at the
    committee review, from one source and channel."""

    furthest: str
    committee: bool
    count: int
    source: str = ""
    channel: str = ""


def tally_of(journey: Journey) -> Tally:
    return Tally(PATH[furthest(journey)], "committee" in _kinds(journey), 1, journey.source, journey.channel)


def funnel_of(tallies: Iterable[Tally]) -> list[FunnelStep]:
    """Applications that reached each step or one beyond it, and the share of the step before.

    An optional step (the committee review only the programme's flows have) counts the applications
    that were really at it, and is shown only when some were; the step after it reads against the
    last step every flow has, so a flow without the review does not look like a leak."""
    tallies = list(tallies)
    steps: list[FunnelStep] = []
    base = 0  # the last step every flow has
    for kind in PATH:
        if kind in OPTIONAL:
            visited = sum(t.count for t in tallies if t.committee)
            if visited:
                steps.append(FunnelStep(kind, visited, visited / base if base else None))
            continue
        reached = sum(t.count for t in tallies if RANK[t.furthest] >= RANK[kind])
        steps.append(FunnelStep(kind, reached, reached / base if steps and base else None))
        base = reached
    return steps


def funnel(journeys: Iterable[Journey]) -> list[FunnelStep]:
    """``funnel_of`` from every application's moves."""
    return funnel_of(tally_of(journey) for journey in journeys)


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _days(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    return round(statistics.median(values), 1), round(_percentile(values, 0.9), 1)


def time_in_stage(journeys: Iterable[Journey]) -> list[Duration]:
    """Median and 90th percentile of days spent at each kind of stage, over the stages left."""
    spent: dict[str, list[float]] = defaultdict(list)
    for journey in journeys:
        since = journey.created_at
        for move in journey.moves:
            spent[move.from_kind].append((move.at - since).total_seconds() / 86400)
            since = move.at
    result = []
    for kind in PATH[:-1]:
        median, p90 = _days(spent.get(kind, []))
        if spent.get(kind):
            result.append(Duration(kind, len(spent[kind]), median, p90))
    return result


def _ranks(n: int) -> set[int]:
    """The ranks (0-based, in order) the median and the 90th percentile of n values read."""
    if not n:
        return set()
    low = int(0.9 * (n - 1))
    return {(n - 1) // 2, n // 2, low, min(low + 1, n - 1)}


def percentile_days(days: Sequence[tuple[int, int]]) -> set[int]:
    """Of a histogram in whole days, ``(day, count)`` in day order, the days that hold the values the
    median and the 90th percentile read: only those need their tenths."""
    ranks = _ranks(sum(count for _, count in days))
    found = set()
    seen = 0
    for day, count in days:
        if any(seen <= rank < seen + count for rank in ranks):
            found.add(day)
        seen += count
    return found


def refined(
    days: Sequence[tuple[int, int, int]], tenths: Mapping[int, Sequence[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """A histogram of ``(count, total_ms)`` in order: each day's tenths where given, else the day."""
    rows: list[tuple[int, int]] = []
    for day, count, total_ms in days:
        rows.extend(tenths.get(day, [(count, total_ms)]))
    return rows


def histogram_duration(kind: str, buckets: Iterable[tuple[int, int]]) -> Duration:
    """Median and 90th percentile from a histogram: ``(count, total_ms)`` per bucket in bucket order, each
    bucket's moves taken to have lasted its mean. Interpolates between neighbours like ``_percentile``."""
    rows = [(count, total_ms / count / 86_400_000) for count, total_ms in buckets if count > 0]
    n = sum(count for count, _ in rows)
    if not n:
        return Duration(kind, 0, None, None)

    def value(rank: int) -> float:
        seen = 0
        for count, days in rows:
            seen += count
            if rank < seen:
                return days
        return rows[-1][1]

    def percentile(fraction: float) -> float:
        position = fraction * (n - 1)
        low = int(position)
        high = min(low + 1, n - 1)
        return value(low) + (value(high) - value(low)) * (position - low)

    median = value(n // 2) if n % 2 else (value(n // 2 - 1) + value(n // 2)) / 2
    return Duration(kind, n, round(median, 1), round(percentile(0.9), 1))


def time_to_hire(journeys: Iterable[Journey]) -> Duration:
    days = [
        (move.at - journey.created_at).total_seconds() / 86400
        for journey in journeys
        for move in journey.moves
        if move.to_kind == "hired"
    ]
    median, p90 = _days(days)
    return Duration("hired", len(days), median, p90)


@dataclass(frozen=True)
class SourceFigures:
    source: str
    applications: int
    interviewed: int
    hired: int

    @property
    def hire_rate(self) -> float:
        return self.hired / self.applications if self.applications else 0.0

    @property
    def hire_percent(self) -> float:
        return 100.0 * self.hire_rate


def by_source_of(tallies: Iterable[Tally]) -> list[SourceFigures]:
    """Applications, how many reached an interview and how many were hired, per source; most hires first."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for tally in tallies:
        row = counts[tally.source or ""]
        step = RANK[tally.furthest]
        row[0] += tally.count
        row[1] += tally.count * (step >= RANK["interview"])
        row[2] += tally.count * (step >= RANK["hired"])
    rows = [SourceFigures(source, *figures) for source, figures in counts.items() if figures[0]]
    return sorted(rows, key=lambda row: (-row.hired, -row.applications, row.source))


def by_source(journeys: Iterable[Journey]) -> list[SourceFigures]:
    """``by_source_of`` from every application's moves."""
    return by_source_of(tally_of(journey) for journey in journeys)
