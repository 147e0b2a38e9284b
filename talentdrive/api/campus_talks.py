"""REST endpoints of campus talks: a student's registration (public, as the portal's form), and for
recruiters the talks with their counts, the registrations, the door's check-in and the attendance
export. Access as in ``campus/access.py``; the services decide."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.schemas.bodies import ObjectIn
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.audit.actors import PUBLIC
from talentdrive.campus import access as campus_access
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import CampusTalk
from talentdrive.campus.selectors import talk_list, talk_list_public, talk_registrations
from talentdrive.campus.talks import talk_attendance_export, talk_check_in, talk_register

router = Router(tags=["campus talks"])
router.add_decorator(in_request_language, mode="view")

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
REFUSAL_STATUS = {"talk_full": 409, "talk_over": 409, "talk_unpublished": 404, "ticket_unknown": 404}


class RegistrationIn(ObjectIn):
    full_name: str
    email: str
    school: str
    graduation_year: int
    consent_version: str
    language: str = "zh-hans"


class RegisteredOut(Schema):
    registered: bool
    message: str


class StaffTalkOut(Schema):
    id: int
    title: str
    city: str
    school: str
    starts_at: Any
    ends_at: Any
    venue: str
    capacity: int
    registered: int
    checked_in: int
    language: str
    livestream_url: str


class RegistrationOut(Schema):
    id: int
    full_name: str
    email: str
    school: str
    graduation_year: int
    registered_at: Any
    checked_in_at: Any | None
    applications: int


class CheckInIn(ObjectIn):
    code: str


class CheckInOut(Schema):
    already_checked_in: bool
    registration_id: int
    full_name: str
    school: str
    checked_in_at: Any
    message: str


def _manager(request: HttpRequest) -> User:
    return staff_allowed(request, campus_access.talk_can_manage, _("Your role may not manage campus talks."))


def _talk(user: User, talk_id: int) -> CampusTalk:
    talk = talk_list(user=user).filter(pk=talk_id).first()
    if talk is None:
        raise ApiError(
            404,
            _("Campus talk %(id)s does not exist or is not visible to you.") % {"id": talk_id},
            code="not_found",
        )
    return talk


def _refusal(refused: CampusRefused) -> ApiError:
    status = REFUSAL_STATUS.get(refused.code, 409 if refused.code == "ticket_other_talk" else 400)
    return ApiError(status, str(refused.message), code=refused.code, field=refused.field)


@router.post(
    "/public/campus-talks/{talk_id}/registrations",
    response={202: RegisteredOut, 409: ErrorOut, 429: ErrorOut, **ERRORS},
    auth=None,
    summary="Register for a campus talk; the QR ticket goes by email (the same answer for a repeat)",
)
def talk_register_endpoint(request: HttpRequest, talk_id: int, body: RegistrationIn) -> Any:
    if not talk_list_public().filter(pk=talk_id).exists():
        raise ApiError(
            404, _("Campus talk %(id)s is not open for registration.") % {"id": talk_id}, code="not_found"
        )
    if (
        "@" not in body.email
        or len(body.email) > 254
        or not body.full_name.strip()
        or not body.school.strip()
    ):
        raise ApiError(
            400, _("Give a name, a school and a valid email address."), code="invalid", field="email"
        )
    try:
        talk_register(
            talk_id=talk_id,
            full_name=body.full_name,
            email=body.email,
            school=body.school,
            graduation_year=body.graduation_year,
            consent_version=body.consent_version,
            language=body.language,
            ticket_base_url=request.build_absolute_uri("/"),
            actor=PUBLIC,
        )
    except CampusRefused as refused:
        raise _refusal(refused) from refused
    message = _("You are registered. We have emailed your ticket with a QR code to the address you gave.")
    return Status(202, {"registered": True, "message": str(message)})


@router.get(
    "/campus-talks",
    response={200: list[StaffTalkOut], **ERRORS},
    auth=staff_auth,
    summary="Campus talks with their registrations and check-ins (recruiters)",
)
def talks(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": t.pk,
            "title": t.title,
            "city": t.city.name,
            "school": t.school,
            "starts_at": t.starts_at,
            "ends_at": t.ends_at,
            "venue": t.venue,
            "capacity": t.capacity,
            "registered": getattr(t, "registered", 0),
            "checked_in": getattr(t, "attended", 0),
            "language": t.language,
            "livestream_url": t.livestream_url,
        }
        for t in talk_list(user=_manager(request))
    ]


@router.get(
    "/campus-talks/{talk_id}/registrations",
    response={200: list[RegistrationOut], **ERRORS},
    auth=staff_auth,
    summary="A campus talk's registrations, with check-in times",
)
def registrations(request: HttpRequest, talk_id: int) -> list[dict[str, Any]]:
    user = _manager(request)
    talk = _talk(user, talk_id)
    return [
        {
            "id": r.pk,
            "full_name": r.full_name,
            "email": r.email,
            "school": r.school,
            "graduation_year": r.graduation_year,
            "registered_at": r.registered_at,
            "checked_in_at": r.checked_in_at,
            "applications": getattr(r, "applied", 0),
        }
        for r in talk_registrations(user=user, talk=talk)
    ]


@router.post(
    "/campus-talks/{talk_id}/check-in",
    response={200: CheckInOut, 409: ErrorOut, **ERRORS},
    auth=staff_auth,
    summary="Check a ticket in at the door (the code, or the address its QR code holds)",
)
def check_in(request: HttpRequest, talk_id: int, body: CheckInIn) -> dict[str, Any]:
    user = _manager(request)
    talk = _talk(user, talk_id)
    try:
        outcome = talk_check_in(talk_id=talk.pk, code=body.code[:200], actor=user)
    except CampusRefused as refused:
        raise _refusal(refused) from refused
    registration = outcome.registration
    if outcome.already:
        message = _("Already checked in: %(name)s at %(when)s.")
    else:
        message = _("Checked in: %(name)s.")
    return {
        "already_checked_in": outcome.already,
        "registration_id": registration.pk,
        "full_name": registration.full_name,
        "school": registration.school,
        "checked_in_at": registration.checked_in_at,
        "message": message
        % {"name": registration.full_name, "when": f"{timezone.localtime(registration.checked_in_at):%H:%M}"},
    }


@router.get(
    "/campus-talks/{talk_id}/attendance",
    response={200: None, **ERRORS},
    auth=staff_auth,
    summary="The attendance of a campus talk as CSV or XLSX (format=csv|xlsx)",
)
def attendance(request: HttpRequest, talk_id: int, format: str = "csv") -> HttpResponse:  # noqa: A002
    user = _manager(request)
    talk = _talk(user, talk_id)
    if format not in EXPORT_TYPES:
        raise ApiError(400, _("Choose CSV or XLSX."), code="invalid", field="format")
    content = talk_attendance_export(talk_id=talk.pk, kind=format, actor=user)
    response = HttpResponse(content, content_type=EXPORT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="campus-talk-{talk.pk}-attendance.{format}"'
    return response
