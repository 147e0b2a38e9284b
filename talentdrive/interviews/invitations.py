"""Calendar invitations: one iCalendar (RFC 5545) event per interview, emailed as a text/calendar part.

The event's UID is the interview's, and SEQUENCE its revision: a reschedule sends METHOD:REQUEST with
a higher SEQUENCE, which calendars apply as an update, and a cancellation METHOD:CANCEL. The
candidate's email is in the language they applied in; the interviewers' names no candidate (blind
review), only the round, the requisition and the link to the back office.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import zoneinfo
from email.mime.text import MIMEText

import icalendar
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from talentdrive.interviews.models import Interview, InterviewInvitation, InvitationMethod

logger = logging.getLogger(__name__)
PRODID = "-//Talent Drive//Interviews//EN"


def _round_name(interview: Interview, chinese: bool) -> str:
    if interview.round is None:
        return interview.stage_code
    return interview.round.name_zh if chinese else interview.round.name_en


def invitation_calendar(
    interview: Interview, *, method: str, sequence: int, language: str, for_candidate: bool, address: str
) -> bytes:
    """The .ics body of one invitation or cancellation, times in the interview's time zone."""
    chinese = language.startswith("zh")
    requisition = interview.application.requisition
    zone = zoneinfo.ZoneInfo(interview.time_zone)
    with translation.override(language):
        title = requisition.title_zh if chinese else requisition.title_en
        if for_candidate:
            summary = _("Interview: %(title)s") % {"title": title}
        else:
            summary = _("Interview: %(round)s · %(requisition)s") % {
                "round": _round_name(interview, chinese),
                "requisition": requisition.external_id,
            }
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = icalendar.Event()
    event.add("uid", f"{interview.uid}@talentdrive")
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", interview.starts_at.astimezone(zone))
    event.add("dtend", interview.ends_at.astimezone(zone))
    event.add("summary", summary)
    where = interview.location or interview.video_url
    if where:
        event.add("location", where)
    if interview.video_url:
        event.add("url", interview.video_url)
    event.add("status", "CANCELLED" if method == InvitationMethod.CANCEL else "CONFIRMED")
    organizer = icalendar.vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    event.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{address}")
    attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    attendee.params["rsvp"] = icalendar.vText("TRUE")
    event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _recipient(invitation: InterviewInvitation) -> str:
    if invitation.user_id is None:
        candidate = invitation.interview.application.candidate
        return "" if candidate.erased_at is not None else candidate.email
    return invitation.user.email if invitation.user is not None and invitation.user.is_active else ""


def _message(invitation: InterviewInvitation, address: str) -> EmailMessage:
    interview = invitation.interview
    language = invitation.language
    for_candidate = invitation.user_id is None
    ics = invitation_calendar(
        interview,
        method=invitation.method,
        sequence=invitation.sequence,
        language=language,
        for_candidate=for_candidate,
        address=address,
    )
    chinese = language.startswith("zh")
    requisition = interview.application.requisition
    with translation.override(language):
        local = timezone.localtime(interview.starts_at, zoneinfo.ZoneInfo(interview.time_zone))
        context = {
            "interview": interview,
            "cancelled": invitation.method == InvitationMethod.CANCEL,
            "update": invitation.sequence > 0 and invitation.method == InvitationMethod.REQUEST,
            "for_candidate": for_candidate,
            "title": requisition.title_zh if chinese else requisition.title_en,
            "requisition": requisition,
            "round_name": _round_name(interview, chinese),
            "when": local.strftime("%Y-%m-%d %H:%M"),
            "time_zone": interview.time_zone,
        }
        subject = render_to_string("interviews/email/invitation_subject.txt", context).strip()
        body = render_to_string("interviews/email/invitation.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [address])
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", invitation.method)
    part.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(part)
    return message


def interview_invitations_send(*, interview_id: int) -> int:
    """Send every calendar email owed for this interview; answer how many went.

    Each is claimed by a conditional update first, so two runs never send one twice; a mail server
    fault gives the claim back and marks it failed, and a person without an address gets nothing."""
    owed = InterviewInvitation.objects.filter(
        interview_id=interview_id, sent_at__isnull=True, failed_at__isnull=True
    ).select_related(
        "interview__application__candidate", "interview__application__requisition", "interview__round", "user"
    )
    delivered = 0
    for invitation in owed:
        claimed = InterviewInvitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        if not claimed:
            continue
        address = _recipient(invitation)
        if not address:
            InterviewInvitation.objects.filter(pk=invitation.pk).update(
                sent_at=None, failed_at=timezone.now()
            )
            continue
        try:
            _message(invitation, address).send()
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("interview invitation %s not sent: %s", invitation.pk, type(error).__name__)
            InterviewInvitation.objects.filter(pk=invitation.pk).update(
                sent_at=None, failed_at=timezone.now()
            )
            continue
        delivered += 1
    return delivered
