"""Two-factor sign-in for staff: a TOTP authenticator app, and one-time backup codes.

The devices are django-otp's (``otp_totp`` and ``otp_static``): the key handling, the RFC 6238 check,
refusing a code that was already used and slowing down repeated wrong codes (a delay that doubles with
each failure) are theirs. This module decides who must use a second factor and writes the audited
changes; the back office asks ``second_factor_owed`` before every signed-in request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.errors import DomainError

BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
BACKUP_NAME = "backup codes"


class SecondFactorError(DomainError):
    messages = {
        "second_factor_wrong_code": _(
            "That code is not right. Enter the six digits your authenticator app shows now."
        ),
        "second_factor_required": _(
            "Administrators must use two-factor sign-in here; it cannot be turned off."
        ),
        "second_factor_not_started": _("Start again: open this page to get a new key."),
    }


def second_factor_required(user: Any) -> bool:
    """Administrators must have a second factor where ``TALENTDRIVE_ADMIN_SECOND_FACTOR`` is on
    (production's default)."""
    return bool(settings.TALENTDRIVE_ADMIN_SECOND_FACTOR and getattr(user, "is_drive_admin", False))


def second_factor_enabled(user: Any) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


@dataclass(frozen=True)
class Owed:
    """What a signed-in user still owes before any staff page: nothing, a code, or an enrolment."""

    verify: bool = False
    enrol: bool = False

    def __bool__(self) -> bool:
        return self.verify or self.enrol


def second_factor_owed(user: Any) -> Owed:
    """``user`` is ``request.user`` after django-otp's middleware (which adds ``is_verified``)."""
    if not getattr(user, "is_authenticated", False):
        return Owed()
    is_verified = getattr(user, "is_verified", None)  # django-otp's middleware adds it to request.user
    if is_verified is not None and is_verified():
        return Owed()
    if second_factor_enabled(user):
        return Owed(verify=True)
    return Owed(enrol=second_factor_required(user))


def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator key the enrolment page shows (the same one until confirmed).

    Not audited: nothing changes for the user until ``totp_enrolment_confirm``."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def _backup_codes_replace(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def totp_enrolment_confirm(*, user: User, token: str, actor: Actor) -> tuple[TOTPDevice, list[str]]:
    """Confirm the pending authenticator with a code it shows; returns it and fresh backup codes
    (shown once). A wrong code raises and changes nothing but the key's failure count (the throttle)."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
        )
        if device is None:
            raise SecondFactorError("second_factor_not_started", field="token")
        accepted = device.verify_token(token.strip())
        if accepted:
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _backup_codes_replace(user)
            audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_ENABLE, target=user)
    # Raised after the commit, so the failure count the device just wrote stays.
    if not accepted:
        raise SecondFactorError("second_factor_wrong_code", field="token")
    return device, codes


@transaction.atomic
def backup_codes_replace(*, user: User, actor: Actor) -> list[str]:
    """New backup codes for a user with an authenticator; the old ones stop working."""
    codes = _backup_codes_replace(user)
    audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_BACKUP_CODES, target=user)
    return codes


@transaction.atomic
def second_factor_disable(*, user: User, actor: Actor) -> None:
    """Remove every device; refused for a user who must have a second factor."""
    if second_factor_required(user):
        raise SecondFactorError("second_factor_required")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(actor=actor, action=AuditAction.SECOND_FACTOR_DISABLE, target=user)


def second_factor_verify(*, user: User, token: str) -> Device | None:
    """The device that accepts ``token`` (six digits: the authenticator; otherwise a backup code,
    which is then used up), or None. Each device slows down its own repeated failures."""
    token = "".join(token.split()).lower()
    if not token:
        return None
    kind: type[Device] = TOTPDevice if token.isdigit() else StaticDevice
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, kind):
            verified: Device | None = verify_token(user, device.persistent_id, token)
            if verified is not None:
                return verified
    return None
