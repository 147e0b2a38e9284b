"""Give a drive its own copy of a channel's flow, for administrators to rename, reorder and extend.

Until a drive has stage rows for a channel, its applications follow the shipped flow
(``pipeline/core/flow.py``). ``stage_flow_install`` writes that flow as ``StageDefinition`` and
``StageMove`` rows (with the most technical rounds a requisition may ask for; each requisition still
leaves out the rounds beyond its own ``technical_rounds``), after which the admin edits them.
"""

from __future__ import annotations

from django.db import transaction

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.pipeline.core import flow as flows
from talentdrive.pipeline.models import StageDefinition, StageMove
from talentdrive.plans.models import Drive

MAX_TECHNICAL_ROUNDS = 4
POSITION_STEP = 10  # room to slot a stage in between without renumbering


class FlowAlreadyInstalled(Exception):
    """The drive already has its own stages for this channel; they are edited, not installed again."""


@transaction.atomic
def stage_flow_install(*, drive: Drive, channel: str, programme: bool, actor: Actor) -> list[StageDefinition]:
    """Write the shipped flow of ``channel`` (and the programme variant) as the drive's own rows."""
    existing = StageDefinition.objects.select_for_update().filter(
        drive=drive, channel=channel, programme=programme
    )
    if existing.exists():
        raise FlowAlreadyInstalled(
            f"drive {drive.code} already has its own {channel}{' programme' if programme else ''} stages"
        )
    shipped = flows.default_flow(channel=channel, technical_rounds=MAX_TECHNICAL_ROUNDS, programme=programme)
    rows = StageDefinition.objects.bulk_create(
        StageDefinition(
            drive=drive,
            channel=channel,
            programme=programme,
            code=stage.code,
            kind=stage.kind,
            position=(index + 1) * POSITION_STEP,
            name_en=stage.name_en,
            name_zh=stage.name_zh,
        )
        for index, stage in enumerate(shipped.stages)
    )
    StageMove.objects.bulk_create(
        StageMove(drive=drive, channel=channel, programme=programme, from_code=source, to_code=target)
        for source, target in sorted(shipped.moves)
    )
    audit_record(
        actor=actor,
        action=AuditAction.STAGE_FLOW_INSTALL,
        target=drive,
        data={"channel": channel, "programme": programme, "stages": len(rows), "moves": len(shipped.moves)},
    )
    return rows
