"""The back office's front page: the drives and their headline figures."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from talentdrive.backoffice.access import is_staff_member, staff_view
from talentdrive.backoffice.views_interviews import interviews_home_context
from talentdrive.insights.selectors import drive_headlines
from talentdrive.pipeline.worklist import notes_mentioning, requisition_worklist
from talentdrive.plans import access as plans_access
from talentdrive.plans.selectors import drive_list
from talentdrive.resumes import access as resumes_access
from talentdrive.resumes.selectors import resume_files_check_latest

# The check runs daily; two days without a run means its schedule is missing.
FILES_CHECK_DUE = timedelta(days=2)


def files_check_context(request: HttpRequest) -> dict[str, object]:
    """For administrators: the latest résumé-file check when it found something, or that it stopped running
    (before the first run there is nothing to say: the demo and a new site have no schedule yet)."""
    if not resumes_access.resume_files_check_can_read(request.user):
        return {}
    latest = resume_files_check_latest(user=request.user)  # type: ignore[arg-type]
    overdue = latest is not None and latest.checked_at < timezone.now() - FILES_CHECK_DUE
    return {"files_check": latest, "files_check_overdue": overdue}


@staff_view(is_staff_member)
def home(request: HttpRequest) -> HttpResponse:
    drives = drive_list()
    show_figures = plans_access.plan_can_read(request.user)
    headlines = drive_headlines(user=request.user, drives=drives) if show_figures else {}  # type: ignore[arg-type]
    cards = [(drive, headlines.get(drive.pk)) for drive in drives] if show_figures else []
    worklist = requisition_worklist(user=request.user)  # type: ignore[arg-type]
    mentions = notes_mentioning(user=request.user)  # type: ignore[arg-type]
    return render(
        request,
        "backoffice/home.html",
        {
            "cards": cards,
            "show_figures": show_figures,
            "nav": "home",
            "worklist": worklist,
            "mentions": mentions,
            **interviews_home_context(request),
            **files_check_context(request),
        },
    )
