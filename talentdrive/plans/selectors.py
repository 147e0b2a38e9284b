"""Reads for plans and requisitions, narrowed to what the user may see (the rules: ``plans/access.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from talentdrive.accounts.models import User
from talentdrive.plans import access
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
    requisitions = Requisition.objects.filter(access.requisition_scope(user))
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


def requisition_get_for_edit(*, user: User, requisition_id: int) -> Requisition:
    requisition = requisition_get(user=user, requisition_id=requisition_id)
    if not access.requisition_can_edit(user, requisition):
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
    """The plan lines the user may see (``access.plan_line_scope``), with the headcount committed under each."""
    if not access.plan_can_read(user):
        raise PermissionDenied("your role does not give access to the headcount plan")
    committed = Sum("requisitions__headcount", filter=Q(requisitions__status__in=COMMITTED_STATUSES))
    lines = plan_line_list(drive=drive).filter(access.plan_line_scope(user))
    return lines.annotate(committed=Coalesce(committed, 0))
