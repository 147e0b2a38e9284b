"""The candidate's interviews on their status page: choosing one of the times offered. Booking is the
interview services'; this module only shows and asks."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentdrive.audit.actors import CANDIDATE
from talentdrive.interviews.errors import SlotRefused
from talentdrive.interviews.models import SlotOffer
from talentdrive.interviews.selectors import candidate_slot_offer_get
from talentdrive.interviews.slots import interview_slot_pick
from talentdrive.portal.views.status import _candidate_or_refuse


@require_POST
@never_cache
def slot_pick_view(request: HttpRequest, token: str, offer_id: int) -> HttpResponse:
    candidate = _candidate_or_refuse(request, token)
    if isinstance(candidate, HttpResponse):
        return candidate
    try:
        offer = candidate_slot_offer_get(candidate=candidate, offer_id=offer_id)
    except SlotOffer.DoesNotExist as error:
        raise Http404("no such times") from error
    status_page = reverse("portal:status", kwargs={"token": token})
    try:
        starts_at = dt.datetime.fromisoformat(request.POST.get("starts_at", ""))
        if starts_at.tzinfo is None:
            raise ValueError("no time zone")
    except ValueError:
        return redirect(f"{status_page}?times_error=not_offered&times={offer.pk}#times-{offer.pk}")
    try:
        interview = interview_slot_pick(
            offer_id=offer.pk, candidate_id=candidate.pk, starts_at=starts_at, actor=CANDIDATE
        )
    except SlotRefused as refusal:
        return redirect(f"{status_page}?times_error={refusal.code}&times={offer.pk}#times-{offer.pk}")
    return redirect(f"{status_page}?booked={interview.pk}#interview-{interview.pk}")
