"""REST endpoints for calibration and batch offers: a requisition's interviewed applicants with their
scorecards side by side, and one package drafted for the chosen ones within the plan line's remaining
headcount (all or none). Rules in ``campus/access.py`` and ``offers/access.py``; the table in
``campus/calibration.py``; writes in ``offers/batch.py``.

Statuses: 401 without a token or session; 403 for a role that reads no calibration, or may not draft
the offers; 404 for a requisition the caller may not read, exactly as for a missing one; 422 when the
batch is refused (too many for the plan line, an applicant refused: ``rows`` says who and why).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema, Status
from pydantic import Field

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.schemas.applications import MAX_ID
from talentdrive.api.schemas.bodies import ObjectIn
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.campus import access as campus_access
from talentdrive.campus.calibration import calibration_offers_draft, requisition_calibration
from talentdrive.offers.batch import BATCH_MAX, OfferTerms, plan_line_remaining
from talentdrive.offers.errors import OfferBatchRefused
from talentdrive.offers.models import MONEY_MAX
from talentdrive.plans.models import Level, Requisition
from talentdrive.plans.selectors import requisition_get

router = Router(tags=["offers"])
router.add_decorator(in_request_language, mode="view")

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
RequisitionId = Path(..., ge=1, le=MAX_ID)


class RoundCellOut(Schema):
    stage_code: str
    interviewer: str
    recommendation: str
    mean_rating: float | None


class CalibrationRowOut(Schema):
    application_id: int
    candidate: str
    stage: str
    stage_label: str
    assessment: str
    rounds: dict[str, list[RoundCellOut]]
    attribute_means: dict[str, float]
    mean_rating: float | None
    recommendations: dict[str, int]
    missing_scorecards: int
    offer_id: int | None
    offer_status: str | None
    can_offer: bool


class CalibrationOut(Schema):
    requisition_id: int
    remaining_headcount: int
    round_codes: list[str]
    attributes: list[str]
    rows: list[CalibrationRowOut]


class BatchIn(ObjectIn):
    application_ids: list[int] = Field(..., max_length=BATCH_MAX)
    level: str
    salary: int = Field(..., ge=1, le=MONEY_MAX)
    sign_on_bonus: int = Field(0, ge=0, le=MONEY_MAX)
    start_date: dt.date
    city: str = Field(..., max_length=40, description="City code, one of the requisition's cities.")
    expires_on: dt.date
    salaries: dict[int, int] = Field(default_factory=dict, description="Application id → its own salary.")
    submit: bool = True


class BatchOut(Schema):
    offer_ids: list[int]
    remaining_headcount: int


def _requisition(user: User, requisition_id: int) -> Requisition:
    try:
        requisition = requisition_get(user=user, requisition_id=requisition_id)
    except Requisition.DoesNotExist as error:
        raise ApiError(
            404,
            _("Requisition %(id)s does not exist or is not visible to you.") % {"id": requisition_id},
            code="not_found",
        ) from error
    if not campus_access.calibration_can_read(user, requisition):
        raise ApiError(403, _("Your role may not read this requisition's calibration."), code="forbidden")
    return requisition


def _reader(request: HttpRequest) -> User:
    return staff_allowed(
        request, campus_access.calibration_can_list, _("Your role may not read calibrations.")
    )


@router.get(
    "/requisitions/{requisition_id}/calibration",
    response={200: CalibrationOut, **ERRORS},
    auth=staff_auth,
    summary="The requisition's interviewed applicants with their scorecards side by side",
)
def calibration(request: HttpRequest, requisition_id: int = RequisitionId) -> dict[str, Any]:
    user = _reader(request)
    requisition = _requisition(user, requisition_id)
    table = requisition_calibration(user=user, requisition=requisition)
    rows = [
        {
            "application_id": row.application.pk,
            "candidate": row.application.candidate.full_name,
            "stage": row.application.stage,
            "stage_label": row.stage_label,
            "assessment": row.assessment,
            "rounds": {
                code: [
                    {
                        "stage_code": cell.stage_code,
                        "interviewer": cell.interviewer,
                        "recommendation": cell.recommendation,
                        "mean_rating": cell.mean_rating,
                    }
                    for cell in cells
                ]
                for code, cells in row.rounds.items()
            },
            "attribute_means": row.attribute_means,
            "mean_rating": row.mean_rating,
            "recommendations": row.tally,
            "missing_scorecards": row.missing,
            "offer_id": row.offer.pk if row.offer else None,
            "offer_status": row.offer.status if row.offer else None,
            "can_offer": row.can_offer,
        }
        for row in table.rows
    ]
    return {
        "requisition_id": requisition.pk,
        "remaining_headcount": plan_line_remaining(plan_line=requisition.plan_line),
        "round_codes": list(table.round_codes),
        "attributes": [code for code, _name in table.attributes],
        "rows": rows,
    }


@router.post(
    "/requisitions/{requisition_id}/offers/batch",
    response={201: BatchOut, **ERRORS},
    auth=staff_auth,
    summary="Draft (and submit) one offer per chosen applicant, within the plan line's remaining headcount",
)
def batch_offers(request: HttpRequest, body: BatchIn, requisition_id: int = RequisitionId) -> Status:
    user = _reader(request)
    requisition = _requisition(user, requisition_id)
    if body.level not in Level.values:
        raise ApiError(
            400, _("Unknown level %(level)s.") % {"level": body.level[:40]}, code="invalid", field="level"
        )
    city = requisition.cities.filter(code=body.city).first()
    if city is None:
        raise ApiError(
            400,
            _("City %(city)s is not one of the requisition's cities.") % {"city": body.city[:40]},
            code="invalid",
            field="city",
        )
    strays = [pk for pk in body.salaries if pk not in set(body.application_ids)]
    if strays:
        # A mistyped id would otherwise leave its applicant on the package's salary without a word.
        raise ApiError(
            400,
            _("Salaries are given for applications not chosen: %(ids)s.")
            % {"ids": ", ".join(str(pk) for pk in strays[:10])},
            code="invalid",
            field="salaries",
        )
    for salary in body.salaries.values():
        if not 1 <= salary <= MONEY_MAX:
            raise ApiError(
                400,
                _("Every salary must be between 1 and 100,000,000 CNY."),
                code="invalid",
                field="salaries",
            )
    terms = OfferTerms(
        level=body.level,
        salary=body.salary,
        sign_on_bonus=body.sign_on_bonus,
        start_date=body.start_date,
        city=city,
        expires_on=body.expires_on,
    )
    try:
        offers = calibration_offers_draft(
            user=user,
            requisition=requisition,
            application_ids=body.application_ids,
            terms=terms,
            salaries=body.salaries,
            submit=body.submit,
        )
    except OfferBatchRefused as refused:
        status = 403 if refused.code == "not_allowed" else 422
        rows = [{"application_id": r.application_id, "message": str(r.message)} for r in refused.rows]
        raise ApiError(
            status, str(refused.message), code=refused.code, field=refused.field, rows=rows
        ) from refused
    return Status(
        201,
        {
            "offer_ids": [offer.pk for offer in offers],
            "remaining_headcount": plan_line_remaining(plan_line=requisition.plan_line),
        },
    )
