"""``manage.py restore FOLDER``: put a backup back and check it against its manifest (serving/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.serving.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and restore the files from a folder written by `manage.py backup`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, help="a folder written by `manage.py backup`")
        parser.add_argument("--yes", action="store_true", help="replace this site's database without asking")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("restore replaces everything in this site's database: add --yes to go ahead")
        try:
            comparison = backup_restore(source=options["source"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        for table, (expected, found) in comparison.tables.items():
            self.stdout.write(f"table {table}: {expected} rows in the backup, {found} now")
        for path in comparison.missing_files:
            self.stdout.write(f"file missing: {path}")
        for path in comparison.changed_files:
            self.stdout.write(f"file differs: {path}")
        if not comparison.same:
            raise CommandError("the restored site differs from the backup's manifest (listed above)")
        self.stdout.write(f"restored from {options['source']}: every table's rows and every file match")
