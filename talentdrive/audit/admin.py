"""Read-only admin for the audit trail: nobody edits or deletes history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from talentdrive.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "target_type", "target_id", "actor_display", "reason")
    list_filter = ("action", "target_type", "created_at")
    search_fields = ("action", "target_type", "target_id", "reason", "actor__username", "actor_name")
    list_select_related = ("actor",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "created_at",
        "actor",
        "actor_name",
        "action",
        "target_type",
        "target_id",
        "reason",
        "data",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
