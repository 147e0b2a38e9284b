"""Closing an application, with its consequences, in one transaction.

The pipeline's services close the application (the access check, the stage, the timeline, the audit
event); these add what a closed application must not keep: interviews still to come are cancelled (every
calendar gets the cancellation), times offered and not yet chosen are withdrawn, and offers not yet
decided are rescinded, so no approver is asked to approve, and no candidate to accept, an offer on a
closed application. Interfaces (back office, API, portal, demo) close applications through these, never
through the pipeline's services directly (``tests/hiring/test_closing.py`` checks the imports).
"""

from __future__ import annotations

from django.db import transaction

from talentdrive.audit.actors import Actor
from talentdrive.candidates.models import Candidate
from talentdrive.interviews.services import interviews_cancel_for_application
from talentdrive.interviews.slots import slot_offers_withdraw_for_application
from talentdrive.offers.services import offers_close_for_application, offers_erase_for_candidate
from talentdrive.pipeline import moves
from talentdrive.pipeline import services as pipeline_services
from talentdrive.pipeline.models import TERMINAL_STAGES, Application, EmailTemplate, RejectionReason


def _close_consequences(application: Application, actor: Actor) -> None:
    slot_offers_withdraw_for_application(application=application, actor=actor, reason="application closed")
    interviews_cancel_for_application(application=application, actor=actor)
    offers_close_for_application(application=application, actor=actor)


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
    """Reject (``pipeline.moves.application_reject``), cancel what is still to come, rescind open offers."""
    application = moves.application_reject(
        application_id=application_id,
        reason=reason,
        actor=actor,
        expected_version=expected_version,
        note=note,
        email_template=email_template,
    )
    _close_consequences(application, actor)
    return application


@transaction.atomic
def application_withdraw_on_behalf(
    *, application_id: int, actor: Actor, expected_version: int | None, note: str
) -> Application:
    """A recruiter records the candidate's withdrawal; upcoming interviews and open offers close with it."""
    application = moves.application_withdraw_on_behalf(
        application_id=application_id, actor=actor, expected_version=expected_version, note=note
    )
    _close_consequences(application, actor)
    return application


@transaction.atomic
def application_withdraw(*, application: Application, actor: Actor, reason: str = "") -> Application:
    """The candidate withdraws from the status page; upcoming interviews and open offers close with it."""
    application = pipeline_services.application_withdraw(application=application, actor=actor, reason=reason)
    _close_consequences(application, actor)
    return application


@transaction.atomic
def candidate_erase(*, candidate: Candidate, actor: Actor) -> Candidate:
    """Erase a person (``pipeline.services.candidate_erase``): their open applications are withdrawn, so
    their upcoming interviews and open offers close, and the offer letters that name them are blanked."""
    open_ids = list(
        Application.objects.filter(candidate=candidate)
        .exclude(stage__in=TERMINAL_STAGES)
        .values_list("pk", flat=True)
    )
    erased = pipeline_services.candidate_erase(candidate=candidate, actor=actor)
    for application in Application.objects.filter(pk__in=open_ids):
        _close_consequences(application, actor)
    offers_erase_for_candidate(candidate_id=candidate.pk)
    return erased
