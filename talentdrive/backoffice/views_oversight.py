"""The oversight of automated screening: requisitions with their four-fifths ratios, and one requisition's
scores and selection rates by volunteered group and who moved applicants past higher-ranked ones.

Thin: the figures come from ``insights/oversight.py``; the scores from the ranked list, read through
``match_index_serve`` like the workspace's, so an index being built is said in words rather than hidden.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.backoffice.views_dashboard import BarRow, _width
from talentdrive.candidates import access as candidates_access
from talentdrive.insights.core.oversight import BINS, FOUR_FIFTHS, NO_GROUP
from talentdrive.insights.oversight import oversight_list, requisition_oversight
from talentdrive.matching.selectors import MatchUnavailable, match_applicants
from talentdrive.matching.services import match_index_serve
from talentdrive.plans.models import Requisition
from talentdrive.plans.selectors import drive_list, requisition_get

GROUP_LABELS = {
    "woman": gettext_lazy("Women"),
    "man": gettext_lazy("Men"),
    "another": gettext_lazy("Another gender"),
    NO_GROUP: gettext_lazy("Did not say"),
}


def group_label(code: str) -> str:
    return str(GROUP_LABELS.get(code, code))


def _scores(user: User, requisition: Requisition) -> tuple[dict[int, float] | None, str]:
    candidate_ids = list(requisition.applications.values_list("candidate_id", flat=True))
    try:
        ranking = match_index_serve(
            read=lambda: match_applicants(user=user, requisition=requisition, candidate_ids=candidate_ids),
            actor=user,
        )
    except MatchUnavailable as error:
        return None, _("Scores cannot be shown now: %(reason)s") % {"reason": error}
    return {key: match.score for key, match in ranking.matches.items()}, ""


@staff_view(candidates_access.group_data_can_read)
def oversight(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    requisition_id = id_from_form(request.GET.get("requisition", ""))
    if requisition_id is None:
        drives = list(drive_list())
        if not drives:
            return render(request, "backoffice/no_drive.html", {"nav": "oversight"})
        drive = next((d for d in drives if d.code == request.GET.get("drive")), drives[0])
        return render(
            request,
            "backoffice/oversight_list.html",
            {
                "nav": "oversight",
                "drive": drive,
                "drives": drives,
                "rows": oversight_list(user=user, drive=drive),
                "four_fifths": FOUR_FIFTHS,
            },
        )
    try:
        requisition = requisition_get(user=user, requisition_id=requisition_id)
    except Requisition.DoesNotExist as missing:
        raise Http404(str(missing)) from missing
    scores, problem = _scores(user, requisition)
    figures = requisition_oversight(user=user, requisition=requisition, scores=scores)
    widest = max([max(g.histogram) for g in figures.groups] + [1])
    histograms = [
        (
            group_label(g.group),
            g,
            [
                BarRow(f"{i / BINS:.1f}–{(i + 1) / BINS:.1f}", count, _width(count, widest))
                for i, count in enumerate(g.histogram)
            ],
        )
        for g in figures.groups
    ]
    return render(
        request,
        "backoffice/oversight_requisition.html",
        {
            "nav": "oversight",
            "figures": figures,
            "groups": [
                (group_label(g.group), g, _width(g.rate or 0, 1), _width(FOUR_FIFTHS, 1))
                for g in figures.groups
            ],
            "histograms": histograms,
            "problem": problem,
            "four_fifths": FOUR_FIFTHS,
        },
    )
