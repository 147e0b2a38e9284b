"""Who may see or change applications: every such rule lives here.

Applications are seen through their requisitions (``plans.access.requisition_scope``): administrators
and leadership all of them, recruiters those of their scope, hiring managers those of the requisitions
they manage. Interviewers see only the applications they are assigned to interview (interviews come
with the interview plans; until an interviewer is assigned, they see none). Moving an application is
for administrators, the requisition's recruiters in scope and its hiring manager; leadership reads.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from talentdrive.accounts.models import Role
from talentdrive.audit.actors import SystemActor
from talentdrive.plans import access as plans_access

NOTHING = Q(pk__in=[])


def application_can_list(user: Any) -> bool:
    return plans_access.requisition_can_list(user)


def application_scope(user: Any) -> Q:
    """The applications this user may read, as a filter on Application."""
    if not application_can_list(user):
        return NOTHING
    if plans_access.sees_whole_plan(user):
        return Q()
    from talentdrive.plans.models import Requisition

    visible = Requisition.objects.filter(plans_access.requisition_scope(user)).values("pk")
    return Q(requisition_id__in=visible)


def application_can_move(actor: Any, application: Any) -> bool:
    """Commands and tasks act for the system; people only on requisitions they may change."""
    if isinstance(actor, SystemActor):
        return True
    if not plans_access.requisition_can_change_any(actor):
        return False
    return plans_access.requisition_can_edit(actor, application.requisition)


def role_can_suggest(actor: Any, application: Any, requisition: Any) -> bool:
    """Inviting the candidate of ``application`` to apply to ``requisition``: for whoever may move the
    application, and only to a requisition they may read."""
    if isinstance(actor, SystemActor):
        return True
    return application_can_move(actor, application) and plans_access.requisition_can_read(actor, requisition)


def candidate_can_read(user: Any) -> bool:
    """The candidate pages (contact details, profile, résumé): the roles that screen candidates."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_drive_admin or user.role in (Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER))
    )
