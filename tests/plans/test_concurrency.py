"""Two real transactions race for the last headcount of one plan line; exactly one may win."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from talentdrive.plans.models import Requisition
from talentdrive.plans.services import PlanLimitExceeded, requisition_create
from tests.actors import TEST_ACTOR

# serialized_rollback restores the cities and focus areas the migrations seed, which a flush removes.
pytestmark = pytest.mark.django_db(transaction=True)


def _race_for_the_last_seat(plan_line) -> dict[str, object]:
    """Commit 2 of the line's target of 3, then let two threads each try to open one more at once.
    Returns each thread's outcome: "created" or the exception it raised."""
    requisition_create(
        plan_line=plan_line,
        external_id="R-0",
        title_zh="甲",
        title_en="A",
        headcount=2,
        status="open",
        actor=TEST_ACTOR,
    )
    barrier = threading.Barrier(2, timeout=30)
    outcomes: dict[str, object] = {}

    def create(external_id: str) -> None:
        try:
            barrier.wait()  # both threads start their transactions together
            requisition_create(
                plan_line=plan_line,
                external_id=external_id,
                title_zh="乙",
                title_en="B",
                headcount=1,
                status="open",
                actor=TEST_ACTOR,
            )
            outcomes[external_id] = "created"
        except Exception as error:  # collected and asserted by the caller
            outcomes[external_id] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(f"R-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_concurrent_creations_cannot_both_pass_the_limit(plan_line):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite serialises whole-database writes, so the race this guards cannot happen there"
        )
    # given a line with target 3 and 2 already committed, so only one more fits
    # when two transactions race for it
    outcomes = _race_for_the_last_seat(plan_line)
    # then
    assert sorted(type(o).__name__ if not isinstance(o, str) else o for o in outcomes.values()) == [
        "PlanLimitExceeded",
        "created",
    ]
    assert sum(isinstance(o, PlanLimitExceeded) for o in outcomes.values()) == 1
    assert Requisition.objects.filter(plan_line=plan_line).count() == 2
    assert sum(Requisition.objects.filter(plan_line=plan_line).values_list("headcount", flat=True)) == 3


def test_concurrent_creations_on_sqlite_queue_behind_the_write_lock(plan_line):
    """On SQLite the IMMEDIATE transaction mode makes the second writer wait, then see the first's row."""
    if (
        connection.vendor != "sqlite"
        or connection.settings_dict["NAME"] in ("", ":memory:")
        or ("mode=memory" in str(connection.settings_dict["NAME"]))
    ):
        pytest.skip("needs a file-backed SQLite database shared by threads")
    outcomes = list(_race_for_the_last_seat(plan_line).values())
    assert outcomes.count("created") == 1
    assert sum(isinstance(o, PlanLimitExceeded) for o in outcomes) == 1
    assert Requisition.objects.filter(plan_line=plan_line).count() == 2
