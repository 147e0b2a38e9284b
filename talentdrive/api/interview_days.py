"""REST endpoints of interview days: read a day's plan, plan it, book it, re-plan without an
interviewer, and check or make a manual change (the verifier says what it would break). Access as in
``campus/access.py``; the binding report and the broken rules come in the request's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.schemas.bodies import ObjectIn
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.campus import access as campus_access
from talentdrive.campus.day_changes import interview_day_move
from talentdrive.campus.day_texts import (
    binding_sentences,
    booking_skip_sentences,
    day_names,
    violation_sentences,
)
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.interview_days import interview_day_book, interview_day_plan, interview_day_replan
from talentdrive.campus.models import InterviewDay
from talentdrive.campus.selectors import interview_day_assignments, interview_day_get, interview_day_list
from talentdrive.errors import DomainError

router = Router(tags=["interview days"])
router.add_decorator(in_request_language, mode="view")

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
# An API caller may wait longer than a page, not as long as the benchmark.
MAX_TIME_LIMIT = 60.0


class DayOut(Schema):
    id: int
    name: str
    city: str
    dates: list[str]
    planned: int


class AssignmentOut(Schema):
    id: int
    application_id: int
    stage_code: str
    starts_at: Any
    ends_at: Any
    interviewer_id: int
    room: str
    interview_id: int | None


class PlanOut(Schema):
    saved: bool
    placed: int
    unplaced: int
    binding: list[str]
    stats: dict[str, float]
    seconds: float
    # On a re-plan: planned interviews left out because their application moved past that round, was
    # rejected or withdrew; and the applications that could not be placed again.
    dropped: int = 0
    not_placed_again: list[int] = []


class PlanIn(ObjectIn):
    time_limit: float = 10.0
    accept_partial: bool = False


class ReplanIn(ObjectIn):
    interviewer_id: int
    reason: str = ""
    # Free the other rounds of a candidate whose round cannot be given again (other interviewers'
    # interviews of those candidates may then move); off, only the dropped interviewer's change.
    move_others: bool = False


class MoveIn(ObjectIn):
    assignment_id: int
    starts_at: dt.datetime
    interviewer_id: int
    room_id: int
    apply: bool = True


class MoveOut(Schema):
    applied: bool
    broken: list[str]
    codes: list[str]


class SkippedOut(Schema):
    assignment_id: int
    application_id: int
    stage_code: str
    interviewer_id: int
    # interviewer_dropped_out, candidate_incomplete or moved_on
    reason: str
    message: str


class BookedOut(Schema):
    booked: int
    skipped: list[SkippedOut]


def _reader(request: HttpRequest) -> User:
    return staff_allowed(
        request, campus_access.interview_day_can_list, _("Your role may not read interview days.")
    )


def _day(user: User, day_id: int) -> InterviewDay:
    try:
        return interview_day_get(user=user, day_id=day_id)
    except InterviewDay.DoesNotExist as missing:
        raise ApiError(
            404,
            _("Interview day %(id)s does not exist or is not visible to you.") % {"id": day_id},
            code="not_found",
        ) from missing


def _refusal(refused: DomainError) -> ApiError:
    status = 403 if refused.code == "not_allowed" else 409
    return ApiError(status, str(refused.message), code=refused.code, field=refused.field)


def _names(day: InterviewDay) -> dict[str, dict[Any, str]]:
    return day_names(day)


@router.get(
    "/interview-days", response={200: list[DayOut], **ERRORS}, auth=staff_auth, summary="Interview days"
)
def days(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": d.pk,
            "name": d.name,
            "city": d.city.code,
            "dates": list(d.dates),
            "planned": getattr(d, "planned", 0),
        }
        for d in interview_day_list(user=_reader(request))
    ]


@router.get(
    "/interview-days/{day_id}/plan",
    response={200: list[AssignmentOut], **ERRORS},
    auth=staff_auth,
    summary="An interview day's planned interviews, in time order",
)
def day_plan(request: HttpRequest, day_id: int) -> list[dict[str, Any]]:
    day = _day(_reader(request), day_id)
    return [
        {
            "id": r.pk,
            "application_id": r.application_id,
            "stage_code": r.stage_code,
            "starts_at": r.starts_at,
            "ends_at": r.ends_at,
            "interviewer_id": r.interviewer_id,
            "room": r.room.name,
            "interview_id": r.interview_id,
        }
        for r in interview_day_assignments(day=day)
    ]


@router.post(
    "/interview-days/{day_id}/plan",
    response={200: PlanOut, **ERRORS},
    auth=staff_auth,
    summary="Plan the day with the solver; a plan leaving anyone out is saved only with accept_partial",
)
def plan(request: HttpRequest, day_id: int, body: PlanIn) -> dict[str, Any]:
    user = _reader(request)
    day = _day(user, day_id)
    if not 0 < body.time_limit <= MAX_TIME_LIMIT:
        raise ApiError(
            400,
            _("The time limit must be between 0 and %(max)s seconds.") % {"max": int(MAX_TIME_LIMIT)},
            code="invalid",
            field="time_limit",
        )
    try:
        outcome = interview_day_plan(
            day_id=day.pk, actor=user, time_limit=body.time_limit, accept_partial=body.accept_partial
        )
    except DomainError as refused:
        raise _refusal(refused) from refused
    names = _names(day)
    return {
        "saved": outcome.saved,
        "placed": outcome.placed,
        "unplaced": outcome.unplaced,
        "binding": binding_sentences(outcome.binding, {**names["rounds"], **names["areas"]}),
        "stats": outcome.stats,
        "seconds": round(outcome.seconds, 2),
    }


@router.post(
    "/interview-days/{day_id}/book",
    response={200: BookedOut, **ERRORS},
    auth=staff_auth,
    summary="Book the plan as interviews with invitations, all or nothing; interviews of a dropped-out "
    "interviewer (and that candidate's other rounds) and of applications no longer at that round are left "
    "out and listed",
)
def book(request: HttpRequest, day_id: int) -> dict[str, Any]:
    user = _reader(request)
    day = _day(user, day_id)
    try:
        outcome = interview_day_book(day_id=day.pk, actor=user)
    except DomainError as refused:
        raise _refusal(refused) from refused
    rows = {a.pk: a for a in interview_day_assignments(day=day)}
    names = _names(day)
    sentences = booking_skip_sentences(
        outcome.skipped,
        starts={pk: a.starts_at for pk, a in rows.items()},
        people=names["people"],
        candidates={a.application_id: a.application.candidate.full_name for a in rows.values()},
        rounds=names["rounds"],
    )
    return {
        "booked": outcome.booked,
        "skipped": [
            {**skip.__dict__, "message": sentence}
            for skip, sentence in zip(outcome.skipped, sentences, strict=True)
        ],
    }


@router.post(
    "/interview-days/{day_id}/replan",
    response={200: PlanOut, **ERRORS},
    auth=staff_auth,
    summary="Re-plan without one interviewer; everything else stays (interviews of applications that "
    "moved past their round, were rejected or withdrew are dropped and counted)",
)
def replan(request: HttpRequest, day_id: int, body: ReplanIn) -> dict[str, Any]:
    user = _reader(request)
    day = _day(user, day_id)
    try:
        outcome = interview_day_replan(
            day_id=day.pk,
            interviewer_id=body.interviewer_id,
            actor=user,
            reason=body.reason[:2000],
            move_others=body.move_others,
        )
    except DomainError as refused:
        raise _refusal(refused) from refused
    names = _names(day)
    return {
        "saved": outcome.saved,
        "placed": outcome.placed,
        "unplaced": outcome.unplaced,
        "binding": binding_sentences(outcome.binding, {**names["rounds"], **names["areas"]}),
        "stats": outcome.stats,
        "seconds": round(outcome.seconds, 2),
        "dropped": outcome.dropped,
        "not_placed_again": list(outcome.not_placed_again),
    }


@router.post(
    "/interview-days/{day_id}/move",
    response={200: MoveOut, 422: MoveOut, **ERRORS},
    auth=staff_auth,
    summary="Check (apply=false) or make a manual change to one interview; 422 lists what it would break",
)
def move(request: HttpRequest, day_id: int, body: MoveIn) -> Any:
    user = _reader(request)
    day = _day(user, day_id)
    try:
        check = interview_day_move(
            day_id=day.pk,
            assignment_id=body.assignment_id,
            starts_at=body.starts_at,
            interviewer_id=body.interviewer_id,
            room_id=body.room_id,
            actor=user,
            apply=body.apply,
        )
    except CampusRefused as refused:
        raise _refusal(refused) from refused
    names = _names(day)
    candidates = {
        a.application_id: a.application.candidate.full_name for a in interview_day_assignments(day=day)
    }
    broken = violation_sentences(
        check.violations,
        slot_starts=check.slot_starts,
        people=names["people"],
        candidates=candidates,
        rooms=names["rooms"],
        rounds=names["rounds"],
    )
    body_out = {"applied": check.applied, "broken": broken, "codes": [v.code for v in check.violations]}
    return Status(422 if check.violations else 200, body_out)
