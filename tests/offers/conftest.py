"""An offer's world: R-OFFER on the ``plan_line`` of ``team`` (target 3), its hiring manager and recruiter,
and a candidate at the HR interview, the stage before the offer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from talentdrive.accounts.models import User
from talentdrive.offers.acceptance import offer_accept
from talentdrive.offers.models import Offer
from talentdrive.offers.services import offer_approve, offer_draft, offer_send, offer_submit
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import Requisition
from tests.factories import make_application, make_candidate, make_requisition, seeded_city

TODAY = dt.date(2026, 5, 4)


@dataclass
class OfferWorld:
    requisition: Requisition
    application: Application
    users: dict[str, User]

    def applicant(self, **extra: Any) -> Application:
        return make_application(requisition=self.requisition, stage="hr_interview", **extra)


@pytest.fixture
def today(monkeypatch) -> dt.date:
    monkeypatch.setattr("talentdrive.offers.services.shanghai_today", lambda: TODAY)
    monkeypatch.setattr("talentdrive.offers.acceptance.shanghai_today", lambda: TODAY)
    return TODAY


@pytest.fixture
def world(plan_line, staff, today) -> OfferWorld:
    requisition = make_requisition(
        plan_line=plan_line,
        external_id="R-OFFER",
        headcount=2,
        level="senior",
        hiring_manager=staff["hiring_manager"],
        recruiters=[staff["recruiter"]],
    )
    application = make_application(
        requisition=requisition,
        stage="hr_interview",
        candidate=make_candidate(full_name="李雷"),
        language="zh-hans",
    )
    return OfferWorld(requisition=requisition, application=application, users=staff)


def draft(world: OfferWorld, application: Application | None = None, **overrides: Any) -> Offer:
    values: dict[str, Any] = {
        "level": "senior",
        "salary": 600_000,
        "sign_on_bonus": 50_000,
        "start_date": TODAY + dt.timedelta(days=60),
        "city": seeded_city("shanghai"),
        "expires_on": TODAY + dt.timedelta(days=14),
        "actor": world.users["recruiter"],
    }
    values.update(overrides)
    return offer_draft(application_id=(application or world.application).pk, **values)


def approve_all(world: OfferWorld, offer: Offer) -> Offer:
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    offer_approve(offer_id=offer.pk, actor=world.users["hiring_manager"])
    offer_approve(offer_id=offer.pk, actor=world.users["leadership"])
    offer.refresh_from_db()
    if offer.status == "pending_approval":
        offer_approve(offer_id=offer.pk, actor=world.users["admin"])
    offer.refresh_from_db()
    return offer


def sent(world: OfferWorld, application: Application | None = None, **overrides: Any) -> Offer:
    offer = approve_all(world, draft(world, application, **overrides))
    return offer_send(offer_id=offer.pk, actor=world.users["recruiter"])


def accepted(world: OfferWorld, application: Application | None = None) -> Offer:
    from talentdrive.audit.actors import CANDIDATE

    offer = sent(world, application)
    return offer_accept(offer_id=offer.pk, actor=CANDIDATE)
