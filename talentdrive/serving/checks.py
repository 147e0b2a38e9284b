"""Deployment checks (``manage.py check --deploy``) for what a production site must not run with."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

UNDELIVERED = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(Tags.security, deploy=True)
def email_is_delivered(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """Candidates' confirmations and status links must reach them, not a log or a file."""
    if settings.EMAIL_BACKEND in UNDELIVERED:
        return [
            Warning(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which delivers no email: candidates get no "
                "confirmation, and their names, addresses and status links end up in logs or files.",
                hint="Set EMAIL_BACKEND to an SMTP or provider backend (the production default is SMTP).",
                id="talentdrive.W001",
            )
        ]
    return []
