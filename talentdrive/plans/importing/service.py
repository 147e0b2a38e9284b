"""The one entry point for imports, shared by the CLI and the staff upload page."""

from __future__ import annotations

from typing import Literal, cast

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from talentdrive.audit.actors import Actor, SystemActor
from talentdrive.plans.importing.columns import PLAN_COLUMNS, REQUISITION_COLUMNS, map_header
from talentdrive.plans.importing.outcome import Outcome
from talentdrive.plans.importing.plan import import_plan_lines
from talentdrive.plans.importing.report import ImportReport, RowError
from talentdrive.plans.importing.requisitions import import_requisitions
from talentdrive.plans.importing.rows import TableError, read_table

ImportKind = Literal["plan", "requisitions"]


def plan_import(
    *,
    kind: ImportKind,
    filename: str,
    content: bytes,
    drive_code: str | None,
    actor: Actor,
    dry_run: bool = False,
) -> ImportReport:
    """Import plan lines or requisitions from CSV or XLSX, all or nothing.

    Every row is checked and written inside one transaction, through the same services the admin and
    the API use, so plan limits hold; if any row is bad, or on a dry run, the transaction is rolled back
    and the report lists every problem with its row and column. A ``SystemActor`` is the command line.
    """
    if not isinstance(actor, SystemActor) and not actor.is_drive_admin:
        raise PermissionDenied("only an administrator may import a plan or requisitions")
    if kind not in ("plan", "requisitions"):
        raise ValueError(f"unknown import kind {kind!r}")
    limits = cast(dict[str, int], settings.TALENTDRIVE)
    try:
        table = read_table(
            filename=filename,
            content=content,
            max_bytes=int(limits["IMPORT_MAX_BYTES"]),
            max_rows=int(limits["IMPORT_MAX_ROWS"]),
        )
    except TableError as error:
        return ImportReport(
            kind=kind, filename=filename, dry_run=dry_run, errors=(RowError(None, None, str(error)),)
        )
    positions, problems = map_header(table.header, PLAN_COLUMNS if kind == "plan" else REQUISITION_COLUMNS)
    if problems:
        errors = tuple(RowError(table.header_row, None, problem) for problem in problems)
        return ImportReport(
            kind=kind, filename=filename, dry_run=dry_run, rows=len(table.rows), errors=errors
        )
    outcome = Outcome()
    with transaction.atomic():
        if kind == "plan":
            import_plan_lines(
                table=table, positions=positions, drive_code=drive_code, actor=actor, outcome=outcome
            )
        else:
            import_requisitions(
                table=table,
                positions=positions,
                drive_code=drive_code,
                actor=actor,
                outcome=outcome,
                filename=filename,
            )
        if outcome.errors or dry_run:
            transaction.set_rollback(True)
    found = sorted(outcome.errors, key=lambda e: e.row or 0)
    return ImportReport(
        kind=kind,
        filename=filename,
        dry_run=dry_run,
        rows=outcome.rows,
        created=outcome.counts["created"],
        updated=outcome.counts["updated"],
        unchanged=outcome.counts["unchanged"],
        teams_created=outcome.counts["teams_created"],
        groups_created=outcome.counts["groups_created"],
        drive_created=bool(outcome.counts["drive_created"]),
        drive_updated=bool(outcome.counts["drive_updated"]),
        errors=tuple(found),
    )
