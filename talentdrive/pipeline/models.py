from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentdrive.pipeline.core import flow


class Stage(models.TextChoices):
    """The stage codes every flow shares. The stages between applied and offer are data: each drive's
    flows (``StageDefinition``) name them per channel, e.g. ``resume_screen``, ``technical_1``."""

    APPLIED = "applied", _("Applied")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# An application in any other stage is still in the running.
TERMINAL_STAGES = (Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN)
CLOSED_STAGES = (Stage.REJECTED, Stage.WITHDRAWN)


class PublicStage(models.TextChoices):
    """What a candidate is told: internal steps such as screening and assessment read as one."""

    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    INTERVIEWING = "interviewing", _("Interviewing")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    CLOSED = "closed", _("Not moving forward")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A stage's kind (pipeline/core/flow.py) decides what the candidate is told.
PUBLIC_STAGE_OF_KIND: dict[str, str] = {
    flow.RECEIVED: PublicStage.RECEIVED,
    flow.REVIEW: PublicStage.IN_REVIEW,
    flow.INTERVIEW: PublicStage.INTERVIEWING,
    flow.COMMITTEE: PublicStage.IN_REVIEW,
    flow.OFFER: PublicStage.OFFER,
    flow.HIRED: PublicStage.HIRED,
    flow.REJECTED: PublicStage.CLOSED,
    flow.WITHDRAWN: PublicStage.WITHDRAWN,
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
    # A stage code of the requisition's flow (``StageDefinition``), or one of ``Stage``.
    stage = models.CharField(max_length=40, default=Stage.APPLIED)
    # Raised by every stage change: a move made from a stale page names the newer state instead of
    # overwriting it (optimistic concurrency, on SQLite and PostgreSQL alike).
    version = models.PositiveIntegerField(default=0)
    rejection_reason = models.ForeignKey(
        "pipeline.RejectionReason", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
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
        indexes = [
            models.Index(fields=["requisition", "stage"]),
            # The pipeline page's "nothing moved for N days": each open requisition's latest move.
            models.Index(fields=["requisition", "stage_changed_at"], name="application_req_moved"),
        ]

    def __str__(self) -> str:
        return f"application #{self.pk}"

    @property
    def source_label(self) -> str:
        """Where the application came from, in the reader's language (the code when it is not a known one)."""
        return str(Source(self.source).label) if self.source in Source.values else self.source

    @property
    def stage_kind(self) -> str:
        return flow.kind_of_code(self.stage)

    @property
    def public_stage(self) -> str:
        return PUBLIC_STAGE_OF_KIND.get(self.stage_kind, PublicStage.IN_REVIEW)

    @property
    def public_stage_label(self) -> str:
        return str(PublicStage(self.public_stage).label)

    @property
    def is_active(self) -> bool:
        return self.stage not in TERMINAL_STAGES


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


class StageDefinition(models.Model):
    """One stage of a drive's flow for one channel (and for the elite programme, which adds its
    committee review). Administrators rename, reorder and add stages; ``code`` is what applications
    store, so it never changes once used."""

    drive = models.ForeignKey("plans.Drive", on_delete=models.CASCADE, related_name="stages")
    channel = models.CharField(max_length=20)
    programme = models.BooleanField(default=False)
    code = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=[(kind, kind) for kind in flow.KINDS])
    position = models.PositiveSmallIntegerField()
    name_en = models.CharField(max_length=100)
    name_zh = models.CharField(max_length=100)

    class Meta:
        ordering = ["drive", "channel", "programme", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["drive", "channel", "programme", "code"], name="stage_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.drive_id}/{self.channel}{'/programme' if self.programme else ''}: {self.code}"


class StageMove(models.Model):
    """An allowed move beyond the always-allowed ones (next stage, reject, withdraw): a skip or a step back."""

    drive = models.ForeignKey("plans.Drive", on_delete=models.CASCADE, related_name="stage_moves")
    channel = models.CharField(max_length=20)
    programme = models.BooleanField(default=False)
    from_code = models.CharField(max_length=40)
    to_code = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["drive", "channel", "programme", "from_code", "to_code"], name="stage_move_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_code} → {self.to_code}"


class RejectionReason(models.Model):
    """Why an application was closed, from a list administrators edit, in both languages."""

    code = models.CharField(max_length=40, unique=True)
    name_en = models.CharField(max_length=200)
    name_zh = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        from django.utils.translation import get_language

        return self.name_zh if (get_language() or "en").startswith("zh") else self.name_en


class StageChange(models.Model):
    """One move of one application: from, to, who, when, why. The timeline and the funnel read these."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=40, blank=True)
    to_stage = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=80, blank=True)
    rejection_reason = models.ForeignKey(
        RejectionReason, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["application", "created_at"])]

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"


class Note(models.Model):
    """A recruiter's or manager's note on a candidate, optionally about one application; @mentions notify."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="notes")
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="mentioned_in")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note #{self.pk}"


# The candidate email models live in their own module; imported here so Django finds them in this app.
from talentdrive.pipeline.models_email import (  # noqa: E402, F401
    CandidateEmail,
    CandidateEmailStatus,
    EmailTemplate,
    EmailTemplateKind,
)
from talentdrive.pipeline.models_rollups import (  # noqa: E402, F401
    ApplicationTally,
    StepDuration,
    WeeklyMoves,
)
