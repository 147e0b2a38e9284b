from __future__ import annotations

from django.db import models


class IndexBuild(models.Model):
    """One build of the match index: when, from what, how big, how long. The latest one is live."""

    built_at = models.DateTimeField(auto_now_add=True)
    candidates = models.PositiveIntegerField()
    seconds = models.FloatField()
    watermark = models.CharField(
        max_length=200, help_text="What the index was built from (see docs/matching.md)."
    )
    trigger = models.CharField(max_length=40)
    path = models.CharField(max_length=300)

    class Meta:
        ordering = ["-built_at"]
        get_latest_by = "built_at"

    def __str__(self) -> str:
        return f"match index of {self.candidates} candidates at {self.built_at:%Y-%m-%d %H:%M}"
