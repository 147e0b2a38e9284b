from __future__ import annotations

from django.contrib import admin

from talentdrive.matching.models import IndexBuild


@admin.register(IndexBuild)
class IndexBuildAdmin(admin.ModelAdmin):
    """Read-only history of match index builds: when, how many candidates, how long, what triggered it."""

    list_display = ("built_at", "snapshot_at", "candidates", "seconds", "trigger", "storage_name")
    list_filter = ("trigger",)
    readonly_fields = (
        "built_at",
        "snapshot_at",
        "candidates",
        "seconds",
        "watermark",
        "trigger",
        "storage_name",
        "refresh_requested_at",
    )

    def has_add_permission(self, request):  # builds are made by the service, not by hand
        return False

    def has_change_permission(self, request, obj=None):
        return False
