from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    LEADERSHIP = "leadership", _("Leadership / HR head")
    RECRUITER = "recruiter", _("Recruiter")
    HIRING_MANAGER = "hiring_manager", _("Hiring manager")
    INTERVIEWER = "interviewer", _("Interviewer")


class User(AbstractUser):
    """A staff member. Candidates have no account: they use signed links."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RECRUITER)
    display_name = models.CharField(max_length=120, blank=True)
    # The language of the emails this person gets (the weekly report); empty: the site's default.
    language = models.CharField(
        _("language for emails"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    # A recruiter sees the requisitions of these teams and cities; empty means no limit on that axis.
    scope_teams = models.ManyToManyField("plans.Team", blank=True, related_name="scoped_users")
    scope_cities = models.ManyToManyField("plans.City", blank=True, related_name="scoped_users")

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_drive_admin(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the REST API; only its SHA-256 digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
