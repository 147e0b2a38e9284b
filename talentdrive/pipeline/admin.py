from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.pipeline.core.flow import StageSpec, check_flow
from talentdrive.pipeline.core.placeholders import PLACEHOLDERS
from talentdrive.pipeline.models import (
    Application,
    CandidateEmail,
    EmailTemplate,
    RejectionReason,
    StageDefinition,
    StageMove,
)


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


def _flow_rows(
    drive_id: int, channel: str, programme: bool
) -> tuple[list[StageDefinition], list[tuple[str, str]]]:
    rows = StageDefinition.objects.filter(drive_id=drive_id, channel=channel, programme=programme)
    moves = StageMove.objects.filter(drive_id=drive_id, channel=channel, programme=programme)
    return list(rows.order_by("position", "pk")), list(moves.values_list("from_code", "to_code"))


def _spec(row: StageDefinition) -> StageSpec:
    return StageSpec(row.code, row.kind, row.name_en, row.name_zh)


class StageDefinitionForm(forms.ModelForm):
    """An edit may not break a sound flow (one stage of each required kind, codes unique, moves between
    its stages), and a code applications already hold never changes. A flow still being written stage
    by stage (not yet sound) is checked once it is whole."""

    class Meta:
        model = StageDefinition
        fields = ("drive", "channel", "programme", "position", "code", "kind", "name_en", "name_zh")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        original = StageDefinition.objects.filter(pk=self.instance.pk).first()
        if original is not None and original.code != data["code"] and _in_use(original):
            self.add_error("code", f"applications are at stage {original.code}; its code cannot change")
            return data
        rows, moves = _flow_rows(data["drive"].pk, data["channel"], data["programme"])
        if check_flow([_spec(row) for row in rows], moves):
            return data
        edited = StageDefinition(**{name: data[name] for name in self.Meta.fields})
        after = sorted(
            [row for row in rows if row.pk != self.instance.pk] + [edited], key=lambda r: r.position
        )
        problems = check_flow([_spec(row) for row in after], moves)
        if problems:
            raise forms.ValidationError("; ".join(problems))
        return data


def _in_use(stage: StageDefinition) -> bool:
    return Application.objects.filter(
        requisition__drive_id=stage.drive_id, requisition__plan_line__channel=stage.channel, stage=stage.code
    ).exists()


@admin.register(StageDefinition)
class StageDefinitionAdmin(AuditedAdmin):
    """A drive's own stages per channel (``manage.py stage_flow_install`` writes the shipped ones to
    start from); until a drive has rows for a channel, the shipped flow applies."""

    form = StageDefinitionForm
    list_display = ("drive", "channel", "programme", "position", "code", "kind", "name_en", "name_zh")
    list_display_links = ("code",)
    list_filter = ("drive", "channel", "programme", "kind")
    ordering = ("drive", "channel", "programme", "position")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A stage applications are at cannot go; others may (the flow check runs on the next edit).
        if (
            obj is not None
            and Application.objects.filter(
                requisition__drive_id=obj.drive_id,
                requisition__plan_line__channel=obj.channel,
                stage=obj.code,
            ).exists()
        ):
            return False
        return super().has_delete_permission(request, obj)


class StageMoveForm(forms.ModelForm):
    class Meta:
        model = StageMove
        fields = ("drive", "channel", "programme", "from_code", "to_code")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        rows, _ = _flow_rows(data["drive"].pk, data["channel"], data["programme"])
        codes = {row.code for row in rows}
        for field in ("from_code", "to_code"):
            if data[field] not in codes:
                self.add_error(field, f"the flow has no stage {data[field]!r}")
        return data


@admin.register(StageMove)
class StageMoveAdmin(AuditedAdmin):
    """Moves allowed beyond the next stage, rejecting and withdrawing: a skip ahead or a step back."""

    form = StageMoveForm
    list_display = ("drive", "channel", "programme", "from_code", "to_code")
    list_filter = ("drive", "channel", "programme")


@admin.register(RejectionReason)
class RejectionReasonAdmin(AuditedAdmin):
    """The reasons a recruiter picks from, in both languages; a reason in use is retired, not deleted."""

    list_display = ("code", "name_en", "name_zh", "position", "active")
    list_editable = ("name_en", "name_zh", "position", "active")
    ordering = ("position", "code")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("code",) if obj is not None else ()
