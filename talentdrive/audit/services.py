from __future__ import annotations

from typing import Any

from django.db import models

from talentdrive.audit.models import AuditEvent


def audit_record(
    *,
    actor: Any | None,
    action: str,
    target: models.Model,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one state change. Call inside the transaction that makes the change."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        reason=reason,
        data=data or {},
    )
