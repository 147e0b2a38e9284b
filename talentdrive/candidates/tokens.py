"""The signed private link by which a candidate, without an account, reaches their own applications."""

from __future__ import annotations

from django.core import signing

from talentdrive.candidates.models import Candidate

_SALT = "talentdrive.candidates.status"
# A link from the confirmation email keeps working for the length of a drive.
STATUS_TOKEN_MAX_AGE = 60 * 60 * 24 * 365


def status_token_make(*, candidate: Candidate) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(candidate.pk))


def status_token_read(*, token: str, max_age: int = STATUS_TOKEN_MAX_AGE) -> int | None:
    """The candidate id a token was made for, or None if it was altered, forged or has expired."""
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None
