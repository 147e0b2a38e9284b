"""Batch offers: one package for several applicants of a requisition, within the plan line's remaining
headcount, all or none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.offers.batch import OfferTerms, offers_draft_batch, plan_line_remaining
from talentdrive.offers.errors import OfferBatchRefused
from talentdrive.offers.models import Offer, OfferStatus
from tests.factories import make_application, make_requisition, seeded_city
from tests.offers.conftest import TODAY, draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Refusals read in the active language; these tests read them in English."""
    with translation.override("en"):
        yield


def _terms(**overrides) -> OfferTerms:
    values = {
        "level": "senior",
        "salary": 600_000,
        "start_date": TODAY + dt.timedelta(days=60),
        "city": seeded_city("shanghai"),
        "expires_on": TODAY + dt.timedelta(days=14),
        "sign_on_bonus": 20_000,
    }
    values.update(overrides)
    return OfferTerms(**values)


def _batch(world, ids, **kwargs):
    kwargs.setdefault("terms", _terms())
    kwargs.setdefault("actor", world.users["recruiter"])
    return offers_draft_batch(requisition_id=world.requisition.pk, application_ids=ids, **kwargs)


def test_a_batch_drafts_and_submits_one_offer_each_within_the_remaining_headcount(world):
    second = world.applicant()
    assert plan_line_remaining(plan_line=world.requisition.plan_line) == 3
    offers = _batch(world, [world.application.pk, second.pk], submit=True, salaries={second.pk: 650_000})
    assert [o.application_id for o in offers] == [world.application.pk, second.pk]
    assert {o.status for o in offers} == {OfferStatus.PENDING_APPROVAL}
    assert [o.salary for o in offers] == [600_000, 650_000]
    assert all(o.approvals.count() >= 2 for o in offers)
    assert plan_line_remaining(plan_line=world.requisition.plan_line) == 1
    # every offer has its own audit trail, and the batch one event naming them
    assert AuditEvent.objects.filter(action=AuditAction.OFFER_DRAFT).count() == 2
    batch_event = AuditEvent.objects.get(action=AuditAction.OFFER_BATCH_DRAFT)
    assert batch_event.data["offers"] == [o.pk for o in offers]


def test_a_batch_larger_than_the_remaining_headcount_is_refused_whole(world):
    world.requisition.headcount = 4  # room on the requisition: the plan line is what binds
    world.requisition.save()
    draft(world)  # one offer in progress: 2 of 3 left
    others = [world.applicant() for _ in range(3)]
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [a.pk for a in others])
    assert refused.value.code == "over_plan"
    assert refused.value.params["selected"] == 3 and refused.value.params["remaining"] == 2
    assert "Applicants selected: 3" in str(refused.value.message)
    assert Offer.objects.count() == 1
    assert not AuditEvent.objects.filter(action=AuditAction.OFFER_BATCH_DRAFT).exists()


def test_one_refused_applicant_refuses_the_batch_and_says_who_and_why(world):
    world.requisition.headcount = 3
    world.requisition.save()
    second = world.applicant()
    closed = make_application(requisition=world.requisition, stage="rejected")
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [world.application.pk, second.pk, closed.pk], salaries={second.pk: 100_000})
    assert refused.value.code == "rows_refused"
    rows = {row.application_id: row.message for row in refused.value.rows}
    assert set(rows) == {second.pk, closed.pk}
    assert "minimum" in rows[second.pk]
    assert "no longer active" in rows[closed.pk]
    # nothing of the batch was kept, not even the offer that alone would have passed
    assert not Offer.objects.exists()


def test_applications_of_another_requisition_and_empty_selections_are_refused(world, plan_line, staff):
    elsewhere = make_application(
        requisition=make_requisition(
            plan_line=plan_line, external_id="R-ELSE", recruiters=[staff["recruiter"]]
        ),
        stage="hr_interview",
    )
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [world.application.pk, elsewhere.pk])
    assert refused.value.code == "not_this_requisition"
    assert str(elsewhere.pk) in str(refused.value.message)
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [])
    assert refused.value.code == "nothing_selected"
    assert not Offer.objects.exists()


@pytest.mark.parametrize("who", ["other_recruiter", "interviewer", "leadership"])
def test_only_who_may_draft_each_offer_may_draft_the_batch(world, who):
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [world.application.pk], actor=world.users[who])
    assert refused.value.code == "not_allowed"
    assert not Offer.objects.exists()


def test_the_same_applicant_twice_is_one_offer(world):
    offers = _batch(world, [world.application.pk, world.application.pk])
    assert len(offers) == 1


def test_a_salary_no_database_column_could_hold_is_a_row_refusal_not_a_crash(world):
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [world.application.pk], salaries={world.application.pk: 99_999_999_999})
    assert refused.value.code == "rows_refused"
    assert "at most 100,000,000 CNY" in str(refused.value.rows[0].message)
    assert not Offer.objects.exists()


def test_a_batch_beyond_the_requisitions_headcount_or_on_a_paused_one_is_refused(world):
    # given a requisition of headcount 2 with one offer in progress (the plan line has room for 2 more)
    draft(world)
    others = [world.applicant() for _ in range(2)]
    # when two more are selected, then the requisition's own headcount refuses them
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [a.pk for a in others])
    assert refused.value.code == "over_headcount"
    with translation.override("en"):
        assert "room for 1 more offers" in str(refused.value.message) and "R-OFFER" in str(
            refused.value.message
        )
    # and a paused requisition takes no offer at all
    world.requisition.status = "paused"
    world.requisition.save()
    with pytest.raises(OfferBatchRefused) as refused:
        _batch(world, [others[0].pk])
    assert refused.value.code == "not_open"
    with translation.override("en"):
        assert "Paused" in str(refused.value.message)
    assert Offer.objects.count() == 1
