"""The candidate decides: accepting fills one headcount of the requisition atomically; declining says why.

Accepting locks the plan line and then the requisition (the order ``plans.services`` locks them in, so
the two never deadlock), counts the requisition's hires and refuses when the headcount is full. Of two
offers accepted at once for the last headcount, one fills it and the other waits for the lock, finds no
room and is refused; that refusal is recorded on the offer, with an audit event, in a transaction of its
own, so the recruiter sees it on the application page even though the acceptance rolled back.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from talentdrive.audit.actors import Actor, system_actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.offers.errors import OfferRefused
from talentdrive.offers.models import Offer, OfferStatus
from talentdrive.offers.services import offer_event_emit, reason_required, shanghai_today, stage_of_kind
from talentdrive.pipeline.core import flow as flows
from talentdrive.pipeline.models import Application, Stage
from talentdrive.pipeline.moves import application_move
from talentdrive.plans.models import PlanLine, Requisition, RequisitionStatus
from talentdrive.plans.services import requisition_change_status
from talentdrive.webhooks.models import WebhookEvent

# Recorded on the offer when an acceptance is refused for want of room, for the recruiter to act on.
RECORDED_REFUSALS = ("headcount_filled", "requisition_not_open")


def offer_accept(*, offer_id: int, actor: Actor) -> Offer:
    """Accept a sent offer: the application moves to hired and, with the last headcount, the requisition
    becomes filled; the plan's progress counts the hire at once."""
    try:
        return _accept(offer_id=offer_id, actor=actor)
    except OfferRefused as error:
        if error.code in RECORDED_REFUSALS:
            _accept_refusal_record(offer_id=offer_id, code=error.code, actor=actor)
        raise


@transaction.atomic
def _accept(*, offer_id: int, actor: Actor) -> Offer:
    requisition_id, plan_line_id = (
        Offer.objects.filter(pk=offer_id).values_list("requisition_id", "requisition__plan_line_id").get()
    )
    PlanLine.objects.select_for_update().get(pk=plan_line_id)
    requisition = Requisition.objects.select_for_update().select_related("plan_line").get(pk=requisition_id)
    offer = Offer.objects.select_for_update().select_related("application").get(pk=offer_id)
    if offer.status != OfferStatus.SENT:
        raise OfferRefused("wrong_status", params={"status": OfferStatus(offer.status).label})
    if offer.expires_on < shanghai_today():
        raise OfferRefused("expired")
    if requisition.status == RequisitionStatus.FILLED:
        raise OfferRefused("headcount_filled")
    if requisition.status not in (RequisitionStatus.OPEN, RequisitionStatus.PAUSED):
        raise OfferRefused("requisition_not_open")
    hired = Application.objects.filter(requisition=requisition, stage=Stage.HIRED).count()
    if hired >= requisition.headcount:
        raise OfferRefused("headcount_filled")
    application = offer.application
    if application.stage != stage_of_kind(requisition, flows.OFFER):
        raise OfferRefused("not_at_offer_stage")
    application_move(
        application_id=application.pk,
        to_stage=stage_of_kind(requisition, flows.HIRED),
        actor=actor,
        expected_version=None,
        note="",
    )
    offer.status = OfferStatus.ACCEPTED
    offer.decided_at = timezone.now()
    offer.accept_refused_at, offer.accept_refused_code = None, ""
    offer.save(update_fields=["status", "decided_at", "accept_refused_at", "accept_refused_code"])
    filled = hired + 1 >= requisition.headcount
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_ACCEPT,
        target=offer,
        data={"hired": hired + 1, "headcount": requisition.headcount, "fills_requisition": filled},
    )
    offer_event_emit(offer=offer, event=WebhookEvent.OFFER_ACCEPTED, actor=actor)
    if filled:
        requisition_change_status(
            requisition=requisition,
            status=RequisitionStatus.FILLED,
            actor=system_actor("offer_accept"),
            reason=f"last headcount filled by offer {offer.pk}",
        )
    return offer


@transaction.atomic
def _accept_refusal_record(*, offer_id: int, code: str, actor: Actor) -> None:
    offer = Offer.objects.select_for_update().get(pk=offer_id)
    offer.accept_refused_at = timezone.now()
    offer.accept_refused_code = code
    offer.save(update_fields=["accept_refused_at", "accept_refused_code"])
    audit_record(actor=actor, action=AuditAction.OFFER_ACCEPT_REFUSED, target=offer, data={"code": code})


@transaction.atomic
def offer_decline(*, offer_id: int, actor: Actor, reason: str) -> Offer:
    """The candidate declines a sent offer, saying why; the application stays where it is."""
    offer = Offer.objects.select_for_update().select_related("application").get(pk=offer_id)
    if offer.status != OfferStatus.SENT:
        raise OfferRefused("wrong_status", params={"status": OfferStatus(offer.status).label})
    text = reason_required(reason)
    offer.status = OfferStatus.DECLINED
    offer.reason = text
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "reason", "decided_at"])
    audit_record(actor=actor, action=AuditAction.OFFER_DECLINE, target=offer, reason=text)
    offer_event_emit(offer=offer, event=WebhookEvent.OFFER_DECLINED, actor=actor)
    return offer
