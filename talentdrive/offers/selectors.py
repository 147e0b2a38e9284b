"""Reads of offers, narrowed by ``offers/access.py``; nothing here writes."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery

from talentdrive.accounts.models import Role
from talentdrive.offers import access
from talentdrive.offers.models import ApprovalStatus, ApproverKind, Offer, OfferApproval, OfferStatus
from talentdrive.offers.services import offer_current_step


def offer_list(*, user: Any) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(access.offer_scope(user))
        .select_related("application__candidate", "requisition__plan_line", "city")
        .prefetch_related("approvals__decided_by")
    )


def offer_get(*, user: Any, offer_id: int) -> Offer:
    """The offer if the user may read it; ``Offer.DoesNotExist`` alike for a missing and a hidden one."""
    return offer_list(user=user).get(pk=offer_id)


def offers_of_application(*, user: Any, application: Any) -> QuerySet[Offer]:
    return offer_list(user=user).filter(application=application)


def approvals_waiting_for(*, user: Any) -> list[Offer]:
    """Offers whose current approval step waits for this user (the "my approvals" page)."""
    if not access.approvals_can_list(user):
        return []
    pending = offer_list(user=user).filter(status=OfferStatus.PENDING_APPROVAL).order_by("created_at", "pk")
    waiting = []
    for offer in pending:
        step = offer_current_step(offer)
        decided_by = {a.decided_by_id for a in offer.approvals.all()}
        fits = step is not None and access.approver_fits(user, step.approver, offer.requisition)
        if fits and user.pk not in decided_by:
            waiting.append(offer)
    return waiting


def candidate_offers(*, candidate: Any) -> QuerySet[Offer]:
    """What the candidate sees on their status page: offers sent to them and their outcome."""
    shown = (OfferStatus.SENT, OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED)
    return (
        Offer.objects.filter(application__candidate=candidate, status__in=shown)
        .select_related("requisition", "city", "application")
        .order_by("-sent_at", "-pk")
    )


def candidate_offer_get(*, candidate: Any, offer_id: int) -> Offer:
    return (
        candidate_offers(candidate=candidate)
        .select_related("application__candidate", "requisition__plan_line__team__group")
        .get(pk=offer_id)
    )


def approvals_waiting_exist(*, user: Any) -> bool:
    """Whether some offer's current step waits for this user's kind of approver: the navigation's link,
    in one query (it does not look at who approved earlier steps; the page itself does)."""
    if not access.approvals_can_list(user):
        return False
    current = OfferApproval.objects.filter(offer=OuterRef("pk"), status=ApprovalStatus.PENDING).order_by(
        "position"
    )
    offers = Offer.objects.filter(status=OfferStatus.PENDING_APPROVAL).annotate(
        current_approver=Subquery(current.values("approver")[:1])
    )
    mine = Q(current_approver=ApproverKind.HIRING_MANAGER, requisition__hiring_manager=user)
    if user.is_drive_admin:
        mine = (
            Q(current_approver__in=[ApproverKind.HR_HEAD, ApproverKind.ADMINISTRATOR])
            | Q(current_approver=ApproverKind.HIRING_MANAGER, requisition__hiring_manager__isnull=True)
            | mine
        )
    elif user.role == Role.LEADERSHIP:
        mine = Q(current_approver=ApproverKind.HR_HEAD)
    return offers.filter(mine).exists()
