"""Reads for plans and requisitions; who may see which requisition is decided here."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from talentdrive.accounts.models import Role, User
from talentdrive.plans.models import COMMITTED_STATUSES, Drive, PlanLine, Requisition, RequisitionStatus

PUBLIC_STATUSES = (RequisitionStatus.OPEN,)


@dataclass(frozen=True)
class RequisitionFilters:
    drive: str | None = None
    city: str | None = None
    channel: str | None = None
    area: str | None = None
    team: str | None = None
    status: str | None = None
    q: str | None = None


def _visible_to(user: User) -> Q:
    """Which requisitions a staff member may read."""
    if user.is_drive_admin or user.role == Role.LEADERSHIP:
        return Q()
    if user.role == Role.RECRUITER:
        scope = Q(recruiters=user)
        team_ids = list(user.scope_teams.values_list("pk", flat=True))
        city_ids = list(user.scope_cities.values_list("pk", flat=True))
        if team_ids or city_ids:
            cell = Q()
            if team_ids:
                cell &= Q(plan_line__team_id__in=team_ids)
            if city_ids:
                cell &= Q(plan_line__city_id__in=city_ids)
            scope |= cell
        return scope
    if user.role == Role.HIRING_MANAGER:
        return Q(hiring_manager=user)
    # Interviewers see candidates assigned to them, not requisitions at large.
    return Q(pk__in=[])


def _apply_filters(requisitions: QuerySet[Requisition], filters: RequisitionFilters) -> QuerySet[Requisition]:
    if filters.drive:
        requisitions = requisitions.filter(drive__code=filters.drive)
    if filters.city:
        requisitions = requisitions.filter(cities__code=filters.city)
    if filters.channel:
        requisitions = requisitions.filter(plan_line__channel=filters.channel)
    if filters.area:
        requisitions = requisitions.filter(plan_line__focus_area__code=filters.area)
    if filters.team:
        requisitions = requisitions.filter(plan_line__team__code=filters.team)
    if filters.status:
        requisitions = requisitions.filter(status=filters.status)
    if filters.q:
        for word in filters.q.split()[:8]:
            requisitions = requisitions.filter(
                Q(title_en__icontains=word)
                | Q(title_zh__icontains=word)
                | Q(description_en__icontains=word)
                | Q(description_zh__icontains=word)
                | Q(external_id__iexact=word)
            )
    return requisitions


def requisition_list(*, user: User, filters: RequisitionFilters | None = None) -> QuerySet[Requisition]:
    """Requisitions the user may see, filtered; distinct because city and scope filters join many-to-many."""
    requisitions = Requisition.objects.filter(_visible_to(user))
    requisitions = _apply_filters(requisitions, filters or RequisitionFilters())
    return (
        requisitions.distinct()
        .select_related(
            "drive", "plan_line__city", "plan_line__team", "plan_line__focus_area", "hiring_manager"
        )
        .prefetch_related("cities")
        .order_by("drive_id", "external_id")
    )


def requisition_get(*, user: User, requisition_id: int) -> Requisition:
    """Fetch and authorise in one place; an invisible requisition is indistinguishable from a missing one."""
    requisition = requisition_list(user=user).filter(pk=requisition_id).first()
    if requisition is None:
        raise Requisition.DoesNotExist(f"requisition {requisition_id} does not exist")
    return requisition


def requisition_can_edit(*, user: User, requisition: Requisition) -> bool:
    if user.is_drive_admin:
        return True
    if user.role == Role.RECRUITER:
        return (
            requisition.recruiters.filter(pk=user.pk).exists()
            or requisition_list(user=user).filter(pk=requisition.pk).exists()
        )
    return user.role == Role.HIRING_MANAGER and requisition.hiring_manager_id == user.pk


def requisition_get_for_edit(*, user: User, requisition_id: int) -> Requisition:
    requisition = requisition_get(user=user, requisition_id=requisition_id)
    if not requisition_can_edit(user=user, requisition=requisition):
        raise PermissionDenied("you may read this requisition but not change it")
    return requisition


def public_requisition_list(*, filters: RequisitionFilters | None = None) -> QuerySet[Requisition]:
    """Open requisitions, as the public career portal and its API show them."""
    requisitions = Requisition.objects.filter(status__in=PUBLIC_STATUSES)
    requisitions = _apply_filters(requisitions, filters or RequisitionFilters())
    return (
        requisitions.distinct()
        .select_related("drive", "plan_line__city", "plan_line__team", "plan_line__focus_area")
        .prefetch_related("cities")
        .order_by("-status_changed_at", "external_id")
    )


def drive_list() -> QuerySet[Drive]:
    """Drives, the most active first: the one with the most open requisitions leads the portal and
    the progress page, so importing a small example plan does not displace the live drive."""
    open_count = (
        Requisition.objects.filter(drive=OuterRef("pk"), status=RequisitionStatus.OPEN)
        .order_by()
        .values("drive")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Drive.objects.annotate(open_requisition_count=Coalesce(Subquery(open_count), 0))
        .prefetch_related("cities")
        .order_by("-open_requisition_count", "-starts_on", "code")
    )


def plan_line_list(*, drive: Drive | None = None) -> QuerySet[PlanLine]:
    lines = PlanLine.objects.select_related("drive", "city", "focus_area", "team__group")
    if drive is not None:
        lines = lines.filter(drive=drive)
    return lines


def plan_line_list_for_user(*, user: User, drive: Drive | None = None) -> QuerySet[PlanLine]:
    """Plan lines with the headcount committed under each; interviewers do not read the plan."""
    if user.role == Role.INTERVIEWER and not user.is_drive_admin:
        raise PermissionDenied("interviewers do not have access to the headcount plan")
    committed = Sum("requisitions__headcount", filter=Q(requisitions__status__in=COMMITTED_STATUSES))
    return plan_line_list(drive=drive).annotate(committed=Coalesce(committed, 0))


def requisition_can_create(*, user: User, plan_line: PlanLine) -> bool:
    """Administrators anywhere; a recruiter in the cells their team and city scope covers."""
    if user.is_drive_admin:
        return True
    if user.role != Role.RECRUITER:
        return False
    team_ids = set(user.scope_teams.values_list("pk", flat=True))
    city_ids = set(user.scope_cities.values_list("pk", flat=True))
    if not team_ids and not city_ids:
        return False
    return (not team_ids or plan_line.team_id in team_ids) and (not city_ids or plan_line.city_id in city_ids)
