"""Public API: open requisitions (filters as on the career portal) and applying, for integrations
such as a campus-event kiosk. No authentication; applying is rate-limited and idempotent."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.responses import Status

from talentdrive.audit.actors import PUBLIC
from talentdrive.campus.talks import talk_attribute_application
from talentdrive.errors import DomainError
from talentdrive.matching.job_search import JobQuery, search
from talentdrive.pipeline.errors import ApplicationInvalid, ApplicationRefused, ResumeRefused
from talentdrive.pipeline.forms import ApplicantForm
from talentdrive.pipeline.ratelimits import apply_is_limited
from talentdrive.pipeline.rules import application_rules
from talentdrive.pipeline.selectors import requisition_check_open, requisition_public_get
from talentdrive.pipeline.services import application_repeat_get, application_submit
from talentdrive.plans.models import Requisition
from talentdrive.plans.selectors import public_requisition_list

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
    """The same answer for a new application, a retry and a person who had already applied: whoever
    knows an address must not learn from it whether, or how far, its owner applied."""

    received: bool
    message: str


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
        try:
            requisition_check_open(requisition_public_get(requisition_id=requisition_id))
            # Open, yet not listed for the public: as for a number that was never public.
            refused = ApplicationRefused("not_found")
        except ApplicationRefused as error:
            refused = error
        with translation.override(translation.get_language_from_request(request)):
            # A job page answers 410 for a job that is gone, where applying answers 409.
            return _domain_error(refused, status=410 if refused.code == "closed" else None)
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
                        "talent_pool": {
                            "type": "boolean",
                            "description": "optional: keep the person for other roles after the drive",
                        },
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


# The HTTP status of every refusal ``application_submit`` can make; a code missing here is a bug
# that fails loudly (a 500 and a log), never a vague answer.
STATUS_OF = {
    ApplicationRefused: {
        "not_found": 404,
        "closed": 409,
        "cap": 409,
        "consent": 409,
        "contact": 409,
        "idempotency_key_reused": 422,
    },
    ApplicationInvalid: {"invalid": 400},
    ResumeRefused: dict.fromkeys(ResumeRefused.codes(), 400),
}


def _error(status: int, code: str, message: str, errors: dict[str, list[str]] | None = None) -> Status:
    return Status(status, {"code": code, "message": str(message), "errors": errors or {}})


def _domain_error(error: DomainError, *, status: int | None = None) -> Status:
    """A refusal of the domain as the API answers it: its code, its message, and per-field messages."""
    problems = getattr(error, "problems", None) or ((error,) if error.field else ())
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(problem.field or "__all__", []).append(str(problem.message))
    return _error(status or STATUS_OF[type(error)][error.code], error.code, str(error.message), errors)


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
        202: ApplyOut,
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
    """Apply to an open requisition (multipart/form-data). 202 with the same body for a new
    application, a repeated ``Idempotency-Key`` and a person who already applied: the confirmation
    email to the address on file says which it was. Error messages follow the ``language`` field,
    else ``Accept-Language``."""
    with translation.override(_request_language(request)):
        try:
            return _apply(request, requisition_id)
        except DomainError as error:
            return _domain_error(error)


def _apply(request: HttpRequest, requisition_id: int) -> Status:
    requisition = requisition_public_get(requisition_id=requisition_id)
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > IDEMPOTENCY_KEY_MAX:
        return _error(
            400,
            "idempotency_key",
            _("The Idempotency-Key header is longer than %(max)s characters.") % {"max": IDEMPOTENCY_KEY_MAX},
        )
    requisition_check_open(requisition)
    email = request.POST.get("email", "").strip()
    if key:
        # A retry is answered from what the first request stored, before the body is validated.
        repeated = application_repeat_get(
            requisition_id=requisition.pk, idempotency_key=f"api:{key}", email=email
        )
        if repeated is not None:
            return _received()
    if apply_is_limited(request, email=email):
        return _error(
            429, "rate_limited", _("Too many applications in a short time. Wait a few minutes and try again.")
        )
    form = ApplicantForm(request.POST, request.FILES, rules=application_rules(requisition))
    if not form.is_valid():
        errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
        return _error(400, "invalid", str(ApplicationInvalid.messages["invalid"]), errors)
    outcome = application_submit(
        requisition_id=requisition.pk,
        applicant=form.applicant(language=request.POST.get("language", "en"), source_default="api"),
        resume=form.cleaned_data["resume"],
        idempotency_key=f"api:{key}" if key else None,
        confirmation_base_url=request.build_absolute_uri("/"),
        actor=PUBLIC,
    )
    talk_attribute_application(application_id=outcome.application.pk, actor=PUBLIC)
    return _received()


def _received() -> Status:
    message = _(
        "We received your application. Check your email: we sent the next steps to the address you gave."
    )
    return Status(202, {"received": True, "message": str(message)})
