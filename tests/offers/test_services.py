"""The offer chain: draft → approvals (data) → sent → accepted / declined / expired / rescinded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from talentdrive.audit.actors import CANDIDATE, system_actor
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.insights.selectors import drive_headlines
from talentdrive.offers.acceptance import offer_accept, offer_decline
from talentdrive.offers.errors import OfferRefused
from talentdrive.offers.models import ApprovalStep, Offer, OfferStatus
from talentdrive.offers.selectors import approvals_waiting_for
from talentdrive.offers.services import (
    offer_approve,
    offer_reject_approval,
    offer_rescind,
    offer_send,
    offer_submit,
    offers_expire_due,
)
from talentdrive.pipeline.models import CandidateEmail, EmailTemplate, StageChange
from talentdrive.plans.errors import PlanLimitExceeded, PlanRuleError
from talentdrive.plans.models import Drive, PlanOverride
from talentdrive.plans.services import PlanOverrideRequest
from talentdrive.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.offers.conftest import TODAY, accepted, draft, sent

pytestmark = pytest.mark.django_db


def _steps(offer: Offer) -> list[str]:
    return list(offer.approvals.order_by("position").values_list("approver", flat=True))


def test_full_chain_within_band_needs_the_hiring_manager_then_the_hr_head(world):
    # given a draft within the band (senior in Shanghai: 500,000–800,000)
    offer = draft(world)
    assert not offer.above_band
    # when
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    # then the chain is the seeded data: hiring manager, then HR head
    assert _steps(offer) == ["hiring_manager", "hr_head"]
    assert approvals_waiting_for(user=world.users["hiring_manager"]) == [offer]
    assert approvals_waiting_for(user=world.users["leadership"]) == []
    with pytest.raises(OfferRefused) as refused:
        offer_approve(offer_id=offer.pk, actor=world.users["leadership"])
    assert refused.value.code == "not_approver"
    offer_approve(offer_id=offer.pk, actor=world.users["hiring_manager"])
    assert approvals_waiting_for(user=world.users["leadership"]) == [offer]
    offer_approve(offer_id=offer.pk, actor=world.users["leadership"])
    offer.refresh_from_db()
    assert offer.status == OfferStatus.APPROVED
    # sending moves the application to the offer stage through the pipeline and fixes the letter
    offer_send(offer_id=offer.pk, actor=world.users["recruiter"])
    offer.refresh_from_db()
    world.application.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    assert world.application.stage == "offer"
    assert "李雷" in offer.letter_text and "600,000" in offer.letter_text
    actions = set(AuditEvent.objects.filter(target_type="offers.offer").values_list("action", flat=True))
    assert {
        AuditAction.OFFER_DRAFT,
        AuditAction.OFFER_SUBMIT,
        AuditAction.OFFER_APPROVE,
        AuditAction.OFFER_SEND,
    } <= actions


def test_above_band_needs_the_extra_approval(world):
    offer = draft(world, salary=900_000)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    assert offer.above_band
    assert _steps(offer) == ["hiring_manager", "hr_head", "administrator"]
    offer_approve(offer_id=offer.pk, actor=world.users["hiring_manager"])
    offer_approve(offer_id=offer.pk, actor=world.users["leadership"])
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PENDING_APPROVAL
    offer_approve(offer_id=offer.pk, actor=world.users["admin"])
    offer.refresh_from_db()
    assert offer.status == OfferStatus.APPROVED


def test_the_elite_programme_needs_the_extra_approval_too(world):
    world.requisition.programme_eligible = True
    world.requisition.save()
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    assert _steps(offer) == ["hiring_manager", "hr_head", "administrator"]


def test_the_chain_is_data_an_administrator_edits(world):
    ApprovalStep.objects.filter(approver="hr_head").update(active=False)
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    assert _steps(offer) == ["hiring_manager"]


def test_one_person_approves_one_step_only(world):
    world.requisition.hiring_manager = None
    world.requisition.save()
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    offer_approve(offer_id=offer.pk, actor=world.users["admin"])  # stands in for the missing manager
    with pytest.raises(OfferRefused) as refused:
        offer_approve(offer_id=offer.pk, actor=world.users["admin"])
    assert refused.value.code == "already_approved_a_step"


def test_below_band_and_missing_band_are_refused_and_nothing_is_written(world):
    with pytest.raises(OfferRefused) as refused:
        draft(world, salary=100_000)
    assert (refused.value.code, refused.value.field) == ("below_band", "salary")
    with pytest.raises(OfferRefused) as refused:
        draft(world, level="staff", city=world.requisition.plan_line.city, salary=1)
    assert refused.value.code == "below_band"
    from talentdrive.offers.models import SalaryBand

    SalaryBand.objects.filter(level="senior").delete()
    with pytest.raises(OfferRefused) as refused:
        draft(world)
    assert refused.value.code == "no_band"
    assert not Offer.objects.exists()


def test_a_rejected_approval_ends_the_offer_with_its_reason(world):
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])
    with pytest.raises(OfferRefused):
        offer_reject_approval(offer_id=offer.pk, actor=world.users["hiring_manager"], reason=" ")
    offer_reject_approval(offer_id=offer.pk, actor=world.users["hiring_manager"], reason="salary too high")
    offer.refresh_from_db()
    assert (offer.status, offer.reason) == (OfferStatus.NOT_APPROVED, "salary too high")
    draft(world)  # a new draft may follow


def test_drafting_is_for_the_requisitions_recruiters_and_hiring_manager(world):
    for key in ("other_recruiter", "interviewer", "leadership"):
        with pytest.raises(OfferRefused) as refused:
            draft(world, actor=world.users[key])
        assert refused.value.code == "not_allowed"
    draft(world, actor=world.users["hiring_manager"])


def test_an_offer_past_the_plan_line_target_is_refused(world):
    # given: the line's target is 3; two offers in progress and one hire use it up
    world.requisition.plan_line.target = 2
    world.requisition.plan_line.save()
    world.requisition.headcount = 3  # room on the requisition: the line is what binds
    world.requisition.save()
    draft(world)
    draft(world, world.applicant())
    # when / then
    with pytest.raises(PlanLimitExceeded):
        draft(world, world.applicant())
    assert Offer.objects.count() == 2


def test_an_administrator_overrides_the_plan_with_a_written_reason(world):
    world.requisition.plan_line.target = 1
    world.requisition.plan_line.save()
    draft(world)
    third = world.applicant()
    with pytest.raises(PlanRuleError) as refused:
        draft(world, third, override=PlanOverrideRequest(actor=world.users["recruiter"], reason="why not"))
    assert refused.value.code == "override_forbidden"
    with pytest.raises(PlanRuleError) as refused:
        draft(
            world,
            third,
            actor=world.users["admin"],
            override=PlanOverrideRequest(actor=world.users["admin"], reason=""),
        )
    assert refused.value.code == "override_reason_missing"
    offer = draft(
        world,
        third,
        actor=world.users["admin"],
        override=PlanOverrideRequest(actor=world.users["admin"], reason="key hire"),
    )
    assert offer.plan_override is not None and offer.plan_override.reason == "key hire"
    assert PlanOverride.objects.count() == 1


def _hired(drive, world) -> int:
    return drive_headlines(user=world.users["admin"], drives=Drive.objects.filter(pk=drive.pk))[
        drive.pk
    ].hired


def test_accepting_fills_a_headcount_and_the_last_one_closes_the_requisition(world, drive):
    before = _hired(drive, world)
    # when the first of two headcounts is accepted
    first = accepted(world)
    world.requisition.refresh_from_db()
    world.application.refresh_from_db()
    assert first.status == OfferStatus.ACCEPTED
    assert world.application.stage == "hired"
    assert world.requisition.status == "open"
    assert _hired(drive, world) == before + 1
    assert StageChange.objects.filter(application=world.application, to_stage="hired").exists()
    # and the second, the last headcount
    accepted(world, world.applicant())
    world.requisition.refresh_from_db()
    assert world.requisition.status == "filled"
    assert _hired(drive, world) == before + 2


def test_an_offer_accepted_when_the_headcount_is_full_is_refused_and_recorded(world):
    # given two sent offers, then the requisition's headcount lowered to one
    first, second = sent(world), sent(world, world.applicant())
    world.requisition.headcount = 1
    world.requisition.save()
    offer_accept(offer_id=first.pk, actor=CANDIDATE)
    # when
    with pytest.raises(OfferRefused) as refused:
        offer_accept(offer_id=second.pk, actor=CANDIDATE)
    # then: refused with a reason, recorded for the recruiter; the application did not move
    assert refused.value.code == "headcount_filled"
    second.refresh_from_db()
    assert second.status == OfferStatus.SENT
    assert second.accept_refused_code == "headcount_filled" and second.accept_refused_at is not None
    assert second.application.stage == "offer"
    assert AuditEvent.objects.filter(
        action=AuditAction.OFFER_ACCEPT_REFUSED, target_id=str(second.pk)
    ).exists()


def test_declining_needs_a_reason(world):
    offer = sent(world)
    with pytest.raises(OfferRefused):
        offer_decline(offer_id=offer.pk, actor=CANDIDATE, reason="")
    offer_decline(offer_id=offer.pk, actor=CANDIDATE, reason="another offer")
    offer.refresh_from_db()
    assert (offer.status, offer.reason) == (OfferStatus.DECLINED, "another offer")
    with pytest.raises(OfferRefused) as refused:
        offer_accept(offer_id=offer.pk, actor=CANDIDATE)
    assert refused.value.code == "wrong_status"


def test_expiry_closes_sent_offers_past_their_date(world):
    offer = sent(world)
    assert offers_expire_due(actor=system_actor("test"), today=offer.expires_on) == []
    assert offers_expire_due(actor=system_actor("test"), today=offer.expires_on + dt.timedelta(days=1)) == [
        offer.pk
    ]
    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED
    # and a second run changes nothing
    assert offers_expire_due(actor=system_actor("test"), today=offer.expires_on + dt.timedelta(days=2)) == []


def test_an_offer_past_its_date_cannot_be_accepted(world, monkeypatch):
    offer = sent(world)
    monkeypatch.setattr(
        "talentdrive.offers.acceptance.shanghai_today", lambda: offer.expires_on + dt.timedelta(days=1)
    )
    with pytest.raises(OfferRefused) as refused:
        offer_accept(offer_id=offer.pk, actor=CANDIDATE)
    assert refused.value.code == "expired"


def test_rescinding_needs_a_reason_and_the_right_person(world):
    offer = sent(world)
    with pytest.raises(OfferRefused):
        offer_rescind(offer_id=offer.pk, actor=world.users["leadership"], reason="budget")
    offer_rescind(offer_id=offer.pk, actor=world.users["recruiter"], reason="budget")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.RESCINDED
    with pytest.raises(OfferRefused):
        offer_accept(offer_id=offer.pk, actor=CANDIDATE)


def test_webhooks_tell_of_approval_sending_accepting_and_declining(world):
    WebhookEndpoint.objects.create(url="https://hooks.example.test/in", event_types=[])
    offer = accepted(world)
    other = sent(world, world.applicant())
    offer_decline(offer_id=other.pk, actor=CANDIDATE, reason="stays")
    events = list(
        WebhookDelivery.objects.filter(payload__offer_id=offer.pk).values_list("event_type", flat=True)
    )
    assert {"offer.approved", "offer.sent", "offer.accepted"} <= set(events)
    assert WebhookDelivery.objects.filter(event_type="offer.declined", payload__offer_id=other.pk).exists()
    assert TODAY  # the frozen day the chain ran on


@pytest.mark.django_db
def test_sending_emails_the_candidate_in_their_language_with_the_link_to_the_letter(
    world, settings, django_capture_on_commit_callbacks, mailoutbox
):
    settings.TALENTDRIVE_PORTAL_URL = "https://jobs.example.test"
    with django_capture_on_commit_callbacks(execute=True):
        offer = sent(world)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [world.application.candidate.email]
    assert message.subject == f"{world.requisition.title_zh}职位录用通知"
    assert "李雷，您好" in message.body
    assert "https://jobs.example.test/zh-hans/status/" in message.body
    email = CandidateEmail.objects.get(application=world.application)
    assert (email.status, email.template.code) == ("sent", "offer_sent")
    assert offer.status == OfferStatus.SENT


@pytest.mark.django_db
def test_an_administrator_turns_the_offer_email_off_by_retiring_its_template(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    EmailTemplate.objects.filter(code="offer_sent").update(active=False)
    with django_capture_on_commit_callbacks(execute=True):
        sent(world)
    assert mailoutbox == []


def test_no_offer_beyond_the_requisitions_headcount_nor_on_a_requisition_not_open(world):
    # given a requisition of headcount 2 with two offers in progress
    draft(world)
    draft(world, world.applicant())
    # when a third is drafted, then it is refused: a candidate would hold an offer they could not accept
    with pytest.raises(OfferRefused) as refused:
        draft(world, world.applicant())
    assert refused.value.code == "requisition_covered"
    with translation.override("en"):
        assert "headcount of 2" in str(refused.value.message)
    # and a paused requisition takes no new offer even with room
    world.requisition.headcount = 5
    world.requisition.status = "paused"
    world.requisition.save()
    with pytest.raises(OfferRefused) as refused:
        draft(world, world.applicant())
    assert refused.value.code == "requisition_not_open_for_offers"
    assert Offer.objects.count() == 2
