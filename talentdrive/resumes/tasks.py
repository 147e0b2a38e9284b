"""Background work for resumes. Tasks take ids and are idempotent: parsing twice gives the same profile."""

from __future__ import annotations

from talentdrive.audit.actors import system_actor
from talentdrive.resumes.integrity import resume_files_check_record
from talentdrive.resumes.services import resume_parse
from talentdrive.tasking import retried_task


@retried_task()
def parse_resume_task(resume_id: int) -> str:
    """Parse one stored resume; enqueue with ``transaction.on_commit`` after ``resume_attach``."""
    return str(resume_parse(resume_id=resume_id, actor=system_actor("parse")).parse_status)


@retried_task()
def resume_files_check_task() -> dict[str, int]:
    """The daily résumé-file integrity check (see ``resumes/integrity.py``); reports, deletes nothing."""
    check = resume_files_check_record(ran_by="system:resume_files_check")
    return {
        "check": check.pk,
        "rows_without_files": len(check.rows_without_files),
        "files_without_rows": len(check.files_without_rows),
    }
