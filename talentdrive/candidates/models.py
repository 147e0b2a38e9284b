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
