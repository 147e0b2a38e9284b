"""REST endpoints for drives, plan lines and requisitions; every read and write goes through selectors and services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from ninja import Field as SchemaField
from ninja import Query, Router, Schema, Status

from talentdrive.accounts.models import User
from talentdrive.api.auth import caller, reader_auth, staff_auth
from talentdrive.api.schemas.errors import ApiError, ErrorOut, PlanLimitOut
from talentdrive.api.schemas.plans import (
    ChannelCode,
    DriveOut,
    PlanLineOut,
    RequisitionCreateIn,
    RequisitionOut,
    RequisitionPage,
    RequisitionPatchIn,
    StatusCode,
    StatusIn,
)
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import City, Drive, PlanLine, Requisition
from talentdrive.plans.selectors import (
    RequisitionFilters,
    drive_list,
    plan_line_list_for_user,
    public_requisition_list,
    requisition_get_for_edit,
    requisition_list,
)
from talentdrive.plans.services import (
    PlanLimitExceeded,
    PlanOverrideRequest,
    PlanRuleError,
    requisition_change_status,
    requisition_create,
    requisition_update,
)

router = Router(tags=["plans"])
# Far beyond any drive; a larger offset is a client error, not a database overflow.
MAX_OFFSET = 1_000_000

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: PlanLimitOut}
MAX_LIMIT = 200


def _not_found(what: str, key: object) -> ApiError:
    return ApiError(404, f"{what} {key} does not exist or is not visible to you", code="not_found")


def _drives() -> QuerySet[Drive]:
    return drive_list().annotate(planned=Coalesce(Sum("plan_lines__target"), 0))


def _drive_out(drive: Drive) -> dict[str, Any]:
    return {
        "code": drive.code,
        "name_zh": drive.name_zh,
        "name_en": drive.name_en,
        "total_target": drive.total_target,
        "planned": drive.planned,  # type: ignore[attr-defined]
        "starts_on": drive.starts_on,
        "ends_on": drive.ends_on,
        "cities": sorted(city.code for city in drive.cities.all()),
        "channels": list(drive.channels),
    }


@router.get("/drives", response={200: list[DriveOut]}, auth=None, summary="List drives")
def drives(request: HttpRequest) -> list[dict[str, Any]]:
    return [_drive_out(drive) for drive in _drives()]


@router.get("/drives/{code}", response={200: DriveOut, 404: ErrorOut}, auth=None, summary="One drive")
def drive_detail(request: HttpRequest, code: str) -> dict[str, Any]:
    drive = _drives().filter(code=code).first()
    if drive is None:
        raise _not_found("drive", code)
    return _drive_out(drive)


@router.get(
    "/plan-lines",
    response={200: list[PlanLineOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=staff_auth,
    summary="Plan lines with committed headcount (staff)",
)
def plan_lines(
    request: HttpRequest,
    drive: str | None = None,
    city: str | None = None,
    channel: ChannelCode | None = None,
    area: str | None = None,
    team: str | None = None,
) -> list[dict[str, Any]]:
    user = caller(request)
    assert user is not None
    selected = None
    if drive:
        selected = Drive.objects.filter(code=drive).first()
        if selected is None:
            raise _not_found("drive", drive)
    lines = plan_line_list_for_user(user=user, drive=selected).order_by("drive__code", "external_id")
    if city:
        lines = lines.filter(city__code=city)
    if channel:
        lines = lines.filter(channel=channel)
    if area:
        lines = lines.filter(focus_area__code=area)
    if team:
        lines = lines.filter(team__code=team)
    return [
        {
            "id": line.pk,
            "external_id": line.external_id,
            "drive": line.drive.code,
            "city": line.city.code,
            "channel": line.channel,
            "focus_area": line.focus_area.code,
            "team": line.team.code,
            "business_group": line.team.group.code,
            "target": line.target,
            "committed": line.committed,  # type: ignore[attr-defined]
        }
        for line in lines
    ]


def _requisition_out(requisition: Requisition, *, staff: bool) -> dict[str, Any]:
    line = requisition.plan_line
    out: dict[str, Any] = {
        "id": requisition.pk,
        "external_id": requisition.external_id,
        "drive": requisition.drive.code,
        "city": line.city.code,
        "cities": sorted(city.code for city in requisition.cities.all()),
        "channel": line.channel,
        "focus_area": line.focus_area.code,
        "team": line.team.code,
        **{
            name: getattr(requisition, name)
            for name in (
                "title_zh", "title_en", "description_zh", "description_en", "level", "headcount",
                "must_skills", "nice_skills", "domain", "min_degree", "min_years", "graduation_from",
                "graduation_to", "programme_eligible", "status", "status_changed_at",
            )
        },
    }  # fmt: skip
    if staff:
        out["plan_line"] = line.external_id
        out["hiring_manager"] = requisition.hiring_manager.username if requisition.hiring_manager else None
        out["recruiters"] = sorted(user.username for user in requisition.recruiters.all())
    return out


class RequisitionQuery(Schema):
    drive: str | None = None
    city: str | None = None
    channel: ChannelCode | None = None
    area: str | None = SchemaField(None, description="focus area code")
    team: str | None = None
    status: StatusCode | None = None
    q: str | None = SchemaField(None, max_length=200, description="words in titles or descriptions, or an id")
    limit: int = SchemaField(50, ge=1, le=MAX_LIMIT)
    offset: int = SchemaField(0, ge=0, le=MAX_OFFSET)


def _visible(user: User | None, filters: RequisitionFilters) -> QuerySet[Requisition]:
    if user is None:
        return public_requisition_list(filters=filters)
    return requisition_list(user=user, filters=filters).prefetch_related("recruiters")


@router.get(
    "/requisitions",
    response={200: RequisitionPage, **READ_ERRORS},
    auth=reader_auth,
    summary="List requisitions: open ones for anyone, more for staff",
)
def requisitions(request: HttpRequest, query: Query[RequisitionQuery]) -> dict[str, Any]:
    user = caller(request)
    filters = RequisitionFilters(
        drive=query.drive,
        city=query.city,
        channel=query.channel,
        area=query.area,
        team=query.team,
        status=query.status,
        q=query.q,
    )
    matching = _visible(user, filters)
    page = matching[query.offset : query.offset + query.limit]
    return {
        "count": matching.count(),
        "limit": query.limit,
        "offset": query.offset,
        "items": [_requisition_out(r, staff=user is not None) for r in page],
    }


@router.get(
    "/requisitions/{int:requisition_id}",
    response={200: RequisitionOut, **READ_ERRORS},
    auth=reader_auth,
    summary="One requisition",
)
def requisition_detail(request: HttpRequest, requisition_id: int) -> dict[str, Any]:
    user = caller(request)
    requisition = _visible(user, RequisitionFilters()).filter(pk=requisition_id).first()
    if requisition is None:
        raise _not_found("requisition", requisition_id)
    return _requisition_out(requisition, staff=user is not None)


def _writer(request: HttpRequest) -> User:
    user = caller(request)
    assert user is not None
    if not plans_access.requisition_can_change_any(user):
        raise ApiError(
            403, f"a {user.get_role_display().lower()} may not change requisitions", code="forbidden"
        )
    return user


def _resolve(payload: RequisitionCreateIn | RequisitionPatchIn, user: User) -> dict[str, Any]:
    """Turn codes and usernames into objects, keeping only the fields the caller sent."""
    sent = payload.dict(exclude_unset=True)
    for name in ("drive", "plan_line", "external_id", "status", "override_reason"):
        sent.pop(name, None)
    if "cities" in sent:
        codes = sent["cities"] or []
        cities = list(City.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {city.code for city in cities})
        if unknown:
            raise ApiError(400, f"unknown cities: {', '.join(unknown)}", code="invalid", field="cities")
        sent["cities"] = cities
    if "recruiters" in sent:
        names = sent["recruiters"] or []
        users = list(User.objects.filter(username__in=names, is_active=True))
        unknown = sorted(set(names) - {u.username for u in users})
        if unknown:
            raise ApiError(400, f"unknown users: {', '.join(unknown)}", code="invalid", field="recruiters")
        sent["recruiters"] = users
    if "hiring_manager" in sent and sent["hiring_manager"] is not None:
        manager = User.objects.filter(username=sent["hiring_manager"], is_active=True).first()
        if manager is None:
            raise ApiError(
                400, f'unknown user "{sent["hiring_manager"]}"', code="invalid", field="hiring_manager"
            )
        sent["hiring_manager"] = manager
    for name in (
        "title_zh",
        "title_en",
        "must_skills",
        "nice_skills",
        "domain",
        "description_zh",
        "description_en",
    ):
        if name in sent and sent[name] is None:
            raise ApiError(400, f"{name} cannot be null", code="invalid", field=name)
    return sent


def _override(
    payload: RequisitionCreateIn | RequisitionPatchIn | StatusIn, user: User
) -> PlanOverrideRequest | None:
    if payload.override_reason is None:
        return None
    if not plans_access.requisition_can_override_plan(user):
        raise ApiError(
            403,
            "only an administrator may exceed a plan line's target",
            code="forbidden",
            field="override_reason",
        )
    return PlanOverrideRequest(actor=user, reason=payload.override_reason)


def _service_error(error: ValidationError | PlanRuleError) -> ApiError:
    if isinstance(error, PlanLimitExceeded):
        return ApiError(
            409,
            str(error.message),
            code="plan_limit_exceeded",
            field="headcount",
            plan_line=error.plan_line.external_id,
            target=error.plan_line.target,
            committed=error.committed,
            requested=error.requested,
        )
    if isinstance(error, PlanRuleError):
        status = 403 if error.code == "override_forbidden" else 400
        return ApiError(status, str(error.message), code=error.code, field=error.field)
    if hasattr(error, "error_dict"):
        errors = error.message_dict
        field = next(iter(errors))
        return ApiError(
            400,
            f"{field}: {errors[field][0]}",
            code="invalid",
            field=None if field == "__all__" else field,
            errors=errors,
        )
    return ApiError(400, "; ".join(error.messages), code=error.code or "invalid")


@router.post(
    "/requisitions",
    response={201: RequisitionOut, **WRITE_ERRORS},
    auth=staff_auth,
    summary="Create a requisition under a plan line (its headcount must fit the target)",
)
def requisition_new(request: HttpRequest, payload: RequisitionCreateIn) -> Status[dict[str, Any]]:
    user = _writer(request)
    line = PlanLine.objects.filter(drive__code=payload.drive, external_id=payload.plan_line).first()
    if line is None:
        raise ApiError(
            400,
            f'drive "{payload.drive}" has no plan line "{payload.plan_line}"',
            code="invalid",
            field="plan_line",
        )
    if not plans_access.requisition_can_create(user, line):
        raise ApiError(
            403, f"you may not create requisitions under plan line {line.external_id}", code="forbidden"
        )
    if Requisition.objects.filter(drive=line.drive, external_id=payload.external_id).exists():
        raise ApiError(
            409, f'requisition "{payload.external_id}" already exists', code="duplicate", field="external_id"
        )
    fields = _resolve(payload, user)
    override = _override(payload, user)
    try:
        requisition = requisition_create(
            plan_line=line,
            external_id=payload.external_id,
            status=payload.status,
            actor=user,
            override=override,
            **fields,
        )
    except (ValidationError, PlanRuleError) as error:
        raise _service_error(error) from error
    return Status(201, _requisition_out(_reload(user, requisition.pk), staff=True))


def _reload(user: User, requisition_id: int) -> Requisition:
    requisition = _visible(user, RequisitionFilters()).filter(pk=requisition_id).first()
    if requisition is None:  # created by someone whose scope does not cover it, e.g. via an admin override
        requisition = Requisition.objects.select_related(
            "drive", "plan_line__city", "plan_line__team", "plan_line__focus_area", "hiring_manager"
        ).get(pk=requisition_id)
    return requisition


def _for_edit(user: User, requisition_id: int) -> Requisition:
    try:
        return requisition_get_for_edit(user=user, requisition_id=requisition_id)
    except Requisition.DoesNotExist as error:
        raise _not_found("requisition", requisition_id) from error
    except PermissionDenied as error:
        raise ApiError(403, str(error), code="forbidden") from error


@router.patch(
    "/requisitions/{int:requisition_id}",
    response={200: RequisitionOut, **WRITE_ERRORS},
    auth=staff_auth,
    summary="Change a requisition's fields (status has its own endpoint)",
)
def requisition_patch(
    request: HttpRequest, requisition_id: int, payload: RequisitionPatchIn
) -> dict[str, Any]:
    user = _writer(request)
    requisition = _for_edit(user, requisition_id)
    fields = _resolve(payload, user)
    override = _override(payload, user)
    try:
        requisition_update(requisition=requisition, actor=user, override=override, **fields)
    except (ValidationError, PlanRuleError) as error:
        raise _service_error(error) from error
    return _requisition_out(_reload(user, requisition_id), staff=True)


@router.post(
    "/requisitions/{int:requisition_id}/status",
    response={200: RequisitionOut, **WRITE_ERRORS},
    auth=staff_auth,
    summary="Move a requisition along draft → open ⇄ paused → filled / closed",
)
def requisition_status(request: HttpRequest, requisition_id: int, payload: StatusIn) -> dict[str, Any]:
    user = _writer(request)
    requisition = _for_edit(user, requisition_id)
    override = _override(payload, user)
    try:
        requisition_change_status(
            requisition=requisition,
            status=payload.status,
            actor=user,
            reason=payload.reason,
            override=override,
        )
    except (ValidationError, PlanRuleError) as error:
        raise _service_error(error) from error
    return _requisition_out(_reload(user, requisition_id), staff=True)


__all__ = ["router"]
