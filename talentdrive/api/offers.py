"""REST endpoints for offers: read them as the applications they belong to, approve the current step,
send an approved offer. Rules in ``offers/access.py``, writes in the offer services.

Statuses: 401 without a token or session; 403 for a role that reads no applications, or a refusal of
who may act (not the current approver, not the requisition's recruiter or hiring manager); 404 for an
offer the caller may not read, exactly as for a missing one; 422 when the offer's state refuses it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema

from talentdrive.accounts.models import User
from talentdrive.api.auth import staff_allowed, staff_auth
from talentdrive.api.language import in_request_language
from talentdrive.api.schemas.applications import MAX_ID
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.api.schemas.offers import ApproveIn, OfferOut, OfferPage
from talentdrive.offers import access as offers_access
from talentdrive.offers.errors import OfferRefused
from talentdrive.offers.models import Offer, OfferStatus
from talentdrive.offers.selectors import offer_get, offer_list
from talentdrive.offers.services import offer_approve, offer_current_step, offer_send
from talentdrive.pipeline.errors import MoveRefused

router = Router(tags=["offers"])
router.add_decorator(in_request_language, mode="view")

ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
FORBIDDEN_CODES = {"not_allowed", "not_approver", "already_approved_a_step"}
OfferId = Path(..., ge=1, le=MAX_ID)


class OfferQuery(Schema):
    application: int | None = None
    status: str | None = None


def _reader(request: HttpRequest) -> User:
    return staff_allowed(request, offers_access.offer_can_read_any, _("Your role may not read offers."))


def _visible(user: User, offer_id: int) -> Offer:
    try:
        return offer_get(user=user, offer_id=offer_id)
    except Offer.DoesNotExist as error:
        raise ApiError(
            404,
            _("Offer %(id)s does not exist or is not visible to you.") % {"id": offer_id},
            code="not_found",
        ) from error


def _out(offer: Offer, user: User) -> dict[str, Any]:
    step = offer_current_step(offer)
    return {
        **{
            name: getattr(offer, name)
            for name in (
                "id",
                "application_id",
                "requisition_id",
                "status",
                "level",
                "salary",
                "sign_on_bonus",
                "start_date",
                "expires_on",
                "language",
                "band_min",
                "band_max",
                "above_band",
                "programme",
                "reason",
                "accept_refused_code",
                "sent_at",
                "decided_at",
            )
        },
        "city": offer.city.code,
        "approvals": [
            {
                "position": a.position,
                "approver": a.approver,
                "name": a.name,
                "status": a.status,
                "decided_by": str(a.decided_by) if a.decided_by else None,
                "decided_at": a.decided_at,
            }
            for a in offer.approvals.all()
        ],
        "can_approve": offer.status == OfferStatus.PENDING_APPROVAL
        and step is not None
        and offers_access.approver_fits(user, step.approver, offer.requisition),
    }


@router.get(
    "/offers", response={200: OfferPage, **ERRORS}, auth=staff_auth, summary="The offers the caller may read"
)
def offers(request: HttpRequest, query: Query[OfferQuery]) -> dict[str, Any]:
    user = _reader(request)
    found = offer_list(user=user)
    if query.application is not None:
        found = found.filter(application_id=query.application)
    if query.status:
        found = found.filter(status=query.status)
    items = list(found[:200])
    return {"count": found.count(), "items": [_out(offer, user) for offer in items]}


@router.get("/offers/{offer_id}", response={200: OfferOut, **ERRORS}, auth=staff_auth, summary="One offer")
def offer_detail(request: HttpRequest, offer_id: int = OfferId) -> dict[str, Any]:
    user = _reader(request)
    return _out(_visible(user, offer_id), user)


def _act(request: HttpRequest, offer_id: int, run: Any) -> dict[str, Any]:
    user = _reader(request)
    _visible(user, offer_id)
    try:
        run(user)
    except OfferRefused as error:
        status = 403 if error.code in FORBIDDEN_CODES else 422
        raise ApiError(status, str(error.message), code=error.code, field=error.field) from error
    except MoveRefused as error:
        raise ApiError(422, str(error.message), code=error.code) from error
    return _out(_visible(user, offer_id), user)


@router.post(
    "/offers/{offer_id}/approve",
    response={200: OfferOut, **ERRORS},
    auth=staff_auth,
    summary="Approve the offer's current approval step (for that step's approver)",
)
def offer_approve_endpoint(
    request: HttpRequest, payload: ApproveIn, offer_id: int = OfferId
) -> dict[str, Any]:
    return _act(
        request, offer_id, lambda user: offer_approve(offer_id=offer_id, actor=user, note=payload.note)
    )


@router.post(
    "/offers/{offer_id}/send",
    response={200: OfferOut, **ERRORS},
    auth=staff_auth,
    summary="Send an approved offer to the candidate",
)
def offer_send_endpoint(request: HttpRequest, offer_id: int = OfferId) -> dict[str, Any]:
    return _act(request, offer_id, lambda user: offer_send(offer_id=offer_id, actor=user))
