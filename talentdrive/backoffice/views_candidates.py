"""The candidates workspace: search across the drive, and records that look like one person.

Thin: the rules are in ``pipeline/access.py``, the reads in ``pipeline/search.py``, the merges in
``pipeline/duplicates.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.candidates.models import Candidate, Tag
from talentdrive.errors import DomainError
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.core import duplicates as rule
from talentdrive.pipeline.duplicates import candidate_merge, candidate_merge_confirm, candidate_merge_undo
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.search import (
    candidate_duplicate_pairs,
    candidate_merge_pending_list,
    candidate_search,
)

PAGE_SIZE = 25
REASONS = {
    rule.SAME_SCHOOL: gettext_lazy("same school"),
    rule.SIMILAR_EMAIL: gettext_lazy("similar email address"),
    rule.SHARED_CONTACT: gettext_lazy("a contact detail in the other's résumé"),
}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _label_stages(candidates: Iterable[Candidate]) -> None:
    """Give each shown application ``stage_label``, its stage's name in the reader's language; one flow
    read per kind of requisition (drive, channel, programme, rounds) on the page, not per row."""
    chinese = (get_language() or "en").startswith("zh")
    flows: dict[tuple[Any, ...], dict[str, str]] = {}
    for candidate in candidates:
        for application in candidate.visible_applications:  # type: ignore[attr-defined]
            requisition = application.requisition
            key = (
                requisition.drive_id,
                requisition.plan_line.channel,
                requisition.programme_eligible,
                requisition.technical_rounds,
            )
            if key not in flows:
                flow = flow_for_requisition(requisition)
                flows[key] = {
                    stage.code: stage.name_zh if chinese else stage.name_en for stage in flow.stages
                }
            application.stage_label = flows[key].get(application.stage, application.stage)


@staff_view(pipeline_access.candidate_can_read)
def candidate_list(request: HttpRequest) -> HttpResponse:
    q = (request.GET.get("q") or "").strip()[:100]
    tag = (request.GET.get("tag") or "").strip()[:40]
    results = candidate_search(user=_user(request), q=q, tag=tag)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    _label_stages(page.object_list)
    context = {
        "nav": "candidates",
        "q": q,
        "tag": tag,
        "tags": Tag.objects.all(),
        "page": page,
        "query": urlencode({"q": q, "tag": tag}),
        "searched": bool(q or tag),
    }
    return render(request, "backoffice/candidates.html", context)


@staff_view(pipeline_access.candidate_duplicates_can_list)
def candidate_duplicates(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    context = {
        "nav": "candidates",
        "pairs": [
            (pair, [str(REASONS[reason]) for reason in pair.reasons])
            for pair in candidate_duplicate_pairs(user=user)
        ],
        "pending": candidate_merge_pending_list(user=user),
    }
    return render(request, "backoffice/candidate_duplicates.html", context)


def _candidate(raw: str) -> Candidate | None:
    number = id_from_form(raw)
    return Candidate.objects.filter(pk=number).first() if number is not None else None


@require_POST
@staff_view(pipeline_access.candidate_duplicates_can_list)
def candidate_merge_view(request: HttpRequest) -> HttpResponse:
    """Merge the pair posted from the duplicates page: ``keep`` stays, ``merge`` joins it."""
    keep, merge = _candidate(request.POST.get("keep", "")), _candidate(request.POST.get("merge", ""))
    if keep is None or merge is None:
        messages.error(request, _("Choose which of the two records to keep."))
        return redirect("backoffice:candidate_duplicates")
    try:
        candidate_merge(keep=keep, merge=merge, actor=_user(request))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Merged. The merge can be undone until it is confirmed."))
    return redirect("backoffice:candidate_duplicates")


@require_POST
@staff_view(pipeline_access.candidate_duplicates_can_list)
def candidate_merge_decide(request: HttpRequest) -> HttpResponse:
    """Undo or confirm a pending merge (``merge`` and ``decision`` posted)."""
    merge_id = id_from_form(request.POST.get("merge", ""))
    decision = request.POST.get("decision", "")
    if merge_id is None or decision not in ("undo", "confirm"):
        messages.error(request, _("Choose a merge and whether to undo or confirm it."))
        return redirect("backoffice:candidate_duplicates")
    try:
        if decision == "undo":
            candidate_merge_undo(merge_id=merge_id, actor=_user(request))
            messages.success(request, _("The merge was undone: both records are as they were."))
        else:
            candidate_merge_confirm(merge_id=merge_id, actor=_user(request))
            messages.success(
                request, _("The merge is confirmed; the merged record's personal data is erased.")
            )
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("backoffice:candidate_duplicates")
