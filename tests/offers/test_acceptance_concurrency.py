"""Two candidates accept offers for the last headcount at once, on PostgreSQL: one fills it, the other
is refused with a reason, and the refusal is recorded on the offer for the recruiter."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from talentdrive.audit.actors import CANDIDATE
from talentdrive.offers.acceptance import offer_accept
from talentdrive.offers.errors import OfferRefused
from talentdrive.offers.models import Offer, OfferStatus
from talentdrive.pipeline.models import Application
from tests.factories import reseed_reference_data
from tests.offers.conftest import sent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reseeded():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every writer anyway")
    reseed_reference_data()


def test_two_acceptances_for_the_last_headcount_one_fills_it_one_is_refused(reseeded, world):
    # given: two sent offers, then the requisition's headcount lowered to one
    offers = [sent(world), sent(world, world.applicant())]
    world.requisition.headcount = 1
    world.requisition.save()
    barrier = threading.Barrier(2)
    results: dict[int, object] = {}

    def accept(offer_id: int) -> None:
        try:
            barrier.wait()
            results[offer_id] = offer_accept(offer_id=offer_id, actor=CANDIDATE)
        except Exception as error:  # asserted on below
            results[offer_id] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(offer.pk,)) for offer in offers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then
    refusals = [r for r in results.values() if isinstance(r, OfferRefused)]
    assert len(refusals) == 1, results
    assert refusals[0].code == "headcount_filled"
    assert Offer.objects.filter(status=OfferStatus.ACCEPTED).count() == 1
    refused = Offer.objects.get(status=OfferStatus.SENT)
    assert refused.accept_refused_code == "headcount_filled"
    assert Application.objects.filter(requisition=world.requisition, stage="hired").count() == 1
    world.requisition.refresh_from_db()
    assert world.requisition.status == "filled"
