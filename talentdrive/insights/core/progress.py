"""Plan-versus-actual arithmetic for the progress page. Pure: no Django import.

The selector feeds this module grouped sums from the database (one row per combination of the
requested dimensions); this module folds them into rows, cells and totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields

DIMENSIONS: tuple[str, ...] = ("city", "channel", "area", "team")


@dataclass(frozen=True)
class Figures:
    """Headcount figures for one slice of the plan."""

    target: int = 0
    open: int = 0
    draft: int = 0
    paused: int = 0
    filled: int = 0
    hired: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def committed(self) -> int:
        """Headcount that counts against the plan: every requisition not closed."""
        return self.open + self.draft + self.paused + self.filled

    @property
    def uncovered(self) -> int:
        """Planned headcount no requisition covers yet."""
        return max(self.target - self.committed, 0)

    @property
    def hired_percent(self) -> float:
        return _percent(self.hired, self.target)

    @property
    def open_percent(self) -> float:
        return _percent(self.open, self.target)

    @property
    def committed_percent(self) -> float:
        return _percent(self.committed, self.target)


def _percent(part: int, whole: int) -> float:
    if whole <= 0:
        return 0.0
    return round(100.0 * part / whole, 1)


@dataclass(frozen=True)
class Member:
    """One value of a dimension, e.g. the city ``shanghai`` labelled 上海 or Shanghai."""

    key: str
    label: str


@dataclass(frozen=True)
class ProgressRow:
    member: Member
    figures: Figures
    # One entry per column member of the report, in the report's column order.
    cells: tuple[Figures, ...] = ()


@dataclass(frozen=True)
class ProgressReport:
    group_by: str
    across: str | None
    filters: tuple[tuple[str, str], ...]
    rows: tuple[ProgressRow, ...]
    columns: tuple[Member, ...]
    column_totals: tuple[Figures, ...]
    totals: Figures
    next_dimension: str | None = None
    scoped: bool = field(default=False)


@dataclass(frozen=True)
class GroupedFigures:
    """What the database returned for one (row key, column key) combination."""

    row: Member
    column: Member | None
    figures: Figures


def next_dimension(*, group_by: str, filtered: Iterable[str]) -> str | None:
    """The dimension a click on a row breaks down by: the next one not already fixed by a filter."""
    taken = {group_by, *filtered}
    start = DIMENSIONS.index(group_by)
    for offset in range(1, len(DIMENSIONS)):
        candidate = DIMENSIONS[(start + offset) % len(DIMENSIONS)]
        if candidate not in taken:
            return candidate
    return None


def assemble(
    *,
    group_by: str,
    across: str | None,
    filters: Mapping[str, str],
    grouped: Iterable[GroupedFigures],
    row_order: Iterable[Member],
    column_order: Iterable[Member] = (),
    scoped: bool = False,
) -> ProgressReport:
    """Fold grouped figures into rows (in ``row_order``), cells per column and totals.

    Members of ``row_order`` without figures are dropped; figures for a member missing from the
    order are appended after it, so nothing counted is ever lost from the totals.
    """
    by_row: dict[str, dict[str | None, Figures]] = {}
    labels: dict[str, Member] = {}
    column_labels: dict[str, Member] = {}
    for item in grouped:
        labels.setdefault(item.row.key, item.row)
        column_key = item.column.key if item.column is not None else None
        if item.column is not None:
            column_labels.setdefault(item.column.key, item.column)
        cells = by_row.setdefault(item.row.key, {})
        cells[column_key] = cells.get(column_key, Figures()) + item.figures

    ordered_rows = [member for member in row_order if member.key in by_row]
    seen = {member.key for member in ordered_rows}
    ordered_rows += [labels[key] for key in sorted(by_row) if key not in seen]

    columns: list[Member] = []
    if across is not None:
        columns = [member for member in column_order if member.key in column_labels]
        seen_columns = {member.key for member in columns}
        columns += [column_labels[key] for key in sorted(column_labels) if key not in seen_columns]

    rows = []
    column_totals = [Figures() for _ in columns]
    totals = Figures()
    for member in ordered_rows:
        cells = by_row[member.key]
        row_total = sum(cells.values(), Figures())
        row_cells = tuple(cells.get(column.key, Figures()) for column in columns)
        for index, cell in enumerate(row_cells):
            column_totals[index] = column_totals[index] + cell
        totals = totals + row_total
        rows.append(ProgressRow(member=labels.get(member.key, member), figures=row_total, cells=row_cells))

    return ProgressReport(
        group_by=group_by,
        across=across,
        filters=tuple(sorted(filters.items())),
        rows=tuple(rows),
        columns=tuple(columns),
        column_totals=tuple(column_totals),
        totals=totals,
        next_dimension=next_dimension(group_by=group_by, filtered=filters),
        scoped=scoped,
    )


CSV_HEADER: tuple[str, ...] = (
    "target",
    "open",
    "draft",
    "paused",
    "filled",
    "hired",
    "uncovered",
    "hired_percent",
)


def csv_rows(report: ProgressReport) -> list[list[str | int | float]]:
    """The report as a table: a header, one line per row, then the totals line."""

    def figures_out(figures: Figures) -> list[str | int | float]:
        return [
            figures.target,
            figures.open,
            figures.draft,
            figures.paused,
            figures.filled,
            figures.hired,
            figures.uncovered,
            figures.hired_percent,
        ]

    table: list[list[str | int | float]] = [[report.group_by, "label", *CSV_HEADER]]
    for row in report.rows:
        table.append([row.member.key, row.member.label, *figures_out(row.figures)])
    table.append(["total", "", *figures_out(report.totals)])
    return table
