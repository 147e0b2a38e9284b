"""Candidate emails: the bilingual templates administrators write, and the log of what was sent to whom.

Imported by ``pipeline/models.py``, so Django finds these models in the pipeline app.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from talentdrive.pipeline.core import flow
from talentdrive.pipeline.core.placeholders import PLACEHOLDERS, placeholder_problems
from talentdrive.pipeline.errors import EmailTemplateInvalid

TEMPLATE_TEXT_FIELDS = ("subject_en", "body_en", "subject_zh", "body_zh")


class EmailTemplateKind(models.TextChoices):
    REJECTION = "rejection", _("Rejection")
    STAGE_CHANGE = "stage_change", _("Stage change")
    OTHER = "other", _("Other")


class EmailTemplate(models.Model):
    """One email administrators edit, in English and Chinese, with placeholders from a fixed list.

    ``code`` is what code and data migrations refer to; ``stage_kind``, when set, limits a
    stage-change template to moves into stages of that kind (``pipeline/core/flow.py``).
    """

    code = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=EmailTemplateKind.choices)
    stage_kind = models.CharField(
        max_length=20, blank=True, choices=[(kind, kind) for kind in flow.KINDS], help_text="Optional."
    )
    # What recruiters pick from in the back office, in its two languages.
    name_en = models.CharField(max_length=120)
    name_zh = models.CharField(max_length=120)
    subject_en = models.CharField(max_length=200)
    body_en = models.TextField()
    subject_zh = models.CharField(max_length=200)
    body_zh = models.TextField()
    active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "code"]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return self.name_zh if (get_language() or "en").startswith("zh") else self.name_en

    def clean(self) -> None:
        problems = placeholder_problems({name: getattr(self, name) or "" for name in TEMPLATE_TEXT_FIELDS})
        errors: dict[str, list[str]] = {}
        for problem in problems:
            error = EmailTemplateInvalid(
                problem.code,
                field=problem.field,
                params={
                    "placeholder": problem.placeholder,
                    "field": problem.field,
                    "allowed": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
                },
            )
            errors.setdefault(problem.field, []).append(str(error.message))
        if errors:
            raise ValidationError(errors)

    def texts(self, language: str) -> tuple[str, str]:
        """Subject and body in ``language`` (Chinese for any ``zh…``), English otherwise."""
        if language.lower().startswith("zh"):
            return self.subject_zh, self.body_zh
        return self.subject_en, self.body_en


class CandidateEmailStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered yet")
    CANCELLED = "cancelled", _("Cancelled")


# Not yet delivered: what undo cancels and what the due run sends.
UNSENT_STATUSES = (CandidateEmailStatus.SCHEDULED, CandidateEmailStatus.FAILED)


class CandidateEmail(models.Model):
    """One email to a candidate about one application: scheduled, then sent, failed or cancelled.

    The subject and body are rendered at send time in the application's language and kept, so the
    log shows what the person actually received and at which address.
    """

    application = models.ForeignKey(
        "pipeline.Application", on_delete=models.CASCADE, related_name="candidate_emails"
    )
    template = models.ForeignKey(
        EmailTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="emails"
    )
    kind = models.CharField(max_length=20, choices=EmailTemplateKind.choices)
    # The other open role this email invites the candidate to apply to (``candidate_role_suggest``).
    suggested_requisition = models.ForeignKey(
        "plans.Requisition", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=10)
    address = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=CandidateEmailStatus.choices, default=CandidateEmailStatus.SCHEDULED
    )
    # Why it was cancelled: "undone" (the move was undone), "erased", "no_address", "template_deleted",
    # "template_invalid".
    cancel_reason = models.CharField(max_length=40, blank=True)
    send_after = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The exception's class name only: a mail server's answer may quote the address.
    last_error = models.CharField(max_length=200, blank=True)
    created_by = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "send_after"]),
            models.Index(fields=["application", "status"]),
        ]

    def __str__(self) -> str:
        return f"candidate email #{self.pk} ({self.status})"

    @property
    def status_label(self) -> str:
        return str(CandidateEmailStatus(self.status).label)
