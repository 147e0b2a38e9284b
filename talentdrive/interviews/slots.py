"""Times offered to a candidate for an interview, and the candidate choosing one on the status page.

A recruiter (or the hiring manager) offers a few times for one round, with the interviewers, the
length and the place; each time is checked against everyone's calendar and the interviewers' weekly
cap when offered. The candidate gets an email with the link to their status page, and picking a time
there books the interview through the same checks as scheduling (``services.interview_book``), under
the same locks: a time taken meanwhile is refused and the candidate picks another. Closing the
application withdraws the times still on offer (``services.interviews_cancel_for_application``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.interviews import access
from talentdrive.interviews.errors import InterviewRefused, SlotRefused
from talentdrive.interviews.models import DEFAULT_TIME_ZONE, Interview, SlotOffer, SlotOfferStatus
from talentdrive.interviews.services import (
    interview_book,
    interview_people_lock,
    interview_round_of,
    interview_time_check,
)
from talentdrive.pipeline.correspondence import candidate_email_schedule
from talentdrive.pipeline.models import Application, EmailTemplate

MAX_TIMES = 6
# The shipped email asking the candidate to choose (pipeline migration 0010); retiring it turns it off.
SLOTS_EMAIL_TEMPLATE = "interview_times"


def slot_times(offer: SlotOffer) -> list[dt.datetime]:
    """The offered start times, in order, as aware date-times."""
    return [dt.datetime.fromisoformat(raw) for raw in offer.starts]


def _local(moment: dt.datetime, zone: str) -> str:
    import zoneinfo

    return timezone.localtime(moment, zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _clean_times(starts: Iterable[dt.datetime], zone: str) -> list[dt.datetime]:
    times = sorted(starts)
    if not times:
        raise SlotRefused("no_times", field="starts")
    if len(times) > MAX_TIMES:
        raise SlotRefused("too_many_times", field="starts", params={"count": MAX_TIMES})
    now = timezone.now()
    for earlier, later in zip(times, times[1:], strict=False):
        if earlier == later:
            raise SlotRefused("same_time_twice", field="starts", params={"when": _local(later, zone)})
    for moment in times:
        if timezone.is_naive(moment):
            raise ValueError("offered times must be aware date-times")
        if moment <= now:
            raise SlotRefused("in_the_past", field="starts", params={"when": _local(moment, zone)})
    return times


@transaction.atomic
def interview_slots_offer(
    *,
    application_id: int,
    stage_code: str,
    starts: Sequence[dt.datetime],
    interviewer_ids: Iterable[int],
    actor: Actor,
    duration_minutes: int | None = None,
    time_zone: str = DEFAULT_TIME_ZONE,
    location: str = "",
    video_url: str = "",
    notify: bool = True,
) -> SlotOffer:
    """Offer the candidate ``starts`` for one round; every time is free for everyone when offered.
    With ``notify`` (not for seeded data) the candidate is emailed the link to choose."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("requisition__drive", "candidate")
        .get(pk=application_id)
    )
    if not access.interview_can_schedule(actor, application):
        raise InterviewRefused("not_allowed")
    if not application.is_active:
        raise InterviewRefused("not_active")
    interview_round = interview_round_of(application, stage_code, actor)
    if SlotOffer.objects.filter(
        application=application, stage_code=stage_code, status=SlotOfferStatus.OPEN
    ).exists():
        raise SlotRefused("already_offered", field="stage_code")
    minutes = duration_minutes or interview_round.duration_minutes
    times = _clean_times(starts, time_zone)
    interviewers = interview_people_lock(application.candidate_id, interviewer_ids)
    for moment in times:
        try:
            interview_time_check(
                application=application,
                interviewers=interviewers,
                starts_at=moment,
                minutes=minutes,
                time_zone=time_zone,
            )
        except InterviewRefused as error:
            raise SlotRefused(
                "time_busy",
                field=error.field or "starts",
                params={"when": _local(moment, time_zone), "problem": str(error.message)},
            ) from error
    offer = SlotOffer.objects.create(
        application=application,
        round=interview_round,
        stage_code=stage_code,
        starts=[moment.astimezone(dt.UTC).isoformat() for moment in times],
        duration_minutes=minutes,
        time_zone=time_zone,
        location=location.strip()[:200],
        video_url=video_url.strip()[:500],
        created_by=actor if isinstance(actor, User) else None,
    )
    offer.interviewers.set(interviewers)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_SLOTS_OFFER,
        target=offer,
        data={
            "application_id": application.pk,
            "round": stage_code,
            "starts": offer.starts,
            "time_zone": time_zone,
            "interviewer_ids": [user.pk for user in interviewers],
        },
    )
    template = EmailTemplate.objects.filter(code=SLOTS_EMAIL_TEMPLATE, active=True).first()
    if notify and template is not None:
        candidate_email_schedule(application=application, template=template, actor=actor)
    return offer


def _locked_offer(offer_id: int) -> SlotOffer:
    offer = SlotOffer.objects.select_for_update(of=("self",)).select_related("application").get(pk=offer_id)
    if not offer.is_open:
        raise SlotRefused("not_open")
    return offer


@transaction.atomic
def interview_slot_pick(
    *, offer_id: int, candidate_id: int, starts_at: dt.datetime, actor: Actor
) -> Interview:
    """The candidate (holding their status link: the caller checked it is theirs, ``candidate_id``) books
    one of the offered times; the interview and its invitations follow as if a recruiter had booked it."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .filter(interview_slot_offers__pk=offer_id, candidate_id=candidate_id)
        .first()
    )
    if application is None:
        raise SlotOffer.DoesNotExist(f"slot offer {offer_id} does not exist")
    offer = _locked_offer(offer_id)
    if starts_at not in slot_times(offer):
        raise SlotRefused("not_offered", field="starts_at")
    if starts_at <= timezone.now():
        raise SlotRefused("passed", field="starts_at")
    try:
        interview = interview_book(
            application=application,
            stage_code=offer.stage_code,
            starts_at=starts_at,
            interviewer_ids=list(offer.interviewers.values_list("pk", flat=True)),
            actor=actor,
            duration_minutes=offer.duration_minutes,
            time_zone=offer.time_zone,
            location=offer.location,
            video_url=offer.video_url,
        )
    except InterviewRefused as error:
        # Someone else's booking is not the candidate's business: "taken", without names.
        code = "not_open" if error.code == "not_active" else "taken"
        raise SlotRefused(code, field="starts_at") from error
    offer.status = SlotOfferStatus.PICKED
    offer.interview = interview
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "interview", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_SLOT_PICK,
        target=offer,
        data={
            "application_id": application.pk,
            "interview_id": interview.pk,
            "starts_at": starts_at.isoformat(),
        },
    )
    return interview


@transaction.atomic
def interview_slots_withdraw(*, offer_id: int, actor: Actor, reason: str = "") -> SlotOffer:
    """Take back times not yet chosen (the candidate's page no longer offers them)."""
    offer = _locked_offer(offer_id)
    if not access.interview_can_schedule(actor, offer.application):
        raise InterviewRefused("not_allowed")
    return _withdraw(offer, actor=actor, reason=reason)


def _withdraw(offer: SlotOffer, *, actor: Actor, reason: str) -> SlotOffer:
    offer.status = SlotOfferStatus.WITHDRAWN
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_SLOTS_WITHDRAW,
        target=offer,
        reason=reason[:2000],
        data={"application_id": offer.application_id, "round": offer.stage_code},
    )
    return offer


def slot_offers_withdraw_for_application(*, application: Application, actor: Actor, reason: str) -> list[int]:
    """Withdraw the times still on offer for a closed application (a consequence, no access check)."""
    open_offers = SlotOffer.objects.select_for_update().filter(
        application=application, status=SlotOfferStatus.OPEN
    )
    return [_withdraw(offer, actor=actor, reason=reason).pk for offer in open_offers]
