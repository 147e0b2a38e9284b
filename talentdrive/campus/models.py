"""The campus season: online assessments and their results, campus talks with registrations and
check-ins, and interview days planned by a solver."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ASSESSMENT_STAGE = "online_assessment"


def _bilingual(name_en: str, name_zh: str) -> str:
    return name_zh if (get_language() or "en").startswith("zh") else name_en


class Assessment(models.Model):
    """An online assessment (笔试) of one requisition, or of every campus requisition of a focus area in
    a drive; results at or above ``pass_mark`` move on, the others wait for a person's review."""

    drive = models.ForeignKey("plans.Drive", on_delete=models.CASCADE, related_name="assessments")
    requisition = models.ForeignKey(
        "plans.Requisition", null=True, blank=True, on_delete=models.CASCADE, related_name="assessments"
    )
    focus_area = models.ForeignKey(
        "plans.FocusArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    pass_mark = models.DecimalField(_("pass mark"), max_digits=7, decimal_places=2)
    max_score = models.DecimalField(_("highest score"), max_digits=7, decimal_places=2, default=100)
    # The stage its applicants wait at; passing moves them to the stage after it in their flow.
    stage_code = models.CharField(max_length=40, default=ASSESSMENT_STAGE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(requisition__isnull=False, focus_area__isnull=True)
                | models.Q(requisition__isnull=True, focus_area__isnull=False),
                name="assessment_of_requisition_or_focus_area",
            ),
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=0, pass_mark__lte=models.F("max_score")),
                name="assessment_pass_mark_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return _bilingual(self.name_en, self.name_zh)


class ResultStatus(models.TextChoices):
    MOVED = "moved", _("Passed, moved to the next stage")
    PENDING = "pending", _("Below the pass mark, waiting for review")
    ADVANCED = "advanced", _("Moved on after review")
    REJECTED = "rejected", _("Rejected after review")


class AssessmentImport(models.Model):
    """One imported results file: what it held and what it did."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="imports")
    filename = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0)
    moved = models.PositiveIntegerField(default=0)
    queued = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"results import {self.pk} of assessment {self.assessment_id}"


class AssessmentResult(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="results")
    application = models.ForeignKey(
        "pipeline.Application", on_delete=models.CASCADE, related_name="assessment_results"
    )
    source = models.ForeignKey(AssessmentImport, on_delete=models.CASCADE, related_name="results")
    score = models.DecimalField(max_digits=7, decimal_places=2)
    sub_scores = models.JSONField(default=dict, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    passed = models.BooleanField()
    status = models.CharField(max_length=12, choices=ResultStatus.choices)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "application"], name="one_result_per_application")
        ]

    def __str__(self) -> str:
        return f"result of application {self.application_id} in assessment {self.assessment_id}"


# -- campus talks ----------------------------------------------------------------------------------------


class TalkLanguage(models.TextChoices):
    ZH = "zh-hans", _("Chinese")
    EN = "en", _("English")
    BOTH = "both", _("Chinese and English")


class CampusTalk(models.Model):
    """A campus talk (宣讲会) at one school in one city."""

    drive = models.ForeignKey("plans.Drive", on_delete=models.CASCADE, related_name="campus_talks")
    city = models.ForeignKey("plans.City", on_delete=models.PROTECT, related_name="+")
    school = models.CharField(_("school"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveIntegerField(_("capacity"))
    language = models.CharField(_("language"), max_length=10, choices=TalkLanguage.choices)
    livestream_url = models.URLField(_("livestream link"), max_length=500, blank=True)
    published = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="talk_ends_after"
            )
        ]

    def __str__(self) -> str:
        return self.title_en

    @property
    def title(self) -> str:
        return _bilingual(self.title_en, self.title_zh)

    @property
    def seats_left(self) -> int:
        registered = getattr(self, "registered", None)
        if registered is None:
            registered = self.registrations.count()
        return max(0, self.capacity - registered)

    @property
    def is_over(self) -> bool:
        return self.ends_at <= timezone.now()


def new_ticket_code() -> str:
    # 10 characters from an alphabet without look-alikes: typed at the door when a camera fails.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class TalkRegistration(models.Model):
    """A student's registration for a talk; the ticket code is the QR code shown at the door."""

    talk = models.ForeignKey(CampusTalk, on_delete=models.CASCADE, related_name="registrations")
    full_name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    school = models.CharField(max_length=200)
    graduation_year = models.PositiveSmallIntegerField()
    consent_version = models.CharField(max_length=20)
    language = models.CharField(max_length=10, default="zh-hans")
    ticket_code = models.CharField(max_length=16, unique=True, default=new_ticket_code)
    registered_at = models.DateTimeField(auto_now_add=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticket_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["registered_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["talk", "email"], name="one_registration_per_email")]

    def __str__(self) -> str:
        return f"registration {self.pk} for talk {self.talk_id}"


class TalkAttribution(models.Model):
    """An application made by someone who came to (or registered for) a talk: the talk is its source."""

    application = models.OneToOneField(
        "pipeline.Application", on_delete=models.CASCADE, related_name="campus_talk_attribution"
    )
    registration = models.ForeignKey(TalkRegistration, on_delete=models.CASCADE, related_name="applications")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"application {self.application_id} from registration {self.registration_id}"


# -- interview days ----------------------------------------------------------------------------------------


class InterviewDay(models.Model):
    """One city's interview days (one or more dates): who is interviewed in which rounds, by whom, where."""

    drive = models.ForeignKey("plans.Drive", on_delete=models.CASCADE, related_name="interview_days")
    city = models.ForeignKey("plans.City", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    # ISO dates, in order.
    dates = models.JSONField(default=list)
    day_start = models.TimeField(default="09:00")
    day_end = models.TimeField(default="18:00")
    slot_minutes = models.PositiveSmallIntegerField(default=45)
    # Free slots at least between two rounds of one candidate.
    min_gap_slots = models.PositiveSmallIntegerField(default=0)
    time_zone = models.CharField(max_length=64, default="Asia/Shanghai")
    requisitions = models.ManyToManyField("plans.Requisition", related_name="interview_days")
    # Interview stage codes in order, e.g. ["technical_1", "technical_2", "hr_interview"].
    stage_codes = models.JSONField(default=list)
    # Round codes an HR interviewer (no focus area needed) takes.
    general_stage_codes = models.JSONField(default=list, blank=True)
    # {application id: ISO date} a candidate asked for.
    preferred_dates = models.JSONField(default=dict, blank=True)
    last_plan = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class InterviewDayRoom(models.Model):
    """A room (``capacity`` interview tables at once) or a video link (its own capacity)."""

    day = models.ForeignKey(InterviewDay, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(max_length=120)
    capacity = models.PositiveSmallIntegerField(default=1)
    video_url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class InterviewDayInterviewer(models.Model):
    day = models.ForeignKey(InterviewDay, on_delete=models.CASCADE, related_name="interviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    focus_areas = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list)
    # [{"date": "2026-10-20", "start": "09:00", "end": "12:00"}, ...]
    windows = models.JSONField(default=list)
    daily_cap = models.PositiveSmallIntegerField(default=8)
    # Stage codes this person interviews in (empty: the technical rounds, or the general ones for HR).
    stage_codes = models.JSONField(default=list, blank=True)
    conflict_schools = models.JSONField(default=list, blank=True)
    conflict_application_ids = models.JSONField(default=list, blank=True)
    # Days this person would rather not interview on (a soft wish).
    preferences = models.JSONField(default=dict, blank=True)
    dropped_out = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["day", "user"], name="one_entry_per_interviewer")]

    def __str__(self) -> str:
        return f"interviewer {self.user_id} on interview day {self.day_id}"


class InterviewDayAssignment(models.Model):
    """One planned interview: which candidate, which round, when, with whom, where."""

    day = models.ForeignKey(InterviewDay, on_delete=models.CASCADE, related_name="assignments")
    application = models.ForeignKey("pipeline.Application", on_delete=models.CASCADE, related_name="+")
    stage_code = models.CharField(max_length=40)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    room = models.ForeignKey(InterviewDayRoom, on_delete=models.PROTECT, related_name="+")
    interview = models.OneToOneField(
        "interviews.Interview", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "application", "stage_code"], name="one_assignment_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_code} of application {self.application_id} at {self.starts_at}"
