"""The demo applications' histories, made by the pipeline's own services.

Every application starts in its flow's first stage; each step to where the funnel placed it is an
``application_move`` (then ``application_reject`` or ``application_withdraw_on_behalf`` for the closed
ones), by the demo's system actor, so each has its timeline rows, audit events and integration events
exactly as a recruiter's moves would give it. The services stamp the moves with the time of the load;
the history is then spread back over the days the funnel gave each application, so the timeline and
the time-in-stage figures read like a drive under way.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta

from django.utils import timezone

from talentdrive.demo.people.funnel import Placement
from talentdrive.demo.users import DEMO
from talentdrive.pipeline.core.flow import CLOSED_KINDS, Flow, kind_of_code
from talentdrive.pipeline.flows import FlowCache
from talentdrive.pipeline.models import Application, RejectionReason, Stage, StageChange
from talentdrive.pipeline.moves import application_move, application_reject, application_withdraw_on_behalf
from talentdrive.plans.models import Requisition

# The funnel's coarse stages, as the stage codes of each channel's shipped flow.
FLOW_STAGE = {
    "campus": {
        "screening": "online_assessment",
        "assessment": "online_assessment",
        "interview": "technical_1",
    },
    "experienced": {"screening": "resume_screen", "assessment": "technical_1", "interview": "technical_2"},
}
# Why the demo's rejections happened, by how far the application had got (index in the open path).
REASONS_BY_DEPTH = (("skills", "experience", "education"), ("skills", "assessment"), ("interview",))
WITHDRAWAL_NOTES = (
    "The candidate wrote that they accepted another offer.",
    "The candidate called to say they are staying with their current employer.",
    "候选人邮件告知已接受其他机会。",
)
# How long an application stays at a stage before it moves on, in days (low, high): screening is
# quick, interviews take longer to arrange.
DAYS_AT = {"received": (1, 6), "review": (2, 9), "interview": (4, 15), "committee": (5, 12), "offer": (3, 10)}


def _open_path(flow: Flow) -> list[str]:
    return [stage.code for stage in flow.stages if stage.kind not in CLOSED_KINDS]


def _steps(flow: Flow, channel: str, stage: str, rng: random.Random) -> tuple[list[str], str]:
    """The stages to move through after the first one, and how it closes ('' when it stays open)."""
    path = _open_path(flow)
    if stage in (Stage.REJECTED, Stage.WITHDRAWN):
        # Most closings come early: at the first stage, at screening, rarely after interviews.
        depth = min(len(path) - 2, int(rng.choices((0, 1, 2, 3), weights=(45, 30, 15, 10))[0]))
        return path[1 : depth + 1], stage
    target = FLOW_STAGE[channel].get(stage, stage)
    if target not in path:
        return [], ""
    return path[1 : path.index(target) + 1], ""


def _reason(
    reasons: dict[str, RejectionReason], depth: int, filled: bool, rng: random.Random
) -> RejectionReason:
    if filled:
        return reasons["position_filled"]
    codes = REASONS_BY_DEPTH[min(depth, len(REASONS_BY_DEPTH) - 1)]
    return reasons[rng.choice(codes)]


def applications_walk(
    applications: Sequence[Application], placements: Sequence[Placement], *, full: Sequence[int], seed: int
) -> None:
    """Move each application (created in its flow's first stage) to its placement through the services,
    then date its history back over the days the placement gives it."""
    rng = random.Random(seed)
    reasons = {reason.code: reason for reason in RejectionReason.objects.all()}
    requisitions = Requisition.objects.select_related("plan_line").in_bulk(
        {placement.requisition for placement in placements}
    )
    flows = FlowCache()
    filled = set(full)
    for application, placement in zip(applications, placements, strict=True):
        requisition = requisitions[placement.requisition]
        channel = requisition.plan_line.channel
        steps, closing = _steps(flows(requisition), channel, placement.stage, rng)
        for code in steps:
            application_move(application_id=application.pk, to_stage=code, actor=DEMO, expected_version=None)
        if closing == Stage.REJECTED:
            reason = _reason(reasons, len(steps), placement.requisition in filled, rng)
            application_reject(
                application_id=application.pk, reason=reason, actor=DEMO, expected_version=None
            )
        elif closing == Stage.WITHDRAWN:
            note = rng.choice(WITHDRAWAL_NOTES)
            application_withdraw_on_behalf(
                application_id=application.pk, actor=DEMO, expected_version=None, note=note
            )
    _date_back(applications, placements, rng)


def _date_back(
    applications: Sequence[Application], placements: Sequence[Placement], rng: random.Random
) -> None:
    """Each application reached its stage ``placement.days_ago`` days ago; before that it spent a few
    days (``DAYS_AT``, by the kind of stage it left) at each stage it passed through."""
    now = timezone.now()
    changes: dict[int, list[StageChange]] = defaultdict(list)
    ids = [application.pk for application in applications]
    for change in StageChange.objects.filter(application_id__in=ids).order_by("pk"):
        changes[change.application_id].append(change)
    fresh = Application.objects.in_bulk(ids)
    dated_changes, dated_applications = [], []
    for placement, application in zip(placements, (fresh[pk] for pk in ids), strict=True):
        moves = changes[application.pk]
        reached = now - timedelta(days=placement.days_ago, hours=application.pk % 9)
        stays = [
            timedelta(hours=rng.uniform(*DAYS_AT.get(kind_of_code(c.from_stage), (1, 7))) * 24) for c in moves
        ]
        applied = reached - sum(stays, timedelta(0))
        moment = applied
        for change, stay in zip(moves, stays, strict=True):
            moment += stay
            change.created_at = moment
            dated_changes.append(change)
        application.created_at, application.stage_changed_at = applied, reached
        if application.withdrawn_at is not None:
            application.withdrawn_at = reached
        dated_applications.append(application)
    StageChange.objects.bulk_update(dated_changes, ["created_at"], batch_size=500)
    Application.objects.bulk_update(
        dated_applications, ["created_at", "stage_changed_at", "withdrawn_at"], batch_size=500
    )
