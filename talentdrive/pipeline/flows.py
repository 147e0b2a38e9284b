"""The flow each requisition's applications follow: the drive's stages for its channel, or the defaults.

Reads only. A drive without stages of its own for a channel uses the shipped default flow
(``pipeline/core/flow.py``); administrators write their own with ``stage_flow_install`` (``manage.py stage_flow_install``) and then rename,
reorder or add stages in the admin. The experienced flow leaves out technical rounds beyond the
requisition's ``technical_rounds``; the elite programme's requisitions get the committee review.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from talentdrive.pipeline.core import flow as flows
from talentdrive.pipeline.models import StageDefinition, StageMove


def _build(
    rows: list[StageDefinition],
    moves: Iterable[tuple[str, str]],
    *,
    channel: str,
    programme: bool,
    technical_rounds: int,
) -> flows.Flow:
    if not rows:
        shipped = flows.default_flow(channel=channel, technical_rounds=technical_rounds, programme=programme)
        return flows.without_rounds_beyond(shipped, technical_rounds)
    stages = tuple(flows.StageSpec(row.code, row.kind, row.name_en, row.name_zh) for row in rows)
    return flows.without_rounds_beyond(flows.Flow(stages=stages, moves=frozenset(moves)), technical_rounds)


def flow_for(*, drive_id: int, channel: str, programme: bool, technical_rounds: int) -> flows.Flow:
    rows = list(
        StageDefinition.objects.filter(drive_id=drive_id, channel=channel, programme=programme).order_by(
            "position"
        )
    )
    moves: Iterable[tuple[str, str]] = ()
    if rows:
        moves = StageMove.objects.filter(drive_id=drive_id, channel=channel, programme=programme).values_list(
            "from_code", "to_code"
        )
    return _build(rows, moves, channel=channel, programme=programme, technical_rounds=technical_rounds)


def flow_for_requisition(requisition: Any) -> flows.Flow:
    return flow_for(
        drive_id=requisition.drive_id,
        channel=requisition.plan_line.channel,
        programme=requisition.programme_eligible,
        technical_rounds=requisition.technical_rounds,
    )


def flows_for_requisitions(requisitions: Iterable[Any]) -> dict[int, flows.Flow]:
    """``flow_for_requisition`` of many requisitions (with ``plan_line`` loaded) in two queries, by pk:
    for a page of applications, whatever number of drives and channels they span."""
    requisitions = {requisition.pk: requisition for requisition in requisitions}
    drive_ids = {requisition.drive_id for requisition in requisitions.values()}
    if not drive_ids:
        return {}
    rows: dict[tuple[int, str, bool], list[StageDefinition]] = defaultdict(list)
    for row in StageDefinition.objects.filter(drive_id__in=drive_ids).order_by("position", "pk"):
        rows[(row.drive_id, row.channel, row.programme)].append(row)
    moves: dict[tuple[int, str, bool], list[tuple[str, str]]] = defaultdict(list)
    # Drives without stages of their own follow the shipped flows, whose moves are not rows.
    for drive_id, channel, programme, source, target in StageMove.objects.filter(
        drive_id__in={drive_id for drive_id, _, _ in rows}
    ).values_list("drive_id", "channel", "programme", "from_code", "to_code"):
        moves[(drive_id, channel, programme)].append((source, target))
    built: dict[tuple[int, str, bool, int], flows.Flow] = {}
    result: dict[int, flows.Flow] = {}
    for pk, requisition in requisitions.items():
        key = (requisition.drive_id, requisition.plan_line.channel, requisition.programme_eligible)
        if (*key, requisition.technical_rounds) not in built:
            built[(*key, requisition.technical_rounds)] = _build(
                rows.get(key, []),
                moves.get(key, []),
                channel=key[1],
                programme=key[2],
                technical_rounds=requisition.technical_rounds,
            )
        result[pk] = built[(*key, requisition.technical_rounds)]
    return result
