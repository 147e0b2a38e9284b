"""``talentdrive import plan|requisitions FILE``: load a CSV or XLSX, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor, system_actor
from talentdrive.plans.importing import plan_import


class Command(BaseCommand):
    help = "Import plan lines or requisitions from CSV or XLSX. Nothing is written if any row is bad."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["plan", "requisitions"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--drive", help="drive code for rows without a drive column")
        parser.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
        parser.add_argument("--user", help="administrator to record as the actor (default: the system)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        actor: Actor = system_actor("import")
        if options["user"]:
            user = User.objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f'no active user "{options["user"]}"')
            if not user.is_drive_admin:
                raise CommandError(f"{user.username} is not an administrator; only administrators may import")
            actor = user
        report = plan_import(
            kind=options["kind"],
            filename=path.name,
            content=content,
            drive_code=options["drive"],
            actor=actor,
            dry_run=options["dry_run"],
        )
        for problem in report.errors:
            self.stderr.write(str(problem))
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary() + (" (dry run: nothing written)" if report.dry_run else ""))
