"""Offers in the back office: the panel on the application page, drafting, the approval and sending
buttons, "my approvals", and the letter. Thin: rules in ``offers/access.py``, writes in the offer services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.errors import DomainError
from talentdrive.offers import access as offers_access
from talentdrive.offers.errors import OfferLetterFontMissing
from talentdrive.offers.letters import offer_letter_pdf
from talentdrive.offers.models import MONEY_MAX, OUTSTANDING_STATUSES, Offer, OfferStatus
from talentdrive.offers.selectors import approvals_waiting_for, offer_get, offers_of_application
from talentdrive.offers.services import (
    offer_approve,
    offer_current_step,
    offer_draft,
    offer_reject_approval,
    offer_rescind,
    offer_send,
    offer_submit,
)
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.selectors import application_get
from talentdrive.plans.models import City, Level
from talentdrive.plans.services import PlanOverrideRequest


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def offers_panel(*, user: User, application: Application) -> dict[str, Any]:
    """The context of ``backoffice/application_offers.html`` on the application page."""
    rows = []
    offers = list(offers_of_application(user=user, application=application))
    for offer in offers:
        step = offer_current_step(offer)
        can_manage = offers_access.offer_can_manage(user, offer)
        rows.append(
            {
                "offer": offer,
                "step": step,
                "can_approve": step is not None
                and offer.status == OfferStatus.PENDING_APPROVAL
                and offers_access.approver_fits(user, step.approver, offer.requisition),
                "can_manage": can_manage,
                "can_rescind": can_manage and offer.status in OUTSTANDING_STATUSES,
            }
        )
    # One offer at a time: a new one is drafted once the outstanding one is answered or withdrawn.
    outstanding = any(offer.status in OUTSTANDING_STATUSES for offer in offers)
    return {
        "offer_rows": rows,
        "can_draft_offer": not outstanding and offers_access.offer_can_draft(user, application),
    }


class OfferForm(forms.Form):
    level = forms.ChoiceField(label=gettext_lazy("Level"), choices=Level.choices)
    salary = forms.IntegerField(
        label=gettext_lazy("Yearly base salary (CNY)"), min_value=1, max_value=MONEY_MAX
    )
    sign_on_bonus = forms.IntegerField(
        label=gettext_lazy("Sign-on bonus (CNY)"), min_value=0, max_value=MONEY_MAX, initial=0
    )
    start_date = forms.DateField(
        label=gettext_lazy("Start date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    city = forms.ModelChoiceField(label=gettext_lazy("City"), queryset=City.objects.none())
    expires_on = forms.DateField(
        label=gettext_lazy("Offer expires on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Letter language"), choices=[("zh-hans", "中文"), ("en", "English")]
    )
    override_reason = forms.CharField(
        label=gettext_lazy("Reason to exceed the plan line's target (administrators)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = application.requisition.cities.all()  # type: ignore[attr-defined]


def _application(request: HttpRequest, pk: int) -> Application:
    try:
        return application_get(user=_user(request), application_id=pk)
    except Application.DoesNotExist as error:
        raise Http404(str(error)) from error


@staff_view(pipeline_access.candidate_can_read)
def application_offer_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    application = _application(request, pk)
    if not offers_access.offer_can_draft(user, application):
        raise PermissionDenied("you may not draft offers for this application")
    requisition = application.requisition
    initial = {
        "level": requisition.level,
        "city": requisition.plan_line.city_id,
        "language": "zh-hans" if application.language.startswith("zh") else "en",
        "expires_on": timezone.localdate() + dt.timedelta(days=14),
    }
    form = OfferForm(request.POST or None, application=application, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reason = data.pop("override_reason").strip()
        try:
            offer_draft(
                application_id=application.pk,
                actor=user,
                override=PlanOverrideRequest(actor=user, reason=reason) if reason else None,
                **data,
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(request, _("Offer drafted; submit it for approval when it is ready."))
            return redirect("backoffice:application_detail", pk=application.pk)
    context = {"form": form, "application": application, "nav": "requisitions"}
    return render(request, "backoffice/offer_form.html", context)


def _offer(request: HttpRequest, pk: int) -> Offer:
    try:
        return offer_get(user=_user(request), offer_id=pk)
    except Offer.DoesNotExist as error:
        raise Http404("no such offer") from error


def _act(request: HttpRequest, pk: int, change: Callable[[Offer, User], str]) -> HttpResponse:
    """Run one offer service on an offer the user may read (else 404), then go back to where the user
    came from (the application page, or "my approvals") saying what happened or why not."""
    offer = _offer(request, pk)
    try:
        messages.success(request, change(offer, _user(request)))
    except DomainError as error:
        messages.error(request, str(error.message))
    if request.POST.get("back") == "approvals":
        return redirect("backoffice:my_approvals")
    return redirect("backoffice:application_detail", pk=offer.application_id)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def offer_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(offer: Offer, user: User) -> str:
        offer_submit(offer_id=offer.pk, actor=user)
        return _("Offer submitted for approval.")

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def offer_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(offer: Offer, user: User) -> str:
        note = request.POST.get("reason", "")[:2000]
        if request.POST.get("decision") == "reject":
            offer_reject_approval(offer_id=offer.pk, actor=user, reason=note)
            return _("Offer not approved.")
        offer_approve(offer_id=offer.pk, actor=user, note=note)
        return _("Approved.")

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def offer_send_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(offer: Offer, user: User) -> str:
        offer_send(offer_id=offer.pk, actor=user)
        return _("Offer sent: the candidate sees it on their status page.")

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def offer_rescind_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(offer: Offer, user: User) -> str:
        offer_rescind(offer_id=offer.pk, actor=user, reason=request.POST.get("reason", "")[:2000])
        return _("Offer rescinded.")

    return _act(request, pk, change)


def letter_response(offer: Offer, *, download: bool) -> HttpResponse:
    try:
        body = offer_letter_pdf(offer=offer)
    except DomainError as error:
        return HttpResponse(str(error.message), status=409, content_type="text/plain; charset=utf-8")
    except OfferLetterFontMissing as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="offer-{offer.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@staff_view(pipeline_access.candidate_can_read)
def offer_letter(request: HttpRequest, pk: int) -> HttpResponse:
    return letter_response(_offer(request, pk), download=True)


@staff_view(offers_access.approvals_can_list)
def my_approvals(request: HttpRequest) -> HttpResponse:
    offers = approvals_waiting_for(user=_user(request))
    rows = [(offer, offer_current_step(offer)) for offer in offers]
    return render(request, "backoffice/my_approvals.html", {"rows": rows, "nav": "approvals"})
