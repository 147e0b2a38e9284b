"""Job search as the public sees it (the career portal, the public API): filters from the query string,
the result page, and counts per filter value."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import get_language

from talentdrive.plans.core.facets import JobAttributes, facet_counts
from talentdrive.plans.models import Channel, City, FocusArea, Level, Requisition, Team
from talentdrive.plans.selectors import RequisitionFilters, public_requisition_list

PAGE_SIZE = 20
FACETS = ("city", "channel", "area", "team", "level")
SORTS = {
    "newest": ("-status_changed_at", "external_id"),
    "title": ("title_en", "external_id"),
    "headcount": ("-headcount", "external_id"),
}


@dataclass(frozen=True)
class JobQuery:
    q: str = ""
    city: str = ""
    channel: str = ""
    area: str = ""
    team: str = ""
    level: str = ""
    sort: str = "newest"
    page: int = 1

    @classmethod
    def from_querydict(cls, data: QueryDict) -> JobQuery:
        def text(name: str, limit: int = 80) -> str:
            return (data.get(name) or "").strip()[:limit]

        sort = text("sort")
        try:
            page = max(1, min(int(data.get("page") or 1), 10_000))
        except ValueError:
            page = 1
        return cls(
            q=text("q", 100),
            city=text("city"),
            channel=text("channel"),
            area=text("area"),
            team=text("team"),
            level=text("level"),
            sort=sort if sort in SORTS else "newest",
            page=page,
        )

    def params(self, **changes: str | int) -> str:
        """The query string of this search with some values changed; empty values are left out."""
        values = {**self.__dict__, **changes}
        if values.get("sort") == "newest":
            values["sort"] = ""
        if values.get("page") == 1:
            values["page"] = ""
        return urlencode({k: v for k, v in values.items() if v not in ("", None)})

    def cache_key(self) -> str:
        return self.params(page=self.page)


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


def _requisitions(query: JobQuery, *, without: str = "") -> QuerySet[Requisition]:
    values = {name: getattr(query, name) or None for name in FACETS if name != without}
    level = values.pop("level", None)
    requisitions = public_requisition_list(filters=RequisitionFilters(q=query.q or None, **values))
    if level:
        requisitions = requisitions.filter(level=level)
    return requisitions


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


def _attributes(query: JobQuery) -> list[JobAttributes]:
    """Every open job matching the keyword, with the values the filters look at (one query)."""
    rows = (
        public_requisition_list(filters=RequisitionFilters(q=query.q or None))
        .order_by()
        .values_list("pk", *(_FACET_FIELDS[name] for name in FACETS))
    )
    by_id: dict[int, tuple[set[str], tuple[str, ...]]] = {}
    for pk, city, *rest in rows:
        cities, _ = by_id.setdefault(pk, (set(), tuple(rest)))
        if city:
            cities.add(city)
    return [
        JobAttributes(pk, frozenset(cities), channel, area, team, level)
        for pk, (cities, (channel, area, team, level)) in by_id.items()
    ]


def search(query: JobQuery) -> tuple[Page, dict[str, list[FacetOption]]]:
    """One page of results and, for each filter, how many results each value would give."""
    selected = {name: getattr(query, name) for name in FACETS}
    result = facet_counts(_attributes(query), selected, FACETS)
    ordering = SORTS[query.sort]
    if query.sort == "title" and (get_language() or "en").startswith("zh"):
        ordering = ("title_zh", "external_id")
    paginator = Paginator(_requisitions(query).order_by(*ordering), PAGE_SIZE)
    # The count is known from the facet pass; asking the database again would repeat the keyword scan.
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
                selected=value == current,
                url="?" + query.params(**{name: "" if value == current else value}, page=1),
            )
            for value, label in _labels(name)
            if counts.get(value, 0) or value == current
        ]
    return page, facets
