"""Closing an application closes what hangs on it: interviews still to come are cancelled (with a calendar
cancellation) and offers not yet decided are rescinded, whoever closes it and however."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from talentdrive.audit.actors import CANDIDATE
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.hiring.closing import (
    application_reject,
    application_withdraw,
    application_withdraw_on_behalf,
    candidate_erase,
)
from talentdrive.interviews.models import Interview, InterviewInvitation, InterviewStatus, InvitationMethod
from talentdrive.interviews.services import interview_schedule
from talentdrive.offers.acceptance import offer_accept
from talentdrive.offers.errors import OfferRefused
from talentdrive.offers.models import OfferStatus
from talentdrive.offers.selectors import approvals_waiting_for
from talentdrive.offers.services import offer_submit
from talentdrive.pipeline.models import RejectionReason, Stage
from tests.offers.conftest import draft, sent

ROOT = Path(__file__).resolve().parents[2]


def _schedule(world, starts_at: dt.datetime) -> Interview:
    return interview_schedule(
        application_id=world.application.pk,
        stage_code="hr_interview",
        starts_at=starts_at,
        interviewer_ids=[world.users["interviewer"].pk],
        actor=world.users["recruiter"],
    )


def _hour(days: int) -> dt.datetime:
    return (timezone.now() + dt.timedelta(days=days)).replace(minute=0, second=0, microsecond=0)


@pytest.mark.django_db
def test_rejecting_cancels_interviews_to_come_and_rescinds_the_offer_waiting_for_approval(world):
    held = _schedule(world, _hour(-3))
    upcoming = _schedule(world, _hour(2))
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    assert offer in approvals_waiting_for(user=world.users["hiring_manager"])

    application_reject(
        application_id=world.application.pk,
        reason=RejectionReason.objects.filter(active=True).first(),
        actor=world.users["recruiter"],
        expected_version=None,
    )

    upcoming.refresh_from_db()
    held.refresh_from_db()
    offer.refresh_from_db()
    assert upcoming.status == InterviewStatus.CANCELLED
    assert upcoming.sequence == 1
    cancellations = InterviewInvitation.objects.filter(interview=upcoming, method=InvitationMethod.CANCEL)
    assert {row.user_id for row in cancellations} == {world.users["interviewer"].pk, None}
    # The interview that was held keeps its place (its scorecards may still come).
    assert held.status == InterviewStatus.SCHEDULED
    assert offer.status == OfferStatus.RESCINDED
    assert offer.reason == "application rejected"
    assert offer not in approvals_waiting_for(user=world.users["hiring_manager"])
    event = AuditEvent.objects.get(action=AuditAction.OFFER_RESCIND, target_id=str(offer.pk))
    assert event.actor == world.users["recruiter"]
    assert event.data == {"from": "pending_approval", "application_stage": Stage.REJECTED}


@pytest.mark.django_db
def test_a_candidate_who_withdraws_can_no_longer_accept_the_offer_they_had(world):
    offer = sent(world)
    world.application.refresh_from_db()
    application_withdraw(application=world.application, actor=CANDIDATE, reason="took another job")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.RESCINDED
    assert offer.reason == "application withdrawn"
    with pytest.raises(OfferRefused):
        offer_accept(offer_id=offer.pk, actor=CANDIDATE)


@pytest.mark.django_db
def test_a_withdrawal_recorded_by_the_recruiter_closes_the_same(world):
    upcoming = _schedule(world, _hour(1))
    offer = draft(world)
    application_withdraw_on_behalf(
        application_id=world.application.pk,
        actor=world.users["recruiter"],
        expected_version=None,
        note="called to say they accepted another offer",
    )
    upcoming.refresh_from_db()
    offer.refresh_from_db()
    assert (upcoming.status, offer.status) == (InterviewStatus.CANCELLED, OfferStatus.RESCINDED)


@pytest.mark.django_db
def test_an_offer_already_decided_is_left_as_it_was(world):
    offer = sent(world)
    from talentdrive.offers.acceptance import offer_decline

    offer_decline(offer_id=offer.pk, actor=CANDIDATE, reason="salary")
    application_withdraw(application=world.application, actor=CANDIDATE)
    offer.refresh_from_db()
    assert (offer.status, offer.reason) == (OfferStatus.DECLINED, "salary")


@pytest.mark.django_db
def test_erasing_a_person_closes_their_offers_and_blanks_the_letters_that_name_them(world):
    offer = sent(world)
    assert "李雷" in offer.letter_text
    candidate_erase(candidate=world.application.candidate, actor=CANDIDATE)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.RESCINDED
    assert (offer.letter_title, offer.letter_text) == ("", "")


CLOSERS = {"application_reject", "application_withdraw_on_behalf", "application_withdraw", "candidate_erase"}


def test_interfaces_close_applications_through_the_hiring_services_only():
    """The pipeline's own closing services leave interviews and offers open: the back office, the API, the
    portal and the demo must not call them."""
    offenders = []
    for folder in ("api", "backoffice", "portal", "demo"):
        for path in (ROOT / "talentdrive" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "talentdrive.pipeline"
                ):
                    offenders += [
                        f"{path.relative_to(ROOT)}: {alias.name}"
                        for alias in node.names
                        if alias.name in CLOSERS
                    ]
    assert offenders == []
