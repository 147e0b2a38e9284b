"""REST endpoints for applications, their stage changes and notes (candidates: ``api/candidates.py``).

Thin, like the back office's workspace (``backoffice/views_applicants.py``): who may read or move what is
answered by ``pipeline/access.py`` (through the selectors and the move services), the flow by
``pipeline/flows.py``, the writes by ``pipeline/moves.py`` and ``pipeline/notes.py``.

Statuses, as ``api/plans.py`` answers them: 401 without a token or session; 403 when the caller's role
may not use the endpoint at all (an interviewer, until interviews assign applications) or may read an
application but not change its stage (leadership); 404 for an application the caller may not read,
exactly as for a missing one, writes included; 409 when ``expected_version`` is stale, naming the stage
it is at now and who moved it; 422 when the flow refuses the move; 400 for invalid input, naming the
field. ``docs/api.md`` gives the same table for clients.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.pipeline_out import (
    application_summaries_out,
    application_summary_out,
    note_out,
    stage_out,
    timeline_entry_out,
)
from talentdrive.api.schemas.applications import (
    MAX_ID,
    ApplicationOut,
    ApplicationPage,
    ApplicationQuery,
    ConflictOut,
    MoveIn,
    NoteIn,
    NoteOut,
    RejectIn,
    VersionIn,
    WithdrawIn,
)
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.hiring.closing import application_reject, application_withdraw_on_behalf
from talentdrive.hiring.timeline import application_timeline
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.core.flow import CLOSED_KINDS, allowed_targets
from talentdrive.pipeline.errors import ApplicationConflict, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.moves import application_move, application_reopen
from talentdrive.pipeline.notes import NoteRefused, note_add
from talentdrive.pipeline.selectors import (
    ApplicantFilters,
    application_get,
    application_list,
    application_note_list,
    email_template_choices,
    rejection_reason_list,
)

router = Router(tags=["applications"])
# The whole request, validation and refusals included, in the client's language.
router.add_decorator(in_request_language, mode="view")

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
MOVE_ERRORS: dict[int, Any] = {**READ_ERRORS, 409: ConflictOut, 422: ErrorOut}

# Every refusal of the move services, with its status and the input it is about. A code missing here
# fails loudly (a KeyError, tested), never as a vague answer.
MOVE_REFUSALS: dict[str, tuple[int, str | None]] = {
    "not_allowed": (403, None),
    "unknown_stage": (400, "to_stage"),
    "reason_retired": (400, "reason"),
    "note_missing": (400, "note"),
    "same_stage": (422, "to_stage"),
    "skips_ahead": (422, "to_stage"),
    "goes_back": (422, "to_stage"),
    "not_a_move": (422, "to_stage"),
    "use_reject": (422, "to_stage"),
    "use_withdraw": (422, "to_stage"),
    "from_closed": (422, None),
    "from_hired": (422, None),
    "not_open": (422, None),
    "not_closed": (422, None),
    "erased": (422, None),
}
# Newest first by default, each ordering made total by the id.
TIEBREAK = {True: "-pk", False: "pk"}

ApplicationId = Path(..., ge=1, le=MAX_ID)


def _application_reader(request: HttpRequest) -> User:
    return staff_allowed(
        request, pipeline_access.application_can_list, _("Your role may not read applications.")
    )


def _candidate_reader(request: HttpRequest) -> User:
    """The notes and the application page show the person: as the back office, the candidate rule."""
    return staff_allowed(request, pipeline_access.candidate_can_read, _("Your role may not read candidates."))


def _visible(user: User, application_id: int) -> Application:
    try:
        return application_get(user=user, application_id=application_id)
    except Application.DoesNotExist as error:
        raise ApiError(
            404,
            _("Application %(id)s does not exist or is not visible to you.") % {"id": application_id},
            code="not_found",
        ) from error


def _detail(user: User, application_id: int) -> dict[str, Any]:
    application = _visible(user, application_id)
    flow = flow_for_requisition(application.requisition)
    can_move = pipeline_access.application_can_move(user, application)
    # Rejecting and withdrawing have their own endpoints; ``transitions`` are what …/move accepts.
    targets = [stage for stage in allowed_targets(flow, application.stage) if stage.kind not in CLOSED_KINDS]
    return {
        **application_summary_out(application, flow),
        "transitions": [stage_out(flow, stage.code) for stage in targets] if can_move else [],
        "can_move": can_move,
        "school": application.school,
        "degree": application.degree,
        "graduation_date": application.graduation_date,
        "preferred_cities": [str(city) for city in application.preferred_cities or []],
        "language": application.language,
        "withdrawn_at": application.withdrawn_at,
        "timeline": [
            timeline_entry_out(entry, flow)
            for entry in application_timeline(user=user, application=application)
        ],
    }


# --- reads -------------------------------------------------------------------------------------


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


@router.get(
    "/applications",
    response={200: ApplicationPage, **READ_ERRORS},
    auth=staff_auth,
    summary="List the applications the caller may read, filtered and paginated",
)
def applications(request: HttpRequest, query: Query[ApplicationQuery]) -> dict[str, Any]:
    user = _application_reader(request)
    filters = ApplicantFilters(
        stage=query.stage or None,
        source=query.source or None,
        q=(query.q or "").strip() or None,
        requisition_id=query.requisition,
        candidate_id=query.candidate,
        stage_changed_since=_aware(query.updated_since),
    )
    matching = (
        application_list(user=user, filters=filters)
        .select_related("requisition__drive")
        .order_by(query.ordering, TIEBREAK[query.ordering.startswith("-")])
    )
    page = matching[query.offset : query.offset + query.limit]
    return {
        "count": matching.count(),
        "limit": query.limit,
        "offset": query.offset,
        "items": application_summaries_out(page),
    }


@router.get(
    "/applications/{application_id}",
    response={200: ApplicationOut, **READ_ERRORS},
    auth=staff_auth,
    summary="One application: stage, allowed transitions, version and timeline",
)
def application_detail(request: HttpRequest, application_id: int = ApplicationId) -> dict[str, Any]:
    return _detail(_candidate_reader(request), application_id)


# --- stage changes -----------------------------------------------------------------------------


def _change(request: HttpRequest, application_id: int, run: Callable[[User], object]) -> dict[str, Any]:
    """Run one move service for an application the caller may read (else 404) and answer its new state,
    or the refusal: 403 not allowed, 409 stale version, 400/422 by ``MOVE_REFUSALS``."""
    user = _application_reader(request)
    _visible(user, application_id)
    try:
        run(user)
    except ApplicationConflict as error:
        now = _visible(user, application_id)
        raise ApiError(
            409,
            str(error.message),
            code=error.code,
            field="expected_version",
            stage=now.stage,
            version=now.version,
        ) from error
    except MoveRefused as error:
        status, field = MOVE_REFUSALS[error.code]
        raise ApiError(status, str(error.message), code=error.code, field=field) from error
    return _detail(user, application_id)


@router.post(
    "/applications/{application_id}/move",
    response={200: ApplicationOut, **MOVE_ERRORS},
    auth=staff_auth,
    summary="Move an application to another stage of its flow",
)
def application_move_endpoint(
    request: HttpRequest, payload: MoveIn, application_id: int = ApplicationId
) -> dict[str, Any]:
    return _change(
        request,
        application_id,
        lambda user: application_move(
            application_id=application_id,
            to_stage=payload.to_stage,
            actor=user,
            expected_version=payload.expected_version,
            note=payload.note,
        ),
    )


@router.post(
    "/applications/{application_id}/reject",
    response={200: ApplicationOut, **MOVE_ERRORS},
    auth=staff_auth,
    summary="Reject an open application with a reason",
)
def application_reject_endpoint(
    request: HttpRequest, payload: RejectIn, application_id: int = ApplicationId
) -> dict[str, Any]:
    reason = rejection_reason_list(include_retired=True).filter(code=payload.reason).first()

    def reject(user: User) -> object:
        if reason is None:
            raise ApiError(
                400,
                _("There is no rejection reason %(code)s; GET /api/rejection-reasons lists them.")
                % {"code": payload.reason},
                code="invalid",
                field="reason",
            )
        template = None
        if payload.email_template:
            template = email_template_choices().filter(code=payload.email_template).first()
            if template is None:
                raise ApiError(
                    400,
                    _("There is no active rejection email template %(code)s.")
                    % {"code": payload.email_template},
                    code="invalid",
                    field="email_template",
                )
        return application_reject(
            application_id=application_id,
            reason=reason,
            actor=user,
            expected_version=payload.expected_version,
            note=payload.note,
            email_template=template,
        )

    return _change(request, application_id, reject)


@router.post(
    "/applications/{application_id}/reopen",
    response={200: ApplicationOut, **MOVE_ERRORS},
    auth=staff_auth,
    summary="Reopen a rejected or withdrawn application at the stage it was closed from",
)
def application_reopen_endpoint(
    request: HttpRequest, payload: VersionIn, application_id: int = ApplicationId
) -> dict[str, Any]:
    return _change(
        request,
        application_id,
        lambda user: application_reopen(
            application_id=application_id,
            actor=user,
            expected_version=payload.expected_version,
            note=payload.note,
        ),
    )


@router.post(
    "/applications/{application_id}/withdraw",
    response={200: ApplicationOut, **MOVE_ERRORS},
    auth=staff_auth,
    summary="Record that the candidate withdrew (by phone, by email); the note says how",
)
def application_withdraw_endpoint(
    request: HttpRequest, payload: WithdrawIn, application_id: int = ApplicationId
) -> dict[str, Any]:
    return _change(
        request,
        application_id,
        lambda user: application_withdraw_on_behalf(
            application_id=application_id,
            actor=user,
            expected_version=payload.expected_version,
            note=payload.note,
        ),
    )


# --- notes -------------------------------------------------------------------------------------


@router.get(
    "/applications/{application_id}/notes",
    response={200: list[NoteOut], **READ_ERRORS},
    auth=staff_auth,
    summary="Notes on an application and on its candidate as a whole, oldest first",
)
def application_notes(request: HttpRequest, application_id: int = ApplicationId) -> list[dict[str, Any]]:
    application = _visible(_candidate_reader(request), application_id)
    return [note_out(note) for note in application_note_list(application=application)]


@router.post(
    "/applications/{application_id}/notes",
    response={201: NoteOut, **READ_ERRORS},
    auth=staff_auth,
    summary="Add a note to an application; @username mentions a colleague",
)
def application_note_add(
    request: HttpRequest, payload: NoteIn, application_id: int = ApplicationId
) -> Status[dict[str, Any]]:
    user = _candidate_reader(request)
    application = _visible(user, application_id)
    try:
        note = note_add(
            candidate=application.candidate, application=application, body=payload.body, actor=user
        )
    except NoteRefused as error:
        raise ApiError(400, str(error.message), code=error.code, field=error.field) from error
    return Status(201, note_out(note))


__all__ = ["router"]
