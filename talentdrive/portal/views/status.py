from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import PurePath

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentdrive.audit.actors import CANDIDATE
from talentdrive.candidates.models import Candidate
from talentdrive.hiring.closing import application_withdraw, candidate_erase
from talentdrive.interviews.errors import SlotRefused
from talentdrive.interviews.selectors import candidate_interviews_upcoming, candidate_slot_offers
from talentdrive.matching.services import match_index_forget_erased
from talentdrive.offers.selectors import candidate_offers
from talentdrive.pipeline.emails import send_status_link
from talentdrive.pipeline.flows import flows_for_requisitions
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.public_status import application_next_step, application_public_steps
from talentdrive.pipeline.ratelimits import apply_is_limited
from talentdrive.pipeline.selectors import (
    candidate_application_get,
    candidate_application_list,
    candidate_data_export,
    candidate_find_by_email,
    candidate_from_status_token,
    candidate_resumes_exported,
)
from talentdrive.pipeline.services import ApplicationRefused
from talentdrive.resumes.models import Resume
from talentdrive.resumes.selectors import resume_pending_list
from talentdrive.resumes.services import resume_confirm


def _number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and len(raw) < 12 else None


# What choosing a time can be refused for, as the status page says it (the code comes in the address).
SLOT_CHOICE_ERRORS = ("not_open", "not_offered", "taken", "passed")


def _slot_error(code: str) -> str:
    return str(SlotRefused.messages[code]) if code in SLOT_CHOICE_ERRORS else ""


def _candidate_or_refuse(request: HttpRequest, token: str) -> Candidate | HttpResponse:
    candidate = candidate_from_status_token(token=token)
    if candidate is None:
        return render(request, "portal/status_invalid.html", status=403)
    if candidate.erased_at is not None:
        return render(request, "portal/status_erased.html", status=410)
    return candidate


# Private pages: never kept by a browser's or a proxy's cache.
@never_cache
def status(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    listed = list(candidate_application_list(candidate=candidate))
    flows = flows_for_requisitions(application.requisition for application in listed)
    offers = list(candidate_offers(candidate=candidate))
    # An offer waiting for the candidate's answer is the next step of its application.
    answer_by = {offer.application_id: offer.expires_on for offer in offers if offer.is_open_to_candidate}
    applications = [
        (
            application,
            application_public_steps(application, flow=flows[application.requisition_id]),
            _("Your offer is below: read the letter and answer by %(date)s.")
            % {"date": answer_by[application.pk].isoformat()}
            if application.pk in answer_by
            else application_next_step(application),
        )
        for application in listed
    ]
    return render(
        request,
        "portal/status.html",
        {
            "token": token,
            "applications": applications,
            "withdrawn": request.GET.get("withdrawn"),
            "pending_resumes": list(resume_pending_list(candidate=candidate)),
            # portal/status_offers.html
            "offers": offers,
            # portal/status_interviews.html
            "slot_offers": candidate_slot_offers(candidate=candidate),
            "interviews": candidate_interviews_upcoming(candidate=candidate),
            "booked": _number(request.GET.get("booked")),
            "times_offer": _number(request.GET.get("times")),
            "times_error": _slot_error(request.GET.get("times_error", "")),
        },
    )


@never_cache
@require_POST
def status_resume_confirm(request: HttpRequest, token: str, resume_id: int) -> HttpResponse:
    """Holding the status link (mailed only to the address on file) proves the address: a résumé sent
    under it becomes the person's profile only from here."""
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    try:
        resume_confirm(candidate=candidate, resume_id=resume_id, actor=CANDIDATE)
    except Resume.DoesNotExist as error:
        raise Http404("no such resume") from error
    return redirect(reverse("portal:status", kwargs={"token": token}))


@never_cache
def status_withdraw(request: HttpRequest, token: str, application_id: int) -> HttpResponse:
    """Withdrawing asks first: the page says what it means, and only a confirmed POST withdraws."""
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    try:
        application = candidate_application_get(candidate=candidate, application_id=application_id)
    except Application.DoesNotExist as error:
        raise Http404("no such application") from error
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        context = {"token": token, "application": application, "error": request.method == "POST"}
        return render(request, "portal/status_withdraw.html", context)
    # Already withdrawn or closed: the status page shows where it stands.
    with contextlib.suppress(ApplicationRefused):
        application_withdraw(application=application, reason="withdrawn by the candidate", actor=CANDIDATE)
    return redirect(reverse("portal:status", kwargs={"token": token}) + f"?withdrawn={application_id}")


@never_cache
def status_data(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    body = json.dumps(candidate_data_export(candidate=candidate), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-application-data.json"'
    response["Cache-Control"] = "no-store"
    return response


def status_data_archive(request: HttpRequest, token: str) -> HttpResponse:
    """The person's data as a ZIP: the JSON above, readable as UTF-8 text in any language, and the
    résumé files they sent, as they sent them."""
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    body = json.dumps(candidate_data_export(candidate=candidate), ensure_ascii=False, indent=2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("my-application-data.json", body.encode("utf-8"))
        for resume in candidate_resumes_exported(candidate=candidate):
            name = PurePath(resume.original_name.replace("\\", "/")).name or "resume"
            try:
                with resume.file.open("rb") as handle:
                    archive.writestr(f"resumes/{resume.pk}-{name}", handle.read())
            except FileNotFoundError:
                # The JSON still lists it; the integrity check reports files missing from storage.
                continue
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="my-application-data.zip"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def status_erase(request: HttpRequest, token: str) -> HttpResponse:
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    error = False
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            candidate_erase(candidate=candidate, actor=CANDIDATE)
            # The pipeline may not reach matching; the stored index still holds the person's words.
            match_index_forget_erased(actor=CANDIDATE)
            return render(request, "portal/status_erased.html", {"just_erased": True})
        error = True
    return render(request, "portal/status_erase.html", {"token": token, "error": error})


class StatusLinkForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)


@never_cache
def status_request(request: HttpRequest) -> HttpResponse:
    """Send the status link again. The answer is the same whether or not the address is known."""
    form = StatusLinkForm(request.POST or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST":
        if apply_is_limited(request):
            context["limited"] = True
            return render(request, "portal/status_request.html", context, status=429)
        if form.is_valid():
            candidate = candidate_find_by_email(email=form.cleaned_data["email"])
            if candidate is not None:
                send_status_link(
                    candidate=candidate,
                    language=get_language() or "en",
                    base_url=request.build_absolute_uri("/"),
                )
            context["sent"] = True
    return render(request, "portal/status_request.html", context)
