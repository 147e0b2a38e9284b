"""Roll-ups of the pipeline, kept as events happen so the pipeline page reads counters, not every row.

Imported by ``pipeline/models.py``, so Django finds these models in the pipeline app. Written only by
``pipeline/rollups.py`` (in the transaction of each stage change and arrival) and rebuilt from the
applications and their stage changes by ``manage.py insights_rebuild``. Everything is keyed by
requisition, so a plan line's city, channel, focus area or team is read at query time.
"""

from __future__ import annotations

from django.db import models


class ApplicationTally(models.Model):
    """How many applications of one requisition and source stand at one kind of stage, with the
    furthest step they ever reached and whether they were ever at the committee review."""

    requisition = models.ForeignKey("plans.Requisition", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20)
    furthest = models.CharField(max_length=20)
    committee = models.BooleanField(default=False)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["requisition", "source", "kind", "furthest", "committee"], name="tally_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requisition_id}/{self.source}/{self.kind}/{self.furthest}: {self.count}"


class StepDuration(models.Model):
    """A histogram of how long one step took on one requisition: per bucket, how many moves and their
    total milliseconds (the bucket's mean stands for its moves in percentiles). ``step`` is the kind of
    stage left, or ``to_hire`` for arrival to hire. Every move is counted twice: in whole days
    (``scale`` 1), which the page reads to find where the median and the 90th percentile fall, and in
    tenths of a day (``scale`` 0), of which it reads only those days."""

    requisition = models.ForeignKey("plans.Requisition", on_delete=models.CASCADE, related_name="+")
    step = models.CharField(max_length=20)
    scale = models.PositiveSmallIntegerField()  # 0: tenths of a day, 1: days
    bucket = models.IntegerField()
    count = models.IntegerField(default=0)
    total_ms = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            # In this order: the page's reads are a range of one scale, step and buckets, in order.
            models.UniqueConstraint(
                fields=["scale", "step", "bucket", "requisition"], name="step_duration_unique"
            ),
        ]
        # The same with the amounts: the page's sums read the index alone (a third of the time on SQLite).
        indexes = [
            models.Index(
                fields=["scale", "step", "bucket", "requisition", "count", "total_ms"],
                name="step_duration_covering",
            )
        ]

    def __str__(self) -> str:
        return f"{self.requisition_id}/{self.step}/{self.bucket}: {self.count}"


class WeeklyMoves(models.Model):
    """How many moves into one kind of stage one requisition had in one week (from its Monday, UTC)."""

    requisition = models.ForeignKey("plans.Requisition", on_delete=models.CASCADE, related_name="+")
    week = models.DateField()
    kind = models.CharField(max_length=20)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["requisition", "kind", "week"], name="weekly_moves_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.requisition_id}/{self.week}/{self.kind}: {self.count}"
