from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.pipeline.core.placeholders import PLACEHOLDERS
from talentdrive.pipeline.models import Application, CandidateEmail, EmailTemplate


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


PLACEHOLDER_HELP = (
    "Placeholders: " + ", ".join("{" + name + "}" for name in PLACEHOLDERS) + ". A literal brace is {{ or }}."
)


class EmailTemplateForm(forms.ModelForm):
    """The model's ``clean`` checks the placeholders; its errors show on the field they are in."""

    class Meta:
        model = EmailTemplate
        fields = (
            "code", "kind", "stage_kind", "name_en", "name_zh", "subject_en", "body_en", "subject_zh",
            "body_zh", "active", "position",
        )  # fmt: skip
        help_texts = {
            "body_en": PLACEHOLDER_HELP,
            "body_zh": PLACEHOLDER_HELP,
            "stage_kind": "Optional: a stage-change template offered only for moves into stages of this kind.",
        }


@admin.register(EmailTemplate)
class EmailTemplateAdmin(AuditedAdmin):
    form = EmailTemplateForm
    list_display = ("code", "name_en", "name_zh", "kind", "stage_kind", "active", "position")
    list_filter = ("kind", "active")
    search_fields = ("code", "name_en", "name_zh", "subject_en", "subject_zh")


@admin.register(CandidateEmail)
class CandidateEmailAdmin(admin.ModelAdmin):
    """The log of emails to candidates: read only; undo goes through the pipeline's services."""

    list_display = ("created_at", "application", "template", "language", "status", "send_after", "sent_at")
    list_filter = ("status", "kind", "language")
    list_select_related = ("application", "template")
    search_fields = ("=application__id", "address")
    date_hierarchy = "created_at"
    readonly_fields = (
        "application", "template", "kind", "suggested_requisition", "language", "address", "subject", "body", "status",
        "cancel_reason", "send_after", "sent_at", "attempts", "last_error", "created_by", "created_at",
    )  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # emails come from the pipeline's moves

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the log is history

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
