"""Writes for candidates: one person per normalised email or phone."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from talentdrive.audit.actors import CANDIDATE, Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.consent import CONSENT_TEXTS
from talentdrive.candidates.groups import group_declaration_erase
from talentdrive.candidates.models import Candidate, ConsentRecord
from talentdrive.candidates.normalise import normalise_email, normalise_phone


# No savepoint of its own inside a caller's transaction (a failure here fails the caller's); the
# person's row is returned locked (``SELECT … FOR UPDATE``) or newly created, until that transaction ends.
@transaction.atomic(savepoint=False)
def candidate_find_or_create(
    *, email: str = "", phone: str = "", full_name: str = "", location: str = "", actor: Actor
) -> tuple[Candidate, bool]:
    """Return the candidate with this email or phone, creating one if none exists.

    Contact details are normalised first, so ``A@X.com`` and ``a@x.com``, ``138 0013 8000`` and
    ``+8613800138000`` are the same person. Blank fields of an existing candidate are filled in.
    An email match wins over a phone match; a phone match whose holder has a different email is a
    different person, created without the phone and recorded as a ``candidate.phone_conflict``.
    """
    email_norm = normalise_email(email)
    phone_norm = normalise_phone(phone)
    if not email_norm and not phone_norm:
        raise ValueError("a candidate needs an email address or a phone number")
    match = Q(pk__in=[])
    if email_norm:
        match |= Q(email=email_norm)
    if phone_norm:
        match |= Q(phone=phone_norm)
    locked = Candidate.objects.select_for_update()
    # One read for both: each of email and phone is unique, so at most two people answer.
    found = list(locked.filter(match))
    by_email = next((c for c in found if email_norm and c.email == email_norm), None)
    by_phone = next((c for c in found if phone_norm and c.phone == phone_norm), None)
    existing = by_email if by_email is not None else by_phone
    phone_holder = None
    if by_email is None and by_phone is not None and email_norm and by_phone.email:
        # A phone match alone, against someone with another email: a shared line (family, office,
        # agency), not the same person. Keep them apart; the phone (unique) stays with its holder.
        phone_holder, existing, phone_norm, match = by_phone, None, "", Q(email=email_norm)
    if existing is not None and existing.merged_into_id is not None:
        # A record merged into another (``CandidateMerge``) holds nothing any more: the person's new
        # applications belong with the record they were merged into.
        existing = locked.get(pk=existing.merged_into_id)
    if existing is not None:
        updates = {}
        if email_norm and not existing.email and not Candidate.objects.filter(email=email_norm).exists():
            updates["email"] = email_norm
        if phone_norm and not existing.phone and not Candidate.objects.filter(phone=phone_norm).exists():
            updates["phone"] = phone_norm
        if full_name and not existing.full_name:
            updates["full_name"] = full_name
        if location and not existing.location:
            updates["location"] = location
        if updates:
            for key, value in updates.items():
                setattr(existing, key, value)
            existing.save(update_fields=[*updates, "updated_at"])
        return existing, False
    try:
        with transaction.atomic():
            candidate = Candidate.objects.create(
                email=email_norm, phone=phone_norm, full_name=full_name.strip(), location=location.strip()
            )
    except IntegrityError:
        # Another request created the same person between our read and our write.
        winner = locked.filter(match).order_by("pk").first()
        if winner is None:
            raise
        return winner, False
    audit_record(actor=actor, action=AuditAction.CANDIDATE_CREATE, target=candidate, data={})
    if phone_holder is not None:
        audit_record(
            actor=actor,
            action=AuditAction.CANDIDATE_PHONE_CONFLICT,
            target=candidate,
            data={"phone_holder_id": phone_holder.pk},
        )
    return candidate, True


def consent_record(*, candidate: Candidate, version: str, language: str) -> ConsentRecord:
    """Store that the candidate agreed to the consent text of ``version`` as shown in ``language``."""
    text = CONSENT_TEXTS.get(version)
    if text is None:
        raise ValueError(f"unknown consent version {version!r}")
    record = ConsentRecord.objects.create(
        candidate=candidate,
        version=version,
        language="zh-hans" if language.startswith("zh") else "en",
        text=text.text_for(language),
        given_at=timezone.now(),
    )
    audit_record(
        actor=CANDIDATE, action=AuditAction.CANDIDATE_CONSENT, target=candidate, data={"version": version}
    )
    return record


@transaction.atomic
def candidate_anonymise(*, candidate: Candidate, actor: Actor) -> Candidate:
    """Remove the person's identifying fields; the row stays so anonymous counts remain true.

    Files and per-application details are removed by the caller that owns them; this clears what
    the candidate record itself holds.
    """
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.erased_at is not None:
        return candidate
    candidate.full_name = ""
    candidate.email = ""
    candidate.phone = ""
    candidate.location = ""
    candidate.erased_at = timezone.now()
    candidate.talent_pool_consent_at = None
    candidate.save(
        update_fields=[
            "full_name",
            "email",
            "phone",
            "location",
            "erased_at",
            "talent_pool_consent_at",
            "updated_at",
        ]
    )
    group_declaration_erase(candidate=candidate)
    audit_record(actor=actor, action=AuditAction.CANDIDATE_ERASE, target=candidate, data={})
    return candidate
