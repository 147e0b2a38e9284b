"""One audited service per offer transition before the candidate decides: draft, submit, approve,
reject an approval, send, rescind, expire. Accepting and declining are in ``acceptance.py``.

Each locks the offer row, asks ``offers/access.py`` whether the actor may, writes the change and an
audit event in one transaction, and tells integrations (webhooks) of approvals and sending.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.offers import access
from talentdrive.offers.errors import OfferRefused
from talentdrive.offers.letters import letter_render
from talentdrive.offers.models import (
    MONEY_MAX,
    OUTSTANDING_STATUSES,
    ApprovalStatus,
    ApprovalStep,
    Offer,
    OfferApproval,
    OfferStatus,
    SalaryBand,
)
from talentdrive.pipeline.core import flow as flows
from talentdrive.pipeline.correspondence import candidate_email_schedule
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application, EmailTemplate, Stage
from talentdrive.pipeline.moves import application_move
from talentdrive.plans.errors import PlanLimitExceeded, PlanRuleError
from talentdrive.plans.models import City, PlanLine, PlanOverride, Requisition, RequisitionStatus
from talentdrive.plans.services import PlanOverrideRequest
from talentdrive.webhooks.models import WebhookEvent
from talentdrive.webhooks.services import webhook_event_emit

# The shipped email that tells the candidate their offer is ready (pipeline migration 0010).
OFFER_EMAIL_TEMPLATE = "offer_sent"


def shanghai_today() -> dt.date:
    """Today in the drive's time zone (``TIME_ZONE``, Asia/Shanghai by default): expiry dates are local."""
    return timezone.localdate()


def offer_event_emit(*, offer: Offer, event: str, actor: Actor) -> None:
    """Tell subscribed integrations about the offer, after the commit; identifiers and codes only."""
    payload = {
        "offer_id": offer.pk,
        "application_id": offer.application_id,
        "requisition_id": offer.requisition_id,
        "candidate_id": offer.application.candidate_id,
        "status_code": offer.status,
        "changed_at": timezone.now().isoformat(),
    }
    webhook_event_emit(event=event, payload=payload, actor=actor)


def _locked(offer_id: int) -> Offer:
    return (
        Offer.objects.select_for_update()
        .select_related("application__candidate", "requisition__plan_line")
        .get(pk=offer_id)
    )


def _require_status(offer: Offer, *statuses: str) -> None:
    if offer.status not in statuses:
        raise OfferRefused("wrong_status", params={"status": OfferStatus(offer.status).label})


def reason_required(reason: str) -> str:
    """The reason, trimmed; refused when empty."""
    if not reason.strip():
        raise OfferRefused("reason_missing", field="reason")
    return reason.strip()


def plan_line_offer_commitment(*, plan_line: PlanLine) -> int:
    """Hires on the plan line plus offers still in progress there: what a new offer is weighed against."""
    hired = Application.objects.filter(requisition__plan_line=plan_line, stage=Stage.HIRED).count()
    outstanding = Offer.objects.filter(
        requisition__plan_line=plan_line, status__in=OUTSTANDING_STATUSES
    ).count()
    return hired + outstanding


def requisition_offer_commitment(*, requisition: Requisition) -> int:
    """Hires on the requisition plus offers still in progress for it (the plan line's lock is held by
    whoever drafts, so the count cannot change under them)."""
    hired = Application.objects.filter(requisition=requisition, stage=Stage.HIRED).count()
    outstanding = Offer.objects.filter(requisition=requisition, status__in=OUTSTANDING_STATUSES).count()
    return hired + outstanding


def _plan_override(
    *, plan_line: PlanLine, offer_requisition: Any, override: PlanOverrideRequest | None
) -> PlanOverride | None:
    """Refuse an offer past the plan line's target unless an administrator overrides it with a reason."""
    committed = plan_line_offer_commitment(plan_line=plan_line)
    if committed + 1 <= plan_line.target:
        return None
    if override is None:
        raise PlanLimitExceeded(plan_line=plan_line, committed=committed, requested=1)
    if not override.actor.is_drive_admin:
        raise PlanRuleError("override_forbidden", field="override_reason")
    if not override.reason.strip():
        raise PlanRuleError("override_reason_missing", field="override_reason")
    record = PlanOverride.objects.create(
        plan_line=plan_line,
        requisition=offer_requisition,
        actor=override.actor,
        reason=override.reason.strip(),
        target=plan_line.target,
        committed_after=committed + 1,
    )
    audit_record(
        actor=override.actor,
        action=AuditAction.PLAN_LINE_OVERRIDE,
        target=plan_line,
        reason=override.reason.strip(),
        data={"requisition": offer_requisition.pk, "offer": True, "committed_after": committed + 1},
    )
    return record


@transaction.atomic
def offer_draft(
    *,
    application_id: int,
    level: str,
    salary: int,
    sign_on_bonus: int = 0,
    start_date: dt.date,
    city: City,
    expires_on: dt.date,
    actor: Actor,
    language: str | None = None,
    override: PlanOverrideRequest | None = None,
) -> Offer:
    """Draft an offer for an active application of an open requisition: the salary must reach its band's
    minimum (above the maximum it needs the chain's extra step), the requisition's headcount must not be
    covered already by hires and offers in progress (a candidate would hold an offer they could not
    accept), and the plan line must have room for one more hire."""
    application = Application.objects.select_related("requisition__plan_line").get(pk=application_id)
    if not access.offer_can_draft(actor, application):
        raise OfferRefused("not_allowed")
    requisition = application.requisition
    plan_line = PlanLine.objects.select_for_update().get(pk=requisition.plan_line_id)
    if not application.is_active:
        raise OfferRefused("application_closed")
    if Offer.objects.filter(application=application, status__in=OUTSTANDING_STATUSES).exists():
        raise OfferRefused("open_offer_exists")
    if requisition.status != RequisitionStatus.OPEN:
        raise OfferRefused(
            "requisition_not_open_for_offers", params={"status": RequisitionStatus(requisition.status).label}
        )
    covered = requisition_offer_commitment(requisition=requisition)
    if covered >= requisition.headcount:
        raise OfferRefused(
            "requisition_covered",
            params={"code": requisition.external_id, "headcount": requisition.headcount, "covered": covered},
        )
    today = shanghai_today()
    if expires_on < today:
        raise OfferRefused("expiry_in_past", field="expires_on")
    if start_date < expires_on:
        raise OfferRefused("start_before_expiry", field="start_date")
    for name, amount in (("salary", salary), ("sign_on_bonus", sign_on_bonus)):
        if amount > MONEY_MAX:
            raise OfferRefused("money_too_large", field=name, params={"maximum": f"{MONEY_MAX:,}"})
    band = SalaryBand.objects.filter(level=level, city=city).first()
    if band is None:
        raise OfferRefused("no_band", field="salary")
    if salary < band.salary_min:
        raise OfferRefused("below_band", field="salary", params={"minimum": f"{band.salary_min:,}"})
    plan_override = _plan_override(plan_line=plan_line, offer_requisition=requisition, override=override)
    offer = Offer(
        application=application,
        requisition=requisition,
        level=level,
        salary=salary,
        sign_on_bonus=sign_on_bonus,
        start_date=start_date,
        city=city,
        expires_on=expires_on,
        language=language or ("zh-hans" if application.language.startswith("zh") else "en"),
        band_min=band.salary_min,
        band_max=band.salary_max,
        above_band=salary > band.salary_max,
        programme=requisition.programme_eligible,
        plan_override=plan_override,
        created_by=actor if isinstance(actor, User) else None,
    )
    offer.full_clean()
    offer.save()
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_DRAFT,
        target=offer,
        data={
            "application": application.pk,
            "above_band": offer.above_band,
            "programme": offer.programme,
            "plan_override": plan_override.pk if plan_override else None,
        },
    )
    return offer


@transaction.atomic
def offer_submit(*, offer_id: int, actor: Actor) -> Offer:
    """Send a draft into its approval chain: the active steps whose condition the offer meets."""
    offer = _locked(offer_id)
    if not access.offer_can_manage(actor, offer):
        raise OfferRefused("not_allowed")
    _require_status(offer, OfferStatus.DRAFT)
    steps = [
        step
        for step in ApprovalStep.objects.filter(active=True)
        if step.applies(above_band=offer.above_band, programme=offer.programme)
    ]
    if not steps:
        raise OfferRefused("chain_empty")
    OfferApproval.objects.bulk_create(
        OfferApproval(
            offer=offer,
            position=step.position,
            approver=step.approver,
            name_zh=step.name_zh,
            name_en=step.name_en,
        )
        for step in steps
    )
    offer.status = OfferStatus.PENDING_APPROVAL
    offer.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_SUBMIT,
        target=offer,
        data={"steps": [s.position for s in steps]},
    )
    return offer


def offer_current_step(offer: Offer) -> OfferApproval | None:
    """The first step still waiting, or None (uses prefetched ``approvals`` when present)."""
    pending = [a for a in offer.approvals.all() if a.status == ApprovalStatus.PENDING]
    return min(pending, key=lambda approval: approval.position) if pending else None


def _current_step_for(offer: Offer, actor: Actor) -> OfferApproval:
    _require_status(offer, OfferStatus.PENDING_APPROVAL)
    step = offer_current_step(offer)
    if step is None or not access.approver_fits(actor, step.approver, offer.requisition):
        raise OfferRefused("not_approver")
    return step


@transaction.atomic
def offer_approve(*, offer_id: int, actor: Actor, note: str = "") -> Offer:
    """Approve the current step; the last approval makes the offer approved, ready to send."""
    offer = _locked(offer_id)
    step = _current_step_for(offer, actor)
    if (
        isinstance(actor, User)
        and offer.approvals.filter(status=ApprovalStatus.APPROVED, decided_by=actor).exists()
    ):
        raise OfferRefused("already_approved_a_step")
    step.status = ApprovalStatus.APPROVED
    step.decided_by = actor if isinstance(actor, User) else None
    step.decided_at = timezone.now()
    step.reason = note.strip()
    step.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    final = offer_current_step(offer) is None
    if final:
        offer.status = OfferStatus.APPROVED
        offer.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_APPROVE,
        target=offer,
        reason=note.strip(),
        data={"step": step.position, "approver": step.approver, "final": final},
    )
    if final:
        offer_event_emit(offer=offer, event=WebhookEvent.OFFER_APPROVED, actor=actor)
    return offer


@transaction.atomic
def offer_reject_approval(*, offer_id: int, actor: Actor, reason: str) -> Offer:
    """The current step's approver says no, with a reason: the offer is not approved (draft anew)."""
    offer = _locked(offer_id)
    step = _current_step_for(offer, actor)
    text = reason_required(reason)
    step.status = ApprovalStatus.REJECTED
    step.decided_by = actor if isinstance(actor, User) else None
    step.decided_at = timezone.now()
    step.reason = text
    step.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    offer.status = OfferStatus.NOT_APPROVED
    offer.reason = text
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "reason", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_REJECT_APPROVAL,
        target=offer,
        reason=text,
        data={"step": step.position},
    )
    return offer


def stage_of_kind(requisition: Any, kind: str) -> str:
    flow = flow_for_requisition(requisition)
    return next(stage.code for stage in flow.stages if stage.kind == kind)


@transaction.atomic
def offer_send(*, offer_id: int, actor: Actor, notify: bool = True) -> Offer:
    """Send an approved offer: the application moves to the flow's offer stage (through the pipeline's
    move service, so the flow's rules apply), the letter is fixed as the candidate will read it and,
    with ``notify`` (not for seeded data), the candidate is emailed the link to it."""
    offer = _locked(offer_id)
    if not access.offer_can_manage(actor, offer):
        raise OfferRefused("not_allowed")
    _require_status(offer, OfferStatus.APPROVED)
    if offer.expires_on < shanghai_today():
        raise OfferRefused("expired")
    application = offer.application
    if not application.is_active:
        raise OfferRefused("application_closed")
    offer_stage = stage_of_kind(offer.requisition, flows.OFFER)
    if application.stage != offer_stage:
        application_move(
            application_id=application.pk, to_stage=offer_stage, actor=actor, expected_version=None, note=""
        )
    offer.letter_title, offer.letter_text = letter_render(offer=offer)
    offer.status = OfferStatus.SENT
    offer.sent_at = timezone.now()
    offer.save(update_fields=["letter_title", "letter_text", "status", "sent_at"])
    audit_record(actor=actor, action=AuditAction.OFFER_SEND, target=offer, data={"language": offer.language})
    # The candidate hears of it by email, with the link to the page where the letter is (an
    # administrator who retires the template turns the email off).
    template = EmailTemplate.objects.filter(code=OFFER_EMAIL_TEMPLATE, active=True).first()
    if notify and template is not None:
        application.refresh_from_db()
        candidate_email_schedule(application=application, template=template, actor=actor)
    offer_event_emit(offer=offer, event=WebhookEvent.OFFER_SENT, actor=actor)
    return offer


@transaction.atomic
def offer_rescind(*, offer_id: int, actor: Actor, reason: str) -> Offer:
    """Withdraw an offer the candidate has not accepted, with a reason."""
    offer = _locked(offer_id)
    if not access.offer_can_manage(actor, offer):
        raise OfferRefused("not_allowed")
    _require_status(offer, *OUTSTANDING_STATUSES)
    text = reason_required(reason)
    previous = offer.status
    offer.status = OfferStatus.RESCINDED
    offer.reason = text
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "reason", "decided_at"])
    audit_record(
        actor=actor, action=AuditAction.OFFER_RESCIND, target=offer, reason=text, data={"from": previous}
    )
    return offer


@transaction.atomic
def offer_expire(*, offer_id: int, actor: Actor, today: dt.date | None = None) -> Offer:
    """Expire a sent offer whose expiry date has passed; idempotent (an offer no longer sent is left)."""
    offer = _locked(offer_id)
    today = today or shanghai_today()
    if offer.status != OfferStatus.SENT or offer.expires_on >= today:
        return offer
    offer.status = OfferStatus.EXPIRED
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.OFFER_EXPIRE,
        target=offer,
        data={"expires_on": offer.expires_on.isoformat()},
    )
    return offer


def offers_close_for_application(*, application: Application, actor: Actor) -> list[int]:
    """Rescind the application's outstanding offers because it was rejected or withdrawn; the ids.

    Not a decision of its own but a consequence of one the actor was allowed to make (the application's
    closing, checked by the pipeline), so no access check here: a candidate who withdraws closes the
    offer waiting for them. Call in the transaction that closes the application."""
    closed: list[int] = []
    reasons: dict[str, str] = {
        Stage.REJECTED: "application rejected",
        Stage.WITHDRAWN: "application withdrawn",
    }
    why = reasons.get(application.stage, "application closed")
    for offer in Offer.objects.select_for_update().filter(
        application=application, status__in=OUTSTANDING_STATUSES
    ):
        previous = offer.status
        offer.status = OfferStatus.RESCINDED
        offer.reason = why
        offer.decided_at = timezone.now()
        offer.save(update_fields=["status", "reason", "decided_at"])
        audit_record(
            actor=actor,
            action=AuditAction.OFFER_RESCIND,
            target=offer,
            reason=why,
            data={"from": previous, "application_stage": application.stage},
        )
        closed.append(offer.pk)
    return closed


def offers_erase_for_candidate(*, candidate_id: int) -> int:
    """Blank the letters (they carry the person's name) of an erased candidate's offers; the terms stay
    for the plan's figures. Call in the erasure's transaction."""
    return Offer.objects.filter(application__candidate_id=candidate_id).update(
        letter_title="", letter_text=""
    )


def offers_expire_due(*, actor: Actor, today: dt.date | None = None) -> list[int]:
    """Expire every sent offer past its date (``manage.py expire_offers``, from cron daily); the ids."""
    today = today or shanghai_today()
    due = list(
        Offer.objects.filter(status=OfferStatus.SENT, expires_on__lt=today).values_list("pk", flat=True)
    )
    for offer_id in due:
        offer_expire(offer_id=offer_id, actor=actor, today=today)
    return due
