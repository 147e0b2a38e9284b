from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from talentdrive.pipeline.models import Application


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("id", "candidate", "requisition", "stage", "source", "language", "created_at")
    list_filter = ("stage", "source", "language", "requisition__plan_line__channel", "requisition__drive")
    list_select_related = ("candidate", "requisition")
    search_fields = ("candidate__email", "candidate__full_name", "requisition__external_id", "referral_code")
    raw_id_fields = ("candidate", "requisition", "resume", "consent")
    # Stage changes go through the pipeline services, which record who and why.
    readonly_fields = ("stage", "stage_changed_at", "withdrawn_at", "idempotency_key", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Applications arrive through the portal, the API or imports, which enforce the intake rules.
        return False
