"""REST endpoints for applications, their stage changes and notes, and the candidates behind them.

Thin, like the back office's workspace (``backoffice/views_applicants.py``): who may read or move what is
answered by ``pipeline/access.py`` (through the selectors and the move services), the flow by
``pipeline/flows.py``, the writes by ``pipeline/moves.py`` and ``pipeline/notes.py``.

Statuses, as ``api/plans.py`` answers them: 401 without a token or session; 403 when the caller's role
may not use the endpoint at all (an interviewer, until interviews assign applications) or may read an
application but not change it (leadership, a hiring manager of another requisition who can read it);
404 for an application or candidate the caller may not read, exactly as for a missing one; 409 when
``expected_version`` is stale, naming the stage it is at now and who moved it; 422 when the flow
refuses the move; 400 for invalid input, naming the field.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from talentdrive.accounts.models import User
from talentdrive.api.auth import caller, staff_auth
from talentdrive.api.schemas.applications import (
    MAX_ID,
    ApplicationOut,
    ApplicationPage,
    ApplicationQuery,
    CandidateOut,
    ConflictOut,
    MoveIn,
    NoteIn,
    NoteOut,
    RejectIn,
    RejectionReasonOut,
    VersionIn,
    WithdrawIn,
)
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.core.flow import CLOSED_KINDS, Flow, StageSpec, allowed_targets, kind_of_code
from talentdrive.pipeline.errors import ApplicationConflict, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition, flows_for_requisitions
from talentdrive.pipeline.models import Application, Note, RejectionReason
from talentdrive.pipeline.moves import (
    application_move,
    application_reject,
    application_reopen,
    application_withdraw_on_behalf,
)
from talentdrive.pipeline.notes import NoteRefused, note_add
from talentdrive.pipeline.selectors import (
    ApplicantFilters,
    TimelineEntry,
    application_get,
    application_list,
    application_note_list,
    application_timeline,
    candidate_get,
    rejection_reason_list,
)
from talentdrive.resumes import access as resumes_access
from talentdrive.resumes.selectors import resume_latest_profile

router = Router(tags=["applications"])

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
View = TypeVar("View", bound=Callable[..., Any])


def in_request_language(view: View) -> View:
    """Answer in the client's language (``Accept-Language``): stage names, refusals. The API's paths
    carry no language prefix, so the locale middleware would otherwise leave every answer in English."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        with translation.override(translation.get_language_from_request(request)):
            return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _gate(request: HttpRequest, rule: Callable[[Any], bool], message: str) -> User:
    user = caller(request)
    assert user is not None  # staff_auth let the request in
    if not rule(user):
        raise ApiError(403, message, code="forbidden")
    return user


def _application_reader(request: HttpRequest) -> User:
    return _gate(request, pipeline_access.application_can_list, _("Your role may not read applications."))


def _candidate_reader(request: HttpRequest) -> User:
    return _gate(request, pipeline_access.candidate_can_read, _("Your role may not read candidates."))


def _visible(user: User, application_id: int) -> Application:
    try:
        return application_get(user=user, application_id=application_id)
    except Application.DoesNotExist as error:
        raise ApiError(
            404,
            _("Application %(id)s does not exist or is not visible to you.") % {"id": application_id},
            code="not_found",
        ) from error


# --- shapes ------------------------------------------------------------------------------------


def _stage(flow: Flow | None, code: str) -> dict[str, Any]:
    spec = flow.stage(code) if flow is not None else None
    if spec is None:  # a stage an administrator has since removed from the flow
        spec = StageSpec(code, kind_of_code(code), code, code)
    chinese = (get_language() or "en").startswith("zh")
    return {
        "code": spec.code,
        "name": spec.name_zh if chinese else spec.name_en,
        "name_en": spec.name_en,
        "name_zh": spec.name_zh,
        "kind": spec.kind,
    }


def _summary(application: Application, flow: Flow) -> dict[str, Any]:
    requisition = application.requisition
    candidate = application.candidate
    return {
        "id": application.pk,
        "candidate_id": candidate.pk,
        "candidate_name": candidate.full_name,
        "candidate_erased": candidate.erased_at is not None,
        "requisition": {
            "id": requisition.pk,
            "external_id": requisition.external_id,
            "title_en": requisition.title_en,
            "title_zh": requisition.title_zh,
            "drive": requisition.drive.code,
            "channel": requisition.plan_line.channel,
            "status": requisition.status,
        },
        "stage": _stage(flow, application.stage),
        "version": application.version,
        "active": application.is_active,
        "rejection_reason": application.rejection_reason.code if application.rejection_reason else None,
        "source": application.source,
        "created_at": application.created_at,
        "stage_changed_at": application.stage_changed_at,
    }


def _summaries(applications: Iterable[Application]) -> list[dict[str, Any]]:
    """A page of applications, their flows read in two queries whatever the page holds."""
    applications = list(applications)
    flows = flows_for_requisitions(application.requisition for application in applications)
    return [_summary(application, flows[application.requisition_id]) for application in applications]


def _entry(entry: TimelineEntry, flow: Flow) -> dict[str, Any]:
    return {
        "at": entry.at,
        "kind": entry.kind,
        "actor": entry.actor,
        "application_id": entry.application_id,
        "from_stage": _stage(flow, entry.from_stage) if entry.from_stage else None,
        "to_stage": _stage(flow, entry.to_stage) if entry.to_stage else None,
        "rejection_reason": entry.rejection_reason or None,
        "note": entry.note,
    }


def _detail(user: User, application_id: int) -> dict[str, Any]:
    application = _visible(user, application_id)
    flow = flow_for_requisition(application.requisition)
    can_move = pipeline_access.application_can_move(user, application)
    # Rejecting and withdrawing have their own endpoints; ``transitions`` are what …/move accepts.
    targets = [stage for stage in allowed_targets(flow, application.stage) if stage.kind not in CLOSED_KINDS]
    return {
        **_summary(application, flow),
        "transitions": [_stage(flow, stage.code) for stage in targets] if can_move else [],
        "can_move": can_move,
        "school": application.school,
        "degree": application.degree,
        "graduation_date": application.graduation_date,
        "preferred_cities": [str(city) for city in application.preferred_cities or []],
        "language": application.language,
        "withdrawn_at": application.withdrawn_at,
        "timeline": [
            _entry(entry, flow) for entry in application_timeline(user=user, application=application)
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
@in_request_language
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
        "items": _summaries(page),
    }


@router.get(
    "/applications/{application_id}",
    response={200: ApplicationOut, **READ_ERRORS},
    auth=staff_auth,
    summary="One application: stage, allowed transitions, version and timeline",
)
@in_request_language
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
@in_request_language
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
@in_request_language
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
        return application_reject(
            application_id=application_id,
            reason=reason,
            actor=user,
            expected_version=payload.expected_version,
            note=payload.note,
        )

    return _change(request, application_id, reject)


@router.post(
    "/applications/{application_id}/reopen",
    response={200: ApplicationOut, **MOVE_ERRORS},
    auth=staff_auth,
    summary="Reopen a rejected or withdrawn application at the stage it was closed from",
)
@in_request_language
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
@in_request_language
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


def _note(note: Note) -> dict[str, Any]:
    return {
        "id": note.pk,
        "application_id": note.application_id,
        "author": str(note.author),
        "body": note.body,
        "mentions": sorted(user.username for user in note.mentions.all()),
        "created_at": note.created_at,
    }


@router.get(
    "/applications/{application_id}/notes",
    response={200: list[NoteOut], **READ_ERRORS},
    auth=staff_auth,
    summary="Notes on an application and on its candidate as a whole, oldest first",
)
@in_request_language
def application_notes(request: HttpRequest, application_id: int = ApplicationId) -> list[dict[str, Any]]:
    application = _visible(_candidate_reader(request), application_id)
    return [_note(note) for note in application_note_list(application=application)]


@router.post(
    "/applications/{application_id}/notes",
    response={201: NoteOut, **READ_ERRORS},
    auth=staff_auth,
    summary="Add a note to an application; @username mentions a colleague",
)
@in_request_language
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
    return Status(201, _note(note))


# --- candidates and reference data -------------------------------------------------------------


def _names(items: Any) -> list[str]:
    return [str(item.get("name") or item.get("id")) for item in items or [] if isinstance(item, dict)]


def _profile(profile: dict[str, Any]) -> dict[str, Any] | None:
    """The headline of a parsed profile (``docs/resume-profile.md``), without the spans."""
    if not profile:
        return None

    def entries(key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {name: entry.get(name) for name in fields}
            for entry in profile.get(key) or []
            if isinstance(entry, dict)
        ]

    publications = [item for item in profile.get("publications") or [] if isinstance(item, dict)]
    return {
        "language": profile.get("language"),
        "years_experience": profile.get("years_experience"),
        "skills": _names(profile.get("skills")),
        "education": entries("education", ("degree", "school", "major", "start", "end")),
        "experience": entries("experience", ("employer", "title", "start", "end", "current")),
        "domains": _names(profile.get("domains")),
        "publications": len(publications),
        "top_venue_publications": sum(1 for item in publications if item.get("top_venue")),
        "awards": len(profile.get("awards") or []),
    }


@router.get(
    "/candidates/{candidate_id}",
    response={200: CandidateOut, **READ_ERRORS},
    auth=staff_auth,
    summary="A candidate: contact details, parsed profile and the applications the caller may read",
)
@in_request_language
def candidate_detail(request: HttpRequest, candidate_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    user = _candidate_reader(request)
    try:
        candidate = candidate_get(user=user, candidate_id=candidate_id)
    except Candidate.DoesNotExist as error:
        raise ApiError(
            404,
            _("Candidate %(id)s does not exist or is not visible to you.") % {"id": candidate_id},
            code="not_found",
        ) from error
    visible = (
        application_list(user=user, filters=ApplicantFilters(candidate_id=candidate.pk))
        .select_related("requisition__drive")
        .order_by("-created_at", "-pk")
    )
    erased = candidate.erased_at is not None
    readable = resumes_access.resume_can_read(user) and not erased
    return {
        "id": candidate.pk,
        "full_name": candidate.full_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "location": candidate.location,
        "erased": erased,
        "erased_at": candidate.erased_at,
        "created_at": candidate.created_at,
        "profile": _profile(resume_latest_profile(candidate=candidate)) if readable else None,
        "applications": _summaries(visible),
    }


def _reason(reason: RejectionReason) -> dict[str, Any]:
    return {"code": reason.code, "name": reason.name, "name_en": reason.name_en, "name_zh": reason.name_zh}


@router.get(
    "/rejection-reasons",
    response={200: list[RejectionReasonOut], 401: ErrorOut},
    auth=staff_auth,
    summary="The reasons an application can be rejected with (codes for …/reject)",
)
@in_request_language
def rejection_reasons(request: HttpRequest) -> list[dict[str, Any]]:
    return [_reason(reason) for reason in rejection_reason_list()]


__all__ = ["router"]
