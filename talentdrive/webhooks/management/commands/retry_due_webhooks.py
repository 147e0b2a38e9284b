"""Send the webhook deliveries whose next attempt is due. Run it from cron, e.g. every minute."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from talentdrive.webhooks.services import webhook_deliveries_retry_due


class Command(BaseCommand):
    help = "Send the webhook deliveries whose next attempt is due (retries after failures)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="at most this many deliveries per run")

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = webhook_deliveries_retry_due(limit=options["limit"])
        summary = ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items())) or "nothing due"
        self.stdout.write(summary)
