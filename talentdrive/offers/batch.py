"""Batch offers after an interview day: one package, several applicants of one requisition, all or none.

Each offer is drafted by ``offer_draft`` (its access check, its band and date rules, its audit event)
and, when asked, submitted into its approval chain by ``offer_submit``; nothing here writes an offer
itself. What the batch adds: the requisition must be open, and the whole selection must fit both the
requisition's open headcount and the plan line's remaining headcount (hires plus offers in progress
against each; a batch never overrides the plan — one offer past the target
goes through the single offer form, where an administrator may override with a reason), and any
refusal refuses the batch, with every applicant's reason, so nothing half-done is left to clean up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.errors import DomainError
from talentdrive.offers import access
from talentdrive.offers.errors import OfferBatchRefused
from talentdrive.offers.models import Offer
from talentdrive.offers.services import (
    offer_draft,
    offer_submit,
    plan_line_offer_commitment,
    requisition_offer_commitment,
)
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import City, PlanLine, Requisition, RequisitionStatus

BATCH_MAX = 200


@dataclass(frozen=True)
class OfferTerms:
    """The package every offer of the batch starts from; ``salaries`` may raise one applicant's salary."""

    level: str
    salary: int
    start_date: dt.date
    city: City
    expires_on: dt.date
    sign_on_bonus: int = 0


@dataclass(frozen=True)
class RowRefusal:
    application_id: int
    candidate: str
    message: str


def plan_line_remaining(*, plan_line: PlanLine) -> int:
    """How many more offers the plan line's target allows now (never below zero)."""
    return max(0, plan_line.target - plan_line_offer_commitment(plan_line=plan_line))


@transaction.atomic
def offers_draft_batch(
    *,
    requisition_id: int,
    application_ids: Sequence[int],
    terms: OfferTerms,
    actor: Actor,
    salaries: Mapping[int, int] | None = None,
    submit: bool = False,
) -> list[Offer]:
    """Draft (and, with ``submit``, send into approval) one offer per selected application of the
    requisition, in the order given. Refused as a whole when the selection is empty or too large, an
    application is not the requisition's, the plan line has too little headcount left, or any single
    offer is refused; ``OfferBatchRefused.rows`` then says which applicant and why."""
    ids = list(dict.fromkeys(application_ids))
    if not ids:
        raise OfferBatchRefused("nothing_selected", field="applications")
    if len(ids) > BATCH_MAX:
        raise OfferBatchRefused("too_many", field="applications", params={"maximum": BATCH_MAX})
    requisition = Requisition.objects.select_related("plan_line").get(pk=requisition_id)
    applications = {
        a.pk: a
        for a in Application.objects.filter(pk__in=ids, requisition=requisition).select_related("candidate")
    }
    foreign = [pk for pk in ids if pk not in applications]
    if foreign:
        raise OfferBatchRefused(
            "not_this_requisition",
            field="applications",
            params={"ids": ", ".join(str(pk) for pk in foreign[:10])},
        )
    if not all(access.offer_can_draft(actor, a) for a in applications.values()):
        raise OfferBatchRefused("not_allowed")
    # The lock every offer_draft takes, taken first: the counts below cannot change under the batch.
    plan_line = PlanLine.objects.select_for_update().get(pk=requisition.plan_line_id)
    requisition.refresh_from_db(fields=["status", "headcount"])
    if requisition.status != RequisitionStatus.OPEN:
        raise OfferBatchRefused("not_open", params={"status": RequisitionStatus(requisition.status).label})
    open_headcount = max(0, requisition.headcount - requisition_offer_commitment(requisition=requisition))
    if len(ids) > open_headcount:
        raise OfferBatchRefused(
            "over_headcount",
            field="applications",
            params={
                "selected": len(ids),
                "remaining": open_headcount,
                "headcount": requisition.headcount,
                "code": requisition.external_id,
            },
        )
    remaining = plan_line_remaining(plan_line=plan_line)
    if len(ids) > remaining:
        raise OfferBatchRefused(
            "over_plan",
            field="applications",
            params={"selected": len(ids), "remaining": remaining, "line": plan_line.external_id},
        )
    salaries = salaries or {}
    offers: list[Offer] = []
    refusals: list[RowRefusal] = []
    for pk in ids:
        application = applications[pk]
        salary = salaries.get(pk) or terms.salary
        try:
            with transaction.atomic():
                offer = offer_draft(
                    application_id=pk,
                    level=terms.level,
                    salary=salary,
                    sign_on_bonus=terms.sign_on_bonus,
                    start_date=terms.start_date,
                    city=terms.city,
                    expires_on=terms.expires_on,
                    actor=actor,
                )
                if submit:
                    offer = offer_submit(offer_id=offer.pk, actor=actor)
        except DomainError as refusal:
            refusals.append(RowRefusal(pk, application.candidate.full_name, refusal.message))
        else:
            offers.append(offer)
    if refusals:
        raise OfferBatchRefused(
            "rows_refused", params={"count": len(refusals), "total": len(ids)}, rows=tuple(refusals)
        )
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_BATCH_DRAFT,
        target=requisition,
        data={
            "offers": [offer.pk for offer in offers],
            "applications": ids,
            "submitted": submit,
            "level": terms.level,
            "remaining_before": remaining,
        },
    )
    return offers


__all__ = ["BATCH_MAX", "OfferTerms", "RowRefusal", "offers_draft_batch", "plan_line_remaining"]
