"""REST endpoints for interviews and scorecards, read per the visibility rules of
``interviews/access.py``: staff who read an application read its interviews and scorecards; an
interviewer reads the interviews assigned to them, their own scorecards, and the others of an
application once theirs are in. 403 for a role that reads neither, 404 for what the caller may not
read, exactly as for what does not exist."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.schemas.applications import MAX_ID
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.api.schemas.interviews import InterviewOut, InterviewQuery, ScorecardOut, ScorecardQuery
from talentdrive.interviews import access as interview_access
from talentdrive.interviews.models import Interview, Scorecard
from talentdrive.interviews.selectors import interview_get, interview_list, scorecard_list

router = Router(tags=["interviews"])
router.add_decorator(in_request_language, mode="view")

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _reader(request: HttpRequest) -> User:
    return staff_allowed(
        request, interview_access.interview_can_list, _("Your role may not read interviews.")
    )


def interview_out(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "application_id": interview.application_id,
        "requisition_id": interview.application.requisition_id,
        "candidate_id": interview.application.candidate_id,
        "round": interview.stage_code,
        "starts_at": interview.starts_at,
        "ends_at": interview.ends_at,
        "time_zone": interview.time_zone,
        "location": interview.location,
        "video_url": interview.video_url,
        "interviewer_ids": sorted(person.pk for person in interview.interviewers.all()),
        "status": interview.status,
        "sequence": interview.sequence,
        "focus_attributes": list(interview.round.focus_attributes) if interview.round else [],
    }


def scorecard_out(scorecard: Scorecard) -> dict[str, Any]:
    return {
        "id": scorecard.pk,
        "interview_id": scorecard.interview_id,
        "application_id": scorecard.interview.application_id,
        "interviewer_id": scorecard.interviewer_id,
        "ratings": [
            {"attribute": code, "rating": entry["rating"], "notes": entry.get("notes", "")}
            for code, entry in scorecard.ratings.items()
        ],
        "recommendation": scorecard.recommendation,
        "notes": scorecard.notes,
        "submitted_at": scorecard.submitted_at,
    }


@router.get(
    "/interviews",
    response={200: list[InterviewOut], **READ_ERRORS},
    auth=staff_auth,
    summary="The interviews the caller may read, soonest first",
)
def interviews(request: HttpRequest, query: Query[InterviewQuery]) -> list[dict[str, Any]]:
    found = interview_list(user=_reader(request))
    if query.application is not None:
        found = found.filter(application_id=query.application)
    return [interview_out(i) for i in found[query.offset : query.offset + query.limit]]


@router.get(
    "/interviews/{interview_id}",
    response={200: InterviewOut, **READ_ERRORS},
    auth=staff_auth,
    summary="One interview",
)
def interview_detail(request: HttpRequest, interview_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    try:
        return interview_out(interview_get(user=_reader(request), interview_id=interview_id))
    except Interview.DoesNotExist as error:
        raise ApiError(
            404,
            _("Interview %(id)s does not exist or is not visible to you.") % {"id": interview_id},
            code="not_found",
        ) from error


@router.get(
    "/scorecards",
    response={200: list[ScorecardOut], **READ_ERRORS},
    auth=staff_auth,
    summary="The scorecards the caller may read (an interviewer: others' only after submitting their own)",
)
def scorecards(request: HttpRequest, query: Query[ScorecardQuery]) -> list[dict[str, Any]]:
    found = scorecard_list(user=_reader(request)).select_related("interview")
    if query.application is not None:
        found = found.filter(interview__application_id=query.application)
    return [scorecard_out(s) for s in found[query.offset : query.offset + query.limit]]


@router.get(
    "/scorecards/{scorecard_id}",
    response={200: ScorecardOut, **READ_ERRORS},
    auth=staff_auth,
    summary="One scorecard",
)
def scorecard_detail(request: HttpRequest, scorecard_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    scorecard = (
        scorecard_list(user=_reader(request)).select_related("interview").filter(pk=scorecard_id).first()
    )
    if scorecard is None:
        raise ApiError(
            404,
            _("Scorecard %(id)s does not exist or is not visible to you.") % {"id": scorecard_id},
            code="not_found",
        )
    return scorecard_out(scorecard)
