"""Résumé rows against résumé files: what a periodic check reports (it never deletes by itself).

Run daily: the task ``resume_files_check_task`` on the database queue, or ``manage.py resume_files_check``
from cron; both keep each run as a ``ResumeFilesCheck`` for administrators."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.files.storage import Storage, default_storage

from talentdrive.resumes.models import Resume, ResumeFilesCheck

ROOT = "resumes"


@dataclass(frozen=True)
class FilesReport:
    rows_without_files: tuple[int, ...]  # Resume ids whose file is missing from storage
    files_without_rows: tuple[str, ...]  # stored names no Resume row refers to

    @property
    def clean(self) -> bool:
        return not self.rows_without_files and not self.files_without_rows


def _stored_names(storage: Storage, folder: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _stored_names(storage, f"{folder}/{sub}")


def resume_files_report(*, storage: Storage = default_storage) -> FilesReport:
    """Rows whose file is gone and files under ``resumes/`` that no row names (ids and hashed names
    only: nothing personal)."""
    referenced: dict[str, list[int]] = {}
    for pk, name in Resume.objects.exclude(file="").values_list("pk", "file").iterator():
        referenced.setdefault(name, []).append(pk)
    stored = set(_stored_names(storage, ROOT))
    missing = sorted(pk for name, pks in referenced.items() if name not in stored for pk in pks)
    orphans = sorted(stored - referenced.keys())
    return FilesReport(tuple(missing), tuple(orphans))


# A run lists at most this many ids and names (the counts are always whole); a check that finds more
# has a cause to fix before a list is any use.
LISTED = 1000


def resume_files_check_record(
    *, ran_by: str, report: FilesReport | None = None, storage: Storage = default_storage
) -> ResumeFilesCheck:
    """Check (or take ``report``) and keep the result. Writes only its own row, the check's record,
    not a change to any résumé, so it is not audited."""
    report = report or resume_files_report(storage=storage)
    return ResumeFilesCheck.objects.create(
        rows_without_files=list(report.rows_without_files[:LISTED]),
        files_without_rows=list(report.files_without_rows[:LISTED]),
        all_well=report.clean,
        ran_by=ran_by,
    )
