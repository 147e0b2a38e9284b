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


def _assigned_to_interview(user: Any) -> Q:
    """The applications an interviewer is assigned to interview. The interviews app sits above the
    pipeline, so this names its reverse relation as a string and imports nothing of it; a subquery, so
    two interviews of one application give one row."""
    from talentdrive.pipeline.models import Application

    return Q(pk__in=Application.objects.filter(interviews__interviewers=user).values("pk"))


def _is_interviewer(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and not user.is_drive_admin
        and user.role == Role.INTERVIEWER
    )


def application_page_can_open(user: Any) -> bool:
    """The back office's application page: the roles that read candidates, and interviewers, who get
    a reduced page for the applications assigned to them (``application_scope``)."""
    return candidate_can_read(user) or _is_interviewer(user)


def application_scope(user: Any) -> Q:
    """The applications this user may read, as a filter on Application. Interviewers read those they
    are assigned to interview, through the reduced application page and the interviews API only: the
    applications list and the workspace (which show names, whatever the drive's blind review says)
    stay closed to them (``application_can_list``)."""
    if _is_interviewer(user):
        return _assigned_to_interview(user)
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
    """Inviting the candidate of ``application`` (an application the actor may read) to apply to
    ``requisition``: for whoever may move the application (another role for someone they turned down),
    or whoever may change the requisition (sourcing from the talent pool for it), to a requisition they
    may read."""
    if isinstance(actor, SystemActor):
        return True
    if not plans_access.requisition_can_read(actor, requisition):
        return False
    return application_can_move(actor, application) or (
        plans_access.requisition_can_change_any(actor)
        and plans_access.requisition_can_edit(actor, requisition)
    )


def candidate_can_read(user: Any) -> bool:
    """The candidate pages (contact details, profile, résumé): the roles that screen candidates."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_drive_admin or user.role in (Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER))
    )


def candidate_scope(user: Any) -> Q:
    """The candidates this user may read, as a filter on Candidate: for the roles that read candidates,
    the people with at least one application the user may read (``application_scope``)."""
    if not candidate_can_read(user):
        return NOTHING
    from talentdrive.pipeline.models import Application

    return Q(pk__in=Application.objects.filter(application_scope(user)).values("candidate_id"))


# --- candidates: tags, search, duplicates -------------------------------------------------------


def _requisitions_changeable_by(user: Any) -> Q:
    """The requisitions whose applications this user may change, as a filter on Application."""
    from talentdrive.plans.models import Requisition

    changeable = Requisition.objects.filter(plans_access.requisition_scope(user)).values("pk")
    return Q(requisition_id__in=changeable)


def candidate_can_tag(actor: Any, candidate: Any) -> bool:
    """Administrators, and whoever may change applications of at least one of the candidate's
    requisitions (its recruiters in scope, its hiring manager); leadership reads."""
    from talentdrive.pipeline.models import Application

    if isinstance(actor, SystemActor):
        return True
    if not plans_access.requisition_can_change_any(actor):
        return False
    if actor.is_drive_admin:
        return True
    return Application.objects.filter(_requisitions_changeable_by(actor), candidate=candidate).exists()


def candidate_duplicates_can_list(user: Any) -> bool:
    """The duplicates page and merging: administrators and recruiters (recruiters within their scope)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_drive_admin or user.role == Role.RECRUITER)
    )


def candidate_can_merge(actor: Any, candidate: Any) -> bool:
    """Merging moves every application of a record, so a recruiter may merge only records all of whose
    applications lie in their scope; administrators any."""
    from talentdrive.pipeline.models import Application

    if isinstance(actor, SystemActor):
        return True
    if not candidate_duplicates_can_list(actor):
        return False
    if actor.is_drive_admin:
        return True
    return not Application.objects.filter(candidate=candidate).exclude(application_scope(actor)).exists()


def candidates_not_mergeable_by(user: Any, candidate_ids: Any) -> set[int]:
    """Of ``candidate_ids``, those ``candidate_can_merge`` refuses this user (an application out of
    their scope), in one query: the duplicates page offers only the merges the user may make."""
    from talentdrive.pipeline.models import Application

    if isinstance(user, SystemActor) or getattr(user, "is_drive_admin", False):
        return set()
    if not candidate_duplicates_can_list(user):
        return set(candidate_ids)
    outside = Application.objects.filter(candidate_id__in=candidate_ids).exclude(application_scope(user))
    return set(outside.values_list("candidate_id", flat=True))


def application_can_export(user: Any) -> bool:
    """An export carries contact details: the roles that read candidate pages, within their scope."""
    return candidate_can_read(user)
