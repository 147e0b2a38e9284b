from __future__ import annotations

import pytest

from tests.pipeline.factories import make_requisition, reseed_after


@pytest.fixture
def requisition(drive, team):
    return make_requisition(drive=drive, team=team)


@pytest.fixture
def campus_requisitions(drive, team):
    return [
        make_requisition(
            drive=drive,
            team=team,
            channel="campus",
            area="multimodal-understanding",
            city="guangzhou",
            external_id=f"CAMPUS-{n}",
            title_en=f"Multimodal algorithm engineer (campus) {n}",
            title_zh=f"多模态算法工程师（校招）{n}",
            level="graduate",
        )
        for n in range(4)
    ]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # After a transactional test's flush, so later tests on this worker still find the seeded data.
    yield
    if nextitem is not None:  # after the last test the test database is already gone
        reseed_after(item)
