from __future__ import annotations

from typing import Any

from django.db import models

from talentdrive.audit.actors import Actor, SystemActor
from talentdrive.audit.models import AuditAction, AuditEvent


def audit_record(
    *,
    actor: Actor,
    action: AuditAction,
    target: models.Model,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one state change. Call inside the transaction that makes the change.

    The actor is required: a staff user, or a ``SystemActor`` for commands, tasks and candidates."""
    if not isinstance(action, AuditAction):
        raise TypeError(f"audit action must be an AuditAction, not {action!r}")
    if isinstance(actor, SystemActor):
        user, name = None, actor.name
    elif getattr(actor, "pk", None) is not None:
        user, name = actor, ""
    else:
        raise TypeError(f"audit actor must be a saved user or a SystemActor, not {actor!r}")
    return AuditEvent.objects.create(
        actor=user,
        actor_name=name,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        reason=reason,
        data=data or {},
    )
