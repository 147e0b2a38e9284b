"""REST endpoints for a candidate (with the applications the caller may read) and the rejection reasons.

Statuses as in ``api/applications.py``: 403 for a role that does not read candidates, 404 for a person
the caller may not read (no application of theirs in the caller's scope) exactly as for a missing one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router

from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.pipeline_out import (
    application_summaries_out,
    profile_summary_out,
    rejection_reason_out,
)
from talentdrive.api.schemas.applications import MAX_ID, CandidateOut, RejectionReasonOut
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.selectors import (
    ApplicantFilters,
    application_list,
    candidate_get,
    rejection_reason_list,
)
from talentdrive.resumes import access as resumes_access
from talentdrive.resumes.selectors import resume_latest_profile

router = Router(tags=["candidates"])
# The whole request, validation and refusals included, in the client's language.
router.add_decorator(in_request_language, mode="view")

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get(
    "/candidates/{candidate_id}",
    response={200: CandidateOut, **READ_ERRORS},
    auth=staff_auth,
    summary="A candidate: contact details, parsed profile and the applications the caller may read",
)
def candidate_detail(request: HttpRequest, candidate_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    user = staff_allowed(request, pipeline_access.candidate_can_read, _("Your role may not read candidates."))
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
    profile = None
    if resumes_access.resume_can_read(user) and not erased:
        profile = profile_summary_out(resume_latest_profile(candidate=candidate))
    return {
        "id": candidate.pk,
        "full_name": candidate.full_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "location": candidate.location,
        "erased": erased,
        "erased_at": candidate.erased_at,
        "created_at": candidate.created_at,
        "profile": profile,
        "applications": application_summaries_out(visible),
    }


@router.get(
    "/rejection-reasons",
    response={200: list[RejectionReasonOut], 401: ErrorOut},
    auth=staff_auth,
    summary="The reasons an application can be rejected with (codes for …/reject)",
)
def rejection_reasons(request: HttpRequest) -> list[dict[str, Any]]:
    return [rejection_reason_out(reason) for reason in rejection_reason_list()]


__all__ = ["router"]
