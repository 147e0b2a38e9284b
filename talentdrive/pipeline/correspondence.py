"""Emails to candidates from the templates administrators write (``EmailTemplate``), logged as
``CandidateEmail``.

A stage change that should tell the candidate schedules one email in its own transaction
(``candidate_email_schedule``); a task sends it after the commit, or once its quiet period is over (a
rejection waits ``TALENTDRIVE_REJECTION_QUIET_MINUTES`` so that reopening the application can still
cancel it). The text is rendered when it is sent, in the application's language, and kept in the log
with the address it went to. Each send is claimed by a conditional update first, so a task run twice
or by two workers sends once; a mail server fault records the failure and a later run tries again.
``candidate_role_suggest`` invites a candidate to apply to another open role through the same path.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import Counter
from enum import StrEnum
from functools import partial

from django.conf import settings
from django.core.mail import BadHeaderError, send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline import access
from talentdrive.pipeline.core.placeholders import placeholders_fill, subject_line
from talentdrive.pipeline.emails import job_url, status_url
from talentdrive.pipeline.errors import CandidateEmailRefused, RoleSuggestionRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import (
    CLOSED_STAGES,
    Application,
    CandidateEmail,
    CandidateEmailStatus,
    ConfirmationEmail,
    EmailTemplate,
    EmailTemplateKind,
    Stage,
)
from talentdrive.pipeline.models_email import UNSENT_STATUSES
from talentdrive.plans.models import Requisition, RequisitionStatus

logger = logging.getLogger(__name__)

# A mail server fault is tried again after RETRY_MINUTES × attempts, at most MAX_ATTEMPTS times in all.
RETRY_MINUTES = 5
MAX_ATTEMPTS = 5


class SendOutcome(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # not due, or already settled or claimed by another run


def rejection_quiet_period() -> dt.timedelta:
    """How long a rejection email waits before it goes (``settings.TALENTDRIVE_REJECTION_QUIET_MINUTES``)."""
    return dt.timedelta(minutes=float(getattr(settings, "TALENTDRIVE_REJECTION_QUIET_MINUTES", 30)))


def email_language(language: str) -> str:
    """The language an application's emails are written in: Chinese for any ``zh…``, else English."""
    return "zh-hans" if (language or "").lower().startswith("zh") else "en"


def _undeliverable(candidate: Candidate) -> str:
    """Why nothing may be sent to this person, or "" when it may."""
    if candidate.erased_at is not None:
        return "erased"
    if not candidate.email:
        return "no_address"
    return ""


def _template_fits(template: EmailTemplate, application: Application) -> bool:
    """A rejection template for a rejected application; a stage-change template for an open one, of
    its stage kind when it names one; any other template at any time."""
    if template.kind == EmailTemplateKind.REJECTION:
        return application.stage == Stage.REJECTED
    if template.kind == EmailTemplateKind.STAGE_CHANGE:
        if application.stage in CLOSED_STAGES:
            return False
        if template.stage_kind:
            stage = flow_for_requisition(application.requisition).stage(application.stage)
            return stage is not None and stage.kind == template.stage_kind
    return True


def _actor_name(actor: Actor) -> str:
    return actor.get_username() if isinstance(actor, User) else str(actor)


def candidate_email_schedule(
    *,
    application: Application,
    template: EmailTemplate,
    actor: Actor,
    delay: dt.timedelta | None = None,
    suggested_requisition: Requisition | None = None,
) -> CandidateEmail:
    """Schedule ``template`` to the candidate of ``application``, sent after the commit (after ``delay``).

    Call inside the transaction of the change the email is about, after the change: a rolled-back
    change sends nothing, and a template that does not fit the application's new state
    (``CandidateEmailRefused``) rolls the change back with it. A person who was erased or left no email
    address gets nothing: the row is written as cancelled, with the reason, so the log says why.
    """
    if not template.active:
        raise CandidateEmailRefused("template_retired", field="email_template")
    if not _template_fits(template, application):
        raise CandidateEmailRefused("template_kind", field="email_template")
    if not access.application_can_move(actor, application):
        raise CandidateEmailRefused("not_allowed")
    candidate = application.candidate
    reason = _undeliverable(candidate)
    now = timezone.now()
    email = CandidateEmail.objects.create(
        application=application,
        template=template,
        kind=template.kind,
        suggested_requisition=suggested_requisition,
        language=email_language(application.language),
        address="" if reason else candidate.email,
        status=CandidateEmailStatus.CANCELLED if reason else CandidateEmailStatus.SCHEDULED,
        cancel_reason=reason,
        send_after=now + (delay or dt.timedelta(0)),
        created_by=_actor_name(actor),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CANDIDATE_EMAIL_SCHEDULE,
        target=email,
        data={
            "application": application.pk,
            "template": template.code,
            "delay_seconds": int(delay.total_seconds()) if delay else 0,
            "status": email.status,
        },
    )
    if not reason:
        run_after = email.send_after if delay else None
        transaction.on_commit(partial(_enqueue_send, email.pk, run_after))
    return email


def _enqueue_send(email_id: int, run_after: dt.datetime | None = None) -> None:
    from talentdrive.pipeline.tasks import candidate_email_send_task

    if run_after is None:
        candidate_email_send_task.enqueue(email_id)
    elif candidate_email_send_task.get_backend().supports_defer:
        candidate_email_send_task.using(run_after=run_after).enqueue(email_id)
    # Otherwise (the immediate backend cannot defer a task) nothing is queued now:
    # `manage.py send_due_candidate_emails`, from cron, sends the email once its quiet period is over.


def candidate_email_cancel(*, email_id: int, actor: Actor, reason: str = "undone") -> CandidateEmail:
    """Cancel an email that has not gone yet (scheduled, or waiting for a retry); audited.

    ``CandidateEmailRefused("not_pending")`` when it was already sent or cancelled: the claim of a
    run that is sending it right now wins, and the caller is told so."""
    with transaction.atomic():
        email = CandidateEmail.objects.select_related("application__requisition").get(pk=email_id)
        if not access.application_can_move(actor, email.application):
            raise CandidateEmailRefused("not_allowed")
        cancelled = CandidateEmail.objects.filter(pk=email_id, status__in=UNSENT_STATUSES).update(
            status=CandidateEmailStatus.CANCELLED, cancel_reason=reason
        )
        if not cancelled:
            raise CandidateEmailRefused("not_pending")
        audit_record(
            actor=actor,
            action=AuditAction.CANDIDATE_EMAIL_CANCEL,
            target=email,
            data={"application": email.application_id, "reason": reason},
        )
    email.refresh_from_db()
    return email


def candidate_emails_cancel_pending(*, application: Application, kind: str, actor: Actor) -> int:
    """Cancel the application's unsent emails of ``kind`` (reopening undoes a rejection's email);
    call inside the transaction of the change. Answers how many were cancelled."""
    pending = list(
        CandidateEmail.objects.filter(application=application, kind=kind, status__in=UNSENT_STATUSES)
        .select_for_update()
        .values_list("pk", flat=True)
    )
    for email_id in pending:
        candidate_email_cancel(email_id=email_id, actor=actor)
    return len(pending)


def candidate_emails_erase(*, candidate: Candidate) -> None:
    """Forget the addresses and texts of a person's emails and cancel those not sent; the rows stay,
    without personal data, as a record that emails were sent. Call inside the erasure's transaction."""
    emails = CandidateEmail.objects.filter(application__candidate=candidate)
    emails.filter(status__in=UNSENT_STATUSES).update(
        status=CandidateEmailStatus.CANCELLED, cancel_reason="erased"
    )
    emails.update(address="", subject="", body="")


def _base_url(application: Application) -> str:
    """The site the person applied on (from their confirmation), else the configured portal address."""
    applied_on = (
        ConfirmationEmail.objects.filter(application=application)
        .order_by("-created_at", "-pk")
        .values_list("base_url", flat=True)
        .first()
    )
    return applied_on or str(getattr(settings, "TALENTDRIVE_PORTAL_URL", "") or "")


def candidate_email_values(
    *, application: Application, language: str, suggested_requisition: Requisition | None = None
) -> dict[str, str]:
    """The placeholders' values for ``application`` in ``language`` (``en`` or ``zh-hans``); the
    ``suggested_job…`` ones are empty unless the email suggests another role."""
    chinese = language.startswith("zh")
    requisition = application.requisition
    candidate = application.candidate
    stage = flow_for_requisition(requisition).stage(application.stage)
    employer = str(settings.TALENTDRIVE.get("EMPLOYER_NAME", "") or "").strip()
    group = requisition.plan_line.team.group
    base_url = _base_url(application)
    suggested = suggested_requisition
    return {
        "candidate_name": candidate.full_name or ("同学" if chinese else "candidate"),
        "job_title": requisition.title_zh if chinese else requisition.title_en,
        "company": employer or (group.name_zh if chinese else group.name_en),
        "drive_name": requisition.drive.name_zh if chinese else requisition.drive.name_en,
        "stage": (stage.name_zh if chinese else stage.name_en) if stage else application.stage,
        "status_url": status_url(candidate=candidate, language=language, base_url=base_url)
        if base_url
        else "",
        "suggested_job": (suggested.title_zh if chinese else suggested.title_en) if suggested else "",
        "suggested_job_url": job_url(requisition_id=suggested.pk, language=language, base_url=base_url)
        if suggested and base_url
        else "",
    }


def candidate_email_render(
    *,
    template: EmailTemplate,
    application: Application,
    language: str,
    suggested_requisition: Requisition | None = None,
) -> tuple[str, str]:
    """Subject (one line) and body of ``template`` for ``application`` in ``language``."""
    values = candidate_email_values(
        application=application, language=language, suggested_requisition=suggested_requisition
    )
    subject, body = template.texts(language)
    return subject_line(placeholders_fill(subject, values)), placeholders_fill(body, values)


def _settle(email_id: int, **fields: object) -> None:
    CandidateEmail.objects.filter(pk=email_id).update(**fields)


def candidate_email_send(*, email_id: int, now: dt.datetime | None = None) -> SendOutcome:
    """Send one email if it is due and unsent; answers a ``SendOutcome``.

    Claimed first (a conditional update to ``sent``), then rendered and sent: of two runs one sends
    and the other skips. A mail server fault turns the claim into ``failed`` with the next attempt's
    time; a worker that dies between the claim and the send loses the email (at most once, as for
    confirmations)."""
    now = now or timezone.now()
    claimed = CandidateEmail.objects.filter(
        pk=email_id, status__in=UNSENT_STATUSES, send_after__lte=now, attempts__lt=MAX_ATTEMPTS
    ).update(status=CandidateEmailStatus.SENT, sent_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return SendOutcome.SKIPPED
    email = CandidateEmail.objects.select_related(
        "template",
        "suggested_requisition",
        "application__candidate",
        "application__requisition__drive",
        "application__requisition__plan_line__team__group",
    ).get(pk=email_id)
    application = email.application
    reason = _undeliverable(application.candidate) or ("template_deleted" if email.template is None else "")
    if reason or email.template is None:
        _settle(email_id, status=CandidateEmailStatus.CANCELLED, cancel_reason=reason, sent_at=None)
        return SendOutcome.CANCELLED
    try:
        subject, body = candidate_email_render(
            template=email.template,
            application=application,
            language=email.language,
            suggested_requisition=email.suggested_requisition,
        )
    except (KeyError, ValueError):
        # Edited past the admin's check (a shell, a data migration): nothing half-filled goes out.
        logger.error("candidate email %s not sent: template %s is invalid", email_id, email.template.code)
        _settle(
            email_id, status=CandidateEmailStatus.CANCELLED, cancel_reason="template_invalid", sent_at=None
        )
        return SendOutcome.CANCELLED
    address = application.candidate.email
    _settle(email_id, subject=subject, body=body, address=address)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except (smtplib.SMTPException, OSError, BadHeaderError) as error:
        # No address in the log: it is personal data.
        logger.warning("candidate email %s not sent: %s", email_id, type(error).__name__)
        retry_at = now + dt.timedelta(minutes=RETRY_MINUTES * (email.attempts or 1))
        _settle(
            email_id,
            status=CandidateEmailStatus.FAILED,
            sent_at=None,
            send_after=retry_at,
            last_error=type(error).__name__[:200],
        )
        if email.attempts < MAX_ATTEMPTS:
            _enqueue_send(email_id, retry_at)
        return SendOutcome.FAILED
    return SendOutcome.SENT


def candidate_emails_send_due(*, now: dt.datetime | None = None, limit: int = 500) -> Counter[str]:
    """Send every email whose time has come (quiet periods over, retries due), oldest first.

    For cron (``manage.py send_due_candidate_emails``) or a periodic task: it is how delayed emails
    and retries go out where the task backend cannot defer a task. Answers the outcomes' counts."""
    now = now or timezone.now()
    due = (
        CandidateEmail.objects.filter(
            status__in=UNSENT_STATUSES, send_after__lte=now, attempts__lt=MAX_ATTEMPTS
        )
        .order_by("send_after", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return Counter(str(candidate_email_send(email_id=pk, now=now)) for pk in list(due))


ROLE_SUGGESTION_TEMPLATE = "role_suggestion"


def candidate_role_suggest(
    *, application: Application, requisition: Requisition, actor: Actor
) -> CandidateEmail:
    """Email the candidate of ``application`` an invitation to apply to another open ``requisition``,
    with the job's page on the career site; sent at once, audited, shown on their timeline.

    Consent stays with the person: nothing is created for them; they apply themselves or do not.
    ``RoleSuggestionRefused`` (nothing written, nothing sent) when the role is not open, they already
    applied to it or were already invited to it, cannot be written to, or the actor may not do this.
    """
    if not access.role_can_suggest(actor, application, requisition):
        raise RoleSuggestionRefused("not_allowed")
    with transaction.atomic():
        # The person's row is the lock: two suggestions of one role to them cannot both pass the check.
        candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
        status = Requisition.objects.filter(pk=requisition.pk).values_list("status", flat=True).first()
        if status != RequisitionStatus.OPEN:
            raise RoleSuggestionRefused("not_open", detail=str(status))
        reason = _undeliverable(candidate)
        if reason:
            raise RoleSuggestionRefused("erased" if reason == "erased" else "no_address")
        if Application.objects.filter(candidate=candidate, requisition=requisition).exists():
            raise RoleSuggestionRefused("already_applied")
        suggested = CandidateEmail.objects.filter(
            application__candidate=candidate, suggested_requisition=requisition
        ).exclude(status=CandidateEmailStatus.CANCELLED)
        if suggested.exists():
            raise RoleSuggestionRefused("already_suggested")
        if not _base_url(application):
            raise RoleSuggestionRefused("no_portal")
        template = EmailTemplate.objects.filter(code=ROLE_SUGGESTION_TEMPLATE, active=True).first()
        if template is None:
            raise RoleSuggestionRefused("no_template")
        # After any rejection still waiting out its quiet period: the person hears why before what else.
        waiting = (
            CandidateEmail.objects.filter(
                application__candidate=candidate,
                kind=EmailTemplateKind.REJECTION,
                status=CandidateEmailStatus.SCHEDULED,
            )
            .order_by("-send_after")
            .values_list("send_after", flat=True)
            .first()
        )
        delay = waiting + dt.timedelta(minutes=1) - timezone.now() if waiting is not None else None
        email = candidate_email_schedule(
            application=application,
            template=template,
            actor=actor,
            suggested_requisition=requisition,
            delay=delay if delay is not None and delay > dt.timedelta(0) else None,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CANDIDATE_ROLE_SUGGEST,
            target=email,
            data={"application": application.pk, "candidate": candidate.pk, "requisition": requisition.pk},
        )
    return email
