"""Writes for applications: submit, withdraw, and erase a candidate's personal data.

Every rule is enforced inside one transaction that holds a row lock on the candidate, so two
requests for the same person queue instead of both passing a check; unique constraints on
(candidate, requisition) and on the idempotency key make a duplicate impossible even if a code
path forgets the lock.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.consent import CONSENT_TEXTS
from talentdrive.candidates.groups import group_declaration_check, group_declaration_record
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.services import candidate_anonymise, candidate_find_or_create, consent_record
from talentdrive.pipeline.correspondence import candidate_emails_erase
from talentdrive.pipeline.errors import ApplicationInvalid, ApplicationRefused
from talentdrive.pipeline.intake import ApplicantDetails, ResumeUpload, intake_setting
from talentdrive.pipeline.models import (
    IDEMPOTENCY_KEY_LENGTH,
    TERMINAL_STAGES,
    Application,
    ConfirmationEmail,
    Stage,
)
from talentdrive.pipeline.moves import application_event_emit, application_stage_set, stage_change_record
from talentdrive.pipeline.rollups import rollups_arrived, rollups_moved, rollups_source_changed
from talentdrive.pipeline.rules import applicant_problems, application_rules, resume_check
from talentdrive.pipeline.selectors import (
    application_by_idempotency_key,
    application_requisition_get,
    submission_fingerprint,
)
from talentdrive.plans.models import Channel
from talentdrive.resumes.models import Resume
from talentdrive.resumes.services import resume_attach, resume_has_confirmed


@dataclass(frozen=True)
class SubmitOutcome:
    application: Application
    created: bool
    # True when the same person had already applied to this requisition under another key.
    already_applied: bool = False


def _normalised_key(raw: str | None) -> str | None:
    key = (raw or "").strip()
    if len(key) > IDEMPOTENCY_KEY_LENGTH:
        # Cut short, two different keys could become one and answer one applicant with another's
        # application: a key that does not fit is a caller's bug.
        raise ValueError(f"an idempotency key is at most {IDEMPOTENCY_KEY_LENGTH} characters")
    return key or None


def _personal_key(key: str, fingerprint: str) -> str:
    """The key of one person's submission of a page that several people may send.

    67 characters of the page's key (a "portal:" prefix and 60 characters) and 24 of the person's
    fingerprint: the same person sending the page again gets the same key, another person another.
    """
    return f"{key[:67]}:{fingerprint[:24]}"


def _enqueue_intake(application_id: int) -> None:
    from talentdrive.pipeline.tasks import application_intake_task

    application_intake_task.enqueue(application_id)


def _enqueue_confirmation(application_id: int) -> None:
    from talentdrive.pipeline.tasks import application_confirmation_email_task

    application_confirmation_email_task.enqueue(application_id)


def application_submit(
    *,
    requisition_id: int,
    applicant: ApplicantDetails,
    resume: ResumeUpload | None,
    idempotency_key: str | None = None,
    shared_key: bool = False,
    confirmation_base_url: str | None = None,
    actor: Actor,
) -> SubmitOutcome:
    """Create one application, or return the one this key or this person already made.

    ``idempotency_key`` names one submission: sent again (a double click, a retry) it answers with the
    same application; sent with another requisition or another person's email it is refused
    (``idempotency_key_reused``), unless ``shared_key``: the key comes from a page several people may
    send (a shared computer at a campus talk, the Back button), and another person's submission is
    theirs, under a key made from both.

    With ``confirmation_base_url`` (the site's address, where the status link points) a confirmation
    email is queued in the transaction and sent by a task after the commit, for a new application
    and, saying so, for a person who had already applied.

    Raises ``ApplicationRefused`` (not_found, closed, cap, consent, contact, idempotency_key_reused),
    ``ApplicationInvalid`` for details that break the requisition's rules (campus education and
    graduation window) and ``ResumeRefused`` for a bad file; nothing is written in any case.
    """
    group_declaration_check(applicant.gender)
    key = _normalised_key(idempotency_key)
    fingerprint = submission_fingerprint(requisition_id=requisition_id, email=applicant.email)
    submit = partial(
        _submit,
        requisition_id=requisition_id,
        applicant=applicant,
        resume=resume,
        fingerprint=fingerprint,
        confirmation_base_url=confirmation_base_url,
        actor=actor,
    )
    try:
        return submit(key=key)
    except ApplicationRefused as refused:
        if not (shared_key and key and applicant.email) or refused.code != "idempotency_key_reused":
            raise
    return submit(key=_personal_key(key, fingerprint))


def application_repeat_get(
    *, requisition_id: int, idempotency_key: str, email: str = ""
) -> Application | None:
    """The application this key already made for this requisition: a retry is answered from what the
    first request stored, even when its body was lost on the way (no email: still a retry).

    Raises ``ApplicationRefused("idempotency_key_reused")`` when the key made another requisition's
    application, or was first sent with another person's email.
    """
    fingerprint = submission_fingerprint(requisition_id=requisition_id, email=email) if email else ""
    return _by_key(_normalised_key(idempotency_key), requisition_id, fingerprint)


def _by_key(
    key: str | None, requisition_id: int, fingerprint: str = "", found: list[Application] | None = None
) -> Application | None:
    if key is None:
        return None
    if found is None:
        application = application_by_idempotency_key(key=key)
    else:
        application = next((a for a in found if a.idempotency_key == key), None)
    if application is None:
        return None
    if application.requisition_id != requisition_id:
        # A key names one submission; reusing it for another job is a client bug, not a retry.
        raise ApplicationRefused("idempotency_key_reused", detail="used for another requisition")
    stored = application.idempotency_fingerprint
    if fingerprint and stored and not hmac.compare_digest(stored, fingerprint):
        # The same key with another person's details: answering with the first id would lose them.
        raise ApplicationRefused("idempotency_key_reused", detail="used for another applicant")
    return application


def _submit(
    *,
    requisition_id: int,
    applicant: ApplicantDetails,
    resume: ResumeUpload | None,
    key: str | None,
    fingerprint: str,
    confirmation_base_url: str | None,
    actor: Actor,
) -> SubmitOutcome:
    # Without an email there is no person to tell a retry from; without a key, no retry.
    fingerprint = fingerprint if key and applicant.email else ""
    if applicant.consent_version not in CONSENT_TEXTS:
        raise ApplicationRefused("consent")
    if resume is not None:
        # The same check the forms made (remembered on the upload, so a file is opened once).
        resume_check(resume)
    try:
        return _submit_locked(
            requisition_id=requisition_id,
            applicant=applicant,
            resume=resume,
            key=key,
            fingerprint=fingerprint,
            confirmation_base_url=confirmation_base_url,
            actor=actor,
        )
    except IntegrityError:
        # A concurrent request with the same key won the insert; answer with its application.
        repeated = _by_key(key, requisition_id, fingerprint)
        if repeated is None:
            raise
        return SubmitOutcome(repeated, created=False)


def _confirm(
    application: Application, *, candidate: Candidate, base_url: str | None, again: bool, send: bool = True
) -> None:
    """Queue the confirmation in this transaction; it is sent only if the transaction commits, by its
    own task or (``send=False``) by the intake task that follows a new application."""
    if not base_url or not candidate.email:
        return
    ConfirmationEmail.objects.create(application=application, again=again, base_url=base_url[:200])
    if send:
        transaction.on_commit(lambda: _enqueue_confirmation(application.pk))


@transaction.atomic
def _submit_locked(
    *,
    requisition_id: int,
    applicant: ApplicantDetails,
    resume: ResumeUpload | None,
    key: str | None,
    fingerprint: str,
    confirmation_base_url: str | None,
    actor: Actor,
) -> SubmitOutcome:
    try:
        # The person's row comes back locked (or newly made): that lock serialises every submission of
        # one person, and everything read below is read under it, after what a concurrent submission
        # committed while we waited. Nothing is kept if a check below refuses.
        candidate, created = candidate_find_or_create(
            email=applicant.email,
            phone=applicant.phone,
            full_name=applicant.full_name.strip()[:200],
            actor=actor,
        )
    except ValueError as error:
        raise ApplicationRefused("contact") from error
    # One read answers both a retry (this key) and a person who already applied here.
    earlier = Application.objects.filter(Q(candidate=candidate) & Q(requisition_id=requisition_id))
    if key is not None:
        earlier = Application.objects.filter(
            Q(idempotency_key=key) | (Q(candidate=candidate) & Q(requisition_id=requisition_id))
        )
    found = list(earlier.order_by("pk")[:2])
    if key is not None and any(a.idempotency_key == key for a in found):
        repeated = _by_key(key, requisition_id, fingerprint, found=found)
        if repeated is not None:
            return SubmitOutcome(repeated, created=False)
    # Read under the lock: the requisition may have closed while we waited.
    requisition = application_requisition_get(requisition_id=requisition_id)
    problems = applicant_problems(
        rules=application_rules(requisition),
        school=applicant.school,
        degree=applicant.degree,
        graduation_date=applicant.graduation_date,
    )
    if problems:
        raise ApplicationInvalid(problems)
    existing = next(
        (a for a in found if a.candidate_id == candidate.pk and a.requisition_id == requisition.pk), None
    )
    if existing is not None and existing.stage != Stage.WITHDRAWN:
        _confirm(existing, candidate=candidate, base_url=confirmation_base_url, again=True)
        return SubmitOutcome(existing, created=False, already_applied=True)
    if requisition.plan_line.channel == Channel.CAMPUS:
        active_campus = (
            Application.objects.filter(
                candidate=candidate,
                requisition__drive_id=requisition.drive_id,
                requisition__plan_line__channel=Channel.CAMPUS,
            )
            .exclude(stage__in=TERMINAL_STAGES)
            .count()
        )
        if active_campus >= intake_setting("CAMPUS_ACTIVE_APPLICATION_CAP"):
            raise ApplicationRefused("cap")
    consent = consent_record(
        candidate=candidate, version=applicant.consent_version, language=applicant.language
    )
    if applicant.talent_pool and created:
        # Only a new person's box counts: anyone may type an address, and keeping someone else's data
        # longer is not theirs to ask for.
        candidate.talent_pool_consent_at = timezone.now()
        candidate.save(update_fields=["talent_pool_consent_at"])
    stored = None
    if resume is not None:
        # Whoever applies has not shown they read this address's mail: a person who already has a
        # profile keeps it until they confirm the new file from the link the email carries.
        stored = resume_attach(
            candidate=candidate,
            filename=resume.filename,
            content=resume.content,
            actor=actor,
            # A person made just now has no résumé yet.
            confirmed=created or not resume_has_confirmed(candidate=candidate),
            new_person=created,
        )
    details = {
        "idempotency_key": key,
        "idempotency_fingerprint": fingerprint,
        "resume": stored,
        "consent": consent,
        "language": "zh-hans" if applicant.language.startswith("zh") else "en",
        "school": applicant.school.strip()[:200],
        "degree": applicant.degree[:20],
        "graduation_date": applicant.graduation_date,
        "preferred_cities": list(applicant.preferred_cities),
        "referral_code": applicant.referral_code.strip()[:40],
        "source": applicant.source[:40],
    }
    group_declaration_record(candidate=candidate, gender=applicant.gender)
    if existing is not None:
        # Someone who withdrew applies again: the same application starts over, on the timeline.
        return _start_over(existing, details=details, actor=actor, base_url=confirmation_base_url)
    application = Application.objects.create(candidate=candidate, requisition=requisition, **details)
    rollups_arrived([application])
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_SUBMIT,
        target=application,
        data={"requisition": requisition.pk, "source": application.source},
    )
    # One task after the commit sends the confirmation, then parses the résumé.
    _confirm(application, candidate=candidate, base_url=confirmation_base_url, again=False, send=False)
    transaction.on_commit(lambda: _enqueue_intake(application.pk))
    application_event_emit(application=application, from_stage=None, actor=actor)
    return SubmitOutcome(application, created=True)


def _start_over(
    application: Application, *, details: dict[str, Any], actor: Actor, base_url: str | None
) -> SubmitOutcome:
    old_source = application.source
    for name, value in details.items():
        setattr(application, name, value)
    application.save(update_fields=list(details))
    rollups_source_changed(application=application, old_source=old_source)
    application_stage_set(
        application, to_stage=Stage.APPLIED, actor=actor, action=AuditAction.APPLICATION_SUBMIT
    )
    _confirm(application, candidate=application.candidate, base_url=base_url, again=False, send=False)
    transaction.on_commit(lambda: _enqueue_intake(application.pk))
    return SubmitOutcome(application, created=True)


@transaction.atomic
def application_withdraw(*, application: Application, actor: Actor, reason: str = "") -> Application:
    """The candidate steps back; the row stays so the requisition's counts remain true."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.stage in TERMINAL_STAGES:
        raise ApplicationRefused("not_active")
    return application_stage_set(
        application,
        to_stage=Stage.WITHDRAWN,
        actor=actor,
        action=AuditAction.APPLICATION_WITHDRAW,
        note=reason,
    )


@transaction.atomic
def candidate_erase(*, candidate: Candidate, actor: Actor) -> Candidate:
    """Delete a person's personal data and files; keep anonymous application rows for the plan's counts."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.erased_at is not None:
        return candidate
    now = timezone.now()
    applications = Application.objects.filter(candidate=candidate)
    for application in applications.exclude(stage__in=TERMINAL_STAGES):
        change = stage_change_record(
            application=application, from_stage=application.stage, to_stage=Stage.WITHDRAWN, actor=actor
        )
        rollups_moved(application=application, change=change)
        audit_record(
            actor=actor,
            action=AuditAction.APPLICATION_WITHDRAW,
            target=application,
            reason="personal data erased at the candidate's request",
            data={"from": application.stage, "to": Stage.WITHDRAWN},
        )
    applications.exclude(stage__in=TERMINAL_STAGES).update(
        stage=Stage.WITHDRAWN, withdrawn_at=now, stage_changed_at=now, version=F("version") + 1
    )
    applications.update(
        school="",
        degree="",
        graduation_date=None,
        preferred_cities=[],
        referral_code="",
        resume=None,
        idempotency_fingerprint="",
    )
    names = list(Resume.objects.filter(candidate=candidate).values_list("file", flat=True))
    Resume.objects.filter(candidate=candidate).delete()
    candidate_emails_erase(candidate=candidate)
    # Files go only once the deletion of their rows is certain.
    transaction.on_commit(lambda: _delete_files(names))
    return candidate_anonymise(candidate=candidate, actor=actor)


def _delete_files(names: list[str]) -> None:
    for name in names:
        # Files are per candidate (``resume_upload_to``); a name from before that rule may still be
        # another row's, and stays. No new row can take such a name, so this check cannot race.
        if name and not Resume.objects.filter(file=name).exists():
            default_storage.delete(name)
