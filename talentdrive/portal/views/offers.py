"""The candidate's offers on their status page: the letter, accepting (after a confirmation) and declining
(with a reason). The decisions are the offer services'; this module only asks and shows."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentdrive.audit.actors import CANDIDATE
from talentdrive.candidates.models import Candidate
from talentdrive.offers.acceptance import offer_accept, offer_decline
from talentdrive.offers.errors import OfferLetterFontMissing, OfferRefused
from talentdrive.offers.letters import offer_letter_pdf
from talentdrive.offers.models import Offer
from talentdrive.offers.selectors import candidate_offer_get
from talentdrive.portal.views.status import _candidate_or_refuse


def _offer(candidate: Candidate, offer_id: int) -> Offer:
    try:
        return candidate_offer_get(candidate=candidate, offer_id=offer_id)
    except Offer.DoesNotExist as error:
        raise Http404("no such offer") from error


def _status_page(token: str, offer_id: int) -> str:
    return reverse("portal:status", kwargs={"token": token}) + f"#offer-{offer_id}"


@never_cache
def offer_accept_view(request: HttpRequest, token: str, offer_id: int) -> HttpResponse:
    """Accepting asks first; only a confirmed POST accepts."""
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    offer = _offer(candidate, offer_id)
    error = None
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            offer_accept(offer_id=offer.pk, actor=CANDIDATE)
        except OfferRefused as refusal:
            error = refusal.message
        else:
            return redirect(_status_page(token, offer.pk))
    context = {"token": token, "offer": offer, "error": error}
    return render(request, "portal/status_offer_accept.html", context, status=409 if error else 200)


@require_POST
@never_cache
def offer_decline_view(request: HttpRequest, token: str, offer_id: int) -> HttpResponse:
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    offer = _offer(candidate, offer_id)
    try:
        offer_decline(offer_id=offer.pk, actor=CANDIDATE, reason=request.POST.get("reason", "")[:2000])
    except OfferRefused as refusal:
        context = {"token": token, "offer": offer, "error": refusal.message}
        return render(request, "portal/status_offer_accept.html", context, status=400)
    return redirect(_status_page(token, offer.pk))


@never_cache
def offer_letter_view(request: HttpRequest, token: str, offer_id: int) -> HttpResponse:
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    offer = _offer(candidate, offer_id)
    try:
        body = offer_letter_pdf(offer=offer)
    except OfferLetterFontMissing:
        message = _(
            "Your offer letter cannot be written at the moment. Please try again later or ask your recruiter."
        )
        return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="offer-{offer.pk}.pdf"'
    return response
