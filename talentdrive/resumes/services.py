"""Writes for resumes: store a file by content hash, parse it, record what parsing made of it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.normalise import normalise_phone
from talentdrive.candidates.services import candidate_find_or_create
from talentdrive.resumes.ingest.sandbox import ProcessLimits, parse_content_limited
from talentdrive.resumes.ingest.worker import ParseOutcome, content_sha256, parse_content
from talentdrive.resumes.models import ParseStatus, Resume, resume_upload_to

# What a parse_error column can hold; reasons longer than this are cut, never the cause of a failure.
_ERROR_MAX = 300

__all__ = ["ParseOutcome", "content_sha256", "parse_content"]


def configured_max_bytes() -> int:
    """The deployment's size limit for one resume file (TALENTDRIVE_UPLOAD_MAX_BYTES)."""
    return int(str(settings.TALENTDRIVE["UPLOAD_MAX_BYTES"]))


def configured_max_pages() -> int:
    """The deployment's page limit for one resume (TALENTDRIVE_RESUME_MAX_PAGES)."""
    return int(str(settings.TALENTDRIVE["RESUME_MAX_PAGES"]))


def configured_process_limits() -> ProcessLimits | None:
    """The OS limits one parse runs under (TALENTDRIVE_PARSE_*), or None to parse in this process."""
    options = settings.TALENTDRIVE
    if not options.get("PARSE_ISOLATED", True):
        return None
    return ProcessLimits(
        cpu_seconds=int(str(options["PARSE_CPU_SECONDS"])),
        memory_bytes=int(str(options["PARSE_MEMORY_MB"])) * 1024 * 1024,
        wall_seconds=float(str(options["PARSE_WALL_SECONDS"])),
    )


def _parse(content: bytes, filename: str) -> ParseOutcome:
    limits = configured_process_limits()
    budgets = {"max_bytes": configured_max_bytes(), "max_pages": configured_max_pages()}
    if limits is None:
        return parse_content(content, filename, **budgets)
    return parse_content_limited(content, filename, limits=limits, **budgets)


def _store_file(*, candidate: Candidate, sha256: str, content: bytes) -> str:
    # Files are named by hash and candidate: the same bytes sent twice by one person are stored once,
    # a write interrupted by a crash is simply done again on the next attempt, and no two people
    # share a file.
    name = resume_upload_to(Resume(sha256=sha256, candidate_id=candidate.pk), "")
    if not default_storage.exists(name):
        stored = default_storage.save(name, ContentFile(content))
        if stored != name:  # a concurrent writer won; keep theirs, drop our copy
            default_storage.delete(stored)
    return name


def resume_attach(
    *,
    candidate: Candidate,
    filename: str,
    content: bytes,
    actor: Actor,
    confirmed: bool = True,
    new_person: bool = False,
) -> Resume:
    """Store a file for a candidate and return its (pending) resume; the same bytes twice are one resume.

    ``confirmed=False`` keeps a new file out of the person's profile until ``resume_confirm``;
    ``new_person`` says the candidate was made in the caller's transaction, so has no file to find."""
    sha256 = content_sha256(content)
    name = _store_file(candidate=candidate, sha256=sha256, content=content)
    fields = {"file": name, "original_name": filename[-255:], "size": len(content), "confirmed": confirmed}
    # Inside an application's transaction no savepoint of its own: a failure here fails the application.
    with transaction.atomic(savepoint=False):
        if new_person:
            resume, created = Resume.objects.create(candidate=candidate, sha256=sha256, **fields), True
        else:
            resume, created = Resume.objects.get_or_create(
                candidate=candidate, sha256=sha256, defaults=fields
            )
        if created:
            audit_record(
                actor=actor, action=AuditAction.RESUME_ATTACH, target=resume, data={"size": len(content)}
            )
    return resume


@transaction.atomic
def resume_confirm(*, candidate: Candidate, resume_id: int, actor: Actor) -> Resume:
    """The person confirms, from their status link, that a résumé sent under their address is theirs:
    from now on it may be their profile. Raises ``Resume.DoesNotExist`` for another person's file."""
    resume = Resume.objects.select_for_update().get(pk=resume_id, candidate=candidate)
    if not resume.confirmed:
        resume.confirmed = True
        resume.save(update_fields=["confirmed"])
        audit_record(actor=actor, action=AuditAction.RESUME_CONFIRM, target=resume)
    return resume


def resume_has_confirmed(*, candidate: Candidate) -> bool:
    """Whether the person already has a résumé that is their profile."""
    return Resume.objects.filter(candidate=candidate, confirmed=True).exists()


def _apply_outcome(resume: Resume, outcome: ParseOutcome) -> None:
    resume.parsed_at = timezone.now()
    if outcome.profile is None:
        resume.parse_status = ParseStatus.FAILED
        resume.parse_error = outcome.error[:_ERROR_MAX]
        return
    resume.parse_status = ParseStatus.PARSED
    resume.parse_error = ""
    resume.profile = outcome.profile
    resume.text = outcome.text
    resume.language = outcome.language[:10]
    if outcome.content_type:
        resume.content_type = outcome.content_type[:100]


def resume_parse(*, resume_id: int, actor: Actor) -> Resume:
    """Parse a stored resume. A failure marks it failed with the reason; nothing is ever deleted."""
    resume = Resume.objects.get(pk=resume_id)
    try:
        with resume.file.open("rb") as handle:
            content = handle.read()
    except OSError:
        outcome = ParseOutcome(None, "the stored file cannot be read", "", "", "")
    else:
        outcome = _parse(content, resume.original_name)
    with transaction.atomic():
        resume = Resume.objects.select_for_update().get(pk=resume_id)
        _apply_outcome(resume, outcome)
        resume.save()
        audit_record(
            actor=actor,
            action=AuditAction.RESUME_PARSE
            if outcome.profile is not None
            else AuditAction.RESUME_PARSE_FAILED,
            target=resume,
            data={"status": resume.parse_status},
        )
    return resume


def _phone_holder(*, phone: str, candidate: Candidate) -> int | None:
    """The id of another candidate holding this phone, when the ingested one was kept apart from it."""
    phone_norm = normalise_phone(phone)
    if not phone_norm or candidate.phone == phone_norm:
        return None
    holder = Candidate.objects.filter(phone=phone_norm).exclude(pk=candidate.pk).values_list("pk", flat=True)
    return next(iter(holder), None)


def first_contact(profile: dict[str, Any]) -> tuple[str, str]:
    emails = profile.get("emails") or []
    phones = profile.get("phones") or []
    return (str(emails[0]) if emails else "", str(phones[0]) if phones else "")


def resume_ingest_parsed(
    *,
    filename: str,
    content: bytes,
    sha256: str,
    outcome: ParseOutcome,
    actor: Actor,
    warnings: list[str] | None = None,
) -> Resume:
    """Create or update the candidate a parsed file belongs to, and its resume, in one transaction.

    Raises ValueError when the profile carries no email or phone: such a file cannot be tied to a
    person and is reported rather than stored. When the file's phone belongs to a candidate with
    another email, the file's person is kept apart (see candidate_find_or_create) and a warning
    naming only candidate ids is appended to ``warnings``.
    """
    if outcome.profile is None:
        raise ValueError(outcome.error or "unreadable file")
    email, phone = first_contact(outcome.profile)
    if not email and not phone:
        raise ValueError("no email address or phone number found")
    with transaction.atomic():
        candidate, _ = candidate_find_or_create(
            email=email,
            phone=phone,
            full_name=str(outcome.profile.get("name") or "")[:200],
            location=str(outcome.profile.get("location") or "")[:120],
            actor=actor,
        )
        if warnings is not None and phone:
            holder = _phone_holder(phone=phone, candidate=candidate)
            if holder is not None:
                warnings.append(
                    f"phone already held by candidate {holder}: stored as candidate {candidate.pk} without it"
                )
        # Written inside the transaction once the person is known; a crash before the commit leaves a
        # file without a row, which the next attempt reuses and `resume_files_check` reports.
        name = _store_file(candidate=candidate, sha256=sha256, content=content)
        resume, created = Resume.objects.get_or_create(
            candidate=candidate,
            sha256=sha256,
            defaults={"file": name, "original_name": filename[-255:], "size": len(content)},
        )
        if created or resume.parse_status != ParseStatus.PARSED:
            _apply_outcome(resume, outcome)
            resume.save()
            audit_record(
                actor=actor, action=AuditAction.RESUME_INGEST, target=resume, data={"size": len(content)}
            )
    return resume
