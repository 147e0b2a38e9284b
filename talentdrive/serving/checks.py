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


@register(Tags.security, deploy=True)
def portal_address_is_set(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """Emails sent outside a request (role suggestions, imports' confirmations) link to the career site."""
    if not getattr(settings, "TALENTDRIVE_PORTAL_URL", ""):
        return [
            Warning(
                "TALENTDRIVE_PORTAL_URL is not set: emails sent outside a request cannot link to the career "
                "site, and suggesting another role to a candidate is refused.",
                hint="Set TALENTDRIVE_PORTAL_URL to the career site's public address, e.g. https://jobs.example.com.",
                id="talentdrive.W002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def tasks_run_off_the_request(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """With the immediate backend, parsing and emails run inside the request that asked for them."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == settings.IMMEDIATE_TASKS:
        return [
            Warning(
                f"TASKS_BACKEND is {backend}: résumé parsing, emails and index rebuilds run inside web "
                "requests, so a slow or hostile upload holds a web worker, and failed tasks are not retried.",
                hint=(
                    f"Use {settings.DATABASE_TASKS} (the production default) and run `manage.py db_worker` "
                    "processes beside the web processes."
                ),
                id="talentdrive.W003",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def administrators_use_a_second_factor(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """An administrator's password alone opens every candidate's data."""
    if not settings.TALENTDRIVE_ADMIN_SECOND_FACTOR:
        return [
            Warning(
                "TALENTDRIVE_ADMIN_SECOND_FACTOR is off: administrators may sign in with a password alone.",
                hint="Leave it unset (on in production) so administrators must enrol an authenticator app.",
                id="talentdrive.W004",
            )
        ]
    return []
