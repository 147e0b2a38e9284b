"""Public API: open requisitions (filters as on the career portal) and applying, for integrations
such as a campus-event kiosk. No authentication; applying is rate-limited and idempotent."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from ninja.responses import Status

from talentdrive.audit.actors import PUBLIC
from talentdrive.pipeline.core.uploads import UploadRejected
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.selectors import application_by_idempotency_key
from talentdrive.pipeline.services import ApplicationRefused, application_submit, submission_fingerprint
from talentdrive.plans.models import Channel, Requisition, RequisitionStatus
from talentdrive.plans.selectors import public_requisition_list
from talentdrive.portal.emails import send_application_confirmation
from talentdrive.portal.forms import ApplyForm, upload_message
from talentdrive.portal.ratelimits import apply_is_limited
from talentdrive.portal.search import JobQuery, search

router = Router(tags=["portal"])

IDEMPOTENCY_KEY_MAX = 100


class JobFilters(Schema):
    q: str = ""
    city: str = ""
    channel: str = ""
    area: str = ""
    team: str = ""
    level: str = ""
    sort: str = "newest"
    page: int = 1


class JobOut(Schema):
    id: int
    external_id: str
    title: str
    title_en: str
    title_zh: str
    cities: list[str]
    channel: str
    focus_area: str
    team: str
    level: str
    headcount: int


class JobDetailOut(JobOut):
    description_en: str
    description_zh: str
    must_skills: list[str]
    nice_skills: list[str]
    domain: str
    min_degree: str
    min_years: int
    programme_eligible: bool


class FacetOut(Schema):
    value: str
    label: str
    count: int


class JobPageOut(Schema):
    count: int
    page: int
    pages: int
    items: list[JobOut]
    facets: dict[str, list[FacetOut]]


class ApplyOut(Schema):
    id: int
    created: bool
    already_applied: bool
    status: str


class ErrorOut(Schema):
    code: str
    message: str
    errors: dict[str, list[str]] = {}


def _job(requisition: Requisition) -> dict[str, Any]:
    line = requisition.plan_line
    return {
        "id": requisition.pk,
        "external_id": requisition.external_id,
        "title": requisition.title,
        "title_en": requisition.title_en,
        "title_zh": requisition.title_zh,
        "cities": [city.code for city in requisition.cities.all()],
        "channel": line.channel,
        "focus_area": line.focus_area.code,
        "team": line.team.code,
        "level": requisition.level,
        "headcount": requisition.headcount,
    }


@router.get("/requisitions", response=JobPageOut, url_name="public_requisitions")
def list_open_requisitions(request: HttpRequest, filters: Query[JobFilters]):
    """Open requisitions, 20 a page, with the count of results for every filter value."""
    query = JobQuery.from_querydict(request.GET)
    page, facet_options = search(query)
    facets = {
        name: [{"value": o.value, "label": o.label, "count": o.count} for o in options]
        for name, options in facet_options.items()
    }
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "items": [_job(r) for r in page.object_list],
        "facets": facets,
    }


@router.get(
    "/requisitions/{requisition_id}",
    response={200: JobDetailOut, 404: ErrorOut, 410: ErrorOut},
    url_name="public_requisition",
)
def get_open_requisition(request: HttpRequest, requisition_id: int):
    """An open requisition. 410 for one that was public and no longer takes applications (paused,
    filled or closed), as the job page answers; 404 for a number that was never public."""
    requisition = public_requisition_list().filter(pk=requisition_id).first()
    if requisition is None:
        with translation.override(translation.get_language_from_request(request)):
            if Requisition.objects.filter(pk=requisition_id).exclude(status=RequisitionStatus.DRAFT).exists():
                return _error(410, "closed", str(REFUSAL_MESSAGES["closed"]))
            return _error(404, "not_found", _("There is no requisition with this number."))
    return {
        **_job(requisition),
        "description_en": requisition.description_en,
        "description_zh": requisition.description_zh,
        "must_skills": [str(s) for s in requisition.must_skills],
        "nice_skills": [str(s) for s in requisition.nice_skills],
        "domain": requisition.domain,
        "min_degree": requisition.min_degree,
        "min_years": requisition.min_years,
        "programme_eligible": requisition.programme_eligible,
    }


_APPLY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["full_name", "email", "phone", "resume", "consent", "consent_version"],
                    "properties": {
                        "full_name": {"type": "string", "maxLength": 200},
                        "email": {"type": "string", "format": "email"},
                        "phone": {"type": "string"},
                        "resume": {"type": "string", "format": "binary", "description": "PDF, DOCX or TXT"},
                        "consent": {"type": "boolean", "description": "the candidate agreed to the text"},
                        "consent_version": {"type": "string", "example": "2026-09"},
                        "school": {"type": "string", "description": "required for campus roles"},
                        "degree": {"type": "string", "enum": ["associate", "bachelor", "master", "phd"]},
                        "graduation_date": {"type": "string", "format": "date"},
                        "preferred_cities": {"type": "array", "items": {"type": "string"}},
                        "referral_code": {"type": "string"},
                        "source": {"type": "string"},
                        "language": {
                            "type": "string",
                            "enum": ["en", "zh-hans"],
                            "description": "language of the confirmation email and status page",
                        },
                    },
                }
            }
        },
    },
    "parameters": [
        {
            "in": "header",
            "name": "Idempotency-Key",
            "required": False,
            "schema": {"type": "string", "maxLength": IDEMPOTENCY_KEY_MAX},
            "description": "Repeat the same key on a retry: the same application id is returned.",
        }
    ],
}


# Refusals from the application rules, as sentences an integration can show to the candidate.
REFUSAL_MESSAGES = {
    "closed": gettext_lazy("This requisition is not taking applications."),
    "cap": gettext_lazy(
        "This candidate already has the maximum number of active campus applications in this drive; "
        "one must be withdrawn before applying for another."
    ),
    "consent": gettext_lazy(
        "The consent version is not current: show the candidate the current consent text and send "
        "its version."
    ),
    "contact": gettext_lazy("Give an email address or a phone number the candidate can be reached at."),
}


def _error(status: int, code: str, message: str, errors: dict[str, list[str]] | None = None) -> Status:
    return Status(status, {"code": code, "message": str(message), "errors": errors or {}})


def _request_language(request: HttpRequest) -> str:
    """The form field ``language`` when given, else ``Accept-Language``: errors are in that language."""
    field = str(request.POST.get("language", "")).strip().lower()
    if field.startswith("zh"):
        return "zh-hans"
    if field.startswith("en"):
        return "en"
    return translation.get_language_from_request(request)


@router.post(
    "/requisitions/{requisition_id}/apply",
    response={
        200: ApplyOut,
        201: ApplyOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    url_name="public_apply",
    openapi_extra=_APPLY_BODY,
)
def apply(request: HttpRequest, requisition_id: int):
    """Apply to an open requisition (multipart/form-data). 201 with the new id, 200 with the same id
    for a repeated ``Idempotency-Key`` or a person who already applied. Error messages follow the
    ``language`` field, else ``Accept-Language``."""
    with translation.override(_request_language(request)):
        return _apply(request, requisition_id)


def _apply(request: HttpRequest, requisition_id: int) -> Status:
    requisition = (
        Requisition.objects.select_related("plan_line")
        .filter(pk=requisition_id)
        .exclude(status="draft")
        .first()
    )
    if requisition is None:
        return _error(404, "not_found", _("There is no requisition with this number."))
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > IDEMPOTENCY_KEY_MAX:
        return _error(
            400,
            "idempotency_key",
            _("The Idempotency-Key header is longer than %(max)s characters.") % {"max": IDEMPOTENCY_KEY_MAX},
        )
    if requisition.status != RequisitionStatus.OPEN:
        return _error(409, "closed", str(REFUSAL_MESSAGES["closed"]))
    email = request.POST.get("email", "").strip()
    # A retry whose body was lost (no email at all) is still a retry; a body naming someone else is not.
    fingerprint = submission_fingerprint(requisition_id=requisition.pk, email=email) if email else ""
    if key:
        # A retry is answered from what the first request stored, before the file is validated;
        # the fingerprint tells a retry from another applicant sent under the same key.
        repeated = application_by_idempotency_key(key=f"api:{key}", requisition_id=requisition.pk)
        if repeated is not None:
            stored = repeated.idempotency_fingerprint
            if stored and fingerprint and stored != fingerprint:
                return _key_reused()
            return Status(200, _apply_body(repeated, created=False, already_applied=False))
    data = request.POST.copy()
    data["submission_key"] = key or uuid.uuid4().hex
    data.pop("website", None)
    form = ApplyForm(
        data,
        request.FILES,
        campus=requisition.plan_line.channel == Channel.CAMPUS,
        integration=True,
        graduation_window=(requisition.graduation_from, requisition.graduation_to),
    )
    if apply_is_limited(request, email=data.get("email", "")):
        return _error(
            429, "rate_limited", _("Too many applications in a short time. Wait a few minutes and try again.")
        )
    if not form.is_valid():
        errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
        return _error(400, "invalid", _("Some fields are missing or invalid; see errors."), errors)
    try:
        outcome = application_submit(
            requisition_id=requisition.pk,
            applicant=form.applicant(language=data.get("language", "en"), source_default="api"),
            resume=form.cleaned_data["resume"],
            idempotency_key=f"api:{key}" if key else None,
            idempotency_fingerprint=fingerprint,
            actor=PUBLIC,
        )
    except ApplicationRefused as refused:
        if refused.code == "key_reused":
            return _key_reused()
        message = REFUSAL_MESSAGES.get(refused.code, REFUSAL_MESSAGES["closed"])
        return _error(409, refused.code, str(message))
    except UploadRejected as rejected:
        return _error(400, rejected.code, upload_message(rejected.code))
    if outcome.created or outcome.already_applied:
        send_application_confirmation(
            application=outcome.application,
            base_url=request.build_absolute_uri("/"),
            again=outcome.already_applied,
        )
    body = _apply_body(outcome.application, created=outcome.created, already_applied=outcome.already_applied)
    return Status(201 if outcome.created else 200, body)


def _key_reused() -> Status:
    return _error(
        422,
        "idempotency_key_reused",
        _(
            "This Idempotency-Key was already used for a different application (another applicant or "
            "requisition). Send a new key for a new application."
        ),
    )


def _apply_body(application: Application, *, created: bool, already_applied: bool) -> dict[str, Any]:
    return {
        "id": application.pk,
        "created": created,
        "already_applied": already_applied,
        "status": application.public_stage,
    }
