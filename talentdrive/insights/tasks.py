"""Background work for the drive's leaders: the weekly report on the database queue."""

from __future__ import annotations

from django_tasks import task

from talentdrive.insights.weekly import weekly_report_send
from talentdrive.plans.models import Drive


@task()
def weekly_report_task(drive_code: str = "") -> dict[str, int]:
    """Email the weekly report of ``drive_code`` (default: the newest drive), each leader in their language.

    Enqueue it weekly from a scheduler (cron: ``manage.py send_weekly_report`` does the same in the
    foreground). Not retried: a second run would send the report twice to those who already got it."""
    drives = Drive.objects.order_by("-starts_on", "code")
    drive = drives.filter(code=drive_code).first() if drive_code else drives.first()
    if drive is None:
        return {"sent": 0, "failed": 0}
    sent, failed = weekly_report_send(drive=drive)
    return {"sent": sent, "failed": failed}
