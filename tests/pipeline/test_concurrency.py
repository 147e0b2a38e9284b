"""Concurrent submissions on PostgreSQL: real transactions in parallel threads."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from talentdrive.pipeline.models import Application
from talentdrive.pipeline.services import application_submit
from tests.actors import TEST_ACTOR
from tests.factories import applicant, make_requisition, reseed_reference_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _in_parallel(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(n: int) -> None:
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:  # collected and asserted on below
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    # An earlier transactional test on this worker may have flushed the seeded cities and areas.
    reseed_reference_data()


@pytest.fixture
def open_requisition(drive, team):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every writer anyway")
    return make_requisition(drive=drive, team=team)


def test_same_key_from_parallel_requests_creates_one_application(open_requisition):
    results = _in_parallel(
        6,
        lambda n: application_submit(
            requisition_id=open_requisition.pk,
            applicant=applicant(),
            resume=None,
            idempotency_key="double-click",
            actor=TEST_ACTOR,
        ),
    )
    assert all(not isinstance(r, Exception) for r in results), results
    assert len({r.application.pk for r in results}) == 1
    assert sum(r.created for r in results) == 1
    assert Application.objects.count() == 1


def test_same_person_different_keys_in_parallel_creates_one_application(open_requisition):
    results = _in_parallel(
        4,
        lambda n: application_submit(
            requisition_id=open_requisition.pk,
            applicant=applicant(),
            resume=None,
            idempotency_key=f"k{n}",
            actor=TEST_ACTOR,
        ),
    )
    assert all(not isinstance(r, Exception) for r in results), results
    assert len({r.application.pk for r in results}) == 1
    assert Application.objects.count() == 1
