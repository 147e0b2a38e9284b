"""Writes for the plan: requisitions under plan lines, with the headcount limit enforced atomically."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import get_language

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.plans import access as plans_access
from talentdrive.plans.errors import (  # noqa: F401 - the services raise these
    PlanLimitExceeded,
    PlanRuleError,
    PlanTargetBelowCommitted,
    StatusTransitionError,
)
from talentdrive.plans.models import (
    ALLOWED_TRANSITIONS,
    COMMITTED_STATUSES,
    BusinessGroup,
    City,
    Drive,
    FocusArea,
    PlanLine,
    PlanOverride,
    Requisition,
    RequisitionStatus,
    Team,
)


@dataclass(frozen=True)
class PlanOverrideRequest:
    """An administrator's permission to exceed the target, with the written reason."""

    actor: User
    reason: str


def plan_line_committed_headcount(*, plan_line: PlanLine, exclude_requisition_id: int | None = None) -> int:
    requisitions = Requisition.objects.filter(plan_line=plan_line, status__in=COMMITTED_STATUSES)
    if exclude_requisition_id is not None:
        requisitions = requisitions.exclude(pk=exclude_requisition_id)
    return int(requisitions.aggregate(total=Sum("headcount"))["total"] or 0)


def _lock_plan_line(plan_line_id: int) -> PlanLine:
    # On PostgreSQL the row lock serialises concurrent writers of one line; on SQLite the
    # IMMEDIATE transaction already holds the database's single write lock.
    return PlanLine.objects.select_for_update().select_related("drive").get(pk=plan_line_id)


def _enforce_plan_limit(
    *,
    plan_line: PlanLine,
    requested: int,
    exclude_requisition_id: int | None,
    override: PlanOverrideRequest | None,
) -> PlanOverrideRequest | None:
    """Raise unless the headcount fits; return the override that was needed, if any."""
    committed = plan_line_committed_headcount(
        plan_line=plan_line, exclude_requisition_id=exclude_requisition_id
    )
    if committed + requested <= plan_line.target:
        return None
    if override is None:
        raise PlanLimitExceeded(plan_line=plan_line, committed=committed, requested=requested)
    if not override.actor.is_drive_admin:
        raise PlanRuleError("override_forbidden", field="override_reason")
    if not override.reason.strip():
        raise PlanRuleError("override_reason_missing", field="override_reason")
    return override


def _check_draft_fits_target(
    *, plan_line: PlanLine, headcount: int, override: PlanOverrideRequest | None
) -> None:
    # A draft does not count against the plan, but one larger than the whole line could never open:
    # that is a typing error, refused at once rather than discovered when opening it.
    if headcount > plan_line.target and override is None:
        committed = plan_line_committed_headcount(plan_line=plan_line)
        raise PlanLimitExceeded(plan_line=plan_line, committed=committed, requested=headcount)


def _record_override(
    *, plan_line: PlanLine, requisition: Requisition, override: PlanOverrideRequest | None
) -> None:
    """Record an administrator's override of the plan limit, if one was used, with the line's headcount now."""
    if override is None:
        return
    committed_after = plan_line_committed_headcount(plan_line=plan_line)
    PlanOverride.objects.create(
        plan_line=plan_line,
        requisition=requisition,
        actor=override.actor,
        reason=override.reason.strip(),
        target=plan_line.target,
        committed_after=committed_after,
    )
    audit_record(
        actor=override.actor,
        action=AuditAction.PLAN_LINE_OVERRIDE,
        target=plan_line,
        reason=override.reason.strip(),
        data={"requisition": requisition.pk, "target": plan_line.target, "committed_after": committed_after},
    )


REQUISITION_FIELDS = (
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "level",
    "must_skills",
    "nice_skills",
    "domain",
    "min_degree",
    "min_years",
    "graduation_from",
    "graduation_to",
    "programme_eligible",
    "hiring_manager",
)


def _check_titles(**titles: Any) -> None:
    # A title goes into email subjects and page headings: a line break there is never meant, and in
    # a Subject header it would start a new header.
    for field, title in titles.items():
        if isinstance(title, str) and ("\n" in title or "\r" in title):
            raise PlanRuleError("title_line_break", field=field)


def _check_recruiters(*, actor: Actor, recruiters: Iterable[User], plan_line: PlanLine) -> None:
    refused = plans_access.requisition_recruiters_refused(actor, recruiters, plan_line)
    if refused:
        names = ", ".join(sorted(user.get_username() for user in refused))
        raise PlanRuleError("recruiter_out_of_scope", field="recruiters", params={"names": names})


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


@transaction.atomic
def requisition_create(
    *,
    plan_line: PlanLine,
    external_id: str,
    title_zh: str,
    title_en: str,
    headcount: int = 1,
    cities: Iterable[City] = (),
    recruiters: Iterable[User] = (),
    status: str = RequisitionStatus.DRAFT,
    actor: Actor,
    override: PlanOverrideRequest | None = None,
    **fields: Any,
) -> Requisition:
    """Create a requisition under a plan line; its headcount must fit the line's target."""
    unknown = set(fields) - set(REQUISITION_FIELDS)
    if unknown:
        raise TypeError(f"unknown requisition fields: {sorted(unknown)}")
    if status == RequisitionStatus.CLOSED:
        raise PlanRuleError("created_closed", field="status")
    _check_titles(title_zh=title_zh, title_en=title_en)
    locked = _lock_plan_line(plan_line.pk)
    used_override = None
    if status in COMMITTED_STATUSES:
        used_override = _enforce_plan_limit(
            plan_line=locked, requested=headcount, exclude_requisition_id=None, override=override
        )
    else:
        _check_draft_fits_target(plan_line=locked, headcount=headcount, override=override)
    requisition = Requisition(
        drive=locked.drive,
        plan_line=locked,
        external_id=external_id,
        title_zh=title_zh,
        title_en=title_en,
        headcount=headcount,
        status=status,
        status_changed_at=timezone.now(),
        **fields,
    )
    requisition.full_clean()
    requisition.save()
    cities = list(cities)
    _check_cities_in_drive(drive=locked.drive, cities=cities)
    city_set = {locked.city_id, *(city.pk for city in cities)}
    requisition.cities.set(city_set)
    recruiters = list(recruiters)
    _check_recruiters(actor=actor, recruiters=recruiters, plan_line=locked)
    requisition.recruiters.set(recruiters)
    audit_record(
        actor=actor,
        action=AuditAction.REQUISITION_CREATE,
        target=requisition,
        data={"plan_line": locked.pk, "headcount": headcount, "status": status},
    )
    _record_override(plan_line=locked, requisition=requisition, override=used_override)
    return requisition


def _check_cities_in_drive(*, drive: Drive, cities: list[City]) -> None:
    """A requisition sits only in its drive's cities (a drive without cities listed takes any)."""
    known = list(drive.cities.order_by("code"))
    if not known:
        return
    known_ids = {city.pk for city in known}
    outside = [city for city in cities if city.pk not in known_ids]
    if outside:
        comma = "、" if (get_language() or "en").startswith("zh") else ", "
        raise PlanRuleError(
            "city_outside_drive",
            field="cities",
            params={
                "cities": comma.join(str(city.name) for city in outside),
                "known": comma.join(str(city.name) for city in known),
            },
        )


@transaction.atomic
def requisition_update(
    *,
    requisition: Requisition,
    actor: Actor,
    headcount: int | None = None,
    cities: Iterable[City] | None = None,
    recruiters: Iterable[User] | None = None,
    override: PlanOverrideRequest | None = None,
    **fields: Any,
) -> Requisition:
    """Change a requisition's fields; a larger headcount must still fit the plan line."""
    unknown = set(fields) - set(REQUISITION_FIELDS)
    if unknown:
        raise TypeError(f"unknown requisition fields: {sorted(unknown)}")
    _check_titles(**{name: fields[name] for name in ("title_zh", "title_en") if name in fields})
    locked_line = _lock_plan_line(requisition.plan_line_id)
    current = Requisition.objects.select_for_update().get(pk=requisition.pk)
    changes: dict[str, Any] = {}
    used_override = None
    if headcount is not None and headcount != current.headcount:
        if current.status in COMMITTED_STATUSES and headcount > current.headcount:
            used_override = _enforce_plan_limit(
                plan_line=locked_line,
                requested=headcount,
                exclude_requisition_id=current.pk,
                override=override,
            )
        elif current.status not in COMMITTED_STATUSES:
            _check_draft_fits_target(plan_line=locked_line, headcount=headcount, override=override)
        changes["headcount"] = [current.headcount, headcount]
        current.headcount = headcount
    for name, value in fields.items():
        old = getattr(current, name)
        if old != value:
            changes[name] = [_json_value(old), _json_value(value)]
            setattr(current, name, value)
    current.full_clean()
    current.save()
    if cities is not None:
        cities = list(cities)
        _check_cities_in_drive(drive=locked_line.drive, cities=cities)
        current.cities.set({locked_line.city_id, *(city.pk for city in cities)})
        changes["cities"] = sorted(current.cities.values_list("code", flat=True))
    if recruiters is not None:
        recruiters = list(recruiters)
        # Only those added now are checked: an administrator's earlier assignment stays.
        already = set(current.recruiters.values_list("pk", flat=True))
        added = [user for user in recruiters if user.pk not in already]
        _check_recruiters(actor=actor, recruiters=added, plan_line=locked_line)
        current.recruiters.set(recruiters)
        changes["recruiters"] = sorted(current.recruiters.values_list("pk", flat=True))
    if changes:
        audit_record(actor=actor, action=AuditAction.REQUISITION_UPDATE, target=current, data=changes)
    _record_override(plan_line=locked_line, requisition=current, override=used_override)
    return current


@transaction.atomic
def requisition_change_status(
    *,
    requisition: Requisition,
    status: str,
    actor: Actor,
    reason: str = "",
    override: PlanOverrideRequest | None = None,
) -> Requisition:
    """Move a requisition along draft → open ⇄ paused → filled / closed, recording who and why.

    Opening a draft commits its headcount, so that step must fit the plan line's target.
    """
    locked_line = _lock_plan_line(requisition.plan_line_id)
    current = Requisition.objects.select_for_update().get(pk=requisition.pk)
    if status not in RequisitionStatus.values:
        raise StatusTransitionError("unknown_status", field="status", params={"status": status})
    if status == current.status:
        return current
    if status not in ALLOWED_TRANSITIONS[current.status]:
        raise StatusTransitionError(
            "bad_transition",
            field="status",
            params={
                "current": RequisitionStatus(current.status).label,
                "status": RequisitionStatus(status).label,
            },
        )
    if status in (RequisitionStatus.PAUSED, RequisitionStatus.CLOSED) and not reason.strip():
        raise StatusTransitionError(
            "reason_missing", field="reason", params={"status": RequisitionStatus(status).label}
        )
    used_override = None
    if current.status not in COMMITTED_STATUSES and status in COMMITTED_STATUSES:
        used_override = _enforce_plan_limit(
            plan_line=locked_line,
            requested=current.headcount,
            exclude_requisition_id=current.pk,
            override=override,
        )
    previous = current.status
    current.status = status
    current.status_changed_at = timezone.now()
    current.save(update_fields=["status", "status_changed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.REQUISITION_STATUS,
        target=current,
        reason=reason.strip(),
        data={"from": previous, "to": status},
    )
    _record_override(plan_line=locked_line, requisition=current, override=used_override)
    return current


PLAN_LINE_CELL = ("city", "channel", "focus_area", "team")


@transaction.atomic
def plan_line_upsert(
    *,
    drive: Drive,
    external_id: str,
    city: City,
    channel: str,
    focus_area: FocusArea,
    team: Team,
    target: int,
    note: str = "",
    actor: Actor,
) -> tuple[PlanLine, str]:
    """Create or change the plan line with this external id; returns it and "created", "updated" or "unchanged"."""
    values: dict[str, Any] = {
        "city": city,
        "channel": channel,
        "focus_area": focus_area,
        "team": team,
        "target": target,
        "note": note,
    }
    existing = PlanLine.objects.select_for_update().filter(drive=drive, external_id=external_id).first()
    if existing is None:
        line = PlanLine(drive=drive, external_id=external_id, **values)
        line.full_clean()
        line.save()
        audit_record(actor=actor, action=AuditAction.PLAN_LINE_CREATE, target=line, data={"target": target})
        return line, "created"
    changes = {
        name: [_json_value(getattr(existing, name)), _json_value(value)]
        for name, value in values.items()
        if getattr(existing, name) != value
    }
    if not changes:
        return existing, "unchanged"
    if set(changes) & set(PLAN_LINE_CELL) and existing.requisitions.exists():
        raise PlanRuleError("plan_line_cell_locked", params={"line": external_id})
    if "target" in changes:
        committed = plan_line_committed_headcount(plan_line=existing)
        if target < committed:
            raise PlanTargetBelowCommitted(plan_line=existing, committed=committed, target=target)
    for name, value in values.items():
        setattr(existing, name, value)
    existing.full_clean()
    existing.save()
    audit_record(actor=actor, action=AuditAction.PLAN_LINE_UPDATE, target=existing, data=changes)
    return existing, "updated"


@transaction.atomic
def team_create(*, code: str, name_zh: str, name_en: str, group: BusinessGroup, actor: Actor) -> Team:
    team = Team(code=code, name_zh=name_zh, name_en=name_en, group=group)
    team.full_clean()
    team.save()
    audit_record(actor=actor, action=AuditAction.TEAM_CREATE, target=team, data={"group": group.code})
    return team


@transaction.atomic
def drive_upsert(
    *,
    code: str,
    name_zh: str,
    name_en: str,
    total_target: int,
    starts_on: date,
    ends_on: date,
    cities: Iterable[City],
    channels: list[str],
    actor: Actor,
) -> tuple[Drive, str]:
    """Create or change the drive with this code; returns it and "created", "updated" or "unchanged"."""
    values: dict[str, Any] = {
        "name_zh": name_zh,
        "name_en": name_en,
        "total_target": total_target,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "channels": channels,
    }
    city_ids = {city.pk for city in cities}
    drive = Drive.objects.select_for_update().filter(code=code).first()
    if drive is None:
        drive = Drive(code=code, **values)
        drive.full_clean()
        drive.save()
        drive.cities.set(city_ids)
        audit_record(
            actor=actor, action=AuditAction.DRIVE_CREATE, target=drive, data={"total_target": total_target}
        )
        return drive, "created"
    changes = {
        name: [_json_value(getattr(drive, name)), _json_value(value)]
        for name, value in values.items()
        if getattr(drive, name) != value
    }
    current_city_ids = set(drive.cities.values_list("pk", flat=True))
    if city_ids != current_city_ids:
        changes["cities"] = [sorted(current_city_ids), sorted(city_ids)]
    if not changes:
        return drive, "unchanged"
    for name, value in values.items():
        setattr(drive, name, value)
    drive.full_clean()
    drive.save()
    drive.cities.set(city_ids)
    audit_record(actor=actor, action=AuditAction.DRIVE_UPDATE, target=drive, data=changes)
    return drive, "updated"


@transaction.atomic
def business_group_create(*, code: str, name_zh: str, name_en: str, actor: Actor) -> BusinessGroup:
    group = BusinessGroup(code=code, name_zh=name_zh, name_en=name_en)
    group.full_clean()
    group.save()
    audit_record(actor=actor, action=AuditAction.BUSINESS_GROUP_CREATE, target=group)
    return group
