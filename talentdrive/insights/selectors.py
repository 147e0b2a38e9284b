"""Reads for the progress page: plan target vs. open headcount vs. hires, grouped and filtered.

Three aggregate queries whatever the size of the plan (targets per group, requisition headcount
per group and status, hired applications per group); the pure core folds them together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import get_language

from talentdrive.accounts.models import User
from talentdrive.insights.core.progress import (
    DIMENSIONS,
    Figures,
    GroupedFigures,
    Member,
    ProgressReport,
    assemble,
)
from talentdrive.pipeline.models import Application, Stage
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import (
    Channel,
    City,
    Drive,
    FocusArea,
    PlanLine,
    Requisition,
    RequisitionStatus,
    Team,
)

# Where each dimension's key lives, seen from a plan line.
DIMENSION_KEY: dict[str, str] = {
    "city": "city__code",
    "channel": "channel",
    "area": "focus_area__code",
    "team": "team__code",
}
# Extra values fetched with the key to label and order the members without another query.
DIMENSION_EXTRA: dict[str, tuple[str, ...]] = {
    "city": ("city__name_en", "city__name_zh"),
    "channel": (),
    "area": ("focus_area__name_en", "focus_area__name_zh", "focus_area__position"),
    "team": ("team__name_en", "team__name_zh", "team__group__code"),
}
STATUS_FIGURE = {
    RequisitionStatus.OPEN: "open",
    RequisitionStatus.DRAFT: "draft",
    RequisitionStatus.PAUSED: "paused",
    RequisitionStatus.FILLED: "filled",
}


class UnknownDimension(ValueError):
    pass


def _line_scope(user: User) -> tuple[Q, bool]:
    """Which plan lines the user may see (``plans.access``), and whether that is a subset of the plan."""
    if not plans_access.plan_can_read(user):
        raise PermissionDenied("your role does not give access to the headcount plan")
    return plans_access.plan_line_scope(user), plans_access.plan_is_scoped(user)


def _is_chinese() -> bool:
    return (get_language() or "en").startswith("zh")


def _member(dimension: str, values: Mapping[str, Any], prefix: str) -> tuple[Member, tuple[Any, ...]]:
    """A labelled member and its sort key, from one row of ``values()``."""
    key = str(values[prefix + DIMENSION_KEY[dimension]])
    if dimension == "channel":
        label = str(Channel(key).label) if key in Channel.values else key
        return Member(key=key, label=label), (Channel.values.index(key) if key in Channel.values else 99, key)
    extra = [values[prefix + name] for name in DIMENSION_EXTRA[dimension]]
    label = extra[1] if _is_chinese() else extra[0]
    if dimension == "area":
        return Member(key=key, label=label), (extra[2], key)
    if dimension == "team":
        return Member(key=key, label=label), (extra[2], key)
    return Member(key=key, label=label), (key,)


def _group_fields(dimensions: list[str], prefix: str) -> list[str]:
    names: list[str] = []
    for dimension in dimensions:
        names.append(prefix + DIMENSION_KEY[dimension])
        names += [prefix + extra for extra in DIMENSION_EXTRA[dimension]]
    return names


def progress_plan_lines(
    *, user: User, drive: Drive, filters: Mapping[str, str] | None = None
) -> tuple[QuerySet[PlanLine], bool]:
    """The plan lines of a drive that the user may see, narrowed by dimension filters."""
    scope, scoped = _line_scope(user)
    lines = PlanLine.objects.filter(scope, drive=drive)
    for dimension, key in (filters or {}).items():
        if dimension not in DIMENSION_KEY:
            raise UnknownDimension(dimension)
        lines = lines.filter(**{DIMENSION_KEY[dimension]: key})
    return lines, scoped


def progress_report(
    *,
    user: User,
    drive: Drive,
    group_by: str = "city",
    across: str | None = None,
    filters: Mapping[str, str] | None = None,
) -> ProgressReport:
    """Plan vs. open headcount vs. hired for one drive, rows by ``group_by``, optional columns by ``across``.

    Raises PermissionDenied for roles that may not see the plan, UnknownDimension for a bad name.
    """
    filters = {name: value for name, value in (filters or {}).items() if value}
    for dimension in (group_by, across):
        if dimension is not None and dimension not in DIMENSIONS:
            raise UnknownDimension(dimension)
    if across == group_by:
        across = None
    lines, scoped = progress_plan_lines(user=user, drive=drive, filters=filters)
    dimensions = [group_by] + ([across] if across else [])

    grouped: list[GroupedFigures] = []
    row_members: dict[str, tuple[tuple[Any, ...], Member]] = {}
    column_members: dict[str, tuple[tuple[Any, ...], Member]] = {}

    def members(values: Mapping[str, Any], prefix: str) -> tuple[Member, Member | None]:
        row, row_sort = _member(group_by, values, prefix)
        row_members.setdefault(row.key, (row_sort, row))
        column = None
        if across:
            column, column_sort = _member(across, values, prefix)
            column_members.setdefault(column.key, (column_sort, column))
        return row, column

    for values in lines.values(*_group_fields(dimensions, "")).annotate(total=Sum("target")).order_by():
        row, column = members(values, "")
        grouped.append(GroupedFigures(row=row, column=column, figures=Figures(target=values["total"] or 0)))

    requisitions = (
        Requisition.objects.filter(plan_line__in=lines.values("pk"), status__in=list(STATUS_FIGURE))
        .values(*_group_fields(dimensions, "plan_line__"), "status")
        .annotate(total=Sum("headcount"))
        .order_by()
    )
    for values in requisitions:
        row, column = members(values, "plan_line__")
        figure = STATUS_FIGURE[RequisitionStatus(values["status"])]
        grouped.append(
            GroupedFigures(row=row, column=column, figures=Figures(**{figure: values["total"] or 0}))
        )

    hires = (
        Application.objects.filter(stage=Stage.HIRED, requisition__plan_line__in=lines.values("pk"))
        .values(*_group_fields(dimensions, "requisition__plan_line__"))
        .annotate(total=Count("pk"))
        .order_by()
    )
    for values in hires:
        row, column = members(values, "requisition__plan_line__")
        grouped.append(GroupedFigures(row=row, column=column, figures=Figures(hired=values["total"])))

    return assemble(
        group_by=group_by,
        across=across,
        filters=filters,
        grouped=grouped,
        row_order=[member for _, member in sorted(row_members.values(), key=lambda item: item[0])],
        column_order=[member for _, member in sorted(column_members.values(), key=lambda item: item[0])],
        scoped=scoped,
    )


def drive_headlines(*, user: User, drives: QuerySet[Drive]) -> dict[int, Figures]:
    """Totals per drive for the home page, within the user's scope, in three queries."""
    scope, _ = _line_scope(user)
    lines = PlanLine.objects.filter(scope, drive__in=drives)
    totals: dict[int, Figures] = {}

    def add(drive_id: int, figures: Figures) -> None:
        totals[drive_id] = totals.get(drive_id, Figures()) + figures

    for values in lines.values("drive_id").annotate(total=Sum("target")).order_by():
        add(values["drive_id"], Figures(target=values["total"] or 0))
    requisitions = (
        Requisition.objects.filter(plan_line__in=lines.values("pk"), status__in=list(STATUS_FIGURE))
        .values("plan_line__drive_id", "status")
        .annotate(total=Sum("headcount"))
        .order_by()
    )
    for values in requisitions:
        figure = STATUS_FIGURE[RequisitionStatus(values["status"])]
        add(values["plan_line__drive_id"], Figures(**{figure: values["total"] or 0}))
    hires = (
        Application.objects.filter(stage=Stage.HIRED, requisition__plan_line__in=lines.values("pk"))
        .values("requisition__plan_line__drive_id")
        .annotate(total=Count("pk"))
        .order_by()
    )
    for values in hires:
        add(values["requisition__plan_line__drive_id"], Figures(hired=values["total"]))
    return totals


def dimension_member_labels(*, filters: Mapping[str, str]) -> dict[str, str]:
    """Display names for the filtered members (one small query per filtered dimension), keyed by dimension."""
    models: dict[str, type[City] | type[FocusArea] | type[Team]] = {
        "city": City,
        "area": FocusArea,
        "team": Team,
    }
    labels: dict[str, str] = {}
    for dimension, key in filters.items():
        if dimension == "channel":
            labels[dimension] = str(Channel(key).label) if key in Channel.values else key
        elif dimension in models:
            member = models[dimension].objects.filter(code=key).first()
            labels[dimension] = member.name if member is not None else key
    return labels


def dimension_choices(
    *, user: User, drive: Drive, filters: Mapping[str, str] | None = None
) -> dict[str, list[tuple[str, str]]]:
    """For each dimension, the members (code, name) among the plan lines the user sees under the other
    filters: what a drill-down can narrow to next."""
    choices: dict[str, list[tuple[str, str]]] = {}
    for dimension in DIMENSION_KEY:
        others = {name: key for name, key in (filters or {}).items() if name != dimension}
        lines, _ = progress_plan_lines(user=user, drive=drive, filters=others)
        rows = lines.values(*_group_fields([dimension], "")).distinct()
        members = sorted((_member(dimension, row, "") for row in rows), key=lambda item: item[1])
        choices[dimension] = list(dict.fromkeys((member.key, member.label) for member, _ in members))
    return choices
