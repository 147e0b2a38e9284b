from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from talentdrive.pipeline.selectors import drive_public_counts
from talentdrive.plans.selectors import drive_list
from talentdrive.portal.language import negotiated
from talentdrive.portal.pagecache import cached_page

# Headline counts move slowly; a minute's staleness spares the database on busy evenings.
COUNTS_SECONDS = 60


@negotiated
def home(request: HttpRequest) -> HttpResponse:
    return cached_page(request, lambda: _home(request))


def _home(request: HttpRequest) -> HttpResponse:
    drive = drive_list().first()
    counts = None
    if drive is not None:
        key = f"portal:home-counts:{drive.pk}"
        counts = cache.get(key)
        if counts is None:
            counts = drive_public_counts(drive=drive)
            cache.set(key, counts, COUNTS_SECONDS)
    story = ""
    if drive is not None:
        story = drive.story_zh if (get_language() or "en").startswith("zh") else drive.story_en
    return render(request, "portal/home.html", {"drive": drive, "counts": counts, "story": story})
