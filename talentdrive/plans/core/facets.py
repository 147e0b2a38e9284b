"""Counts per filter value for job search, computed in memory from each job's attributes.

No Django import. A filter may have several values selected ("Hangzhou or Shanghai"): a job fits it
when it has any of them. For every filter, a job counts towards a value when it matches all the
*other* selected filters, so a visitor sees how many results each choice would give (or add). Doing this over one
list of rows replaces one database query per filter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class JobAttributes:
    id: int
    cities: frozenset[str]
    channel: str
    area: str
    team: str
    level: str

    def values(self, facet: str) -> Iterable[str]:
        if facet == "city":
            return self.cities
        return (getattr(self, facet),)


@dataclass(frozen=True)
class FacetResult:
    matching_ids: tuple[int, ...]
    counts: Mapping[str, Mapping[str, int]]


def _matches(job: JobAttributes, facet: str, wanted: Collection[str]) -> bool:
    return not wanted or any(value in wanted for value in job.values(facet))


def facet_counts(
    jobs: Iterable[JobAttributes], selected: Mapping[str, Collection[str]], facets: Iterable[str]
) -> FacetResult:
    """The jobs matching every filter (any of its selected values), and for each facet the count per
    value."""
    names = tuple(facets)
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    matching: list[int] = []
    for job in jobs:
        fits = {name: _matches(job, name, selected.get(name, ())) for name in names}
        misses = [name for name, ok in fits.items() if not ok]
        if not misses:
            matching.append(job.id)
            for name in names:
                counts[name].update(job.values(name))
        elif len(misses) == 1:
            # Fits everything but this one facet: it would be a result if that facet's value changed.
            counts[misses[0]].update(job.values(misses[0]))
    return FacetResult(tuple(matching), {name: dict(counter) for name, counter in counts.items()})
