"""Oversight of automated screening for one requisition: how match scores spread, who got past screening,
by volunteered group, the four-fifths adverse-impact ratio, and who advanced applicants past
higher-ranked ones. Pure.

* **Advanced**: the application reached an interview or a step beyond (``funnel.RANK``).
* **Selection rate** of a group: advanced ÷ applications of that group. The **impact ratio** of a group
  is its rate ÷ the highest group's rate; the four-fifths rule flags a ratio below 0.8. Applications
  without volunteered data are counted on their own row and left out of the ratios.
* **Override**: a move forward that takes an application from at or behind another, still-active
  application with a higher match score to ahead of it (from a step ranked ≤ the other's to one
  ranked above it). Counted once per move, with how many higher-ranked applications it passed.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from talentdrive.insights.core.funnel import RANK

FOUR_FIFTHS = 0.8
BINS = 10  # score histogram bins over [0, 1]
CLOSED = frozenset({"rejected", "withdrawn"})
NO_GROUP = ""


@dataclass(frozen=True)
class Applicant:
    key: int
    score: float | None  # None: could not be scored (no parsed résumé)
    group: str  # NO_GROUP when the person volunteered nothing
    furthest: int  # the furthest step on the way to a hire (``funnel.furthest``)


@dataclass(frozen=True)
class GroupFigures:
    group: str
    applications: int
    advanced: int
    median_score: float | None
    histogram: tuple[int, ...]  # counts per score bin, lowest first
    impact_ratio: float | None  # None for NO_GROUP, or when no group advanced anyone

    @property
    def rate(self) -> float | None:
        return self.advanced / self.applications if self.applications else None

    @property
    def below_four_fifths(self) -> bool:
        return self.impact_ratio is not None and self.impact_ratio < FOUR_FIFTHS


def _bin(score: float) -> int:
    return min(BINS - 1, max(0, int(score * BINS)))


def groups(applicants: Iterable[Applicant]) -> list[GroupFigures]:
    """Figures per volunteered group (groups in code order, then those who gave none)."""
    members: dict[str, list[Applicant]] = defaultdict(list)
    for applicant in applicants:
        members[applicant.group].append(applicant)
    rates = {
        group: sum(a.furthest >= RANK["interview"] for a in items) / len(items)
        for group, items in members.items()
        if group != NO_GROUP
    }
    best = max(rates.values(), default=0.0)
    result = []
    for group in sorted(members, key=lambda g: (g == NO_GROUP, g)):
        items = members[group]
        scores = [a.score for a in items if a.score is not None]
        histogram = [0] * BINS
        for score in scores:
            histogram[_bin(score)] += 1
        result.append(
            GroupFigures(
                group=group,
                applications=len(items),
                advanced=sum(a.furthest >= RANK["interview"] for a in items),
                median_score=round(statistics.median(scores), 4) if scores else None,
                histogram=tuple(histogram),
                impact_ratio=rates[group] / best if group != NO_GROUP and best > 0 else None,
            )
        )
    return result


def lowest_impact_ratio(figures: Sequence[GroupFigures]) -> float | None:
    ratios = [f.impact_ratio for f in figures if f.impact_ratio is not None]
    return min(ratios) if ratios else None


@dataclass(frozen=True)
class Step:
    """A stage change of one application of the requisition, by whom."""

    key: int
    at: datetime
    from_kind: str
    to_kind: str
    actor: str


@dataclass(frozen=True)
class Override:
    key: int  # the application moved ahead
    at: datetime
    actor: str
    passed: int  # higher-ranked active applications it went past


@dataclass(frozen=True)
class ActorOverrides:
    actor: str
    forward_moves: int
    overrides: int

    @property
    def share(self) -> float:
        return self.overrides / self.forward_moves if self.forward_moves else 0.0


def overrides(
    arrivals: Iterable[tuple[int, datetime]], steps: Iterable[Step], scores: dict[int, float]
) -> tuple[list[Override], list[ActorOverrides]]:
    """Replay the requisition's applications and moves in time order; return each override and, per
    actor, their forward moves and how many were overrides (most overrides first). Applications
    without a score take no part: they are neither passed nor counted as passing."""
    events: list[tuple[datetime, int, int, Step | None]] = []
    for key, at in arrivals:
        events.append((at, 0, key, None))
    for order, change in enumerate(steps):
        events.append((change.at, 1 + order, change.key, change))
    events.sort(key=lambda event: (event[0], event[1]))
    where: dict[int, str] = {}  # active, scored applications and the kind of stage they are at
    found: list[Override] = []
    forward: Counter[str] = Counter()
    overridden: Counter[str] = Counter()
    for at, _, key, step in events:
        if key not in scores:
            continue
        if step is None:
            where[key] = "received"
            continue
        from_rank, to_rank = RANK.get(step.from_kind), RANK.get(step.to_kind)
        if from_rank is not None and to_rank is not None and to_rank > from_rank:
            forward[step.actor] += 1
            passed = sum(
                1
                for other, kind in where.items()
                if other != key and scores[other] > scores[key] and from_rank <= RANK.get(kind, -1) < to_rank
            )
            if passed:
                overridden[step.actor] += 1
                found.append(Override(key, at, step.actor, passed))
        if step.to_kind in CLOSED:
            where.pop(key, None)
        else:
            where[key] = step.to_kind
    actors = [ActorOverrides(actor, forward[actor], overridden[actor]) for actor in forward]
    actors.sort(key=lambda item: (-item.overrides, -item.forward_moves, item.actor))
    return found, actors
