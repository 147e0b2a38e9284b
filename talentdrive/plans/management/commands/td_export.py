"""``talentdrive export plan|requisitions --format csv|xlsx -o FILE``: the columns the importer reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.plans.exporting import ExportFormat, plan_export
from talentdrive.plans.models import Drive


class Command(BaseCommand):
    help = "Export plan lines or requisitions as CSV or XLSX that re-imports unchanged."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["plan", "requisitions"])
        parser.add_argument("--drive", help="only this drive (default: every drive)")
        parser.add_argument("--format", dest="file_format", choices=["csv", "xlsx"], help="default: from -o")
        parser.add_argument(
            "-o", "--output", type=Path, required=True, help="file to write; - for stdout (CSV)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"]
        file_format: ExportFormat = options["file_format"] or (
            "xlsx" if output.suffix.lower() == ".xlsx" else "csv"
        )
        drive = None
        if options["drive"]:
            drive = Drive.objects.filter(code=options["drive"]).first()
            if drive is None:
                known = ", ".join(Drive.objects.values_list("code", flat=True)) or "none yet"
                raise CommandError(f'unknown drive "{options["drive"]}" (known: {known})')
        content = plan_export(kind=options["kind"], drive=drive, file_format=file_format)
        if str(output) == "-":
            if file_format != "csv":
                raise CommandError("only CSV can be written to standard output")
            self.stdout.write(content.decode("utf-8-sig"), ending="")
            return
        try:
            output.write_bytes(content)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}") from error
        self.stdout.write(f"wrote {output} ({file_format}, {len(content):,} bytes)")
