"""Background work at intake, and candidate emails. Tasks take ids and are idempotent."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from talentdrive.audit.actors import system_actor
from talentdrive.pipeline.correspondence import candidate_email_send, candidate_emails_send_due
from talentdrive.pipeline.emails import send_application_confirmation
from talentdrive.pipeline.models import Application, ConfirmationEmail
from talentdrive.resumes.services import resume_parse
from talentdrive.tasking import retried_task


@retried_task()
def application_intake_task(application_id: int) -> str:
    """What follows a new application, off the applicant's request: send the confirmation it is owed,
    then parse its resume (a failure is recorded on the resume, the application stays).

    Scoring needs no step here: the match index notices a newly parsed profile by its watermark and
    ranks it on the next query. A second run sends no email twice (each is claimed before it is sent)
    and parsing twice gives the same profile; an application whose resume is gone (erased) is skipped.
    """
    _confirmations_send(application_id)
    application = Application.objects.filter(pk=application_id).only("pk", "resume_id").first()
    if application is None or application.resume_id is None:
        return "skipped"
    return str(resume_parse(resume_id=application.resume_id, actor=system_actor("intake")).parse_status)


@task()
def application_confirmation_email_task(application_id: int) -> int:
    """Send the confirmation emails this application is owed and not yet sent; answer how many went.

    Each email is claimed by a conditional update before it is sent, so two runs of the task (a retry,
    two workers) never send one twice. A mail server fault gives the claim back and records the
    failure: the next run tries again. The email is sent at most once; a worker that dies between the
    claim and the send loses it, which is the lesser harm for a message carrying a private link.
    """
    return _confirmations_send(application_id)


def _confirmations_send(application_id: int) -> int:
    owed = ConfirmationEmail.objects.filter(application_id=application_id, sent_at__isnull=True)
    delivered = 0
    for email in owed.select_related("application__candidate", "application__requisition"):
        claimed = ConfirmationEmail.objects.filter(pk=email.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        if not claimed:
            continue
        if send_application_confirmation(
            application=email.application, base_url=email.base_url, again=email.again
        ):
            delivered += 1
        else:
            ConfirmationEmail.objects.filter(pk=email.pk).update(sent_at=None, failed_at=timezone.now())
    return delivered


@task()
def candidate_email_send_task(email_id: int) -> str:
    """Send one candidate email if it is due and unsent (``pipeline/correspondence.py``); a second run,
    or a run after an undo, sends nothing."""
    return str(candidate_email_send(email_id=email_id))


@task()
def candidate_emails_send_due_task() -> dict[str, int]:
    """Every candidate email whose time has come; the periodic form of `manage.py send_due_candidate_emails`."""
    return dict(candidate_emails_send_due())
