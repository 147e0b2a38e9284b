from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.candidates.models import Candidate, CandidateMerge, ConsentRecord, Tag


class ConsentInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    readonly_fields = ("version", "language", "given_at", "text")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        # Only the candidate gives consent, through the portal or an integration.
        return False


@admin.register(Candidate)
class CandidateAdmin(AuditedAdmin):
    list_display = ("id", "full_name", "email", "phone", "created_at", "erased_at")
    list_filter = ("erased_at",)
    search_fields = ("full_name", "email", "phone")
    # Contact details are the keys of deduplication; they change through the services only.
    readonly_fields = ("email", "phone", "created_at", "updated_at", "erased_at")
    inlines = [ConsentInline]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(AuditedAdmin):
    list_display = ("id", "candidate", "version", "language", "given_at")
    list_filter = ("version", "language")
    list_select_related = ("candidate",)
    raw_id_fields = ("candidate",)
    readonly_fields = ("candidate", "version", "language", "text", "given_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Tag)
class TagAdmin(AuditedAdmin):
    """Renaming a tag or changing its colour; tags are put on candidates in the back office."""

    list_display = ("name", "colour", "created_at")
    search_fields = ("name",)


@admin.register(CandidateMerge)
class CandidateMergeAdmin(AuditedAdmin):
    """Read only: merges are made, undone and confirmed through the back office's services."""

    list_display = ("id", "keep", "merged", "status", "created_at", "decided_at")
    list_filter = ("status",)
    readonly_fields = (
        "keep",
        "merged",
        "status",
        "moved",
        "created_by",
        "created_at",
        "decided_by",
        "decided_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
