from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.pipeline.models import Application


@admin.register(Application)
class ApplicationAdmin(AuditedAdmin):
    list_display = ("id", "candidate", "requisition", "stage", "source", "resume_parse", "created_at")
    list_filter = (
        "stage",
        "source",
        "language",
        "resume__parse_status",
        "requisition__plan_line__channel",
        "requisition__drive",
    )
    list_select_related = ("candidate", "requisition", "resume")
    search_fields = ("candidate__email", "candidate__full_name", "requisition__external_id", "referral_code")
    raw_id_fields = ("candidate", "requisition", "resume", "consent")
    # Stage changes go through the pipeline services, which record who and why.
    readonly_fields = ("stage", "stage_changed_at", "withdrawn_at", "idempotency_key", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Applications arrive through the portal, the API or imports, which enforce the intake rules.
        return False

    @admin.display(description="resume parsing", ordering="resume__parse_status")
    def resume_parse(self, application: Application) -> str:
        # A failed parse keeps the application; recruiters see why and can read the file themselves.
        resume = application.resume
        if resume is None:
            return "no resume"
        if resume.parse_error:
            return f"{resume.parse_status}: {resume.parse_error}"
        return str(resume.parse_status)
