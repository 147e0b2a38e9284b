from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.resumes.models import Resume, ResumeFilesCheck


@admin.register(Resume)
class ResumeAdmin(AuditedAdmin):
    list_display = ("id", "candidate", "language", "parse_status", "size", "created_at", "parsed_at")
    list_filter = ("parse_status", "language")
    list_select_related = ("candidate",)
    search_fields = ("sha256", "original_name")
    raw_id_fields = ("candidate",)
    # Profiles and text are personal data shown read-only; parsing is their only writer.
    readonly_fields = (
        "file", "original_name", "sha256", "content_type", "size", "language", "parse_status",
        "parse_error", "profile", "text", "parsed_at", "created_at",
    )  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Resumes arrive through intake or `talentdrive ingest`, which store them by hash and parse them.
        return False


@admin.register(ResumeFilesCheck)
class ResumeFilesCheckAdmin(admin.ModelAdmin):
    """The integrity check's runs, read-only: rows without files, files without rows (ids and hashed names)."""

    list_display = ("checked_at", "all_well", "rows_missing", "files_orphaned", "ran_by")
    list_filter = ("all_well",)
    readonly_fields = ("checked_at", "all_well", "rows_without_files", "files_without_rows", "ran_by")

    @admin.display(description="rows without files")
    def rows_missing(self, check: ResumeFilesCheck) -> int:
        return len(check.rows_without_files)

    @admin.display(description="files without rows")
    def files_orphaned(self, check: ResumeFilesCheck) -> int:
        return len(check.files_without_rows)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
