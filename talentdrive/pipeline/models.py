from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SCREENING = "screening", _("Screening")
    ASSESSMENT = "assessment", _("Assessment")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


ACTIVE_STAGES = (Stage.APPLIED, Stage.SCREENING, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.OFFER)


class PublicStage(models.TextChoices):
    """What a candidate is told: internal steps such as screening and assessment read as one."""

    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    INTERVIEWING = "interviewing", _("Interviewing")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    CLOSED = "closed", _("Not moving forward")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PUBLIC_STAGE_OF: dict[str, str] = {
    Stage.APPLIED: PublicStage.RECEIVED,
    Stage.SCREENING: PublicStage.IN_REVIEW,
    Stage.ASSESSMENT: PublicStage.IN_REVIEW,
    Stage.INTERVIEW: PublicStage.INTERVIEWING,
    Stage.OFFER: PublicStage.OFFER,
    Stage.HIRED: PublicStage.HIRED,
    Stage.REJECTED: PublicStage.CLOSED,
    Stage.WITHDRAWN: PublicStage.WITHDRAWN,
}


class Source(models.TextChoices):
    PORTAL = "portal", _("Career site")
    CAMPUS_TALK = "campus_talk", _("Campus talk")
    REFERRAL = "referral", _("Referral by an employee")
    SOCIAL = "social", _("Social media")
    JOB_BOARD = "job_board", _("Job board")
    KIOSK = "kiosk", _("Campus event kiosk")
    API = "api", _("Partner integration")
    OTHER = "other", _("Other")


IDEMPOTENCY_KEY_LENGTH = 120


class Application(models.Model):
    """A candidate applying to a requisition; it moves through stages."""

    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="applications"
    )
    requisition = models.ForeignKey(
        "plans.Requisition", on_delete=models.PROTECT, related_name="applications"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.APPLIED)
    source = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    stage_changed_at = models.DateTimeField(auto_now_add=True)
    # A client-chosen key, prefixed with where it came from ("api:", "portal:"): a double-click, a retry
    # or a resubmitted form carries the same key, and the unique constraint makes the second insert
    # impossible rather than merely unlikely. Long enough for a 100-character key and its prefix.
    idempotency_key = models.CharField(max_length=IDEMPOTENCY_KEY_LENGTH, null=True, blank=True)
    # A keyed SHA-256 digest of what the key was first sent with (requisition and normalised email):
    # the same key with another body is a client bug that must not swallow a second applicant.
    # A digest, so no contact detail is stored twice in plain text.
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, default="")
    resume = models.ForeignKey(
        "resumes.Resume", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    consent = models.ForeignKey(
        "candidates.ConsentRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    language = models.CharField(max_length=10, default="en")
    school = models.CharField(max_length=200, blank=True)
    degree = models.CharField(max_length=20, blank=True)
    graduation_date = models.DateField(null=True, blank=True)
    preferred_cities = models.JSONField(default=list, blank=True, help_text="City codes.")
    referral_code = models.CharField(max_length=40, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "requisition"], name="application_unique_per_requisition"
            ),
            models.UniqueConstraint(fields=["idempotency_key"], name="application_unique_idempotency_key"),
        ]
        indexes = [models.Index(fields=["requisition", "stage"])]

    def __str__(self) -> str:
        return f"application #{self.pk}"

    @property
    def public_stage(self) -> str:
        return PUBLIC_STAGE_OF.get(self.stage, PublicStage.RECEIVED)

    @property
    def public_stage_label(self) -> str:
        return str(PublicStage(self.public_stage).label)

    @property
    def is_active(self) -> bool:
        return self.stage in ACTIVE_STAGES


class ConfirmationEmail(models.Model):
    """One confirmation email owed to an applicant, written in the transaction of the submission.

    A task sends it after the commit and records ``sent_at``, so a rolled-back submission sends
    nothing and a task that runs twice sends once. ``again``: the person had already applied to
    the requisition, and the email says so.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="confirmation_emails")
    again = models.BooleanField(default=False)
    # Where the private status link in the email points: the site the person applied on.
    base_url = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The last time the mail server refused it; a later run of the task tries again.
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["application", "sent_at"])]

    def __str__(self) -> str:
        return f"confirmation #{self.pk} of application #{self.application_id}"
