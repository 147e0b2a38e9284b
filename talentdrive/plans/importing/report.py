"""What an import did, or would do, and every problem found. Pure: no Django import."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    row: int | None  # as the spreadsheet shows it; None for the file as a whole
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f'column "{self.column}"')
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class ImportReport:
    kind: str
    filename: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    teams_created: int = 0
    groups_created: int = 0
    drive_created: bool = False
    drive_updated: bool = False
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        """True when the import changed the database (never on a dry run or with errors)."""
        changed = self.created + self.updated + self.teams_created + self.groups_created
        changed += self.drive_created + self.drive_updated
        return self.ok and not self.dry_run and changed > 0

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        one = "would be" if self.dry_run else "was"
        if not self.ok:
            return f"{len(self.errors)} problem(s) in {self.filename}; nothing was written"
        return (
            f"{self.rows} row(s) read from {self.filename}: {self.created} {verb} created, "
            f"{self.updated} {verb} updated, {self.unchanged} unchanged"
            + (f", {self.teams_created} team(s) {verb} created" if self.teams_created else "")
            + (f", {self.groups_created} business group(s) {verb} created" if self.groups_created else "")
            + (f"; the drive {one} created" if self.drive_created else "")
            + (f"; the drive {one} updated" if self.drive_updated else "")
        )
