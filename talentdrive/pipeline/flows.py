"""The flow each requisition's applications follow: the drive's stages for its channel, or the defaults.

Reads only. A drive without stages of its own for a channel uses the shipped default flow
(``pipeline/core/flow.py``); administrators write their own with ``stage_flow_install`` and then rename,
reorder or add stages in the admin. The experienced flow leaves out technical rounds beyond the
requisition's ``technical_rounds``; the elite programme's requisitions get the committee review.
"""

from __future__ import annotations

from typing import Any

from talentdrive.pipeline.core import flow as flows
from talentdrive.pipeline.models import StageDefinition, StageMove


def flow_for(*, drive_id: int, channel: str, programme: bool, technical_rounds: int) -> flows.Flow:
    rows = list(
        StageDefinition.objects.filter(drive_id=drive_id, channel=channel, programme=programme).order_by(
            "position"
        )
    )
    if not rows:
        shipped = flows.default_flow(channel=channel, technical_rounds=technical_rounds, programme=programme)
        return flows.without_rounds_beyond(shipped, technical_rounds)
    stages = tuple(flows.StageSpec(row.code, row.kind, row.name_en, row.name_zh) for row in rows)
    moves = frozenset(
        StageMove.objects.filter(drive_id=drive_id, channel=channel, programme=programme).values_list(
            "from_code", "to_code"
        )
    )
    return flows.without_rounds_beyond(flows.Flow(stages=stages, moves=moves), technical_rounds)


def flow_for_requisition(requisition: Any) -> flows.Flow:
    return flow_for(
        drive_id=requisition.drive_id,
        channel=requisition.plan_line.channel,
        programme=requisition.programme_eligible,
        technical_rounds=requisition.technical_rounds,
    )


class FlowCache:
    """Flows read once per drive, channel and variant: a page listing many applications asks for
    each one's flow without a query per application."""

    def __init__(self) -> None:
        self._flows: dict[tuple[int, str, bool, int], flows.Flow] = {}

    def __call__(self, requisition: Any) -> flows.Flow:
        key = (
            requisition.drive_id,
            requisition.plan_line.channel,
            requisition.programme_eligible,
            requisition.technical_rounds,
        )
        if key not in self._flows:
            self._flows[key] = flow_for_requisition(requisition)
        return self._flows[key]
