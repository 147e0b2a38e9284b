from __future__ import annotations

from django.db import models


class IndexBuild(models.Model):
    """One build of the match index: when, from what, how big, how long, and where it is stored.

    The newest stored build (by ``snapshot_at``) is the one every process answers from.
    """

    built_at = models.DateTimeField(auto_now_add=True)
    snapshot_at = models.DateTimeField(
        help_text="When the data were read. The newest build is the one with the newest data, "
        "not the one that finished last."
    )
    candidates = models.PositiveIntegerField()
    seconds = models.FloatField()
    watermark = models.CharField(
        max_length=400, help_text="What the index was built from (see docs/matching.md)."
    )
    trigger = models.CharField(max_length=40)
    storage_name = models.CharField(
        max_length=300,
        blank=True,
        help_text="The build's folder in the matching storage (STORAGES['matching']); empty once "
        "its files have been pruned.",
    )
    refresh_requested_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a rebuild was last asked for because the data moved past this build.",
    )

    class Meta:
        ordering = ["-snapshot_at", "-pk"]
        get_latest_by = ["snapshot_at", "pk"]

    def __str__(self) -> str:
        return f"match index of {self.candidates} candidates at {self.built_at:%Y-%m-%d %H:%M}"
