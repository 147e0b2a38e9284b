"""The back office's front page: the drives and their headline figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from talentdrive.backoffice.access import ALL_STAFF, PLAN_READERS, has_role, staff_view
from talentdrive.insights.selectors import drive_headlines
from talentdrive.plans.selectors import drive_list


@staff_view(ALL_STAFF)
def home(request: HttpRequest) -> HttpResponse:
    drives = drive_list()
    show_figures = has_role(request.user, PLAN_READERS)
    headlines = drive_headlines(user=request.user, drives=drives) if show_figures else {}  # type: ignore[arg-type]
    cards = [(drive, headlines.get(drive.pk)) for drive in drives] if show_figures else []
    return render(
        request,
        "backoffice/home.html",
        {"cards": cards, "show_figures": show_figures, "nav": "home"},
    )
