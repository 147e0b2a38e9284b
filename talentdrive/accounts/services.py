from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from talentdrive.accounts.models import ApiToken, User, token_digest
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record


@transaction.atomic
def api_token_create(*, user: User, name: str, actor: Actor) -> tuple[ApiToken, str]:
    """Create a token and return it with its raw value, which is shown once and never stored."""
    raw = "td_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, digest=token_digest(raw), prefix=raw[3:11])
    audit_record(
        actor=actor,
        action=AuditAction.API_TOKEN_CREATE,
        target=token,
        data={"user": user.pk, "prefix": token.prefix},
    )
    return token, raw


def api_token_authenticate(*, raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: Actor) -> bool:
    """Revoke a token; False when it was already revoked (nothing is written then)."""
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if revoked:
        audit_record(
            actor=actor, action=AuditAction.API_TOKEN_REVOKE, target=token, data={"prefix": token.prefix}
        )
    return bool(revoked)
