"""Job search as the public sees it (the career portal, the public API): filters from the query string,
the result page, and counts per filter value."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max
from django.http import QueryDict
from django.utils.translation import get_language

from talentdrive.matching.core import keyword
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.plans.core.facets import JobAttributes, facet_counts
from talentdrive.plans.models import Channel, City, FocusArea, Level, Requisition, Team
from talentdrive.plans.selectors import public_requisition_list

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


# The keyword index of open jobs, rebuilt in each process when a job opens, closes or changes.
_INDEX: dict[str, tuple[tuple[object, ...], keyword.KeywordIndex]] = {}


def _keyword_index() -> keyword.KeywordIndex:
    open_jobs = public_requisition_list().order_by()
    version = tuple(
        open_jobs.aggregate(n=Count("pk", distinct=True), last=Max("pk"), changed=Max("updated_at")).values()
    )
    held = _INDEX.get("jobs")
    if held is not None and held[0] == version:
        return held[1]
    rows = open_jobs.order_by("-status_changed_at", "external_id").values_list(
        "pk", "title_en", "title_zh", "description_en", "description_zh", "external_id"
    )
    jobs = [
        keyword.JobText(pk, f"{title_en}\n{title_zh}", f"{description_en}\n{description_zh}", code)
        for pk, title_en, title_zh, description_en, description_zh, code in dict.fromkeys(rows)
    ]
    index = keyword.build_index(jobs, get_taxonomy())
    _INDEX["jobs"] = (version, index)
    return index


def keyword_ids(q: str) -> list[int] | None:
    """Open jobs matching the keyword, best first; None without a keyword."""
    if not q:
        return None
    return keyword.search(_keyword_index(), q, get_taxonomy())


_FACET_FIELDS = {
    "city": "cities__code",
    "channel": "plan_line__channel",
    "area": "plan_line__focus_area__code",
    "team": "plan_line__team__code",
    "level": "level",
}


# Cities, focus areas and teams are reference data that change a few times a drive.
LABELS_SECONDS = 300


def _labels(name: str) -> list[tuple[str, str]]:
    key = f"portal:labels:{name}:{get_language()}"
    labels = cache.get(key)
    if labels is None:
        labels = _load_labels(name)
        cache.set(key, labels, LABELS_SECONDS)
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


def _attributes(keyword_ids: list[int] | None) -> list[JobAttributes]:
    """Every open job matching the keyword, with the values the filters look at (one query)."""
    requisitions = public_requisition_list().order_by()
    if keyword_ids is not None:
        requisitions = requisitions.filter(pk__in=keyword_ids)
    rows = requisitions.values_list("pk", *(_FACET_FIELDS[name] for name in FACETS))
    by_id: dict[int, tuple[set[str], tuple[str, ...]]] = {}
    for pk, city, *rest in rows:
        cities, _ = by_id.setdefault(pk, (set(), tuple(rest)))
        if city:
            cities.add(city)
    return [
        JobAttributes(pk, frozenset(cities), channel, area, team, level)
        for pk, (cities, (channel, area, team, level)) in by_id.items()
    ]


def _relevance_page(ranked: list[int], matching: set[int], number: int) -> Page:
    """One page of the keyword's matches that pass the filters, best match first."""
    page = Paginator([pk for pk in ranked if pk in matching], PAGE_SIZE).get_page(number)
    ids = list(page.object_list)
    found = public_requisition_list().filter(pk__in=ids).in_bulk()
    return Page([found[pk] for pk in ids if pk in found], page.number, page.paginator)


@dataclass(frozen=True)
class Suggestions:
    """Offered instead of an empty page: a corrected keyword (with its URL) and related open jobs."""

    query: str
    url: str
    related: tuple[Requisition, ...]


def suggestions(query: JobQuery) -> Suggestions | None:
    """For a keyword that finds nothing: the keyword spelt as the jobs spell it, and related jobs."""
    if not query.q:
        return None
    found = keyword.suggest(_keyword_index(), query.q, get_taxonomy())
    if not found.query and not found.related:
        return None
    jobs = public_requisition_list().filter(pk__in=found.related).in_bulk()
    return Suggestions(
        query=found.query,
        url="?" + query.params(q=found.query, page=1) if found.query else "",
        related=tuple(jobs[pk] for pk in found.related if pk in jobs),
    )


def search(query: JobQuery) -> tuple[Page, dict[str, list[FacetOption]]]:
    """One page of results and, for each filter, how many results each value would give."""
    selected = query.filters()
    ranked = keyword_ids(query.q)
    result = facet_counts(_attributes(ranked), selected, FACETS)
    if query.order == "relevance" and ranked is not None:
        page = _relevance_page(ranked, set(result.matching_ids), query.page)
    else:
        ordering = SORTS[query.order]
        if query.order == "title" and (get_language() or "en").startswith("zh"):
            ordering = ("title_zh", "external_id")
        # The facet pass found the matching jobs; the page only orders and fetches them.
        matching = public_requisition_list()
        if ranked is not None or any(selected.values()):
            matching = matching.filter(pk__in=result.matching_ids)
        paginator = Paginator(matching.order_by(*ordering), PAGE_SIZE)
        # The count is known from the facet pass; asking the database again would repeat the filtering.
        paginator.__dict__["count"] = len(result.matching_ids)
        page = paginator.get_page(query.page)
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
            for value, label in _labels(name)
            if counts.get(value, 0) or value in current
        ]
    return page, facets
