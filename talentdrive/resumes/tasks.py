"""Background work for resumes. Tasks take ids and are idempotent: parsing twice gives the same profile."""

from __future__ import annotations

from talentdrive.audit.actors import system_actor
from talentdrive.resumes.services import resume_parse
from talentdrive.tasking import retried_task


@retried_task()
def parse_resume_task(resume_id: int) -> str:
    """Parse one stored resume; enqueue with ``transaction.on_commit`` after ``resume_attach``."""
    return str(resume_parse(resume_id=resume_id, actor=system_actor("parse")).parse_status)
