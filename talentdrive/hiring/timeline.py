"""A candidate's whole timeline, as one reader may see it: the pipeline's entries (applications, stage
changes, notes, emails) with the interviews (scheduled, moved, cancelled), the scorecards and every step
of the offers, oldest first.

Each part is read through its domain's access rules: interviews through ``interviews.access``
(an interviewer sees only their own), scorecards through its scorecard scope (others' only after one's
own), offers through ``offers.access``. Who did what and when comes from the audit trail, the one record
that has every step.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from talentdrive.accounts.models import User
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import Candidate
from talentdrive.interviews import access as interview_access
from talentdrive.interviews.models import Interview, Scorecard
from talentdrive.offers import access as offer_access
from talentdrive.offers.models import Offer
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.selectors import TimelineEntry
from talentdrive.pipeline.selectors import candidate_timeline as pipeline_timeline

INTERVIEW_ACTIONS = (
    AuditAction.INTERVIEW_SCHEDULE,
    AuditAction.INTERVIEW_RESCHEDULE,
    AuditAction.INTERVIEW_CANCEL,
)
OFFER_ACTIONS = (
    AuditAction.OFFER_DRAFT,
    AuditAction.OFFER_SUBMIT,
    AuditAction.OFFER_APPROVE,
    AuditAction.OFFER_REJECT_APPROVAL,
    AuditAction.OFFER_SEND,
    AuditAction.OFFER_ACCEPT,
    AuditAction.OFFER_ACCEPT_REFUSED,
    AuditAction.OFFER_DECLINE,
    AuditAction.OFFER_EXPIRE,
    AuditAction.OFFER_RESCIND,
)


def _who(event: AuditEvent) -> str:
    if event.actor is not None:
        return str(event.actor)
    return {"candidate": _("the candidate"), "public": _("the candidate")}.get(
        event.actor_name, event.actor_name
    )


def _round_name(interview: Interview, chinese: bool) -> str:
    if interview.round is None:
        return interview.stage_code
    return interview.round.name_zh if chinese else interview.round.name_en


def _when(raw: object, zone: zoneinfo.ZoneInfo) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(raw))
    except ValueError:
        return ""
    return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M")


def _events(model: type[models.Model], ids: list[int], actions: tuple[AuditAction, ...]) -> list[AuditEvent]:
    if not ids:
        return []
    return list(
        AuditEvent.objects.filter(
            target_type=model._meta.label_lower, target_id__in=[str(pk) for pk in ids], action__in=actions
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def candidate_timeline(*, user: User, candidate: Candidate, zone: str | None = None) -> list[TimelineEntry]:
    """Everything about this person that ``user`` may read, oldest first; interview times in ``zone``
    (the viewer's time zone; the site's by default)."""
    chinese = (get_language() or "en").startswith("zh")
    local = zoneinfo.ZoneInfo(zone or settings.TIME_ZONE)
    entries = pipeline_timeline(user=user, candidate=candidate)
    visible = Application.objects.filter(pipeline_access.application_scope(user), candidate=candidate)

    interviews = {
        interview.pk: interview
        for interview in Interview.objects.filter(
            interview_access.interview_scope(user), application__candidate=candidate
        )
        .select_related("round")
        .distinct()
    }
    for event in _events(Interview, list(interviews), INTERVIEW_ACTIONS):
        interview = interviews[int(event.target_id)]
        when = _when(event.data.get("starts_at"), local)
        entries.append(
            TimelineEntry(
                event.created_at,
                "interview",
                _who(event),
                " · ".join(part for part in (_round_name(interview, chinese), when) if part),
                application_id=interview.application_id,
                status=event.action,
                status_label=str(event.get_action_display()),
                note=event.reason,
            )
        )

    scorecards = (
        Scorecard.objects.filter(
            interview_access.scorecard_scope(user), interview__application__candidate=candidate
        )
        .select_related("interview__round", "interviewer")
        .distinct()
    )
    for scorecard in scorecards:
        entries.append(
            TimelineEntry(
                scorecard.submitted_at,
                "scorecard",
                str(scorecard.interviewer),
                _round_name(scorecard.interview, chinese),
                application_id=scorecard.interview.application_id,
                status=scorecard.recommendation,
                status_label=str(scorecard.get_recommendation_display()),
            )
        )

    offers = {
        offer.pk: offer
        for offer in Offer.objects.filter(
            offer_access.offer_scope(user), application__in=visible.values("pk")
        )
    }
    for event in _events(Offer, list(offers), OFFER_ACTIONS):
        offer = offers[int(event.target_id)]
        entries.append(
            TimelineEntry(
                event.created_at,
                "offer",
                _who(event),
                f"#{offer.pk}",
                application_id=offer.application_id,
                status=event.action,
                status_label=str(event.get_action_display()),
                note=event.reason,
            )
        )
    return sorted(entries, key=lambda entry: entry.at)


def application_timeline(
    *, user: User, application: Application, zone: str | None = None
) -> list[TimelineEntry]:
    """The part of the candidate's timeline about this application, and the notes on the person."""
    return [
        entry
        for entry in candidate_timeline(user=user, candidate=application.candidate, zone=zone)
        if entry.application_id == application.pk or (entry.kind == "note" and entry.application_id is None)
    ]
