from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from talentdrive.matching.job_search import FacetOption, JobQuery, search_with_suggestions
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.plans.models import Channel, Level, Requisition, RequisitionStatus
from talentdrive.plans.selectors import public_requisition_list
from talentdrive.portal import search_html
from talentdrive.portal.language import negotiated
from talentdrive.portal.pagecache import cached_page

FACET_LABELS = {
    "city": _("City"),
    "channel": _("Channel"),
    "area": _("Focus area"),
    "team": _("Team"),
    "level": _("Level"),
}

# Search results are the same for every visitor; a short cache absorbs peaks without hiding a
# newly opened job for long.
RESULTS_SECONDS = 30


def _row(requisition: Requisition) -> SafeString:
    """A job's line in the results, rendered once per language and kept on the job as the search holds it
    (a changed job is a new object there, so its line is rendered again)."""
    language = get_language() or ""
    rows: dict[str, SafeString] = requisition.__dict__.setdefault("_portal_rows", {})
    html = rows.get(language)
    if html is None:
        html = mark_safe(render_to_string("portal/_job_row.html", {"job": requisition}))  # noqa: S308
        rows[language] = html
    return html


def _options_html(jobs_url: str, name: str, options: list[FacetOption]) -> SafeString:
    """A filter's values as links with their counts (built here, not in the template: a search shows
    a hundred of them and the template language would spend more time on them than the search)."""
    return format_html_join(
        "\n",
        '<li><a href="{}{}"{} data-facet="{}" data-value="{}">{} <span class="count">{}</span></a></li>',
        (
            (
                jobs_url,
                option.url,
                mark_safe(' aria-current="true" class="selected"') if option.selected else "",
                name,
                option.value,
                option.label,
                option.count,
            )
            for option in options
        ),
    )


def _results_html(request: HttpRequest, query: JobQuery) -> str:
    key = f"portal:jobs:{get_language()}:{query.cache_key()}"
    html = cache.get(key)
    if html is None:
        page, facets, suggested = search_with_suggestions(query)
        jobs_url = reverse("portal:jobs")
        labels = {name: {o.value: o.label for o in options} for name, options in facets.items()}
        chips = [
            search_html.Chip(
                group=str(FACET_LABELS[name]),
                label=labels[name].get(value, value),
                url="?" + query.params(**{name: query.toggled(name, value)}, page=1),
            )
            for name, values in query.filters().items()
            for value in values
        ]
        html = search_html.render(
            search_html.SearchView(
                query=query,
                page=page,
                jobs_url=jobs_url,
                facet_groups=[
                    search_html.FacetGroup(
                        name=name,
                        label=str(FACET_LABELS[name]),
                        options_html=_options_html(jobs_url, name, options),
                        open=name in ("city", "channel") or bool(getattr(query, name)),
                    )
                    for name, options in facets.items()
                    if options
                ],
                selected_filters=[
                    (name, value) for name, values in query.filters().items() for value in values
                ],
                chips=chips,
                rows=[_row(requisition) for requisition in page.object_list],
                suggestions=suggested,
                previous_url="?" + query.params(page=page.previous_page_number())
                if page.has_previous()
                else "",
                next_url="?" + query.params(page=page.next_page_number()) if page.has_next() else "",
            )
        )
        cache.set(key, html, RESULTS_SECONDS)
    return html


@negotiated
def job_list(request: HttpRequest) -> HttpResponse:
    return cached_page(request, lambda: _job_list(request))


def _job_list(request: HttpRequest) -> HttpResponse:
    query = JobQuery.from_querydict(request.GET)
    results = _results_html(request, query)
    if getattr(request, "htmx", False):
        return HttpResponse(results)
    return HttpResponse(_page_around(request).fill(request, results))


# The page around the results is the same for every search but for the address in its language links:
# it is rendered once per language, host and path with markers where the results and the query string
# go, and each search fills them in (the same escaping the template applies).
_RESULTS_MARK = "tdresultsmark"
_QUERY_MARK = "tdquerymark"
_SLOTS = re.compile(rf"({_RESULTS_MARK}|%3F{_QUERY_MARK}|\?{_QUERY_MARK})")
_PAGES_HELD = 64


@dataclass(frozen=True)
class _Around:
    parts: tuple[str, ...]  # text, slot, text, slot, …, text

    def fill(self, request: HttpRequest, results: str) -> str:
        query = request.META.get("QUERY_STRING", "")
        # As request.get_full_path() writes it, then as the template wrote the marker there.
        asked = ("?" + iri_to_uri(query)) if query else ""
        values = {
            _RESULTS_MARK: results,
            f"?{_QUERY_MARK}": str(escape(asked)),
            f"%3F{_QUERY_MARK}": str(escape(quote(asked, safe="/"))),
        }
        parts = self.parts
        return "".join(part if n % 2 == 0 else values[part] for n, part in enumerate(parts))


_AROUND: dict[tuple[str, str, str, str], _Around] = {}


def _page_around(request: HttpRequest) -> _Around:
    key = (get_language() or "", request.scheme or "", request.get_host(), request.path_info)
    around = _AROUND.get(key)
    if around is None:
        marked = copy.copy(request)
        marked.META = {**request.META, "QUERY_STRING": _QUERY_MARK}
        html = render_to_string(
            "portal/jobs.html", {"results": mark_safe(_RESULTS_MARK), "query": JobQuery()}, request=marked
        )
        around = _Around(tuple(_SLOTS.split(html)))
        if len(_AROUND) >= _PAGES_HELD:
            _AROUND.clear()  # a bound on what odd hosts or paths can make a process hold
        _AROUND[key] = around
    return around


def _skill_names(ids: list[str]) -> list[str]:
    """Taxonomy ids (``llm-fine-tuning``) as the names a candidate reads, in the page's language."""
    skills = get_taxonomy().skills
    chinese = (get_language() or "en").startswith("zh")
    names = []
    for skill_id in ids:
        skill = skills.get(str(skill_id))
        names.append((skill.name_zh if chinese else skill.name_en) if skill is not None else str(skill_id))
    return names


def _domain_name(code: str) -> str:
    domain = get_taxonomy().domains.get(code) if code else None
    if domain is None:
        return code
    return domain.name_zh if (get_language() or "en").startswith("zh") else domain.name_en


def _employer_name(requisition: Requisition) -> str:
    """The employer a job board shows: ``TALENTDRIVE["EMPLOYER_NAME"]`` when set, else the business
    group the hiring team belongs to (the drive's name is a campaign, not an employer)."""
    configured = str(settings.TALENTDRIVE.get("EMPLOYER_NAME", "") or "").strip()
    if configured:
        return configured
    return str(requisition.plan_line.team.group.name)


def _bcp47(language: str | None) -> str:
    """Django's language code (``zh-hans``) as the BCP 47 tag schema.org expects (``zh-Hans``)."""
    return "zh-Hans" if (language or "en").lower().startswith("zh") else "en"


def _job_posting_ld(requisition: Requisition, request: HttpRequest, skills: list[str]) -> SafeString:
    """schema.org JobPosting, escaped so that no text can close the script element."""
    employment = "INTERN" if requisition.level == Level.INTERN else "FULL_TIME"
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": requisition.title,
        "description": requisition.description or requisition.title,
        "identifier": {"@type": "PropertyValue", "name": "Talent Drive", "value": requisition.external_id},
        "datePosted": (requisition.status_changed_at or requisition.created_at).date().isoformat(),
        "validThrough": requisition.drive.ends_on.isoformat(),
        "employmentType": employment,
        "hiringOrganization": {"@type": "Organization", "name": _employer_name(requisition)},
        "jobLocation": [
            {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": city.name_en,
                    "addressCountry": "CN",
                },
            }
            for city in requisition.cities.all()
        ],
        "directApply": True,
        "skills": ", ".join(skills),
        "url": request.build_absolute_uri(),
        "inLanguage": _bcp47(get_language()),
    }
    if requisition.min_years:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": requisition.min_years * 12,
        }
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@negotiated
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return cached_page(request, lambda: _job_detail(request, pk))


# Shown on a job page that no longer takes applications: other open jobs of the same focus area.
SIMILAR_JOBS = 5


def _job_gone(request: HttpRequest, pk: int) -> HttpResponse:
    """410 for a job that was public (paused, filled or closed): a link someone kept still leads
    somewhere useful. Drafts and unknown numbers were never public: 404."""
    requisition = (
        Requisition.objects.select_related("plan_line__focus_area")
        .filter(pk=pk)
        .exclude(status=RequisitionStatus.DRAFT)
        .first()
    )
    if requisition is None:
        raise Http404("no open job with this number")
    area = requisition.plan_line.focus_area
    similar = list(
        public_requisition_list()
        .filter(plan_line__focus_area=area, drive_id=requisition.drive_id)
        .exclude(pk=pk)[:SIMILAR_JOBS]
    )
    context = {
        "job": requisition,
        "similar_jobs": similar,
        "area": area,
        "area_url": reverse("portal:jobs") + "?" + urlencode({"area": area.code}),
    }
    return render(request, "portal/job_closed.html", context, status=410)


def _job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    requisition = public_requisition_list().select_related("plan_line__team__group").filter(pk=pk).first()
    if requisition is None:
        return _job_gone(request, pk)
    must = _skill_names(requisition.must_skills)
    nice = _skill_names(requisition.nice_skills)
    context = {
        "job": requisition,
        "must_skills": must,
        "nice_skills": nice,
        "domain": _domain_name(requisition.domain),
        "is_campus": requisition.plan_line.channel == Channel.CAMPUS,
        "channel_label": Channel(requisition.plan_line.channel).label,
        "json_ld": _job_posting_ld(requisition, request, must + nice),
    }
    return render(request, "portal/job_detail.html", context)
