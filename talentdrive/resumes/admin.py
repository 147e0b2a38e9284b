from __future__ import annotations

from django.contrib import admin

from talentdrive.resumes.models import Resume


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    list_display = ("id", "candidate", "language", "parse_status", "size", "created_at", "parsed_at")
    list_filter = ("parse_status", "language")
    search_fields = ("sha256",)
    raw_id_fields = ("candidate",)
    # Profiles and text are personal data shown read-only; parsing is the only writer.
    readonly_fields = ("sha256", "size", "profile", "text", "parse_error", "parsed_at", "created_at")
