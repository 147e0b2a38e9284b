"""``talentdrive ingest DIR``: every resume in a folder becomes a candidate with a parsed profile."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from talentdrive.audit.actors import system_actor
from talentdrive.resumes.ingest.directory import ingest_directory, write_failures
from talentdrive.resumes.services import configured_max_bytes, configured_max_pages


class Command(BaseCommand):
    help = (
        "Parse every file under DIR in parallel and create or update candidates and resumes. "
        "Re-runs skip files already stored (by content hash); unreadable files go to the failure report. "
        "Exits 1 if any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--workers", type=int, default=os.cpu_count() or 1, help="parser processes (default: all cores)"
        )
        parser.add_argument(
            "--failures",
            type=Path,
            default=Path("ingest-failures.csv"),
            help="failure report, CSV (path,error) or JSON Lines if the name ends in .jsonl",
        )
        # The defaults are the deployment's configured limits, the same ones uploads and parse use.
        parser.add_argument(
            "--max-bytes", type=int, default=configured_max_bytes(), help="size limit per file (bytes)"
        )
        parser.add_argument(
            "--max-pages", type=int, default=configured_max_pages(), help="page limit per PDF"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        root: Path = options["directory"]
        if not root.is_dir():
            raise CommandError(f"{root} is not a directory")
        workers = max(1, int(options["workers"]))
        # rich writes to the command's own stream, so call_command(stdout=...) captures the progress too.
        console = Console(file=cast(IO[str], self.stdout._out), highlight=False)
        progress = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        with progress:
            task_id = progress.add_task("ingest", total=None, rate="-")

            def on_total(total: int) -> None:
                progress.update(task_id, total=total)

            def on_done(count: int) -> None:
                progress.advance(task_id, count)
                speed = progress.tasks[0].speed
                progress.update(task_id, rate=f"{speed:.1f}" if speed else "-")

            report = ingest_directory(
                root,
                workers=workers,
                max_bytes=max(1, int(options["max_bytes"])),
                max_pages=max(1, int(options["max_pages"])),
                actor=system_actor("ingest"),
                # A failure report written inside the folder is not a resume.
                exclude=frozenset({options["failures"].resolve()}),
                on_total=on_total,
                on_done=on_done,
            )
        failures_path: Path = options["failures"]
        write_failures(failures_path, report.failures)
        for path, warning in report.warnings:
            self.stderr.write(f"warning: {path}: {warning}")
        self.stdout.write(
            f"{report.seen} files: {report.stored} stored, {report.skipped} already stored, "
            f"{len(report.failures)} failed (listed in {failures_path}), {len(report.warnings)} warning(s)"
        )
        if report.failures:
            # Everything good is stored and the report written; the status tells scripts to look at it.
            self.stderr.write(f"{len(report.failures)} file(s) failed; see {failures_path}")
            raise SystemExit(1)
