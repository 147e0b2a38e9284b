"""Other open requisitions that fit an application's candidate, and inviting the person to apply to one.

Consent stays with the candidate: staff send an invitation with the job's link, and the person applies
or does not. Thin: ranking is ``matching.selectors.match_requisitions``, the email
``pipeline.correspondence.candidate_role_suggest``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.candidates.models import Candidate
from talentdrive.errors import DomainError
from talentdrive.matching import access as matching_access
from talentdrive.matching.explanations import match_sentences
from talentdrive.matching.fetch import requirements_for
from talentdrive.matching.selectors import MatchUnavailable, domain_name, match_requisitions, skill_names
from talentdrive.matching.services import match_index_serve
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.correspondence import candidate_role_suggest
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.selectors import application_get, role_suggestions_sent
from talentdrive.plans.models import City, Requisition
from talentdrive.plans.selectors import requisition_get

FITS_K = 10


def may_see_fits(user: Any) -> bool:
    """The roles that read candidates and may use ranking (``pipeline.access``, ``matching.access``)."""
    return pipeline_access.candidate_can_read(user) and matching_access.match_can_rank(user)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _application(request: HttpRequest, pk: int) -> Application:
    try:
        return application_get(user=_user(request), application_id=pk)
    except Application.DoesNotExist as error:
        raise Http404(str(error)) from error


@staff_view(may_see_fits)
def application_fits(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    application = _application(request, pk)
    candidate = application.candidate
    context: dict[str, Any] = {
        "nav": "requisitions",
        "application": application,
        "candidate": candidate,
        "rows": [],
        "can_suggest": pipeline_access.application_can_move(user, application)
        and candidate.erased_at is None
        and bool(candidate.email),
    }
    try:
        result = match_index_serve(
            read=lambda: match_requisitions(
                user=user,
                candidate_id=candidate.pk,
                k=FITS_K,
                channel=application.requisition.plan_line.channel,
            ),
            actor=user,
        )
    except Candidate.DoesNotExist:
        context["error"] = _("This person's personal data were erased; no roles are suggested.")
        return render(request, "backoffice/application_fits.html", context)
    except MatchUnavailable as error:
        context["error"] = str(error)
        return render(request, "backoffice/application_fits.html", context)
    names, taxonomy = skill_names(), get_taxonomy()
    cities = City.objects.in_bulk({requisition.plan_line.city_id for requisition, _ in result.matches})
    suggested = role_suggestions_sent(candidate=candidate)
    rows = []
    for requisition, match in result.matches:
        requirements = requirements_for(requisition, taxonomy)
        rows.append(
            (
                requisition,
                cities.get(requisition.plan_line.city_id),
                match,
                match_sentences(match, requirements, names, domain_name=domain_name(requirements.domain)),
                suggested.get(requisition.pk),
            )
        )
    context.update({"rows": rows, "result": result, "index_age_minutes": int(result.index_age_seconds // 60)})
    return render(request, "backoffice/application_fits.html", context)


@require_POST
@staff_view(may_see_fits)
def application_fits_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    """Email the candidate an invitation to apply to one of the roles on the page."""
    user = _user(request)
    application = _application(request, pk)
    try:
        number = id_from_form(request.POST.get("requisition", ""))
        if number is None:
            raise Requisition.DoesNotExist("no requisition chosen")
        requisition = requisition_get(user=user, requisition_id=number)
    except Requisition.DoesNotExist:
        messages.error(request, _("Choose a role to suggest."))
        return redirect("backoffice:application_fits", pk=pk)
    try:
        candidate_role_suggest(application=application, requisition=requisition, actor=user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("The candidate has been emailed an invitation to apply for %(title)s; applying is up to them.")
            % {"title": requisition.title},
        )
    if request.POST.get("back") == "pool":  # invited from the requisition's talent-pool ranking
        return redirect("backoffice:requisition_detail", pk=requisition.pk)
    return redirect("backoffice:application_fits", pk=pk)
