"""Webhook endpoints that administrators register, and the log of every delivery made to them."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookEvent(models.TextChoices):
    """Every event an endpoint may subscribe to. The pipeline emits the first four (issue 10); the
    interview, scorecard and offer events are named now so subscriptions can be made ahead of them."""

    APPLICATION_CREATED = "application.created", _("Application created")
    APPLICATION_STAGE_CHANGED = "application.stage_changed", _("Application moved to another stage")
    APPLICATION_REJECTED = "application.rejected", _("Application rejected")
    APPLICATION_WITHDRAWN = "application.withdrawn", _("Application withdrawn")
    INTERVIEW_SCHEDULED = "interview.scheduled", _("Interview scheduled")
    INTERVIEW_CANCELLED = "interview.cancelled", _("Interview cancelled")
    SCORECARD_SUBMITTED = "scorecard.submitted", _("Scorecard submitted")
    OFFER_APPROVED = "offer.approved", _("Offer approved")
    OFFER_SENT = "offer.sent", _("Offer sent")
    OFFER_ACCEPTED = "offer.accepted", _("Offer accepted")
    OFFER_DECLINED = "offer.declined", _("Offer declined")


def webhook_secret_generate() -> str:
    """A new signing secret: 256 random bits, URL-safe text."""
    return secrets.token_urlsafe(32)


def _validate_event_types(value: object) -> None:
    known = set(WebhookEvent.values)
    if not isinstance(value, list) or any(item not in known for item in value):
        raise ValidationError(_("Choose events from the list; none means every event."))


class WebhookEndpoint(models.Model):
    """A URL that receives the events it subscribes to, signed with its own secret."""

    url = models.URLField(max_length=500, validators=[URLValidator(schemes=["http", "https"])])
    description = models.CharField(max_length=200, blank=True)
    # Kept in clear: signing needs it, and administrators read it to configure the receiver.
    secret = models.CharField(max_length=64, default=webhook_secret_generate, editable=False)
    # Event type values (WebhookEvent); an empty list subscribes to every event.
    event_types = models.JSONField(default=list, blank=True, validators=[_validate_event_types])
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url", "id"]

    def __str__(self) -> str:
        return self.description or self.url

    def subscribes_to(self, event: str) -> bool:
        return not self.event_types or event in self.event_types


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")  # not tried yet
    FAILED = "failed", _("Failed, will retry")  # tried; the next attempt is at next_attempt_at
    SUCCEEDED = "succeeded", _("Succeeded")
    DEAD = "dead", _("Dead")  # gave up: the attempts ran out, or the endpoint was switched off


class WebhookDelivery(models.Model):
    """One event for one endpoint, tried until the endpoint answers 2xx or the attempts run out.

    ``payload`` holds identifiers, codes and timestamps only (``core/payload.py``), never names,
    emails or phone numbers, so the log may be kept after a candidate's erasure.
    """

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event_type = models.CharField(max_length=40, choices=WebhookEvent.choices)
    # The same across retries and re-sends of one event: receivers deduplicate on it.
    event_id = models.UUIDField(default=uuid.uuid4, db_index=True)
    occurred_at = models.DateTimeField()
    payload = models.JSONField(default=dict)
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # A copy made by an administrator's re-send points at the delivery it repeats.
    resent_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="resends"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint_id} ({self.status})"
