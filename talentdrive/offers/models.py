"""Offers: salary bands, the approval chain as data, the letter template, and each offer with its approvals."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from talentdrive.pipeline.core.placeholders import placeholder_problems
from talentdrive.plans.models import Level


def _chinese() -> bool:
    return (get_language() or "en").startswith("zh")


class SalaryBand(models.Model):
    """The yearly base salary (CNY) an offer for a level in a city should fall within."""

    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    city = models.ForeignKey("plans.City", on_delete=models.CASCADE, related_name="salary_bands")
    salary_min = models.PositiveIntegerField(_("minimum yearly salary (CNY)"))
    salary_max = models.PositiveIntegerField(_("maximum yearly salary (CNY)"))

    class Meta:
        ordering = ["city__code", "level"]
        constraints = [
            models.UniqueConstraint(fields=["level", "city"], name="salaryband_unique_level_city"),
            models.CheckConstraint(
                condition=models.Q(salary_max__gte=models.F("salary_min")), name="salaryband_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}/{self.city_id}: {self.salary_min}–{self.salary_max}"


class ApproverKind(models.TextChoices):
    HIRING_MANAGER = "hiring_manager", _("The requisition's hiring manager")
    # accounts.Role has no HR head of its own: "Leadership / HR head" users (and administrators) approve.
    HR_HEAD = "hr_head", _("HR head (leadership)")
    ADMINISTRATOR = "administrator", _("Drive administrator")


class StepCondition(models.TextChoices):
    ALWAYS = "always", _("Every offer")
    ABOVE_BAND = "above_band", _("Salary above the band")
    PROGRAMME = "programme", _("Elite programme requisition")
    ABOVE_BAND_OR_PROGRAMME = "above_band_or_programme", _("Above the band or elite programme")


class ApprovalStep(models.Model):
    """One step of the approval chain, in order; administrators edit the chain in the admin."""

    position = models.PositiveSmallIntegerField(unique=True)
    approver = models.CharField(max_length=20, choices=ApproverKind.choices)
    condition = models.CharField(max_length=30, choices=StepCondition.choices, default=StepCondition.ALWAYS)
    name_zh = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.position}. {self.name_en}"

    def applies(self, *, above_band: bool, programme: bool) -> bool:
        return {
            StepCondition.ALWAYS: True,
            StepCondition.ABOVE_BAND: above_band,
            StepCondition.PROGRAMME: programme,
            StepCondition.ABOVE_BAND_OR_PROGRAMME: above_band or programme,
        }[StepCondition(self.condition)]


LETTER_PLACEHOLDERS: tuple[str, ...] = (
    "candidate_name",
    "job_title",
    "company",
    "level",
    "salary",
    "sign_on_bonus",
    "start_date",
    "city",
    "expires_on",
)


class OfferLetterTemplate(models.Model):
    """The offer letter in both languages; the active one is used when an offer is sent."""

    name = models.CharField(max_length=100)
    active = models.BooleanField(default=True)
    title_zh = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    body_zh = models.TextField()
    body_en = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-active", "-updated_at"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        fields = {name: getattr(self, name) for name in ("title_zh", "title_en", "body_zh", "body_en")}
        problems = placeholder_problems(fields, allowed=LETTER_PLACEHOLDERS)
        if problems:
            raise ValidationError(
                {
                    problem.field: _("“%(placeholder)s” is not a placeholder the letter may use.")
                    % {"placeholder": problem.placeholder or "{}"}
                    for problem in problems
                }
            )


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_APPROVAL = "pending_approval", _("Awaiting approval")
    NOT_APPROVED = "not_approved", _("Not approved")
    APPROVED = "approved", _("Approved")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    RESCINDED = "rescinded", _("Rescinded")


# The highest yearly salary or bonus an offer may carry (CNY): far above any band, far below what a
# database integer column holds on every supported database.
MONEY_MAX = 100_000_000

# Offers in these states count against the plan line's target, beside its hires.
OUTSTANDING_STATUSES = (
    OfferStatus.DRAFT,
    OfferStatus.PENDING_APPROVAL,
    OfferStatus.APPROVED,
    OfferStatus.SENT,
)


class Offer(models.Model):
    application = models.ForeignKey("pipeline.Application", on_delete=models.PROTECT, related_name="offers")
    requisition = models.ForeignKey("plans.Requisition", on_delete=models.PROTECT, related_name="offers")
    level = models.CharField(max_length=20, choices=Level.choices)
    salary = models.PositiveIntegerField(help_text="Yearly base salary in CNY.")
    sign_on_bonus = models.PositiveIntegerField(default=0)
    start_date = models.DateField()
    city = models.ForeignKey("plans.City", on_delete=models.PROTECT, related_name="+")
    expires_on = models.DateField()
    language = models.CharField(max_length=10, default="zh-hans")
    status = models.CharField(max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    # The band when it was drafted, and whether the salary is above it (the chain's extra step).
    band_min = models.PositiveIntegerField()
    band_max = models.PositiveIntegerField()
    above_band = models.BooleanField(default=False)
    programme = models.BooleanField(default=False)
    plan_override = models.ForeignKey(
        "plans.PlanOverride", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The letter as sent, so later edits of the template do not change what the candidate received.
    letter_title = models.CharField(max_length=200, blank=True)
    letter_text = models.TextField(blank=True)
    reason = models.TextField(blank=True, help_text="Why it was declined, not approved or rescinded.")
    # A refused acceptance (the last headcount went to another offer): the recruiter sees it here.
    accept_refused_at = models.DateTimeField(null=True, blank=True)
    accept_refused_code = models.CharField(max_length=40, blank=True)
    # Empty when a command or task drafted it (the audit trail names that actor).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "expires_on"])]

    def __str__(self) -> str:
        return f"offer #{self.pk} ({self.status})"

    @property
    def is_open_to_candidate(self) -> bool:
        return self.status == OfferStatus.SENT


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OfferApproval(models.Model):
    """One step of one offer's chain, copied from ``ApprovalStep`` when the offer is submitted."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="approvals")
    position = models.PositiveSmallIntegerField()
    approver = models.CharField(max_length=20, choices=ApproverKind.choices)
    name_zh = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    status = models.CharField(max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["offer", "position"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "position"], name="offerapproval_unique_step")
        ]

    def __str__(self) -> str:
        return f"offer #{self.offer_id} step {self.position}: {self.status}"

    @property
    def name(self) -> str:
        return self.name_zh if _chinese() else self.name_en
