"""REST endpoints of the campus season: online assessments and their results files, campus talks, and
interview days. Access as in ``campus/access.py``; 404 for what the caller may not read."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.campus import access as campus_access
from talentdrive.campus.assessments import assessment_results_import
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import Assessment
from talentdrive.campus.selectors import assessment_get, assessment_list, talk_list_public

router = Router(tags=["campus"])
router.add_decorator(in_request_language, mode="view")

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class AssessmentOut(Schema):
    id: int
    name: str
    requisition_id: int | None
    focus_area: str | None
    pass_mark: float
    max_score: float
    results: int
    pending_review: int


class RowErrorOut(Schema):
    row: int | None
    column: str | None
    message: str


class ResultsImportOut(Schema):
    ok: bool
    dry_run: bool
    rows: int
    moved: int
    queued: int
    errors: list[RowErrorOut]


class TalkOut(Schema):
    id: int
    title: str
    school: str
    city: str
    starts_at: Any
    ends_at: Any
    venue: str
    capacity: int
    registered: int
    language: str
    livestream_url: str


def _reader(request: HttpRequest) -> User:
    return staff_allowed(
        request, campus_access.assessment_can_list, _("Your role may not read online assessments.")
    )


def _assessment_out(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.pk,
        "name": assessment.name,
        "requisition_id": assessment.requisition_id,
        "focus_area": assessment.focus_area.code if assessment.focus_area else None,
        "pass_mark": float(assessment.pass_mark),
        "max_score": float(assessment.max_score),
        "results": getattr(assessment, "result_count", 0),
        "pending_review": getattr(assessment, "pending_count", 0),
    }


@router.get(
    "/assessments",
    response={200: list[AssessmentOut], **ERRORS},
    auth=staff_auth,
    summary="The online assessments the caller may read",
)
def assessments(request: HttpRequest) -> list[dict[str, Any]]:
    return [_assessment_out(a) for a in assessment_list(user=_reader(request))]


@router.post(
    "/assessments/{assessment_id}/results",
    response={200: ResultsImportOut, 422: ResultsImportOut, **ERRORS},
    auth=staff_auth,
    summary="Import a results file (CSV or XLSX), all or nothing; 422 lists each bad row",
)
def assessment_results(
    request: HttpRequest, assessment_id: int, file: File[UploadedFile], dry_run: bool = False
) -> Any:
    user = _reader(request)
    try:
        assessment = assessment_get(user=user, assessment_id=assessment_id)
    except Assessment.DoesNotExist as missing:
        raise ApiError(
            404,
            _("Assessment %(id)s does not exist or is not visible to you.") % {"id": assessment_id},
            code="not_found",
        ) from missing
    try:
        report = assessment_results_import(
            assessment_id=assessment.pk,
            filename=file.name or "results",
            content=file.read(),
            actor=user,
            dry_run=dry_run,
        )
    except CampusRefused as refused:
        raise ApiError(403, str(refused.message), code=refused.code) from refused
    body = {
        "ok": report.ok,
        "dry_run": report.dry_run,
        "rows": report.rows,
        "moved": report.moved,
        "queued": report.queued,
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in report.errors],
    }
    return Status(200 if report.ok else 422, body)


@router.get(
    "/public/campus-talks",
    response={200: list[TalkOut]},
    auth=None,
    summary="Published campus talks, soonest first",
)
def campus_talks(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": talk.pk,
            "title": talk.title,
            "school": talk.school,
            "city": str(talk.city),
            "starts_at": talk.starts_at,
            "ends_at": talk.ends_at,
            "venue": talk.venue,
            "capacity": talk.capacity,
            "registered": getattr(talk, "registered", 0),
            "language": talk.language,
            "livestream_url": talk.livestream_url,
        }
        for talk in talk_list_public()
    ]
