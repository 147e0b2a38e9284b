"""The job search's form, filters and results as HTML, written in Python.

Every keyword search renders this part of the page anew (no cache can answer a keyword nobody asked
before), and the template language spent half of such a search's time on it: a tag per translated
word, a lookup per dotted name. Here each piece is one formatted string; the escaping is the one the
template applied (every value escaped unless it is already safe HTML), and the words are the same
translation messages, so the page reads the same in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape as _escape_text
from urllib.parse import quote

from django.core.paginator import Page
from django.urls import reverse
from django.utils.safestring import SafeData, SafeString
from django.utils.translation import gettext, ngettext

from talentdrive.matching.job_search import JobQuery, Suggestions


def _e(value: object) -> str:
    """A value as the template printed it: safe HTML as it is, anything else escaped."""
    if isinstance(value, SafeData):
        return str(value)
    return _escape_text(str(value))


# A job number no job has, reversed in its place and then replaced by each job's own.
_MARK = 918273645


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options_html: SafeString
    open: bool


@dataclass(frozen=True)
class Chip:
    group: str
    label: str
    url: str


@dataclass(frozen=True)
class SearchView:
    """What one search shows, computed by the view; ``render`` writes it."""

    query: JobQuery
    page: Page
    jobs_url: str
    facet_groups: Sequence[FacetGroup]
    selected_filters: Sequence[tuple[str, str]]
    chips: Sequence[Chip]
    rows: Sequence[SafeString]
    suggestions: Suggestions | None
    previous_url: str
    next_url: str


def _selected(flag: bool) -> str:
    return " selected" if flag else ""


def _form(view: SearchView) -> Iterable[str]:
    query, url = view.query, _e(view.jobs_url)
    order = query.order
    yield (
        f'<form class="search" method="get" action="{url}" role="search"\n'
        f'      hx-get="{url}" hx-trigger="submit, change" hx-target="#search" hx-select="#search" '
        'hx-swap="outerHTML" hx-push-url="true">\n'
        '  <div class="field keyword">\n'
        f'    <label for="id_q">{_e(gettext("Keyword"))}</label>\n'
        f'    <input type="search" id="id_q" name="q" value="{_e(query.q)}" '
        f'placeholder="{_e(gettext("e.g. multimodal, 大模型, agent"))}">\n'
        "  </div>\n  "
    )
    for name, value in view.selected_filters:
        yield f'<input type="hidden" name="{_e(name)}" value="{_e(value)}">'
    yield (
        '\n  <div class="field">\n'
        f'    <label for="id_sort">{_e(gettext("Sort by"))}</label>\n'
        '    <select id="id_sort" name="sort">\n      '
    )
    if query.q:
        yield (f'<option value=""{_selected(order == "relevance")}>{_e(gettext("Best match"))}</option>')
    yield (
        f'\n      <option value="{"newest" if query.q else ""}"{_selected(order == "newest")}>'
        f"{_e(gettext('Newest'))}</option>\n"
        f'      <option value="title"{_selected(order == "title")}>{_e(gettext("Title"))}</option>\n'
        f'      <option value="headcount"{_selected(order == "headcount")}>'
        f"{_e(gettext('Most positions'))}</option>\n"
        "    </select>\n  </div>\n"
        f'  <div class="field actions"><button type="submit">{_e(gettext("Search"))}</button>\n'
        f'  <a href="{url}">{_e(gettext("Clear filters"))}</a></div>\n'
        "</form>\n"
    )


def _facets(view: SearchView, count: int) -> Iterable[str]:
    filters = gettext("Filters")
    badge = f' <span class="badge">{len(view.selected_filters)}</span>' if view.selected_filters else ""
    jobs = ngettext("%(counter)s job", "%(counter)s jobs", count) % {"counter": count}
    yield (
        '<div class="layout" hx-boost="true" hx-target="#search" hx-select="#search" hx-swap="outerHTML">\n'
        '<button type="button" class="secondary facets-toggle" aria-expanded="false" aria-controls="facets">\n'
        f"  <span>{_e(filters)}</span>{badge}\n"
        f'  <span class="toggle-count">· {jobs}</span>\n'
        "</button>\n"
        f'<nav class="facets" id="facets" aria-label="{_e(filters)}">\n'
        f'  <p class="hint">{_e(gettext("Choose several values to see jobs with any of them."))}</p>\n'
    )
    for group in view.facet_groups:
        yield (
            f"  <details{' open' if group.open else ''}>\n"
            f"    <summary>{_e(group.label)}</summary>\n"
            f"    <ul>{group.options_html}</ul>\n"
            "  </details>\n"
        )
    yield "</nav>\n"


def _chips(view: SearchView) -> Iterable[str]:
    if not view.chips:
        return
    url = _e(view.jobs_url)
    yield f'<ul class="chips" aria-label="{_e(gettext("Active filters"))}">\n  '
    for chip in view.chips:
        remove = gettext("Remove filter %(group)s:") % {"group": _e(chip.group)}
        yield (
            f'<li><a href="{url}{_e(chip.url)}" data-chip="{_e(chip.label)}">'
            f'<span class="visually-hidden">{remove} </span>{_e(chip.label)} '
            '<span aria-hidden="true">×</span></a></li>'
        )
    if len(view.chips) > 1:
        keyword = f"?q={_e(quote(view.query.q, safe='/'))}" if view.query.q else ""
        yield (f'\n  <li><a class="clear" href="{url}{keyword}">{_e(gettext("Remove all filters"))}</a></li>')
    yield "\n</ul>"


def _suggestions(view: SearchView) -> Iterable[str]:
    suggestions = view.suggestions
    if not suggestions:
        return
    url = _e(view.jobs_url)
    yield '<div class="suggestions">\n  '
    if suggestions.query:
        yield (
            f'<p class="did-you-mean">{_e(gettext("Did you mean:"))} '
            f'<a href="{url}{_e(suggestions.url)}">{_e(suggestions.query)}</a></p>'
        )
    if suggestions.related:
        yield f'\n  <h2>{_e(gettext("Related jobs"))}</h2>\n  <ol class="jobs related" hx-boost="false">'
        # One reversal for all the links: a job's address differs from another's only by its number.
        address = _e(reverse("portal:job", args=[_MARK])).replace(str(_MARK), "{}")
        for job in suggestions.related:
            link = address.format(int(job.pk))
            yield f'\n    <li class="job"><a href="{link}">{_e(job.title)}</a></li>\n  '
        yield "</ol>"
    yield "\n</div>"


def _pages(view: SearchView) -> Iterable[str]:
    paginator = view.page.paginator
    if paginator.num_pages <= 1:
        return
    url = _e(view.jobs_url)
    yield f'<nav class="pages" aria-label="{_e(gettext("Pages"))}">\n  '
    if view.previous_url:
        yield f'<a rel="prev" href="{url}{_e(view.previous_url)}">{_e(gettext("Previous"))}</a>'
    label = gettext("Page %(number)s of %(total)s") % {
        "number": view.page.number,
        "total": paginator.num_pages,
    }
    yield f"\n  <span>{label}</span>\n  "
    if view.next_url:
        yield f'<a rel="next" href="{url}{_e(view.next_url)}">{_e(gettext("Next"))}</a>'
    yield "\n</nav>\n"


def render(view: SearchView) -> str:
    """The ``#search`` element: the form, the filters, the results and what to try instead."""
    count = view.page.paginator.count
    found = ngettext("%(counter)s job found", "%(counter)s jobs found", count) % {"counter": count}
    parts = ['<div id="search">\n', *_form(view), *_facets(view, count)]
    parts.append(f'<div class="results">\n<p class="result-count" role="status">{found}</p>\n')
    parts.extend(_chips(view))
    parts.append('\n<ol class="jobs" hx-boost="false">\n')
    if view.rows:
        parts.extend(f"{row}\n" for row in view.rows)
    else:
        empty = gettext("No open job matches these filters. Remove a filter or try another keyword.")
        parts.append(f'  <li class="empty">{_e(empty)}</li>\n')
    parts.append("</ol>\n")
    parts.extend(_suggestions(view))
    parts.append("\n")
    parts.extend(_pages(view))
    parts.append("</div>\n</div>\n</div>\n")
    return "".join(parts)
