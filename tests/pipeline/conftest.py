from __future__ import annotations

import pytest

from tests.factories import make_requisition


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
