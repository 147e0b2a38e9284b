"""Emitting events, delivering them, retrying, and re-sending: every write of the webhooks app.

Delivery is at least once: a delivery is claimed by a conditional update before it is sent, so two
runners (a retry task and the cron command, two workers) never send it at the same time, and a
succeeded or dead delivery is never sent again. A runner that dies mid-send leaves the claim to expire
(``next_attempt_at`` is pushed past the timeout), and the delivery is retried: receivers deduplicate
on ``X-TalentDrive-Delivery``, the event id, which is the same on every attempt.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from talentdrive.audit.actors import Actor, SystemActor, system_actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.webhooks.access import webhook_can_manage
from talentdrive.webhooks.core.backoff import webhook_retry_delay
from talentdrive.webhooks.core.payload import webhook_payload_check
from talentdrive.webhooks.core.signing import webhook_signature
from talentdrive.webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    webhook_secret_generate,
)
from talentdrive.webhooks.selectors import webhook_endpoints_subscribed
from talentdrive.webhooks.transport import webhook_post

USER_AGENT = "TalentDrive-Webhooks/1"
# How long past the HTTP timeout a claim holds before another runner may take the delivery over.
CLAIM_MARGIN_SECONDS = 60
_RETRYABLE = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)


@dataclass(frozen=True)
class WebhookSettings:
    backoff_seconds: float
    backoff_cap_seconds: float
    max_attempts: int
    timeout_seconds: float


def webhook_settings() -> WebhookSettings:
    """Read at each use, so a test or a drill may change them (``TALENTDRIVE["WEBHOOK_…"]``)."""
    values = getattr(settings, "TALENTDRIVE", {})
    return WebhookSettings(
        backoff_seconds=float(values.get("WEBHOOK_BACKOFF_SECONDS", 30)),
        backoff_cap_seconds=float(values.get("WEBHOOK_BACKOFF_CAP_SECONDS", 6 * 3600)),
        max_attempts=int(values.get("WEBHOOK_MAX_ATTEMPTS", 8)),
        timeout_seconds=float(values.get("WEBHOOK_TIMEOUT_SECONDS", 5)),
    )


class AttemptOutcome(StrEnum):
    SUCCEEDED = "succeeded"
    RETRY = "retry"  # failed; the next attempt is scheduled
    DEAD = "dead"  # failed for the last time, or the endpoint was switched off
    SKIPPED = "skipped"  # not due, already settled, or another runner holds it


def _enqueue_delivery(delivery_id: int, run_after: dt.datetime | None = None) -> None:
    from talentdrive.webhooks.tasks import webhook_delivery_task

    if run_after is None:
        webhook_delivery_task.enqueue(delivery_id)
    elif webhook_delivery_task.get_backend().supports_defer:
        webhook_delivery_task.using(run_after=run_after).enqueue(delivery_id)
    # Otherwise (the immediate backend runs a task at once and cannot defer one) nothing is queued:
    # `manage.py retry_due_webhooks`, from cron, sends the delivery when it is due. Sending it now
    # would ignore the backoff; waiting here would hold up whoever triggered the event.


def webhook_event_emit(*, event: str, payload: Mapping[str, Any], actor: Actor) -> list[WebhookDelivery]:
    """Queue ``event`` for every active endpoint subscribed to it; answer the deliveries created.

    Call inside the transaction of the change the event reports: the deliveries are written in it and
    sent after it commits, so a rolled-back change sends nothing. ``payload`` holds identifiers, codes
    and timestamps only (``…_id``, ``…_ids``, ``…_code``, ``…_at``; see ``core/payload.py``); anything
    else raises ``WebhookPayloadError``. All deliveries of one event share one event id.
    """
    if event not in WebhookEvent.values:
        raise ValueError(f"unknown webhook event {event!r}")
    webhook_payload_check(payload)
    endpoints = webhook_endpoints_subscribed(event=event)
    if not endpoints:
        return []
    now = timezone.now()
    event_id = uuid.uuid4()
    deliveries = []
    with transaction.atomic():
        for endpoint in endpoints:
            delivery = WebhookDelivery.objects.create(
                endpoint=endpoint,
                event_type=event,
                event_id=event_id,
                occurred_at=now,
                payload=dict(payload),
                next_attempt_at=now,
            )
            audit_record(
                actor=actor,
                action=AuditAction.WEBHOOK_QUEUE,
                target=delivery,
                data={"event": event, "event_id": str(delivery.event_id), "endpoint_id": endpoint.pk},
            )
            transaction.on_commit(partial(_enqueue_delivery, delivery.pk))
            deliveries.append(delivery)
    return deliveries


def webhook_body(delivery: WebhookDelivery) -> bytes:
    """The JSON body sent for ``delivery``: the same bytes on every attempt."""
    envelope = {
        "id": str(delivery.event_id),
        "type": delivery.event_type,
        "occurred_at": delivery.occurred_at.astimezone(dt.UTC).isoformat(),
        "data": delivery.payload,
    }
    return json.dumps(envelope, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def webhook_headers(
    *, delivery: WebhookDelivery, secret: str, body: bytes, now: dt.datetime
) -> dict[str, str]:
    timestamp = str(int(now.timestamp()))
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-TalentDrive-Event": delivery.event_type,
        "X-TalentDrive-Delivery": str(delivery.event_id),
        "X-TalentDrive-Timestamp": timestamp,
        "X-TalentDrive-Signature": webhook_signature(secret=secret, timestamp=timestamp, body=body),
    }


def webhook_delivery_attempt(*, delivery_id: int, now: dt.datetime | None = None) -> AttemptOutcome:
    """Try to send one delivery now, if it is due; record the answer and schedule the next try.

    ``now`` is the clock (tests pass one); a delivery whose ``next_attempt_at`` is later is skipped.
    """
    now = now or timezone.now()
    config = webhook_settings()
    claim_until = now + dt.timedelta(seconds=config.timeout_seconds + CLAIM_MARGIN_SECONDS)
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id, status__in=_RETRYABLE, next_attempt_at__lte=now
    ).update(attempts=F("attempts") + 1, next_attempt_at=claim_until)
    if not claimed:
        return AttemptOutcome.SKIPPED
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    # Conditional on this claim's attempt number: if the claim expired mid-send (a receiver that drips
    # its answer past the claim) and another runner took over, that runner's answer is the one recorded.
    settled = WebhookDelivery.objects.filter(pk=delivery_id, attempts=delivery.attempts)
    endpoint = delivery.endpoint
    if not endpoint.active:
        # Switched off after the event was queued: nothing is sent and no attempt is counted.
        settled.update(
            status=DeliveryStatus.DEAD,
            attempts=F("attempts") - 1,
            next_attempt_at=None,
            last_error="endpoint switched off",
        )
        return AttemptOutcome.DEAD

    body = webhook_body(delivery)
    result = webhook_post(
        url=endpoint.url,
        body=body,
        headers=webhook_headers(delivery=delivery, secret=endpoint.secret, body=body, now=now),
        timeout=config.timeout_seconds,
    )
    if result.succeeded:
        settled.update(
            status=DeliveryStatus.SUCCEEDED,
            last_status_code=result.status_code,
            last_error="",
            next_attempt_at=None,
            delivered_at=timezone.now(),
        )
        return AttemptOutcome.SUCCEEDED
    if delivery.attempts >= config.max_attempts:
        with transaction.atomic():
            settled.update(
                status=DeliveryStatus.DEAD,
                last_status_code=result.status_code,
                last_error=result.error,
                next_attempt_at=None,
            )
            audit_record(
                actor=system_actor("webhooks"),
                action=AuditAction.WEBHOOK_DEAD,
                target=delivery,
                data={"attempts": delivery.attempts, "last_status_code": result.status_code},
            )
        return AttemptOutcome.DEAD
    delay = webhook_retry_delay(
        attempts=delivery.attempts,
        base_seconds=config.backoff_seconds,
        cap_seconds=config.backoff_cap_seconds,
    )
    next_attempt_at = now + dt.timedelta(seconds=delay)
    settled.update(
        status=DeliveryStatus.FAILED,
        last_status_code=result.status_code,
        last_error=result.error,
        next_attempt_at=next_attempt_at,
    )
    transaction.on_commit(partial(_enqueue_delivery, delivery_id, run_after=next_attempt_at))
    return AttemptOutcome.RETRY


def webhook_deliveries_retry_due(*, now: dt.datetime | None = None, limit: int = 500) -> Counter[str]:
    """Send every delivery whose next attempt is due, oldest first, one after the other.

    For cron (``manage.py retry_due_webhooks``) or a periodic task; it is how retries happen where the
    task backend cannot defer a task. Answers how many attempts ended in each outcome.
    """
    now = now or timezone.now()
    due = (
        WebhookDelivery.objects.filter(status__in=_RETRYABLE, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return Counter(str(webhook_delivery_attempt(delivery_id=pk, now=now)) for pk in list(due))


def webhook_delivery_resend(*, delivery: WebhookDelivery, actor: Actor) -> WebhookDelivery:
    """Queue a fresh copy of ``delivery`` (same event id and payload, attempts from zero), audited.

    The original stays in the log as it ended; the copy names it in ``resent_from``.
    """
    if not isinstance(actor, SystemActor) and not webhook_can_manage(actor):
        raise PermissionDenied("only administrators re-send webhooks")
    now = timezone.now()
    with transaction.atomic():
        copy = WebhookDelivery.objects.create(
            endpoint_id=delivery.endpoint_id,
            event_type=delivery.event_type,
            event_id=delivery.event_id,
            occurred_at=delivery.occurred_at,
            payload=delivery.payload,
            next_attempt_at=now,
            resent_from=delivery,
        )
        audit_record(
            actor=actor,
            action=AuditAction.WEBHOOK_RESEND,
            target=copy,
            data={"resent_from": delivery.pk, "event_id": str(delivery.event_id)},
        )
        transaction.on_commit(partial(_enqueue_delivery, copy.pk))
    return copy


def webhook_endpoint_secret_rotate(*, endpoint: WebhookEndpoint, actor: Actor) -> WebhookEndpoint:
    """Give ``endpoint`` a new secret (after a leak, or routinely); audited, the secret itself is not.

    Deliveries signed from now on use the new secret, retries of older events included, so the
    receiver must be given the new secret at the same time.
    """
    if not isinstance(actor, SystemActor) and not webhook_can_manage(actor):
        raise PermissionDenied("only administrators change webhook secrets")
    with transaction.atomic():
        endpoint.secret = webhook_secret_generate()
        endpoint.save(update_fields=["secret"])
        audit_record(actor=actor, action=AuditAction.WEBHOOK_SECRET_ROTATE, target=endpoint)
    return endpoint
