"""Who may read résumés and parsed profiles: every such rule lives here.

Résumés carry personal data: staff who screen candidates read them; interviewers see the profile of
the candidates assigned to them through the pipeline, not the résumé store at large.
"""

from __future__ import annotations

from typing import Any

from talentdrive.accounts.models import Role


def resume_can_read(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_drive_admin or user.role in (Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER))


def resume_files_check_can_read(user: Any) -> bool:
    """The integrity check's results (ids and hashed file names) are for administrators."""
    return bool(user.is_authenticated and user.is_active and user.is_drive_admin)
