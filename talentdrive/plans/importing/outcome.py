"""Collects what one import did while it runs; turned into an ImportReport at the end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from talentdrive.plans.importing import columns as cols
from talentdrive.plans.importing.columns import CellError
from talentdrive.plans.importing.report import RowError
from talentdrive.plans.importing.rows import Row


@dataclass
class Outcome:
    rows: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)

    def error(self, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(RowError(row=row, column=column, message=message))

    def validation_error(
        self, row: int, error: ValidationError, *, columns: set[str], default: str | None
    ) -> None:
        """Report a model or service refusal against the column it concerns, when one is named."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                column = name if name in columns else default
                for message in messages:
                    self.error(row, column, message)
        else:
            for message in error.messages:
                self.error(row, default, message)


class RowReader:
    """Reads one row's cells by column name, collecting every problem instead of stopping at the first."""

    def __init__(self, row: Row, positions: dict[str, int], outcome: Outcome) -> None:
        self.row = row
        self.positions = positions
        self.outcome = outcome
        self.failed = False

    def has(self, name: str) -> bool:
        return name in self.positions

    def raw(self, name: str) -> cols.CellValue:
        index = self.positions.get(name)
        return None if index is None else self.row.values[index]

    def text(self, name: str, *, required: bool = False) -> str:
        value = cols.text(self.raw(name))
        if required and not value:
            self.fail(name, "a value is required")
        return value

    def fail(self, name: str, message: str) -> None:
        self.failed = True
        self.outcome.error(self.row.number, name, message)

    def parse(
        self, name: str, parser: Callable[..., Any], *args: Any, required: bool = False, **kwargs: Any
    ) -> Any:
        raw = self.text(name, required=required)
        if not raw and required:
            return None
        try:
            return parser(*args, **kwargs)
        except CellError as error:
            self.fail(name, str(error))
            return None
