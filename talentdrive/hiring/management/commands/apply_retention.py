"""``manage.py apply_retention``: erase the people whose drives' retention periods have passed (run daily)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from talentdrive.audit.actors import system_actor
from talentdrive.hiring.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Erase candidates who did not join and did not consent to the talent pool once the retention "
        "period of every drive they applied to has passed; prints a report of ids and counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report who is due and erase nobody")
        parser.add_argument("--today", help="the date to judge by, YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError(f"--today {options['today']!r} is not a date like 2027-03-31") from error
        report = retention_apply(today=today, actor=system_actor("retention"), dry_run=options["dry_run"])
        verb = "due" if report.dry_run else "erased"
        self.stdout.write(
            f"retention on {report.today}: drives past their period: {', '.join(report.expired_drives) or 'none'}"
        )
        for pk in report.erased:
            self.stdout.write(f"{verb}: candidate #{pk}")
        self.stdout.write(
            f"{len(report.erased)} {verb}, {report.kept_talent_pool} kept (talent pool consent), "
            f"{report.kept_hired} kept (hired)"
        )
