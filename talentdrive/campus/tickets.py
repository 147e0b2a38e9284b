"""The ticket of a campus talk registration: a QR code (segno) of the door's check-in address with the
ticket code, emailed as a PNG attachment in the student's language. The code is also printed in the
email, to be typed at the door when no camera is at hand."""

from __future__ import annotations

import io
import logging
import smtplib
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from talentdrive.campus.models import TalkRegistration

logger = logging.getLogger(__name__)


def ticket_url(registration: TalkRegistration, base_url: str) -> str:
    """What the QR code holds: the talk's check-in page with the code, so a recruiter's phone camera
    opens the page ready to check the ticket in (the page needs a staff sign-in)."""
    path = reverse("backoffice:talk_check_in", args=[registration.talk_id])
    return f"{base_url.rstrip('/')}{path}?{urlencode({'code': registration.ticket_code})}"


def ticket_png(content: str, *, scale: int = 8) -> bytes:
    out = io.BytesIO()
    segno.make(content, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def ticket_svg(content: str) -> str:
    out = io.BytesIO()
    segno.make(content, error="m").save(out, kind="svg", scale=6, border=4, xmldecl=False)
    return out.getvalue().decode("utf-8")


def _message(registration: TalkRegistration, base_url: str) -> EmailMessage:
    talk = registration.talk
    language = registration.language
    with translation.override(language):
        context = {
            "registration": registration,
            "talk": talk,
            "title": talk.title_zh if language.startswith("zh") else talk.title_en,
            "when": timezone.localtime(talk.starts_at).strftime("%Y-%m-%d %H:%M"),
            "until": timezone.localtime(talk.ends_at).strftime("%H:%M"),
            "time_zone": settings.TIME_ZONE,
        }
        subject = render_to_string("campus/email/ticket_subject.txt", context).strip()
        body = render_to_string("campus/email/ticket.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [registration.email])
    message.attach(
        f"ticket-{registration.ticket_code}.png", ticket_png(ticket_url(registration, base_url)), "image/png"
    )
    return message


def talk_ticket_send(*, registration_id: int, base_url: str) -> bool:
    """Send the ticket email; answer whether it went. Claimed by a conditional update first, so two
    runs at once send it once; a mail server fault gives the claim back."""
    registration = TalkRegistration.objects.select_related("talk").filter(pk=registration_id).first()
    if registration is None:
        return False
    previous = registration.ticket_sent_at
    claimed = TalkRegistration.objects.filter(pk=registration.pk, ticket_sent_at=previous).update(
        ticket_sent_at=timezone.now()
    )
    if not claimed:
        return False
    try:
        _message(registration, base_url).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("campus talk ticket %s not sent: %s", registration.pk, type(error).__name__)
        TalkRegistration.objects.filter(pk=registration.pk).update(ticket_sent_at=previous)
        return False
    return True
