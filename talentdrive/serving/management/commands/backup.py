"""``manage.py backup FOLDER``: the database and the uploaded files, with a manifest (serving/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.serving.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database (pg_dump on PostgreSQL, the backup API on SQLite) and MEDIA_ROOT into a new folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", type=Path, help="a new or empty folder")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_create(destination=options["destination"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest.tables.values())
        self.stdout.write(
            f"backed up {len(manifest.tables)} tables ({rows} rows) and {len(manifest.files)} files "
            f"into {options['destination']}"
        )
