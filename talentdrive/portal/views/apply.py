"""Applying on the career site: the page around ``application_submit``, which decides everything."""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_htmx.http import HttpResponseClientRedirect

from talentdrive.audit.actors import PUBLIC
from talentdrive.campus.talks import talk_attribute_application
from talentdrive.candidates.consent import current_consent
from talentdrive.errors import DomainError
from talentdrive.pipeline.errors import ApplicationRefused
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.ratelimits import apply_is_limited
from talentdrive.pipeline.rules import application_rules
from talentdrive.pipeline.selectors import requisition_check_open, requisition_public_get
from talentdrive.pipeline.services import application_submit
from talentdrive.portal.forms import ApplyForm
from talentdrive.portal.kept import resume_kept_discard

_APPLIED_SALT = "talentdrive.portal.applied"


def apply(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        requisition = requisition_public_get(requisition_id=pk)
    except ApplicationRefused as refused:
        raise Http404("no such job") from refused
    rules = application_rules(requisition)
    language = get_language() or "en"
    context = {
        "job": requisition,
        "is_campus": rules.campus,
        "consent_text": current_consent().text_for(language),
    }
    try:
        requisition_check_open(requisition)
    except ApplicationRefused:
        return render(request, "portal/apply_closed.html", context, status=410)
    if request.method != "POST":
        context["form"] = ApplyForm(rules=rules)
        return render(request, "portal/apply.html", context)

    form = ApplyForm(request.POST, request.FILES, rules=rules)
    context["form"] = form
    if form.is_robot:
        form.add_error(None, _("Your application could not be accepted. Please try again."))
        return render(request, "portal/apply.html", context, status=400)
    if apply_is_limited(request, email=request.POST.get("email", "")):
        form.add_error(
            None, _("Too many applications from here in a short time. Wait a few minutes and try again.")
        )
        return render(request, "portal/apply.html", context, status=429)
    if not form.is_valid():
        form.keep_resume()
        return render(request, "portal/apply.html", context, status=400)
    try:
        outcome = application_submit(
            requisition_id=requisition.pk,
            applicant=form.applicant(language=language, source_default="portal"),
            resume=form.cleaned_data["resume"],
            # The hidden key names one submission of this page; another person sending the same page
            # (a shared computer, the Back button) is a submission of their own.
            idempotency_key=f"portal:{form.cleaned_data['submission_key']}",
            shared_key=True,
            confirmation_base_url=request.build_absolute_uri("/"),
            actor=PUBLIC,
        )
    except DomainError as error:
        form.add_domain_error(error)
        form.keep_resume()
        status = 409 if isinstance(error, ApplicationRefused) else 400
        return render(request, "portal/apply.html", context, status=status)
    # Someone who registered for one of the drive's campus talks came through it: the talk is the source.
    talk_attribute_application(application_id=outcome.application.pk, actor=PUBLIC)
    # The page is the same whether this person had applied before or not: the email to the address on
    # file says which, so knowing someone's address teaches nothing about their application.
    if form.kept_token:
        resume_kept_discard(form.kept_token)
    token = signing.dumps({"a": outcome.application.pk}, salt=_APPLIED_SALT)
    done = reverse("portal:applied", kwargs={"token": token})
    if getattr(request, "htmx", False):
        # The page sent itself with a progress bar: the browser goes on to the confirmation.
        return HttpResponseClientRedirect(done)
    return redirect(done)


@never_cache
def applied(request: HttpRequest, token: str) -> HttpResponse:
    """The confirmation page. It names the job only, and says the same to a first and a repeated
    application: the status link, and whether this was a repeat, go to the email on file."""
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
        {"job": application.requisition},
    )
