"""Report résumé rows without files and files without rows; ``--delete-orphans`` removes the latter."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from talentdrive.resumes.integrity import resume_files_check_record, resume_files_report


class Command(BaseCommand):
    help = (
        "Check that every résumé row has its file and every stored file a row (exit 1 when not); the "
        "result is kept for administrators. Run daily, from cron or as resume_files_check_task."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--delete-orphans",
            action="store_true",
            help="delete stored files older than an hour that no résumé row names (rows are never deleted)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = resume_files_report()
        # Kept for administrators as the periodic task's runs are (the admin, the back office's home).
        resume_files_check_record(ran_by="system:manage.py", report=report)
        for pk in report.rows_without_files:
            self.stdout.write(f"row without file: resume #{pk}")
        for name in report.files_without_rows:
            self.stdout.write(f"file without row: {name}")
        if options["delete_orphans"]:
            # An upload stores its file a moment before its row: only files older than an hour go.
            settled = timezone.now() - timedelta(hours=1)
            for name in report.files_without_rows:
                if default_storage.get_modified_time(name) < settled:
                    default_storage.delete(name)
                    self.stdout.write(f"deleted: {name}")
        self.stdout.write(
            f"{len(report.rows_without_files)} row(s) without a file, "
            f"{len(report.files_without_rows)} file(s) without a row"
        )
        if not report.clean:
            raise SystemExit(1)
