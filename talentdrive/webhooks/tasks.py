"""Background work of webhooks. Tasks take ids and are idempotent: a delivery is sent only while it is
due and unsettled, so running a task twice never sends a succeeded delivery again."""

from __future__ import annotations

from django_tasks import task

from talentdrive.webhooks.services import webhook_deliveries_retry_due, webhook_delivery_attempt


@task()
def webhook_delivery_task(delivery_id: int) -> str:
    """One attempt at one delivery; a failure schedules the next attempt (deferred where the backend can)."""
    return str(webhook_delivery_attempt(delivery_id=delivery_id))


@task()
def webhook_retry_due_task() -> dict[str, int]:
    """Every delivery whose next attempt is due; the periodic form of `manage.py retry_due_webhooks`."""
    return dict(webhook_deliveries_retry_due())
