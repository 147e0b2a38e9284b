"""Writes made in the Django admin are audited like any other: who, what, which fields.

The admin keeps its own LogEntry; this adds the same change to the audit trail, where the rest of
the system's history is, with the names of the changed fields and never their values (a rename of a
team or a corrected candidate name is recorded without the personal data itself).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record


def _changed_fields(message: Any) -> list[str]:
    fields: list[str] = []
    for part in message if isinstance(message, list) else []:
        for change in part.values() if isinstance(part, dict) else []:
            if isinstance(change, dict):
                fields += [str(name) for name in change.get("fields", [])]
    return fields


class AuditedAdmin(admin.ModelAdmin):
    """A model admin whose additions, changes and deletions also write audit events."""

    def log_addition(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        audit_record(actor=request.user, action=AuditAction.ADMIN_ADD, target=obj)  # type: ignore[arg-type]
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        fields = _changed_fields(message)
        audit_record(
            actor=request.user,  # type: ignore[arg-type]
            action=AuditAction.ADMIN_CHANGE,
            target=obj,
            data={"fields": fields},
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            audit_record(actor=request.user, action=AuditAction.ADMIN_DELETE, target=obj)  # type: ignore[arg-type]
        return super().log_deletions(request, queryset)
