"""Import plan lines and requisitions from CSV or XLSX: ``plan_import`` is the entry point."""

from talentdrive.plans.importing.report import ImportReport, RowError
from talentdrive.plans.importing.service import ImportKind, plan_import

__all__ = ["ImportKind", "ImportReport", "RowError", "plan_import"]
