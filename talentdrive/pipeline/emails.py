"""Emails to candidates, written in the language they applied in, sent through Django's email backend.

The private status link points at the career portal's status page, reached by its URL name, so the
domain needs no import from the portal.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import BadHeaderError, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from talentdrive.candidates.models import Candidate
from talentdrive.candidates.tokens import status_token_make
from talentdrive.pipeline.core.placeholders import subject_line
from talentdrive.pipeline.models import Application

logger = logging.getLogger(__name__)


def status_url(*, candidate: Candidate, language: str, base_url: str) -> str:
    with translation.override(language):
        path = reverse("portal:status", kwargs={"token": status_token_make(candidate=candidate)})
    return base_url.rstrip("/") + path


def job_url(*, requisition_id: int, language: str, base_url: str) -> str:
    """The job's public page on the career portal, in ``language``."""
    with translation.override(language):
        path = reverse("portal:job", kwargs={"pk": requisition_id})
    return base_url.rstrip("/") + path


def _deliver(subject: str, body: str, address: str, kind: str) -> bool:
    """Send one email; a mail server fault is logged and must not undo or hide a stored application."""
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except (smtplib.SMTPException, OSError, BadHeaderError) as error:
        # No address in the log: it is personal data. A header Django refuses is a failed send, never
        # an error page for the applicant whose application is already stored.
        logger.warning("%s email not sent: %s", kind, type(error).__name__)
        return False
    return True


def send_application_confirmation(*, application: Application, base_url: str, again: bool = False) -> bool:
    """The confirmation with the private status link; the link goes only to the address on file.

    Answers whether the mail server took it (False too when the person left no email address)."""
    candidate = application.candidate
    if not candidate.email:
        return False
    language = application.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "application": application,
            "requisition": application.requisition,
            "candidate": candidate,
            "status_url": status_url(candidate=candidate, language=language, base_url=base_url),
            "again": again,
        }
        # One line whatever a job title holds: a line break must not reach the Subject header.
        subject = subject_line(render_to_string("pipeline/email/confirmation_subject.txt", context))
        body = render_to_string("pipeline/email/confirmation.txt", context)
    return _deliver(subject, body, candidate.email, "confirmation")


def send_status_link(*, candidate: Candidate, language: str, base_url: str) -> bool:
    """The private status link again, for a candidate who lost the confirmation email."""
    if not candidate.email:
        return False
    with translation.override(language):
        context = {
            "candidate": candidate,
            "status_url": status_url(candidate=candidate, language=language, base_url=base_url),
        }
        subject = subject_line(render_to_string("pipeline/email/status_link_subject.txt", context))
        body = render_to_string("pipeline/email/status_link.txt", context)
    return _deliver(subject, body, candidate.email, "status link")
