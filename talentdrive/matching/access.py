"""Who may use candidate ranking: every such rule lives here.

Ranking reads candidates' profiles, so it is for the roles that decide who moves on: administrators,
leadership, recruiters and hiring managers, for the requisitions they may read (``plans.access``).
Interviewers see only the candidates assigned to them, never a ranking.

Sourcing outside one's scope: a recruiter or hiring manager ranks the whole pool (a strong candidate
from another team's pipeline is worth knowing about), but sees who a person is (name, contacts, a link
to their application) only for candidates with an application the user may read
(``pipeline.access.candidate_scope``); everyone else is shown as "candidate #id, not in your scope",
with the score and the reasons, which name skills, degrees and years, never the person. Administrators
and leadership see everyone.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from talentdrive.accounts.models import Role
from talentdrive.pipeline.access import candidate_scope


def match_can_rank(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_drive_admin or user.role in (Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER))


def match_identity_scope(user: Any) -> Q:
    """The ranked candidates whose identity this user may see, as a filter on Candidate."""
    if not match_can_rank(user):
        return Q(pk__in=[])
    return candidate_scope(user)
