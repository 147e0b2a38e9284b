"""Services for an application's stages: move, reject, reopen, withdraw on the candidate's behalf.

Each is one audited transition. It locks the application row, checks that the caller saw the newest
state (``expected_version``: a page or API client that is behind gets ``ApplicationConflict`` naming the
stage it moved to and who moved it), asks ``pipeline/access.py`` whether the actor may, asks the flow
whether the move is allowed, then writes the stage, a ``StageChange`` and an audit event together.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor, SystemActor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.pipeline import access
from talentdrive.pipeline.core import flow as flows
from talentdrive.pipeline.correspondence import (
    candidate_email_schedule,
    candidate_emails_cancel_pending,
    rejection_quiet_period,
)
from talentdrive.pipeline.errors import ApplicationConflict, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import (
    CLOSED_STAGES,
    Application,
    EmailTemplate,
    EmailTemplateKind,
    RejectionReason,
    Stage,
    StageChange,
)
from talentdrive.pipeline.rollups import rollups_moved
from talentdrive.webhooks.models import WebhookEvent
from talentdrive.webhooks.services import webhook_event_emit


def stage_change_record(
    *,
    application: Application,
    from_stage: str,
    to_stage: str,
    actor: Actor,
    rejection_reason: RejectionReason | None = None,
    note: str = "",
) -> StageChange:
    """The timeline's row of one move; call inside the transaction that moves the application."""
    user = actor if isinstance(actor, User) else None
    name = actor.name if isinstance(actor, SystemActor) else ""
    return StageChange.objects.create(
        application=application,
        from_stage=from_stage,
        to_stage=to_stage,
        actor=user,
        actor_name=name,
        rejection_reason=rejection_reason,
        note=note,
    )


def _locked(application_id: int, expected_version: int | None, actor: Actor) -> Application:
    """The application, locked, as the caller saw it (else a conflict), if the actor may change it."""
    application = (
        Application.objects.select_for_update()
        .select_related("requisition__plan_line")
        .get(pk=application_id)
    )
    if not access.application_can_move(actor, application):
        raise MoveRefused("not_allowed")
    if expected_version is not None and application.version != expected_version:
        last = application.stage_changes.select_related("actor").order_by("-created_at", "-pk").first()
        who = _who(last) if last is not None else ""
        stage = flow_for_requisition(application.requisition).stage(application.stage)
        raise ApplicationConflict(
            "moved_meanwhile",
            params={"stage": _stage_name(stage, application.stage), "who": who or "?"},
        )
    return application


def _who(change: StageChange) -> str:
    """Who made a change, as a colleague reads it: a person's name, or what the system actor stands for."""
    if change.actor is not None:
        return str(change.actor)
    return {"candidate": _("the candidate"), "public": _("the candidate")}.get(
        change.actor_name, change.actor_name
    )


def _stage_name(stage: flows.StageSpec | None, code: str) -> str:
    from django.utils.translation import get_language

    if stage is None:
        return code
    return stage.name_zh if (get_language() or "en").startswith("zh") else stage.name_en


def application_stage_set(
    application: Application,
    *,
    to_stage: str,
    actor: Actor,
    action: AuditAction,
    rejection_reason: RejectionReason | None = None,
    note: str = "",
) -> Application:
    """The write every stage change shares: the stage, its time, the version, the timeline row, the
    pipeline's roll-ups, the audit event and the integrations' event. Call under the row lock, once the checks have passed."""
    previous = application.stage
    now = timezone.now()
    application.stage = to_stage
    application.stage_changed_at = now
    application.version += 1
    application.rejection_reason = rejection_reason if to_stage == Stage.REJECTED else None
    application.withdrawn_at = now if to_stage == Stage.WITHDRAWN else None
    application.save(
        update_fields=["stage", "stage_changed_at", "version", "rejection_reason", "withdrawn_at"]
    )
    change = stage_change_record(
        application=application,
        from_stage=previous,
        to_stage=to_stage,
        actor=actor,
        rejection_reason=rejection_reason,
        note=note,
    )
    rollups_moved(application=application, change=change)
    data = {"from": previous, "to": to_stage}
    if rejection_reason is not None:
        data["reason"] = rejection_reason.code
    audit_record(actor=actor, action=action, target=application, reason=note, data=data)
    application_event_emit(application=application, from_stage=previous, actor=actor)
    return application


CLOSING_EVENTS: dict[str, str] = {
    Stage.REJECTED: WebhookEvent.APPLICATION_REJECTED,
    Stage.WITHDRAWN: WebhookEvent.APPLICATION_WITHDRAWN,
}


def application_event_emit(*, application: Application, from_stage: str | None, actor: Actor) -> None:
    """Tell subscribed integrations (webhooks) what just happened to an application, after the commit."""
    payload = {
        "application_id": application.pk,
        "requisition_id": application.requisition_id,
        "candidate_id": application.candidate_id,
        "to_stage_code": application.stage,
        "changed_at": application.stage_changed_at.isoformat(),
    }
    event: str = WebhookEvent.APPLICATION_CREATED
    if from_stage is not None:
        payload["from_stage_code"] = from_stage
        event = CLOSING_EVENTS.get(application.stage, WebhookEvent.APPLICATION_STAGE_CHANGED)
        if application.rejection_reason is not None:
            payload["rejection_reason_code"] = application.rejection_reason.code
    webhook_event_emit(event=event, payload=payload, actor=actor)


@transaction.atomic
def application_move(
    *,
    application_id: int,
    to_stage: str,
    actor: Actor,
    expected_version: int | None,
    note: str = "",
    email_template: EmailTemplate | None = None,
) -> Application:
    """Move an open application to another stage of its flow, where the flow's table allows it; with
    ``email_template``, the candidate is emailed about it right after the commit."""
    application = _locked(application_id, expected_version, actor)
    flow = flow_for_requisition(application.requisition)
    if to_stage in CLOSED_STAGES:
        # Closing has its own services, with a reason (reject) or on the candidate's behalf (withdraw).
        raise MoveRefused("use_reject" if to_stage == Stage.REJECTED else "use_withdraw")
    refusal = flows.move_refusal(flow, application.stage, to_stage)
    if refusal is not None:
        raise MoveRefused(
            refusal,
            params={
                "current": _stage_name(flow.stage(application.stage), application.stage),
                "target": _stage_name(flow.stage(to_stage), to_stage),
            },
        )
    application_stage_set(
        application, to_stage=to_stage, actor=actor, action=AuditAction.APPLICATION_MOVE, note=note
    )
    if email_template is not None:
        candidate_email_schedule(application=application, template=email_template, actor=actor)
    return application


@transaction.atomic
def application_reject(
    *,
    application_id: int,
    reason: RejectionReason,
    actor: Actor,
    expected_version: int | None,
    note: str = "",
    email_template: EmailTemplate | None = None,
) -> Application:
    """Close an open application with a reason from the list, and a note; with ``email_template`` (a
    rejection template), the candidate is emailed once the quiet period is over, unless it is reopened
    before."""
    application = _locked(application_id, expected_version, actor)
    if not application.is_active:
        raise MoveRefused("not_open")
    if not reason.active:
        raise MoveRefused("reason_retired")
    application_stage_set(
        application,
        to_stage=Stage.REJECTED,
        actor=actor,
        action=AuditAction.APPLICATION_REJECT,
        rejection_reason=reason,
        note=note,
    )
    if email_template is not None:
        candidate_email_schedule(
            application=application, template=email_template, actor=actor, delay=rejection_quiet_period()
        )
    return application


@transaction.atomic
def application_reopen(
    *, application_id: int, actor: Actor, expected_version: int | None, note: str = ""
) -> Application:
    """Undo a rejection or a withdrawal: back to the stage the application was closed from. A rejection
    email still in its quiet period is cancelled."""
    application = _locked(application_id, expected_version, actor)
    if application.stage not in CLOSED_STAGES:
        raise MoveRefused("not_closed")
    if application.candidate.erased_at is not None:
        raise MoveRefused("erased")
    closing = (
        application.stage_changes.filter(to_stage=application.stage).order_by("-created_at", "-pk").first()
    )
    flow = flow_for_requisition(application.requisition)
    back_to = closing.from_stage if closing is not None and flow.stage(closing.from_stage) else Stage.APPLIED
    application_stage_set(
        application, to_stage=back_to, actor=actor, action=AuditAction.APPLICATION_REOPEN, note=note
    )
    candidate_emails_cancel_pending(application=application, kind=EmailTemplateKind.REJECTION, actor=actor)
    return application


@transaction.atomic
def application_withdraw_on_behalf(
    *, application_id: int, actor: Actor, expected_version: int | None, note: str
) -> Application:
    """A recruiter records that the candidate stepped back (by phone, by email); the note says how."""
    application = _locked(application_id, expected_version, actor)
    if not application.is_active:
        raise MoveRefused("not_open")
    if not note.strip():
        raise MoveRefused("note_missing")
    return application_stage_set(
        application, to_stage=Stage.WITHDRAWN, actor=actor, action=AuditAction.APPLICATION_WITHDRAW, note=note
    )
