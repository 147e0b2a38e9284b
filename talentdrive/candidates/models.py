from __future__ import annotations

from django.db import models


class Candidate(models.Model):
    """One person, deduplicated by normalised email and phone across channels and languages."""

    full_name = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254, blank=True, help_text="Lower-cased, trimmed.")
    phone = models.CharField(max_length=32, blank=True, help_text="E.164.")
    location = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True)

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
