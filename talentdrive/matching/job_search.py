"""Job search as the public sees it (the career portal, the public API): filters from the query string,
the result page, and counts per filter value."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, OrderBy, Window
from django.db.models.functions import RowNumber
from django.http import QueryDict
from django.utils.translation import get_language

from talentdrive.matching.core import keyword
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.plans.core.facets import FacetTable, JobAttributes
from talentdrive.plans.models import Channel, City, FocusArea, Level, Requisition, Team
from talentdrive.plans.selectors import PUBLIC_STATUSES, public_requisition_list
from talentdrive.taxonomy.model import Taxonomy

PAGE_SIZE = 20
FACETS = ("city", "channel", "area", "team", "level")
# "relevance" orders keyword results best match first; it is the default when there is a keyword.
SORTS = {
    "relevance": ("-status_changed_at", "external_id"),
    "newest": ("-status_changed_at", "external_id"),
    "title": ("title_en", "external_id"),
    "headcount": ("-headcount", "external_id"),
}


# At most this many values of one filter are read from a query string.
MAX_VALUES = 12


@dataclass(frozen=True)
class JobQuery:
    """A search: a keyword, and for each filter the values any of which a job must have."""

    q: str = ""
    city: tuple[str, ...] = ()
    channel: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    team: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    sort: str = ""  # "" is relevance with a keyword, newest without
    page: int = 1

    @property
    def order(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.q):
            return self.sort
        return "relevance" if self.q else "newest"

    @classmethod
    def from_querydict(cls, data: QueryDict) -> JobQuery:
        def text(name: str, limit: int = 80) -> str:
            return (data.get(name) or "").strip()[:limit]

        def values(name: str) -> tuple[str, ...]:
            # ?city=hangzhou&city=shanghai, and ?city=hangzhou,shanghai as people type it.
            found = [v.strip()[:80] for raw in data.getlist(name) for v in raw.split(",")]
            return tuple(dict.fromkeys(v for v in found if v))[:MAX_VALUES]

        sort = text("sort")
        try:
            page = max(1, min(int(data.get("page") or 1), 10_000))
        except ValueError:
            page = 1
        return cls(
            q=text("q", 100),
            **{name: values(name) for name in FACETS},  # type: ignore[arg-type]
            sort=sort if sort in SORTS else "",
            page=page,
        )

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in FACETS}

    def toggled(self, name: str, value: str) -> tuple[str, ...]:
        """This filter's values with ``value`` added, or taken away when it is selected."""
        current: tuple[str, ...] = getattr(self, name)
        return tuple(v for v in current if v != value) if value in current else (*current, value)

    def params(self, **changes: str | int | tuple[str, ...]) -> str:
        """The query string of this search with some values changed; empty values are left out."""
        values = {**self.__dict__, **changes}
        if values.get("sort") == ("relevance" if values.get("q") else "newest"):
            values["sort"] = ""  # the default order needs no parameter
        if values.get("page") == 1:
            values["page"] = ""
        return urlencode({k: v for k, v in values.items() if v not in ("", None, ())}, doseq=True)

    def cache_key(self) -> str:
        return self.params(page=self.page)


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


# Every open job as the search needs it, held by each process and rebuilt when a job opens, closes or
# changes (one small query asks whether it did, on every search or at most every
# JOB_SEARCH_RECHECK_SECONDS), and at least this often, so that a renamed city, focus area or team,
# which does not touch the jobs, shows within a minute.
SNAPSHOT_SECONDS = 60.0


@dataclass(frozen=True)
class _OpenJobs:
    """The open jobs with what their result rows show, the keyword index, the filter values of each job
    and the job ids in each order the search offers (ordered by the database, so collation and ties are
    the database's)."""

    version: tuple[object, ...]
    built_at: float
    jobs: dict[int, Requisition]
    attributes: dict[int, JobAttributes]
    orders: dict[str, tuple[int, ...]]
    facets: FacetTable
    index: keyword.KeywordIndex
    # The vocabulary the index was built with, used for the queries too (an edited taxonomy file reaches
    # job search with the next rebuild).
    taxonomy: Taxonomy
    labels: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)


_SNAPSHOT: dict[str, _OpenJobs] = {}
# When this process last asked the database whether an open job changed (time.monotonic()).
_CHECKED_AT: dict[str, float] = {}


def _recheck_seconds() -> float:
    value: Any = settings.TALENTDRIVE.get("JOB_SEARCH_RECHECK_SECONDS", 0.0)
    return float(value)


def _version() -> tuple[object, ...]:
    """What changes when an open job is added, removed, edited or moved to other cities: one query on two
    tables, no join (it runs on every search)."""
    jobs = Requisition._meta.db_table
    links = Requisition.cities.through._meta.db_table
    statuses = ", ".join(["%s"] * len(PUBLIC_STATUSES))
    sql = (
        f"SELECT COUNT(*), MAX(id), MAX(updated_at), (SELECT COUNT(*) FROM {links}) "  # noqa: S608
        f"FROM {jobs} WHERE status IN ({statuses})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [str(status) for status in PUBLIC_STATUSES])
        return tuple(cursor.fetchone())


def _open_jobs() -> _OpenJobs:
    held = _SNAPSHOT.get("jobs")
    now = time.monotonic()
    if (
        held is not None
        and now - _CHECKED_AT.get("jobs", float("-inf")) < _recheck_seconds()
        and now - held.built_at < SNAPSHOT_SECONDS
    ):
        # Asked less than JOB_SEARCH_RECHECK_SECONDS ago: a busy process answers searches without a
        # database round trip, and a change shows within that bound.
        return held
    version = _version()
    _CHECKED_AT["jobs"] = time.monotonic()
    if held is not None and held.version == version and now - held.built_at < SNAPSHOT_SECONDS:
        return held
    snapshot = _build(version)
    _SNAPSHOT["jobs"] = snapshot
    return snapshot


def _build(version: tuple[object, ...]) -> _OpenJobs:
    # The other orders as the database sorts them, numbered in the same query.
    positions = {
        f"position_{name}": Window(RowNumber(), order_by=[_ordered(field) for field in ordering])
        for name, ordering in _ORDERINGS.items()
    }
    requisitions = list(public_requisition_list().annotate(**positions).order_by(*SORTS["newest"]))
    jobs = {requisition.pk: requisition for requisition in requisitions}
    attributes = {
        requisition.pk: JobAttributes(
            requisition.pk,
            frozenset(city.code for city in requisition.cities.all()),
            requisition.plan_line.channel,
            requisition.plan_line.focus_area.code,
            requisition.plan_line.team.code,
            requisition.level,
        )
        for requisition in requisitions
    }
    orders = {"newest": tuple(jobs)}
    for name in _ORDERINGS:
        orders[name] = tuple(r.pk for r in sorted(requisitions, key=attrgetter(f"position_{name}")))
    texts = [
        keyword.JobText(
            r.pk, f"{r.title_en}\n{r.title_zh}", f"{r.description_en}\n{r.description_zh}", r.external_id
        )
        for r in requisitions
    ]
    taxonomy = get_taxonomy()
    index = keyword.build_index(texts, taxonomy)
    facets = FacetTable(list(attributes.values()), FACETS)
    return _OpenJobs(version, time.monotonic(), jobs, attributes, orders, facets, index, taxonomy)


# The orders besides the newest, as the database sorts them ("title_zh" is the title order in Chinese).
_ORDERINGS = {
    "title": SORTS["title"],
    "title_zh": ("title_zh", "external_id"),
    "headcount": SORTS["headcount"],
}


def _ordered(field: str) -> OrderBy:
    return F(field[1:]).desc() if field.startswith("-") else F(field).asc()


def keyword_ids(q: str) -> list[int] | None:
    """Open jobs matching the keyword, best first; None without a keyword."""
    if not q:
        return None
    snapshot = _open_jobs()
    return keyword.search(snapshot.index, q, snapshot.taxonomy)


# Cities, focus areas and teams are reference data that change a few times a drive; their names are
# read again with the open jobs.
def _labels(snapshot: _OpenJobs, name: str) -> list[tuple[str, str]]:
    key = (name, get_language() or "")
    labels = snapshot.labels.get(key)
    if labels is None:
        labels = _load_labels(name)
        snapshot.labels[key] = labels
    return labels


def _load_labels(name: str) -> list[tuple[str, str]]:
    if name == "city":
        return [(c.code, c.name) for c in City.objects.all()]
    if name == "area":
        return [(a.code, a.name) for a in FocusArea.objects.all()]
    if name == "team":
        return [(t.code, t.name) for t in Team.objects.all()]
    if name == "channel":
        return [(value, str(label)) for value, label in Channel.choices]
    return [(value, str(label)) for value, label in Level.choices]


def _page(ids: list[int], jobs: dict[int, Requisition], number: int) -> Page:
    """One page of these jobs, in this order."""
    page = Paginator(ids, PAGE_SIZE).get_page(number)
    return Page([jobs[pk] for pk in page.object_list], page.number, page.paginator)


@dataclass(frozen=True)
class Suggestions:
    """Offered instead of an empty page: a corrected keyword (with its URL) and related open jobs."""

    query: str
    url: str
    related: tuple[Requisition, ...]


def suggestions(query: JobQuery) -> Suggestions | None:
    """For a keyword that finds nothing: the keyword spelt as the jobs spell it, and related jobs."""
    return _suggestions(_open_jobs(), query)


def _suggestions(snapshot: _OpenJobs, query: JobQuery) -> Suggestions | None:
    if not query.q:
        return None
    found = keyword.suggest(snapshot.index, query.q, snapshot.taxonomy)
    if not found.query and not found.related:
        return None
    jobs = snapshot.jobs
    return Suggestions(
        query=found.query,
        url="?" + query.params(q=found.query, page=1) if found.query else "",
        related=tuple(jobs[pk] for pk in found.related if pk in jobs),
    )


def search(query: JobQuery) -> tuple[Page, dict[str, list[FacetOption]]]:
    """One page of results and, for each filter, how many results each value would give."""
    return _search(_open_jobs(), query)


def search_with_suggestions(
    query: JobQuery,
) -> tuple[Page, dict[str, list[FacetOption]], Suggestions | None]:
    """``search``, and for an empty page what ``suggestions`` offers instead (one look at the jobs)."""
    snapshot = _open_jobs()
    page, facets = _search(snapshot, query)
    return page, facets, None if page.object_list else _suggestions(snapshot, query)


def _search(snapshot: _OpenJobs, query: JobQuery) -> tuple[Page, dict[str, list[FacetOption]]]:
    selected = query.filters()
    ranked = keyword.search(snapshot.index, query.q, snapshot.taxonomy) if query.q else None
    result = snapshot.facets.counts(ranked, selected)
    matching = set(result.matching_ids)
    ordered: Sequence[int]
    if query.order == "relevance" and ranked is not None:
        ordered = ranked
    else:
        order = query.order
        if order == "title" and (get_language() or "en").startswith("zh"):
            order = "title_zh"
        ordered = snapshot.orders[order]
    page = _page([pk for pk in ordered if pk in matching], snapshot.jobs, query.page)
    facets: dict[str, list[FacetOption]] = {}
    for name in FACETS:
        counts = result.counts[name]
        current = selected[name]
        facets[name] = [
            FacetOption(
                value=value,
                label=label,
                count=counts.get(value, 0),
                selected=value in current,
                url="?" + query.params(**{name: query.toggled(name, value)}, page=1),
            )
            for value, label in _labels(snapshot, name)
            if counts.get(value, 0) or value in current
        ]
    return page, facets
