from __future__ import annotations

from functools import partial

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from talentdrive.audit.actors import PUBLIC
from talentdrive.candidates.consent import current_consent
from talentdrive.pipeline.core.uploads import UploadRejected
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.services import (
    ApplicationRefused,
    SubmitOutcome,
    application_submit,
    submission_fingerprint,
)
from talentdrive.plans.models import Channel, Requisition, RequisitionStatus
from talentdrive.portal.emails import send_application_confirmation
from talentdrive.portal.forms import ApplyForm, upload_message
from talentdrive.portal.ratelimits import apply_is_limited

_APPLIED_SALT = "talentdrive.portal.applied"

REFUSALS = {
    "closed": _("This job is no longer taking applications. Have a look at the other open jobs."),
    "cap": _(
        "You already have the maximum number of active campus applications in this drive. "
        "Withdraw one from your status page to apply for another."
    ),
    "consent": _("The consent text has changed. Read it again and tick the box to continue."),
    "contact": _("Give an email address or a phone number we can reach you at."),
}


def _requisition_or_404(pk: int) -> Requisition:
    requisition = (
        Requisition.objects.select_related("plan_line", "drive")
        .prefetch_related("cities")
        .filter(pk=pk)
        .first()
    )
    if requisition is None or requisition.status == RequisitionStatus.DRAFT:
        raise Http404("no such job")
    return requisition


def apply(request: HttpRequest, pk: int) -> HttpResponse:
    requisition = _requisition_or_404(pk)
    campus = requisition.plan_line.channel == Channel.CAMPUS
    window = (requisition.graduation_from, requisition.graduation_to)
    language = get_language() or "en"
    context = {"job": requisition, "is_campus": campus, "consent_text": current_consent().text_for(language)}
    if requisition.status != RequisitionStatus.OPEN:
        return render(request, "portal/apply_closed.html", context, status=410)
    if request.method != "POST":
        context["form"] = ApplyForm(campus=campus, graduation_window=window)
        return render(request, "portal/apply.html", context)

    form = ApplyForm(request.POST, request.FILES, campus=campus, graduation_window=window)
    context["form"] = form
    if form.is_robot:
        form.add_error(None, _("Your application could not be accepted. Please try again."))
        return render(request, "portal/apply.html", context, status=400)
    if apply_is_limited(request):
        form.add_error(
            None, _("Too many applications from here in a short time. Wait a few minutes and try again.")
        )
        return render(request, "portal/apply.html", context, status=429)
    if not form.is_valid():
        return render(request, "portal/apply.html", context, status=400)
    try:
        outcome = _submit(requisition.pk, form, language)
    except ApplicationRefused as refused:
        form.add_error(None, REFUSALS.get(refused.code, REFUSALS["closed"]))
        return render(request, "portal/apply.html", context, status=409)
    except UploadRejected as rejected:
        form.add_error("resume", upload_message(rejected.code))
        return render(request, "portal/apply.html", context, status=400)
    if outcome.created or outcome.already_applied:
        send_application_confirmation(
            application=outcome.application,
            base_url=request.build_absolute_uri("/"),
            again=outcome.already_applied,
        )
    token = signing.dumps({"a": outcome.application.pk, "again": outcome.already_applied}, salt=_APPLIED_SALT)
    return redirect(reverse("portal:applied", kwargs={"token": token}))


def _submit(requisition_id: int, form: ApplyForm, language: str) -> SubmitOutcome:
    """Submit the form once: sent again (a double click, a retry), it answers with the same application.

    The form's hidden key names one submission of one person. The same page sent by someone else (a
    shared computer at a campus talk, the Back button) is a new application, not a repeat: the key's
    fingerprint of the job and email tells them apart, and theirs is submitted under a key of their own,
    made from both, so that their own retries repeat it.
    """
    key = form.cleaned_data["submission_key"]
    fingerprint = submission_fingerprint(requisition_id=requisition_id, email=form.cleaned_data["email"])
    submit = partial(
        application_submit,
        requisition_id=requisition_id,
        applicant=form.applicant(language=language),
        resume=form.cleaned_data["resume"],
        idempotency_fingerprint=fingerprint,
        actor=PUBLIC,
    )
    try:
        return submit(idempotency_key=f"portal:{key}")
    except ApplicationRefused as refused:
        if refused.code != "key_reused":
            raise
    return submit(idempotency_key=f"portal:{key[:60]}:{fingerprint[:24]}")


@never_cache
def applied(request: HttpRequest, token: str) -> HttpResponse:
    """The confirmation page. It names the job only: the status link goes to the email on file."""
    try:
        data = signing.loads(token, salt=_APPLIED_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature as error:
        raise Http404("unknown confirmation") from error
    application = Application.objects.select_related("requisition").filter(pk=data.get("a")).first()
    if application is None:
        raise Http404("unknown confirmation")
    return render(
        request,
        "portal/applied.html",
        {"application": application, "job": application.requisition, "again": bool(data.get("again"))},
    )
