"""Counts per filter value for job search, computed in memory from each job's attributes.

No Django import. A filter may have several values selected ("Hangzhou or Shanghai"): a job fits it
when it has any of them. For every filter, a job counts towards a value when it matches all the
*other* selected filters, so a visitor sees how many results each choice would give (or add). Doing this over one
list of rows replaces one database query per filter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np


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


class FacetTable:
    """``facet_counts`` for many searches over one list of jobs: each facet's values held as a job × value
    table of booleans, so a search is a few array operations instead of a pass in Python over every job."""

    def __init__(self, jobs: Sequence[JobAttributes], facets: Iterable[str]) -> None:
        self.names = tuple(facets)
        self.ids = np.array([job.id for job in jobs], dtype=np.int64)
        self.rows = {job.id: row for row, job in enumerate(jobs)}
        self.values: dict[str, tuple[str, ...]] = {}
        self.columns: dict[str, dict[str, int]] = {}
        self.tables: dict[str, np.ndarray] = {}
        for name in self.names:
            values = tuple(sorted({value for job in jobs for value in job.values(name)}))
            columns = {value: column for column, value in enumerate(values)}
            table = np.zeros((len(jobs), len(values)), dtype=bool)
            for row, job in enumerate(jobs):
                for value in job.values(name):
                    table[row, columns[value]] = True
            self.values[name], self.columns[name], self.tables[name] = values, columns, table

    def counts(self, ids: Iterable[int] | None, selected: Mapping[str, Collection[str]]) -> FacetResult:
        """As ``facet_counts`` over the jobs with these ids (in this order; None: every job)."""
        rows = (
            np.arange(len(self.ids))
            if ids is None
            else np.array([self.rows[job_id] for job_id in ids], dtype=np.int64)
        )
        fits: dict[str, np.ndarray] = {}
        for name in self.names:
            wanted = selected.get(name, ())
            if not wanted:
                fits[name] = np.ones(len(rows), dtype=bool)
                continue
            columns = np.array(
                [self.columns[name][value] for value in wanted if value in self.columns[name]], dtype=np.int64
            )
            fits[name] = np.asarray(self.tables[name][rows][:, columns].any(axis=1), dtype=bool)
        every = np.logical_and.reduce([fits[name] for name in self.names]) if self.names else None
        matching = tuple(int(job_id) for job_id in self.ids[rows][every]) if every is not None else ()
        counts: dict[str, dict[str, int]] = {}
        for name in self.names:
            others = [fits[other] for other in self.names if other != name]
            mask = np.logical_and.reduce(others) if others else np.ones(len(rows), dtype=bool)
            totals = self.tables[name][rows[mask]].sum(axis=0)
            values = self.values[name]
            counts[name] = {values[column]: int(totals[column]) for column in np.flatnonzero(totals)}
        return FacetResult(matching, counts)
