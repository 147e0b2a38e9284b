from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualNameMixin(models.Model):
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return self.name_zh if (get_language() or "en").startswith("zh") else self.name_en


class City(BilingualNameMixin):
    code = models.SlugField(max_length=40, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "cities"


class Channel(models.TextChoices):
    EXPERIENCED = "experienced", _("Experienced hiring (社会招聘)")
    CAMPUS = "campus", _("Campus hiring (校园招聘)")


class FocusArea(BilingualNameMixin):
    code = models.SlugField(max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]


class BusinessGroup(BilingualNameMixin):
    code = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["code"]


class Team(BilingualNameMixin):
    code = models.SlugField(max_length=80, unique=True)
    group = models.ForeignKey(BusinessGroup, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ["group__code", "code"]


class Drive(BilingualNameMixin):
    code = models.SlugField(max_length=60, unique=True)
    total_target = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    starts_on = models.DateField()
    ends_on = models.DateField()
    cities = models.ManyToManyField(City, related_name="drives")
    channels = models.JSONField(default=list, help_text="Channel codes this drive hires through.")
    story_zh = models.TextField(blank=True)
    story_en = models.TextField(blank=True)
    # Days after ends_on until the candidates of this drive who did not join and did not consent to the
    # talent pool are erased (hiring/retention.py); empty keeps them until erased by hand.
    retention_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Days after the drive ends until candidates who did not join and did not consent to the "
        "talent pool are erased; empty: never by this rule.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="drive_dates_ordered"
            )
        ]


class PlanLine(models.Model):
    """Target headcount for one (city, channel, focus area, team) of a drive."""

    drive = models.ForeignKey(Drive, on_delete=models.CASCADE, related_name="plan_lines")
    external_id = models.CharField(max_length=80)
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="plan_lines")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    focus_area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="plan_lines")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="plan_lines")
    target = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["drive", "city__code", "channel", "focus_area__position", "team__code"]
        constraints = [
            models.UniqueConstraint(fields=["drive", "external_id"], name="planline_unique_external_id"),
            models.UniqueConstraint(
                fields=["drive", "city", "channel", "focus_area", "team"], name="planline_unique_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.external_id}: {self.city.code}/{self.channel}/{self.focus_area.code}/{self.team.code}"


class RequisitionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    PAUSED = "paused", _("Paused")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


# Headcount of requisitions in these states counts against the plan line's target. Drafts do not:
# anyone may prepare one, and opening it is where the target is enforced.
COMMITTED_STATUSES = (
    RequisitionStatus.OPEN,
    RequisitionStatus.PAUSED,
    RequisitionStatus.FILLED,
)

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    RequisitionStatus.DRAFT: frozenset({RequisitionStatus.OPEN, RequisitionStatus.CLOSED}),
    RequisitionStatus.OPEN: frozenset(
        {RequisitionStatus.PAUSED, RequisitionStatus.FILLED, RequisitionStatus.CLOSED}
    ),
    RequisitionStatus.PAUSED: frozenset(
        {RequisitionStatus.OPEN, RequisitionStatus.FILLED, RequisitionStatus.CLOSED}
    ),
    RequisitionStatus.FILLED: frozenset({RequisitionStatus.CLOSED}),
    RequisitionStatus.CLOSED: frozenset(),
}


class Degree(models.TextChoices):
    NONE = "none", _("No requirement")
    ASSOCIATE = "associate", _("Associate (大专)")
    BACHELOR = "bachelor", _("Bachelor (本科)")
    MASTER = "master", _("Master (硕士)")
    PHD = "phd", _("PhD (博士)")


DEGREE_RANK = {Degree.NONE: 0, Degree.ASSOCIATE: 1, Degree.BACHELOR: 2, Degree.MASTER: 3, Degree.PHD: 4}


class Level(models.TextChoices):
    INTERN = "intern", _("Intern")
    GRADUATE = "graduate", _("Graduate")
    ENGINEER = "engineer", _("Engineer")
    SENIOR = "senior", _("Senior")
    STAFF = "staff", _("Staff")
    PRINCIPAL = "principal", _("Principal")
    SCIENTIST = "scientist", _("Research scientist")


class Requisition(models.Model):
    """One opening under a plan line; its headcount counts against the line's target."""

    drive = models.ForeignKey(Drive, on_delete=models.CASCADE, related_name="requisitions")
    plan_line = models.ForeignKey(PlanLine, on_delete=models.PROTECT, related_name="requisitions")
    external_id = models.CharField(max_length=80)
    title_zh = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    description_zh = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    # The plan line's city is where the headcount counts; these are every city the role may sit in.
    cities = models.ManyToManyField(City, related_name="requisitions")
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.ENGINEER)
    headcount = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])
    must_skills = models.JSONField(default=list, blank=True)
    nice_skills = models.JSONField(default=list, blank=True)
    domain = models.CharField(max_length=60, blank=True, help_text="Industry domain code, e.g. healthcare.")
    min_degree = models.CharField(max_length=20, choices=Degree.choices, default=Degree.NONE)
    min_years = models.PositiveSmallIntegerField(default=0)
    graduation_from = models.DateField(null=True, blank=True)
    graduation_to = models.DateField(null=True, blank=True)
    programme_eligible = models.BooleanField(default=False)
    # Experienced hiring: how many technical interview rounds this role's candidates go through.
    technical_rounds = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_requisitions",
    )
    recruiters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="recruited_requisitions"
    )
    status = models.CharField(
        max_length=20, choices=RequisitionStatus.choices, default=RequisitionStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["drive", "external_id"]
        constraints = [
            models.UniqueConstraint(fields=["drive", "external_id"], name="requisition_unique_external_id"),
        ]
        indexes = [models.Index(fields=["drive", "status"])]

    def __str__(self) -> str:
        return f"{self.external_id} {self.title_en}"

    @property
    def title(self) -> str:
        return self.title_zh if (get_language() or "en").startswith("zh") else self.title_en

    @property
    def description(self) -> str:
        return self.description_zh if (get_language() or "en").startswith("zh") else self.description_en


class PlanOverride(models.Model):
    """An administrator's written decision to exceed a plan line's target."""

    plan_line = models.ForeignKey(PlanLine, on_delete=models.CASCADE, related_name="overrides")
    requisition = models.ForeignKey(
        Requisition, null=True, on_delete=models.SET_NULL, related_name="overrides"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField()
    target = models.PositiveIntegerField()
    committed_after = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"override {self.plan_line_id}: {self.committed_after}/{self.target}"
