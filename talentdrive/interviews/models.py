"""Interview plans, interviews, their invitations, and scorecards."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_TIME_ZONE = "Asia/Shanghai"


class DriveInterviewSettings(models.Model):
    """How one drive runs its interviews. A drive without a row uses the defaults."""

    drive = models.OneToOneField("plans.Drive", on_delete=models.CASCADE, related_name="interview_settings")
    # Hides name, photo, gender, age and school from interviewers until their scorecard is in, so the
    # first impression is of the answers, not the person or the school.
    blind_review = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("drive interview settings")
        verbose_name_plural = _("drive interview settings")

    def __str__(self) -> str:
        return f"interview settings of drive {self.drive_id}"


class InterviewPlan(models.Model):
    """A requisition's interview rounds, made from its flow's interview stages."""

    requisition = models.OneToOneField(
        "plans.Requisition", on_delete=models.CASCADE, related_name="interview_plan"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"interview plan of requisition {self.requisition_id}"


class InterviewRound(models.Model):
    """One round of a plan: the interview stage it belongs to, what it assesses, how long, and who may
    interview in it."""

    plan = models.ForeignKey(InterviewPlan, on_delete=models.CASCADE, related_name="rounds")
    stage_code = models.CharField(max_length=40)
    name_en = models.CharField(max_length=120)
    name_zh = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    # Attribute codes of ``interviews/core/attributes.py``.
    focus_attributes = models.JSONField(default=list, blank=True)
    interviewer_pool = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="interview_rounds"
    )

    class Meta:
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "stage_code"], name="interview_round_unique_stage")
        ]

    def __str__(self) -> str:
        return self.name_en


class InterviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Interview(models.Model):
    """One interview of an application, at a time, with its interviewers.

    ``uid`` and ``sequence`` are the calendar event's identity and revision (RFC 5545): every
    reschedule raises ``sequence`` so calendars replace the event instead of adding a second one.
    """

    application = models.ForeignKey(
        "pipeline.Application", on_delete=models.CASCADE, related_name="interviews"
    )
    round = models.ForeignKey(
        InterviewRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stage_code = models.CharField(max_length=40)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)
    time_zone = models.CharField(max_length=64, default=DEFAULT_TIME_ZONE)
    location = models.CharField(max_length=200, blank=True)
    video_url = models.URLField(max_length=500, blank=True)
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="interviews_assigned")
    status = models.CharField(
        max_length=20, choices=InterviewStatus.choices, default=InterviewStatus.SCHEDULED
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"interview {self.pk} of application {self.application_id}"

    @property
    def is_scheduled(self) -> bool:
        return self.status == InterviewStatus.SCHEDULED


class SlotOfferStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the candidate's choice")
    PICKED = "picked", _("Chosen by the candidate")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SlotOffer(models.Model):
    """Times offered to a candidate for one interview round; the candidate picks one on the status page,
    which schedules the interview with these interviewers, place and length (``interviews/slots.py``)."""

    application = models.ForeignKey(
        "pipeline.Application", on_delete=models.CASCADE, related_name="interview_slot_offers"
    )
    round = models.ForeignKey(
        InterviewRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stage_code = models.CharField(max_length=40)
    # Start times (ISO 8601, UTC), in order.
    starts = models.JSONField(default=list)
    duration_minutes = models.PositiveSmallIntegerField()
    time_zone = models.CharField(max_length=64, default=DEFAULT_TIME_ZONE)
    location = models.CharField(max_length=200, blank=True)
    video_url = models.URLField(max_length=500, blank=True)
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    status = models.CharField(max_length=12, choices=SlotOfferStatus.choices, default=SlotOfferStatus.OPEN)
    interview = models.OneToOneField(
        Interview, null=True, blank=True, on_delete=models.SET_NULL, related_name="slot_offer"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open set of times per application and round: a second replaces the first on purpose.
            models.UniqueConstraint(
                fields=["application", "stage_code"],
                condition=models.Q(status="open"),
                name="one_open_slot_offer_per_round",
            )
        ]

    def __str__(self) -> str:
        return f"times offered for {self.stage_code} of application {self.application_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == SlotOfferStatus.OPEN


class InvitationMethod(models.TextChoices):
    REQUEST = "REQUEST", _("Invitation")
    CANCEL = "CANCEL", _("Cancellation")


class InterviewInvitation(models.Model):
    """One calendar email owed to one person about one revision of an interview.

    Written in the scheduling transaction and sent by a task after the commit; claimed by a
    conditional update before sending, so a task run twice sends once."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="invitations")
    # The interviewer; empty for the candidate.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    method = models.CharField(max_length=10, choices=InvitationMethod.choices)
    sequence = models.PositiveIntegerField()
    language = models.CharField(max_length=10, default="en")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.method} #{self.sequence} of interview {self.interview_id}"


class Recommendation(models.TextChoices):
    STRONG_NO = "strong_no", _("Strong no")
    NO = "no", _("No")
    YES = "yes", _("Yes")
    STRONG_YES = "strong_yes", _("Strong yes")


RATING_MIN, RATING_MAX = 1, 4


class Scorecard(models.Model):
    """One interviewer's judgement of one interview: a 1–4 rating with notes per focus attribute
    (``ratings``: ``{attribute code: {"rating": int, "notes": str}}``) and an overall recommendation."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scorecards"
    )
    ratings = models.JSONField(default=dict)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices)
    notes = models.TextField(blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "interviewer"], name="scorecard_one_per_interviewer")
        ]

    def __str__(self) -> str:
        return f"scorecard of interview {self.interview_id} by user {self.interviewer_id}"
