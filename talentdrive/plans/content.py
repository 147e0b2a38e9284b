"""The content check a recruiter sees when a requisition is saved: its words against its own fields,
and other openings of the same city and channel with a title that reads the same
(``plans/core/content.py`` decides; this module reads the rows and words the findings)."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from talentdrive.plans.core.content import (
    city_findings,
    degree_findings,
    near_duplicate_titles,
    years_findings,
)
from talentdrive.plans.models import City, Degree, Requisition, RequisitionStatus

# Openings a new title is compared with: the ones candidates can see or soon will.
_LIVE = (RequisitionStatus.DRAFT, RequisitionStatus.OPEN, RequisitionStatus.PAUSED)


def _list_separator() -> str:
    return "、" if (get_language() or "en").startswith("zh") else ", "


def requisition_content_check(*, requisition: Requisition) -> list[str]:
    """Sentences for the recruiter, in the active language; empty when nothing contradicts."""
    texts = [
        requisition.title_en,
        requisition.title_zh,
        requisition.description_en,
        requisition.description_zh,
    ]
    texts = [text for text in texts if text]
    cities = {city.code: city for city in City.objects.all()}
    open_in = [city.code for city in requisition.cities.all()]
    notes: list[str] = []
    for finding in degree_findings(texts, requisition.min_degree):
        notes.append(
            _("The text says “%(quote)s” but the minimum degree is %(degree)s.")
            % {"quote": finding.quote, "degree": Degree(requisition.min_degree).label}
        )
    for finding in years_findings(texts, requisition.min_years):
        notes.append(
            _("The text says “%(quote)s” but the minimum experience is %(years)s years.")
            % {"quote": finding.quote, "years": requisition.min_years}
        )
    names = {code: (city.name_en, city.name_zh) for code, city in cities.items()}
    for finding in city_findings(texts, open_in, names):
        notes.append(
            _("The text names %(city)s, which is not one of this requisition's cities (%(cities)s).")
            % {
                "city": finding.quote,
                "cities": _list_separator().join(str(cities[c].name) for c in open_in if c in cities),
            }
        )
    others = (
        Requisition.objects.filter(
            drive_id=requisition.drive_id,
            plan_line__channel=requisition.plan_line.channel,
            cities__code__in=open_in,
            status__in=_LIVE,
        )
        .exclude(pk=requisition.pk)
        .distinct()
    )
    by_id = {r.pk: r for r in others.only("pk", "external_id", "title_en", "title_zh")}
    twins = set(near_duplicate_titles(requisition.title_en, ((r.pk, r.title_en) for r in by_id.values())))
    if requisition.title_zh:
        twins |= set(
            near_duplicate_titles(
                requisition.title_zh, ((r.pk, r.title_zh) for r in by_id.values() if r.title_zh)
            )
        )
    if twins:
        notes.append(
            _(
                "Other openings in the same city and channel have nearly the same title (%(ids)s); "
                "candidates cannot tell them apart. Make the titles say how the jobs differ."
            )
            % {"ids": _list_separator().join(sorted(by_id[pk].external_id for pk in twins))}
        )
    return notes
