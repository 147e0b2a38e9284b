"""Scheduling interviews: schedule, reschedule, cancel. Each locks what it checks, audits, queues the
calendar emails and the webhook in its transaction, and sends after the commit.

Double-booking is checked under row locks on the people involved (the candidate and every
interviewer, in primary-key order), so two recruiters booking the same interviewer at once cannot
both succeed: the second waits, then sees the first's interview and is refused with it named.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import Candidate
from talentdrive.interviews import access
from talentdrive.interviews.errors import InterviewRefused
from talentdrive.interviews.models import (
    DEFAULT_TIME_ZONE,
    Interview,
    InterviewInvitation,
    InterviewRound,
    InterviewStatus,
    InvitationMethod,
)
from talentdrive.interviews.plans import interview_plan_ensure
from talentdrive.pipeline.models import Application
from talentdrive.webhooks.models import WebhookEvent
from talentdrive.webhooks.services import webhook_event_emit

MAX_HOURS = 8


def interviewer_weekly_cap() -> int:
    return int(str(settings.TALENTDRIVE.get("INTERVIEWER_WEEKLY_CAP", 8)))


def week_of(moment: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The calendar week (Monday 00:00 to the next Monday, in the site's time zone) holding ``moment``."""
    local = timezone.localtime(moment, zoneinfo.ZoneInfo(settings.TIME_ZONE))
    monday = (local - dt.timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    return monday, monday + dt.timedelta(days=7)


def _local_text(moment: dt.datetime, zone: str) -> str:
    return timezone.localtime(moment, zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _zone(name: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise InterviewRefused("unknown_time_zone", field="time_zone", params={"zone": name[:64]}) from error
    return name


def _times(starts_at: dt.datetime, minutes: int) -> tuple[dt.datetime, dt.datetime]:
    if timezone.is_naive(starts_at):
        raise ValueError("starts_at must be an aware date-time")
    if minutes <= 0:
        raise InterviewRefused("ends_before_start", field="duration_minutes")
    if minutes > MAX_HOURS * 60:
        raise InterviewRefused("too_long", field="duration_minutes", params={"hours": MAX_HOURS})
    return starts_at, starts_at + dt.timedelta(minutes=minutes)


def _lock_people(candidate_id: int, interviewer_ids: Iterable[int]) -> list[User]:
    """Lock the candidate's and the interviewers' rows, in a fixed order, and answer the interviewers."""
    ids = sorted(set(interviewer_ids))
    if not ids:
        raise InterviewRefused("no_interviewers", field="interviewers")
    Candidate.objects.select_for_update().filter(pk=candidate_id).first()
    interviewers = list(User.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if len(interviewers) != len(ids):
        raise InterviewRefused("no_interviewers", field="interviewers")
    for interviewer in interviewers:
        if not interviewer.is_active:
            raise InterviewRefused(
                "interviewer_inactive", field="interviewers", params={"name": str(interviewer)}
            )
    return interviewers


def _refuse_double_booking(
    *,
    application: Application,
    interviewers: Sequence[User],
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    time_zone: str,
    exclude: int | None,
) -> None:
    overlapping = Interview.objects.filter(
        status=InterviewStatus.SCHEDULED, starts_at__lt=ends_at, ends_at__gt=starts_at
    ).select_related("application__requisition")
    if exclude is not None:
        overlapping = overlapping.exclude(pk=exclude)
    for interviewer in interviewers:
        clash = overlapping.filter(interviewers=interviewer).first()
        if clash is not None:
            raise InterviewRefused(
                "interviewer_busy",
                field="interviewers",
                params={
                    "name": str(interviewer),
                    "when": _local_text(clash.starts_at, time_zone),
                    "requisition": clash.application.requisition.external_id,
                },
            )
    clash = overlapping.filter(application__candidate_id=application.candidate_id).first()
    if clash is not None:
        raise InterviewRefused(
            "candidate_busy",
            field="starts_at",
            params={
                "when": _local_text(clash.starts_at, time_zone),
                "requisition": clash.application.requisition.external_id,
            },
        )


def _refuse_over_cap(*, interviewers: Sequence[User], starts_at: dt.datetime, exclude: int | None) -> None:
    week_start, week_end = week_of(starts_at)
    cap = interviewer_weekly_cap()
    week = Interview.objects.filter(
        status=InterviewStatus.SCHEDULED, starts_at__gte=week_start, starts_at__lt=week_end
    )
    if exclude is not None:
        week = week.exclude(pk=exclude)
    for interviewer in interviewers:
        count = week.filter(interviewers=interviewer).count()
        if count + 1 > cap:
            raise InterviewRefused(
                "load_cap",
                field="interviewers",
                params={"name": str(interviewer), "count": count, "week": week_start.date().isoformat()},
            )


def interview_time_check(
    *,
    application: Application,
    interviewers: Sequence[User],
    starts_at: dt.datetime,
    minutes: int,
    time_zone: str,
) -> None:
    """Refuse (``InterviewRefused``) a time at which a person is booked or an interviewer's week is full;
    for times offered before they are booked (``slots.py``)."""
    starts_at, ends_at = _times(starts_at, minutes)
    _refuse_double_booking(
        application=application,
        interviewers=interviewers,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=_zone(time_zone),
        exclude=None,
    )
    _refuse_over_cap(interviewers=interviewers, starts_at=starts_at, exclude=None)


def interview_people_lock(candidate_id: int, interviewer_ids: Iterable[int]) -> list[User]:
    """Lock the candidate and the interviewers (fixed order) and answer the interviewers, all active."""
    return _lock_people(candidate_id, interviewer_ids)


def _invite(interview: Interview, method: str, users: Iterable[User], *, candidate: bool = True) -> None:
    """Owe one calendar email per person for the interview's current sequence."""
    rows = [
        InterviewInvitation(
            interview=interview,
            user=user,
            method=method,
            sequence=interview.sequence,
            language=settings.LANGUAGE_CODE,
        )
        for user in users
    ]
    if candidate:
        rows.append(
            InterviewInvitation(
                interview=interview,
                user=None,
                method=method,
                sequence=interview.sequence,
                language=interview.application.language or settings.LANGUAGE_CODE,
            )
        )
    InterviewInvitation.objects.bulk_create(rows)


def _send_after_commit(interview_id: int) -> None:
    from talentdrive.interviews.tasks import interview_invitations_send_task

    transaction.on_commit(partial(interview_invitations_send_task.enqueue, interview_id))


def _emit(interview: Interview, event: str, actor: Actor) -> None:
    payload = {
        "interview_id": interview.pk,
        "application_id": interview.application_id,
        "requisition_id": interview.application.requisition_id,
        "candidate_id": interview.application.candidate_id,
        "round_code": interview.stage_code,
        "starts_at": interview.starts_at.isoformat(),
        "ends_at": interview.ends_at.isoformat(),
    }
    if interview.cancelled_at is not None:
        payload["cancelled_at"] = interview.cancelled_at.isoformat()
    webhook_event_emit(event=event, payload=payload, actor=actor)


def _data(interview: Interview, interviewers: Sequence[User]) -> dict[str, object]:
    return {
        "application_id": interview.application_id,
        "round": interview.stage_code,
        "starts_at": interview.starts_at.isoformat(),
        "ends_at": interview.ends_at.isoformat(),
        "time_zone": interview.time_zone,
        "interviewer_ids": [user.pk for user in interviewers],
        "sequence": interview.sequence,
    }


@transaction.atomic
def interview_schedule(
    *,
    application_id: int,
    stage_code: str,
    starts_at: dt.datetime,
    interviewer_ids: Iterable[int],
    actor: Actor,
    duration_minutes: int | None = None,
    time_zone: str = DEFAULT_TIME_ZONE,
    location: str = "",
    video_url: str = "",
) -> Interview:
    """Schedule one interview of an application in one of its requisition's interview rounds and
    invite the candidate and each interviewer; refused (nothing written, nothing sent) when a person
    is already booked then, or an interviewer's week is full."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("requisition__plan_line__focus_area", "requisition__drive")
        .get(pk=application_id)
    )
    if not access.interview_can_schedule(actor, application):
        raise InterviewRefused("not_allowed")
    return interview_book(
        application=application,
        stage_code=stage_code,
        starts_at=starts_at,
        interviewer_ids=interviewer_ids,
        actor=actor,
        duration_minutes=duration_minutes,
        time_zone=time_zone,
        location=location,
        video_url=video_url,
    )


def interview_round_of(application: Application, stage_code: str, actor: Actor) -> InterviewRound:
    """The requisition's interview round for ``stage_code`` (its plan made from the flow if it has none)."""
    plan = interview_plan_ensure(requisition=application.requisition, actor=actor)
    interview_round = plan.rounds.filter(stage_code=stage_code).first()
    if interview_round is None:
        raise InterviewRefused(
            "not_an_interview_stage", field="stage_code", params={"stage": stage_code[:40]}
        )
    return interview_round


def interview_book(
    *,
    application: Application,
    stage_code: str,
    starts_at: dt.datetime,
    interviewer_ids: Iterable[int],
    actor: Actor,
    duration_minutes: int | None = None,
    time_zone: str = DEFAULT_TIME_ZONE,
    location: str = "",
    video_url: str = "",
) -> Interview:
    """The booking itself, for a caller that has checked who may book (``interview_schedule`` for staff,
    ``slots.interview_slot_pick`` for the candidate choosing an offered time) and locked the application:
    refused when a person is already booked then or an interviewer's week is full."""
    if not application.is_active:
        raise InterviewRefused("not_active")
    interview_round = interview_round_of(application, stage_code, actor)
    time_zone = _zone(time_zone)
    starts_at, ends_at = _times(starts_at, duration_minutes or interview_round.duration_minutes)
    interviewers = _lock_people(application.candidate_id, interviewer_ids)
    _refuse_double_booking(
        application=application,
        interviewers=interviewers,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
        exclude=None,
    )
    _refuse_over_cap(interviewers=interviewers, starts_at=starts_at, exclude=None)
    interview = Interview.objects.create(
        application=application,
        round=interview_round,
        stage_code=stage_code,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
        location=location.strip()[:200],
        video_url=video_url.strip()[:500],
        created_by=actor if isinstance(actor, User) else None,
    )
    interview.interviewers.set(interviewers)
    _invite(interview, InvitationMethod.REQUEST, interviewers)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_SCHEDULE,
        target=interview,
        data=_data(interview, interviewers),
    )
    _emit(interview, WebhookEvent.INTERVIEW_SCHEDULED, actor)
    _send_after_commit(interview.pk)
    return interview


def _locked_interview(interview_id: int, actor: Actor) -> Interview:
    interview = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__requisition__drive", "application__candidate")
        .get(pk=interview_id)
    )
    if not access.interview_can_schedule(actor, interview.application):
        raise InterviewRefused("not_allowed")
    if interview.status == InterviewStatus.CANCELLED:
        raise InterviewRefused("cancelled")
    if interview.scorecards.exists():
        raise InterviewRefused("has_scorecards")
    return interview


@transaction.atomic
def interview_reschedule(
    *,
    interview_id: int,
    starts_at: dt.datetime,
    actor: Actor,
    duration_minutes: int | None = None,
    interviewer_ids: Iterable[int] | None = None,
    time_zone: str | None = None,
    location: str | None = None,
    video_url: str | None = None,
    reason: str = "",
) -> Interview:
    """Move an interview (and change its interviewers or place); every calendar gets the update with a
    higher SEQUENCE, an interviewer taken off it a cancellation."""
    interview = _locked_interview(interview_id, actor)
    before = set(interview.interviewers.values_list("pk", flat=True))
    ids = before if interviewer_ids is None else set(interviewer_ids)
    zone = _zone(time_zone or interview.time_zone)
    minutes = duration_minutes or int((interview.ends_at - interview.starts_at).total_seconds() // 60)
    starts_at, ends_at = _times(starts_at, minutes)
    interviewers = _lock_people(interview.application.candidate_id, ids)
    _refuse_double_booking(
        application=interview.application,
        interviewers=interviewers,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=zone,
        exclude=interview.pk,
    )
    _refuse_over_cap(interviewers=interviewers, starts_at=starts_at, exclude=interview.pk)
    Interview.objects.filter(pk=interview.pk).update(sequence=F("sequence") + 1)
    interview.refresh_from_db(fields=["sequence"])
    interview.starts_at, interview.ends_at, interview.time_zone = starts_at, ends_at, zone
    if location is not None:
        interview.location = location.strip()[:200]
    if video_url is not None:
        interview.video_url = video_url.strip()[:500]
    interview.save(update_fields=["starts_at", "ends_at", "time_zone", "location", "video_url"])
    interview.interviewers.set(interviewers)
    removed = User.objects.filter(pk__in=before - ids)
    _invite(interview, InvitationMethod.REQUEST, interviewers)
    _invite(interview, InvitationMethod.CANCEL, removed, candidate=False)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_RESCHEDULE,
        target=interview,
        reason=reason[:2000],
        data=_data(interview, interviewers),
    )
    _emit(interview, WebhookEvent.INTERVIEW_SCHEDULED, actor)
    _send_after_commit(interview.pk)
    return interview


@transaction.atomic
def interview_cancel(*, interview_id: int, actor: Actor, reason: str = "") -> Interview:
    """Cancel an interview: every calendar that had it gets METHOD:CANCEL with a higher SEQUENCE."""
    interview = _locked_interview(interview_id, actor)
    return _cancel(interview, actor=actor, reason=reason)


def _cancel(interview: Interview, *, actor: Actor, reason: str) -> Interview:
    Interview.objects.filter(pk=interview.pk).update(
        sequence=F("sequence") + 1, status=InterviewStatus.CANCELLED, cancelled_at=timezone.now()
    )
    interview.refresh_from_db(fields=["sequence", "status", "cancelled_at"])
    interviewers = list(interview.interviewers.all())
    _invite(interview, InvitationMethod.CANCEL, interviewers)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_CANCEL,
        target=interview,
        reason=reason[:2000],
        data=_data(interview, interviewers),
    )
    _emit(interview, WebhookEvent.INTERVIEW_CANCELLED, actor)
    _send_after_commit(interview.pk)
    return interview


def interviews_cancel_for_application(*, application: Application, actor: Actor) -> list[int]:
    """Cancel the application's interviews still to come because it was rejected or withdrawn; the ids.
    Every calendar that had one gets the cancellation. Interviews already held stay, with their
    scorecards.

    A consequence of a closing the actor was allowed to make (checked by the pipeline), so no access
    check here. Call in the transaction that closes the application."""
    reason = {"rejected": "application rejected", "withdrawn": "application withdrawn"}.get(
        application.stage, "application closed"
    )
    upcoming = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__requisition", "application__candidate")
        .filter(application=application, status=InterviewStatus.SCHEDULED, starts_at__gt=timezone.now())
        .exclude(scorecards__isnull=False)
        .order_by("starts_at", "pk")
    )
    return [_cancel(interview, actor=actor, reason=reason).pk for interview in upcoming]
