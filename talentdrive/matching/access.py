"""Who may use candidate ranking: every such rule lives here.

Ranking reads candidates' profiles, so it is for the roles that decide who moves on: administrators,
leadership, recruiters and hiring managers, for the requisitions they may read (``plans.access``).
Interviewers see only the candidates assigned to them, never a ranking.
"""

from __future__ import annotations

from typing import Any

from talentdrive.accounts.models import Role


def match_can_rank(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_drive_admin or user.role in (Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER))
