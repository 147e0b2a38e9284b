from __future__ import annotations

import datetime as dt

from talentdrive.plans.models import Drive
from talentdrive.plans.selectors import drive_list
from talentdrive.plans.services import requisition_create
from tests.actors import TEST_ACTOR


def test_the_drive_with_open_requisitions_comes_first(plan_line):
    # given a newer drive with nothing open (an imported example plan, say)
    Drive.objects.create(
        code="example-2027",
        name_zh="示例",
        name_en="Example",
        total_target=60,
        starts_on=dt.date(2027, 1, 1),
        ends_on=dt.date(2027, 12, 31),
    )
    assert [drive.code for drive in drive_list()] == ["example-2027", "ai-2026"]
    # when the older drive has an open requisition
    requisition_create(
        plan_line=plan_line, external_id="R-1", title_zh="甲", title_en="A", status="open", actor=TEST_ACTOR
    )
    # then it leads
    assert [drive.code for drive in drive_list()] == ["ai-2026", "example-2027"]
