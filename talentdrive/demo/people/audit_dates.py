"""Date the demo's audit trail of interviews and offers by their dated history.

The walk makes everything through the services today, then dates the history back (``history.py``,
``offers.offers_date_back``); the audit events the services wrote (which the application page's
timeline reads, ``hiring/timeline.py``) are dated here the same way: an interview scheduled a day or
three before it took place, an offer's steps at the times its rows now carry."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.utils import timezone

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.interviews.models import Interview
from talentdrive.offers.models import Offer, OfferApproval


def _events(
    model: type, ids: Sequence[int], actions: Sequence[str]
) -> dict[tuple[str, str], list[AuditEvent]]:
    found: dict[tuple[str, str], list[AuditEvent]] = defaultdict(list)
    label = model._meta.label_lower  # type: ignore[attr-defined]
    for id_chunk in (ids[start : start + 900] for start in range(0, len(ids), 900)):
        for event in AuditEvent.objects.filter(
            target_type=label, target_id__in=[str(pk) for pk in id_chunk], action__in=actions
        ).order_by("pk"):
            found[(event.target_id, event.action)].append(event)
    return found


def audit_date_back(application_ids: Sequence[int], *, rng: random.Random) -> None:
    now = timezone.now()
    dated: list[AuditEvent] = []

    def date(event: AuditEvent, moment: datetime | None) -> None:
        if moment is not None:
            event.created_at = min(moment, now)
            dated.append(event)

    interviews = list(
        Interview.objects.filter(application_id__in=application_ids).values_list("pk", "starts_at")
    )
    events = _events(Interview, [pk for pk, _ in interviews], [AuditAction.INTERVIEW_SCHEDULE])
    for pk, starts_at in interviews:
        for event in events.get((str(pk), AuditAction.INTERVIEW_SCHEDULE), []):
            date(event, starts_at - timedelta(hours=rng.uniform(24, 72)))

    offers = list(Offer.objects.filter(application_id__in=application_ids))
    approvals: dict[int, list[datetime | None]] = defaultdict(list)
    for offer_id, decided_at in (
        OfferApproval.objects.filter(offer__in=offers)
        .order_by("offer_id", "position")
        .values_list("offer_id", "decided_at")
    ):
        approvals[offer_id].append(decided_at)
    actions = [
        AuditAction.OFFER_DRAFT,
        AuditAction.OFFER_SUBMIT,
        AuditAction.OFFER_APPROVE,
        AuditAction.OFFER_SEND,
        AuditAction.OFFER_ACCEPT,
        AuditAction.OFFER_DECLINE,
    ]
    events = _events(Offer, [offer.pk for offer in offers], actions)
    for offer in offers:
        key = str(offer.pk)
        for event in events.get((key, AuditAction.OFFER_DRAFT), []):
            date(event, offer.created_at)
        for event in events.get((key, AuditAction.OFFER_SUBMIT), []):
            date(event, offer.created_at + timedelta(minutes=rng.uniform(5, 90)))
        for event, decided_at in zip(
            events.get((key, AuditAction.OFFER_APPROVE), []), approvals[offer.pk], strict=False
        ):
            date(event, decided_at)
        for event in events.get((key, AuditAction.OFFER_SEND), []):
            date(event, offer.sent_at)
        for action in (AuditAction.OFFER_ACCEPT, AuditAction.OFFER_DECLINE):
            for event in events.get((key, action), []):
                date(event, offer.decided_at)
    AuditEvent.objects.bulk_update(dated, ["created_at"], batch_size=500)
