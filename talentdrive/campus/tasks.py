"""Background work of the campus season. Tasks take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from talentdrive.campus.tickets import talk_ticket_send


@task()
def talk_ticket_send_task(registration_id: int, base_url: str) -> bool:
    """Email a campus talk registration its QR ticket."""
    return talk_ticket_send(registration_id=registration_id, base_url=base_url)
