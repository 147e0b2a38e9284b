"""Send the candidate emails whose time has come. Run it from cron, e.g. every minute."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from talentdrive.pipeline.correspondence import candidate_emails_send_due


class Command(BaseCommand):
    help = "Send the candidate emails whose quiet period is over, and retry those the mail server refused."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="at most this many emails per run")

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = candidate_emails_send_due(limit=options["limit"])
        summary = ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items())) or "nothing due"
        self.stdout.write(summary)
