"""Shapes of offers and their approval steps in the API."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from talentdrive.api.schemas.bodies import ObjectIn


class ApprovalOut(Schema):
    position: int
    approver: str = Field(description="hiring_manager, hr_head or administrator")
    name: str
    status: str = Field(description="pending, approved or rejected")
    decided_by: str | None
    decided_at: dt.datetime | None


class OfferOut(Schema):
    id: int
    application_id: int
    requisition_id: int
    status: str = Field(
        description="draft, pending_approval, not_approved, approved, sent, accepted, declined, expired, rescinded"
    )
    level: str
    salary: int = Field(description="yearly base salary, CNY")
    sign_on_bonus: int
    start_date: dt.date
    city: str
    expires_on: dt.date
    language: str
    band_min: int
    band_max: int
    above_band: bool
    programme: bool
    reason: str
    accept_refused_code: str
    sent_at: dt.datetime | None
    decided_at: dt.datetime | None
    approvals: list[ApprovalOut]
    can_approve: bool = Field(description="whether the caller approves the current step")


class OfferPage(Schema):
    count: int
    items: list[OfferOut]


class ApproveIn(ObjectIn):
    note: str = Field("", max_length=2000)
