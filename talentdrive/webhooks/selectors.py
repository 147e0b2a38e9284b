from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from talentdrive.webhooks.access import webhook_can_manage
from talentdrive.webhooks.models import WebhookDelivery, WebhookEndpoint


def webhook_endpoints_subscribed(*, event: str) -> list[WebhookEndpoint]:
    """The active endpoints that receive ``event``. Few rows: the subscription is checked in Python,
    since SQLite has no JSON containment lookup."""
    return [
        endpoint for endpoint in WebhookEndpoint.objects.filter(active=True) if endpoint.subscribes_to(event)
    ]


def webhook_deliveries_visible(*, user: Any) -> QuerySet[WebhookDelivery]:
    """The delivery log as ``user`` may see it: all of it for administrators, nothing for anyone else."""
    deliveries = WebhookDelivery.objects.select_related("endpoint")
    return deliveries if webhook_can_manage(user) else deliveries.none()
