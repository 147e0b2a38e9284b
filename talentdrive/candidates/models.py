from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Candidate(models.Model):
    """One person, deduplicated by normalised email and phone across channels and languages."""

    full_name = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254, blank=True, help_text="Lower-cased, trimmed.")
    phone = models.CharField(max_length=32, blank=True, help_text="E.164.")
    location = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # The separate, optional box of the apply form: keep me for other roles after this drive. Without it
    # the person is erased when the retention period of their drives has passed (hiring/retention.py).
    talent_pool_consent_at = models.DateTimeField(null=True, blank=True)
    # Set while this record is merged into another (pending or confirmed, ``CandidateMerge``): it holds
    # nothing any more, and a new application with its email or phone goes to the record it joined.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["email"], condition=~models.Q(email=""), name="candidate_unique_email"
            ),
            models.UniqueConstraint(
                fields=["phone"], condition=~models.Q(phone=""), name="candidate_unique_phone"
            ),
        ]

    def __str__(self) -> str:
        return f"candidate #{self.pk}"


class ConsentRecord(models.Model):
    """A candidate's consent to personal-data processing: which text, in which language, and when.

    The exact wording shown is copied in, so the record proves what was agreed to even after the
    text is revised under a new version.
    """

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="consents")
    version = models.CharField(max_length=20)
    language = models.CharField(max_length=10)
    text = models.TextField()
    given_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_at", "-id"]
        indexes = [models.Index(fields=["candidate", "version"])]

    def __str__(self) -> str:
        return f"consent {self.version} by candidate #{self.candidate_id}"


class TagColour(models.TextChoices):
    """A small fixed palette, so every colour has a class in the stylesheet (no inline styles)."""

    GREY = "grey", _("Grey")
    BLUE = "blue", _("Blue")
    GREEN = "green", _("Green")
    AMBER = "amber", _("Amber")
    RED = "red", _("Red")
    PURPLE = "purple", _("Purple")


TAG_NAME_MAX = 40


class Tag(models.Model):
    """A label recruiters put on candidates ("strong coder", "relocating"); one name, whatever its case."""

    name = models.CharField(max_length=TAG_NAME_MAX)
    colour = models.CharField(max_length=10, choices=TagColour.choices, default=TagColour.GREY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="tag_unique_name_ci")]

    def __str__(self) -> str:
        return self.name


class CandidateTag(models.Model):
    """One tag on one candidate, and who put it there."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="candidate_links")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tag__name"]
        constraints = [models.UniqueConstraint(fields=["candidate", "tag"], name="candidate_tag_unique")]

    def __str__(self) -> str:
        return f"{self.tag} on candidate #{self.candidate_id}"


class MergeStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    UNDONE = "undone", _("Undone")


class CandidateMerge(models.Model):
    """Two records of one person made one: what moved from ``merged`` to ``keep``, by id, so that the
    merge can be undone exactly while it is pending. Confirming it erases the merged record."""

    keep = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="merges_kept")
    merged = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="merges_merged")
    status = models.CharField(max_length=10, choices=MergeStatus.choices, default=MergeStatus.PENDING)
    # {"applications": [ids], "notes": [ids], "consents": [ids], "resumes": [ids], "tag_links": [ids],
    #  "tags_dropped": [tag ids the kept record already had], "resumes_left": [ids of identical files]}
    moved = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"merge #{self.pk}: candidate #{self.merged_id} into #{self.keep_id} ({self.status})"


# Volunteered group data lives in its own module, apart from the candidate's record; imported here so
# Django finds the model in this app.
from talentdrive.candidates.models_groups import GroupDeclaration  # noqa: E402, F401
