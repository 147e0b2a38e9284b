"""Background work of interviews. Tasks take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from talentdrive.interviews.invitations import interview_invitations_send


@task()
def interview_invitations_send_task(interview_id: int) -> int:
    """Send the calendar emails owed for one interview; a second run sends nothing more."""
    return interview_invitations_send(interview_id=interview_id)
