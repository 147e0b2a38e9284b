"""Submitting a scorecard: one per interviewer and interview, after the interview has started."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.interviews import access
from talentdrive.interviews.core.attributes import attribute_name
from talentdrive.interviews.errors import ScorecardRefused
from talentdrive.interviews.models import (
    RATING_MAX,
    RATING_MIN,
    Interview,
    InterviewStatus,
    Recommendation,
    Scorecard,
)
from talentdrive.webhooks.models import WebhookEvent
from talentdrive.webhooks.services import webhook_event_emit

NOTES_MAX = 5000


def _rating(value: Any) -> int | None:
    try:
        rating = int(value)
    except (TypeError, ValueError):
        return None
    return rating if RATING_MIN <= rating <= RATING_MAX else None


def _ratings(attributes: list[str], given: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    for code in given:
        if code not in attributes:
            raise ScorecardRefused(
                "rating_unknown", field=f"rating_{code}"[:60], params={"attribute": code[:60]}
            )
    ratings: dict[str, dict[str, Any]] = {}
    for code in attributes:
        entry = given.get(code) or {}
        rating = _rating(entry.get("rating"))
        if rating is None:
            raise ScorecardRefused(
                "rating_missing",
                field=f"rating_{code}",
                params={"attribute": attribute_name(code, chinese=False)},
            )
        ratings[code] = {"rating": rating, "notes": str(entry.get("notes") or "").strip()[:NOTES_MAX]}
    return ratings


@transaction.atomic
def scorecard_submit(
    *,
    interview_id: int,
    ratings: Mapping[str, Mapping[str, Any]],
    recommendation: str,
    actor: User,
    notes: str = "",
    now: dt.datetime | None = None,
) -> Scorecard:
    """Record an assigned interviewer's scorecard: a 1–4 rating (with notes) for each attribute the
    round assesses, and an overall recommendation. Refused, with nothing written, for anyone not
    assigned, before the interview starts, for a cancelled interview, or a second time."""
    now = now or timezone.now()
    interview = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("round", "application")
        .get(pk=interview_id)
    )
    if not access.scorecard_can_submit(actor, interview):
        raise ScorecardRefused("not_assigned")
    if interview.status == InterviewStatus.CANCELLED:
        raise ScorecardRefused("cancelled")
    if now < interview.starts_at:
        raise ScorecardRefused("not_started")
    if Scorecard.objects.filter(interview=interview, interviewer=actor).exists():
        raise ScorecardRefused("already_submitted")
    attributes = list(interview.round.focus_attributes) if interview.round is not None else []
    checked = _ratings(attributes, ratings)
    if recommendation not in Recommendation.values:
        raise ScorecardRefused("recommendation", field="recommendation")
    scorecard = Scorecard.objects.create(
        interview=interview,
        interviewer=actor,
        ratings=checked,
        recommendation=recommendation,
        notes=notes.strip()[:NOTES_MAX],
        submitted_at=now,
    )
    audit_record(
        actor=actor,
        action=AuditAction.SCORECARD_SUBMIT,
        target=scorecard,
        data={
            "interview_id": interview.pk,
            "application_id": interview.application_id,
            "recommendation": recommendation,
            "ratings": {code: entry["rating"] for code, entry in checked.items()},
        },
    )
    webhook_event_emit(
        event=WebhookEvent.SCORECARD_SUBMITTED,
        payload={
            "scorecard_id": scorecard.pk,
            "interview_id": interview.pk,
            "application_id": interview.application_id,
            "requisition_id": interview.application.requisition_id,
            "recommendation_code": recommendation,
            "submitted_at": now.isoformat(),
        },
        actor=actor,
    )
    return scorecard
