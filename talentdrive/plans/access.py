"""Who may see or change the plan and its requisitions: every such rule lives here, in one place.

The back office, the API, the admin and the selectors ask these functions; none of them decides on
its own. Roles, as a recruiting team runs a drive:

* administrators: everything, including imports and plan overrides;
* leadership (HR heads): read the whole plan and every requisition; change nothing;
* recruiters: read and work on the requisitions of their scope (their teams × their cities; an empty
  axis is unlimited, both empty means no cell) and of the requisitions they are assigned to; create
  requisitions only on plan lines inside their scope; they and hiring managers may put on a
  requisition only recruiters whose scope covers it (``requisition_recruiters_refused``);
* hiring managers: read and edit the requisitions they manage; see the progress of the teams those
  requisitions belong to;
* interviewers: no plan and no requisitions; they see the candidates assigned to them elsewhere.

A user that is not signed in, or is inactive, may do nothing here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from talentdrive.accounts.models import Role, User
from talentdrive.plans.models import PlanLine, Requisition

NOTHING = Q(pk__in=[])


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def _is_admin(user: Any) -> bool:
    return _active(user) and user.is_drive_admin


def _has_role(user: Any, *roles: str) -> bool:
    return _active(user) and (user.is_drive_admin or user.role in roles)


def sees_whole_plan(user: Any) -> bool:
    """Administrators and leadership read every line and requisition of every drive."""
    return _has_role(user, Role.LEADERSHIP)


def _scope_cell(user: User, *, team_field: str, city_field: str) -> Q | None:
    """The (team × city) cell of a recruiter's scope as a filter, or None when the scope is empty."""
    team_ids = list(user.scope_teams.values_list("pk", flat=True))
    city_ids = list(user.scope_cities.values_list("pk", flat=True))
    if not team_ids and not city_ids:
        return None
    cell = Q()
    if team_ids:
        cell &= Q(**{f"{team_field}__in": team_ids})
    if city_ids:
        cell &= Q(**{f"{city_field}__in": city_ids})
    return cell


# --- requisitions -------------------------------------------------------------------------------


def requisition_can_list(user: Any) -> bool:
    """Whether the requisition list is open to this user at all (its rows are narrowed below)."""
    return _has_role(user, Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER)


def requisition_scope(user: Any) -> Q:
    """The requisitions this user may read, as a filter on Requisition."""
    if not requisition_can_list(user):
        return NOTHING
    if sees_whole_plan(user):
        return Q()
    if user.role == Role.RECRUITER:
        scope = Q(recruiters=user)
        cell = _scope_cell(user, team_field="plan_line__team_id", city_field="plan_line__city_id")
        return scope | cell if cell is not None else scope
    return Q(hiring_manager=user)


def requisition_can_read(user: Any, requisition: Requisition) -> bool:
    return Requisition.objects.filter(requisition_scope(user), pk=requisition.pk).exists()


def requisition_can_edit(user: Any, requisition: Requisition) -> bool:
    """Administrators; recruiters on requisitions they may read; the requisition's hiring manager."""
    if _is_admin(user):
        return True
    if not _active(user):
        return False
    if user.role == Role.RECRUITER:
        return requisition_can_read(user, requisition)
    return user.role == Role.HIRING_MANAGER and requisition.hiring_manager_id == user.pk


def requisition_can_change_any(user: Any) -> bool:
    """Whether the user may change some requisition (administrators, recruiters, hiring managers)."""
    return _has_role(user, Role.RECRUITER, Role.HIRING_MANAGER)


def requisition_can_create_any(user: Any) -> bool:
    """Whether the user may create requisitions on some plan line (the "new requisition" page)."""
    return _has_role(user, Role.RECRUITER)


def plan_lines_for_new_requisitions(user: Any) -> Q:
    """The plan lines this user may open a requisition on, as a filter on PlanLine.

    Only the recruiter's own scope counts: being assigned to one requisition of another team lets
    a recruiter work on that requisition, not open new ones on that team's lines."""
    if _is_admin(user):
        return Q()
    if not requisition_can_create_any(user):
        return NOTHING
    cell = _scope_cell(user, team_field="team_id", city_field="city_id")
    return cell if cell is not None else NOTHING


def requisition_can_create(user: Any, plan_line: PlanLine) -> bool:
    return PlanLine.objects.filter(plan_lines_for_new_requisitions(user), pk=plan_line.pk).exists()


def requisition_recruiters_refused(user: Any, recruiters: Iterable[User], plan_line: PlanLine) -> list[User]:
    """The recruiters this user may not put on a requisition of ``plan_line``.

    Being put on a requisition lets a recruiter read it and its applicants, beyond their own scope: so
    only an administrator (or the system: an import, the demo) may do it freely; anyone else may add
    only recruiters whose own scope covers the line's team and city."""
    if not isinstance(user, User) or _is_admin(user):
        return []
    refused = []
    for recruiter in recruiters:
        cell = _scope_cell(recruiter, team_field="team_id", city_field="city_id")
        covered = cell is not None and PlanLine.objects.filter(cell, pk=plan_line.pk).exists()
        if not covered:
            refused.append(recruiter)
    return refused


def requisition_can_override_plan(user: Any) -> bool:
    """Exceeding a plan line's target needs an administrator and a written reason."""
    return _is_admin(user)


# --- the plan and its progress ------------------------------------------------------------------


def plan_can_read(user: Any) -> bool:
    """The progress page and the plan lines: everyone but interviewers (and hiring managers see
    only their teams, recruiters their scope: see ``plan_line_scope``)."""
    return _has_role(user, Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER)


def plan_line_scope(user: Any) -> Q:
    """The plan lines this user may see figures of, as a filter on PlanLine."""
    if not plan_can_read(user):
        return NOTHING
    if sees_whole_plan(user):
        return Q()
    if user.role == Role.RECRUITER:
        scope = Q(pk__in=Requisition.objects.filter(recruiters=user).values("plan_line_id"))
        cell = _scope_cell(user, team_field="team_id", city_field="city_id")
        return scope | cell if cell is not None else scope
    # A hiring manager sees the whole of each team they hire for: every line of those teams.
    return Q(team_id__in=Requisition.objects.filter(hiring_manager=user).values("plan_line__team_id"))


def plan_is_scoped(user: Any) -> bool:
    """Whether ``plan_line_scope`` narrows the plan for this user (the page then says so)."""
    return not sees_whole_plan(user)


def plan_can_export(user: Any) -> bool:
    """The export is the whole plan, not narrowed to a scope, so only roles that read it all get it."""
    return sees_whole_plan(user)


def plan_can_import(user: Any) -> bool:
    return _is_admin(user)
