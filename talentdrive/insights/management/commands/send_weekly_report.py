"""``manage.py send_weekly_report [--drive CODE] [--language zh-hans|en]``: the leaders' weekly email, each in
their own language unless ``--language`` asks for one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from talentdrive.insights.weekly import weekly_report_send
from talentdrive.plans.models import Drive


class Command(BaseCommand):
    help = "Email the pipeline's weekly report (figures and workbook) to leadership and administrators."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--drive", help="the drive's code (default: the newest drive)")
        parser.add_argument(
            "--language",
            default=None,
            choices=[c for c, _ in settings.LANGUAGES],
            help="one language for every recipient (default: each recipient's own)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        drives = Drive.objects.order_by("-starts_on", "code")
        drive = drives.filter(code=options["drive"]).first() if options["drive"] else drives.first()
        if drive is None:
            raise CommandError(
                f"no drive with code {options['drive']!r}" if options["drive"] else "no drive yet"
            )
        sent, failed = weekly_report_send(drive=drive, language=options["language"])
        self.stdout.write(f"Weekly report for {drive.code}: {sent} sent, {failed} not sent.")
        if failed:
            raise CommandError(f"{failed} report(s) could not be sent; see the log")
