"""Writes for applications: submit, withdraw, and erase a candidate's personal data.

Every rule is enforced inside one transaction that holds a row lock on the candidate, so two
requests for the same person queue instead of both passing a check; unique constraints on
(candidate, requisition) and on the idempotency key make a duplicate impossible even if a code
path forgets the lock.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.consent import CONSENT_TEXTS
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.normalise import normalise_email
from talentdrive.candidates.services import candidate_anonymise, candidate_find_or_create, consent_record
from talentdrive.pipeline.core.uploads import check_resume_upload
from talentdrive.pipeline.intake import ApplicantDetails, ResumeUpload, intake_setting
from talentdrive.pipeline.models import ACTIVE_STAGES, IDEMPOTENCY_KEY_LENGTH, Application, Stage
from talentdrive.plans.models import Channel, Requisition, RequisitionStatus
from talentdrive.resumes.models import Resume
from talentdrive.resumes.services import resume_attach


class ApplicationRefused(Exception):
    """``code``: closed (requisition not open), cap (campus limit reached), consent, contact,
    not_active (withdrawing twice), key_reused (an idempotency key sent again for another requisition
    or another person)."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code


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


def submission_fingerprint(*, requisition_id: int, email: str) -> str:
    """A keyed digest of what identifies one submission: the requisition and the normalised email.

    Keyed with the site secret so the stored value cannot be matched against a list of addresses."""
    try:
        address = normalise_email(email)
    except ValueError:
        address = (email or "").strip().lower()
    message = f"{requisition_id}\n{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _by_key(key: str | None, requisition_id: int, fingerprint: str = "") -> Application | None:
    if key is None:
        return None
    application = Application.objects.filter(idempotency_key=key).first()
    if application is None:
        return None
    if application.requisition_id != requisition_id:
        # A key names one submission; reusing it for another job is a client bug, not a retry.
        raise ApplicationRefused("key_reused", "this Idempotency-Key was used for another requisition")
    stored = application.idempotency_fingerprint
    if fingerprint and stored and not hmac.compare_digest(stored, fingerprint):
        # The same key with another person's details: answering with the first id would lose them.
        raise ApplicationRefused("key_reused", "this Idempotency-Key was used for another applicant")
    return application


def _enqueue_intake(application_id: int) -> None:
    from talentdrive.pipeline.tasks import application_intake_task

    application_intake_task.enqueue(application_id)


def application_submit(
    *,
    requisition_id: int,
    applicant: ApplicantDetails,
    resume: ResumeUpload | None,
    idempotency_key: str | None = None,
    idempotency_fingerprint: str = "",
    actor: Actor,
) -> SubmitOutcome:
    """Create one application, or return the one this key or this person already made.

    Raises ``ApplicationRefused`` for a closed or paused requisition, a reached campus cap or a
    missing consent, and ``UploadRejected`` for a bad file; nothing is written in either case.
    """
    key = _normalised_key(idempotency_key)
    fingerprint = idempotency_fingerprint if key else ""
    repeated = _by_key(key, requisition_id, fingerprint)
    if repeated is not None:
        return SubmitOutcome(repeated, created=False)
    if applicant.consent_version not in CONSENT_TEXTS:
        raise ApplicationRefused("consent")
    if resume is not None:
        check_resume_upload(
            filename=resume.filename,
            content=resume.content,
            max_bytes=intake_setting("UPLOAD_MAX_BYTES"),
            max_pages=intake_setting("RESUME_MAX_PAGES"),
        )
    try:
        return _submit_locked(
            requisition_id=requisition_id,
            applicant=applicant,
            resume=resume,
            key=key,
            fingerprint=fingerprint,
            actor=actor,
        )
    except IntegrityError:
        # A concurrent request with the same key won the insert; answer with its application.
        repeated = _by_key(key, requisition_id, fingerprint)
        if repeated is None:
            raise
        return SubmitOutcome(repeated, created=False)


@transaction.atomic
def _submit_locked(
    *,
    requisition_id: int,
    applicant: ApplicantDetails,
    resume: ResumeUpload | None,
    key: str | None,
    fingerprint: str,
    actor: Actor,
) -> SubmitOutcome:
    try:
        candidate, _ = candidate_find_or_create(
            email=applicant.email,
            phone=applicant.phone,
            full_name=applicant.full_name.strip()[:200],
            actor=actor,
        )
    except ValueError as error:
        raise ApplicationRefused("contact") from error
    # The lock serialises every submission of one person: the re-checks below see what a
    # concurrent submission committed while we waited.
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    repeated = _by_key(key, requisition_id, fingerprint)
    if repeated is not None:
        return SubmitOutcome(repeated, created=False)
    requisition = Requisition.objects.select_related("plan_line").filter(pk=requisition_id).first()
    if requisition is None or requisition.status != RequisitionStatus.OPEN:
        raise ApplicationRefused("closed")
    existing = Application.objects.filter(candidate=candidate, requisition=requisition).first()
    if existing is not None:
        return SubmitOutcome(existing, created=False, already_applied=True)
    if requisition.plan_line.channel == Channel.CAMPUS:
        active_campus = Application.objects.filter(
            candidate=candidate,
            requisition__drive_id=requisition.drive_id,
            requisition__plan_line__channel=Channel.CAMPUS,
            stage__in=ACTIVE_STAGES,
        ).count()
        if active_campus >= intake_setting("CAMPUS_ACTIVE_APPLICATION_CAP"):
            raise ApplicationRefused("cap")
    consent = consent_record(
        candidate=candidate, version=applicant.consent_version, language=applicant.language
    )
    stored = None
    if resume is not None:
        stored = resume_attach(
            candidate=candidate, filename=resume.filename, content=resume.content, actor=actor
        )
    with transaction.atomic():
        application = Application.objects.create(
            candidate=candidate,
            requisition=requisition,
            idempotency_key=key,
            idempotency_fingerprint=fingerprint,
            resume=stored,
            consent=consent,
            language="zh-hans" if applicant.language.startswith("zh") else "en",
            school=applicant.school.strip()[:200],
            degree=applicant.degree[:20],
            graduation_date=applicant.graduation_date,
            preferred_cities=list(applicant.preferred_cities),
            referral_code=applicant.referral_code.strip()[:40],
            source=applicant.source[:40],
        )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_SUBMIT,
        target=application,
        data={"requisition": requisition.pk, "source": application.source},
    )
    transaction.on_commit(lambda: _enqueue_intake(application.pk))
    return SubmitOutcome(application, created=True)


@transaction.atomic
def application_withdraw(*, application: Application, actor: Actor, reason: str = "") -> Application:
    """The candidate steps back; the row stays so the requisition's counts remain true."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.stage not in ACTIVE_STAGES:
        raise ApplicationRefused("not_active")
    previous = application.stage
    now = timezone.now()
    application.stage = Stage.WITHDRAWN
    application.withdrawn_at = now
    application.stage_changed_at = now
    application.save(update_fields=["stage", "withdrawn_at", "stage_changed_at"])
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_WITHDRAW,
        target=application,
        reason=reason,
        data={"from": previous, "to": Stage.WITHDRAWN},
    )
    return application


@transaction.atomic
def candidate_erase(*, candidate: Candidate, actor: Actor) -> Candidate:
    """Delete a person's personal data and files; keep anonymous application rows for the plan's counts."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.erased_at is not None:
        return candidate
    now = timezone.now()
    applications = Application.objects.filter(candidate=candidate)
    for application in applications.filter(stage__in=ACTIVE_STAGES):
        audit_record(
            actor=actor,
            action=AuditAction.APPLICATION_WITHDRAW,
            target=application,
            reason="personal data erased at the candidate's request",
            data={"from": application.stage, "to": Stage.WITHDRAWN},
        )
    applications.filter(stage__in=ACTIVE_STAGES).update(
        stage=Stage.WITHDRAWN, withdrawn_at=now, stage_changed_at=now
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
    # Files go only once the deletion of their rows is certain.
    transaction.on_commit(lambda: _delete_files(names))
    return candidate_anonymise(candidate=candidate, actor=actor)


def _delete_files(names: list[str]) -> None:
    for name in names:
        # Another candidate may have sent the very same bytes; their file is the same name.
        if name and not Resume.objects.filter(file=name).exists():
            default_storage.delete(name)
