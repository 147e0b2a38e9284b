"""Two recruiters move the same application at once, on PostgreSQL: one wins, the other is told."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from talentdrive.pipeline.errors import ApplicationConflict
from talentdrive.pipeline.models import StageChange
from talentdrive.pipeline.moves import application_move
from tests.factories import make_application, make_requisition, make_staff, reseed_reference_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_moves_from_the_same_page_one_succeeds_one_conflicts(drive, team):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every writer anyway")
    reseed_reference_data()
    # given: two recruiters looking at the application at version 0
    first, second = make_staff(username="r1", teams=[team]), make_staff(username="r2", teams=[team])
    requisition = make_requisition(drive=drive, team=team, channel="campus", area="agents")
    application = make_application(requisition=requisition)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def act(name, user, target):
        try:
            barrier.wait()
            results[name] = application_move(
                application_id=application.pk, to_stage=target, actor=user, expected_version=0
            )
        except Exception as error:  # asserted on below
            results[name] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=act, args=("a", first, "online_assessment")),
        threading.Thread(target=act, args=("b", second, "online_assessment")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then: exactly one move happened; the other caller got a conflict naming the new stage
    conflicts = [r for r in results.values() if isinstance(r, ApplicationConflict)]
    assert len(conflicts) == 1, results
    assert "Online assessment" in str(conflicts[0].message)
    assert StageChange.objects.filter(application=application).count() == 1
    application.refresh_from_db()
    assert (application.stage, application.version) == ("online_assessment", 1)
