"""The demo's offers, made by the offers app's own services.

Every application the funnel placed at the offer stage or hired gets an offer drafted by the demo's
system actor (salary inside the ``SalaryBand`` of the requisition's level and city, so no extra step
for being above the band), submitted, approved step by step by the demo account each step waits for
(the requisition's hiring manager, the HR head, an administrator for the elite programme), and sent,
which moves the application to the offer stage. Hires are then accepted on the candidate's behalf
through ``offer_accept``, which moves them to hired and fills a requisition with its last headcount.
The services stamp everything with the time of the load; ``offers_date_back`` then puts each offer's
times where its application's dated history says they happened.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.actors import CANDIDATE
from talentdrive.demo.users import ADMIN, DEMO, LEADERSHIP
from talentdrive.offers.acceptance import offer_accept
from talentdrive.offers.models import ApproverKind, Offer, OfferApproval, SalaryBand
from talentdrive.offers.services import (
    offer_approve,
    offer_current_step,
    offer_draft,
    offer_send,
    offer_submit,
    shanghai_today,
)
from talentdrive.pipeline.models import Application, Stage, StageChange
from talentdrive.plans.models import City, Requisition

CAMPUS_START = date(2027, 7, 12)  # the Monday after this season's graduates leave university
# The share of offers not accepted that still wait on an approver (the approvers' pages have work).
WAITING_SHARE = 0.3


@dataclass(frozen=True)
class OfferWanted:
    application_id: int
    accepted: bool


def _approver(kind: str, requisition: Requisition, users: dict[str, User]) -> User:
    if kind == ApproverKind.HIRING_MANAGER and requisition.hiring_manager is not None:
        return requisition.hiring_manager
    if kind == ApproverKind.HR_HEAD:
        return users[LEADERSHIP.username]
    return users[ADMIN.username]


def _city(application: Application, requisition: Requisition, cities: dict[int, list[City]]) -> City:
    mine = [city for city in cities[requisition.pk] if city.code in application.preferred_cities]
    return (mine or cities[requisition.pk])[0]


def offers_make(wanted: Sequence[OfferWanted], *, rng: random.Random) -> set[int]:
    """Draft, approve and send an offer for each wanted application; accept those that are hires.
    Answers the applications whose offer still waits on an approver (so never reached the offer stage)."""
    waiting_ids: set[int] = set()
    if not wanted:
        return waiting_ids
    users = User.objects.in_bulk([ADMIN.username, LEADERSHIP.username], field_name="username")
    applications = Application.objects.select_related(
        "requisition__plan_line", "requisition__hiring_manager"
    ).in_bulk([w.application_id for w in wanted])
    cities: dict[int, list[City]] = {}
    for requisition_id in {a.requisition_id for a in applications.values()}:
        cities[requisition_id] = list(City.objects.filter(requisitions=requisition_id).order_by("code"))
    bands = {(band.level, band.city_id): band for band in SalaryBand.objects.all()}
    today = shanghai_today()
    for want in wanted:
        application = applications[want.application_id]
        requisition = application.requisition
        city = _city(application, requisition, cities)
        band = bands[(requisition.level, city.pk)]
        # Inside the band, rounded to a thousand: the chain needs no above-band step.
        salary = band.salary_min + int(round(rng.uniform(0.1, 0.9) * (band.salary_max - band.salary_min), -3))
        expires_on = today + timedelta(days=rng.randint(5, 14))
        campus = requisition.plan_line.channel == "campus"
        start_date = CAMPUS_START if campus else expires_on + timedelta(days=rng.choice((21, 30, 45)))
        offer = offer_draft(
            application_id=application.pk,
            level=requisition.level,
            salary=min(salary, band.salary_max),
            sign_on_bonus=rng.choice((0, 0, 20_000, 50_000)),
            start_date=start_date,
            city=city,
            expires_on=expires_on,
            actor=DEMO,
        )
        offer = offer_submit(offer_id=offer.pk, actor=DEMO)
        # Some offers still wait on an approver: the application stays at its last round until sent.
        waiting = not want.accepted and rng.random() < WAITING_SHARE
        stop_after = rng.randint(0, max(0, offer.approvals.count() - 1)) if waiting else None
        approved = 0
        while (step := offer_current_step(offer)) is not None and approved != stop_after:
            approver = _approver(step.approver, requisition, users)
            offer = offer_approve(offer_id=offer.pk, actor=approver)
            approved += 1
        if waiting:
            waiting_ids.add(application.pk)
            continue
        offer_send(offer_id=offer.pk, actor=DEMO, notify=False)
        if want.accepted:
            offer_accept(offer_id=offer.pk, actor=CANDIDATE)
    return waiting_ids


def offers_date_back(application_ids: Sequence[int], *, rng: random.Random) -> None:
    """Date each demo offer by its application's dated history: sent when the application reached the
    offer stage, drafted and approved in the days before, accepted when it was hired."""
    offers = list(Offer.objects.filter(application_id__in=application_ids))
    if not offers:
        return
    reached: dict[tuple[int, str], datetime] = {}
    for application_id, to_stage, created_at in StageChange.objects.filter(
        application_id__in=[offer.application_id for offer in offers], to_stage__in=[Stage.OFFER, Stage.HIRED]
    ).values_list("application_id", "to_stage", "created_at"):
        reached[(application_id, to_stage)] = created_at
    approvals: dict[int, list[OfferApproval]] = {}
    for approval in OfferApproval.objects.filter(offer__in=offers).order_by("offer_id", "position"):
        approvals.setdefault(approval.offer_id, []).append(approval)
    now = timezone.now()
    dated_approvals = []
    for offer in offers:
        sent = reached.get((offer.application_id, Stage.OFFER))
        if sent is None:  # still waiting on an approver: drafted in the last two days
            offer.created_at = now - timedelta(hours=rng.uniform(6, 48))
            moment = offer.created_at
            for approval in approvals.get(offer.pk, []):
                if approval.decided_at is not None:
                    moment += (now - moment) * rng.uniform(0.2, 0.6)
                    approval.decided_at = moment
                    dated_approvals.append(approval)
            continue
        steps = approvals.get(offer.pk, [])
        offer.created_at = sent - timedelta(hours=rng.uniform(24, 72))
        moment = offer.created_at
        for approval in steps:
            moment += (sent - moment) * rng.uniform(0.2, 0.6)
            approval.decided_at = moment
            dated_approvals.append(approval)
        offer.sent_at = sent
        hired = reached.get((offer.application_id, Stage.HIRED))
        if hired is not None:
            offer.decided_at = hired
            offer.expires_on = min(offer.expires_on, timezone.localdate(sent) + timedelta(days=14))
            if offer.start_date != CAMPUS_START:
                offer.start_date = timezone.localdate(hired) + timedelta(days=rng.choice((21, 30, 45)))
        elif offer.decided_at is not None:
            offer.decided_at = min(offer.decided_at, now)
    Offer.objects.bulk_update(
        offers, ["created_at", "sent_at", "decided_at", "expires_on", "start_date"], batch_size=500
    )
    OfferApproval.objects.bulk_update(dated_approvals, ["decided_at"], batch_size=500)
