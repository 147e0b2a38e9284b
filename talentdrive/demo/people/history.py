"""The demo applications' histories, made by the pipeline's own services.

Every application starts in its flow's first stage; each step to where the funnel placed it is an
``application_move`` (then ``application_reject`` or ``application_withdraw_on_behalf`` for the closed
ones), by the demo's system actor, so each has its timeline rows, audit events and integration events
exactly as a recruiter's moves would give it. The services stamp the moves with the time of the load;
each application's timeline (when it arrived and made each move, over the days the funnel gave it) is
drawn before it moves, and the history is dated back to it afterwards, so the timeline and the
time-in-stage figures read like a drive under way.

Offers and hires go through the offers app (``offers.py``): the walk stops short of the offer stage,
and sending the approved offer moves the application there; accepting it moves a hire to hired, so
the drive's hires are its accepted offers. Before an application leaves an interview stage it has
its interview there, at a time inside its stay by the timeline, and the scorecard (``interviews.py``).

Nobody is emailed: no move names an email template, offers are not emailed, and the calendar
invitations ``interview_schedule`` owes are deleted before the load commits (``_invitations_drop``),
so the send task that runs after the commit finds nothing to send.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from talentdrive.demo.people.audit_dates import audit_date_back
from talentdrive.demo.people.funnel import Placement
from talentdrive.demo.people.interviews import InterviewDesk
from talentdrive.demo.people.offers import OfferWanted, offers_date_back, offers_make
from talentdrive.demo.users import DEMO
from talentdrive.hiring.closing import application_reject, application_withdraw_on_behalf
from talentdrive.interviews.models import InterviewInvitation
from talentdrive.pipeline.core.flow import CLOSED_KINDS, INTERVIEW, Flow, kind_of_code
from talentdrive.pipeline.flows import flows_for_requisitions
from talentdrive.pipeline.models import Application, RejectionReason, Stage, StageChange
from talentdrive.pipeline.moves import application_move
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
    """The stages to move through after the first one, and how it ends: rejected, withdrawn, with an
    offer (sent, or accepted for a hire), or '' when it stays where the moves leave it."""
    path = _open_path(flow)
    if stage in (Stage.REJECTED, Stage.WITHDRAWN):
        # Most closings come early: at the first stage, at screening, rarely after interviews.
        depth = min(len(path) - 2, int(rng.choices((0, 1, 2, 3), weights=(45, 30, 15, 10))[0]))
        return path[1 : depth + 1], stage
    if stage in (Stage.OFFER, Stage.HIRED):
        # Sending the offer makes the last step (offers.py).
        return path[1 : path.index(Stage.OFFER)], stage
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


@dataclass(frozen=True)
class Timeline:
    """When an application arrived and when each of its moves happened, oldest first."""

    applied: datetime
    moves: tuple[datetime, ...]


def _timeline(
    placement: Placement, left: Sequence[str], pk: int, now: datetime, rng: random.Random
) -> Timeline:
    """It reached its stage ``placement.days_ago`` days ago; before that it spent a few days
    (``DAYS_AT``, by the kind of stage it left) at each stage it passed through."""
    reached = now - timedelta(days=placement.days_ago, hours=pk % 9)
    stays = [timedelta(hours=rng.uniform(*DAYS_AT.get(kind_of_code(code), (1, 7))) * 24) for code in left]
    moment = reached - sum(stays, timedelta(0))
    applied, moves = moment, []
    for stay in stays:
        moment += stay
        moves.append(moment)
    return Timeline(applied, tuple(moves))


def applications_walk(
    applications: Sequence[Application], placements: Sequence[Placement], *, full: Sequence[int], seed: int
) -> None:
    """Move each application (created in its flow's first stage) to its placement through the services,
    holding an interview (and its scorecard) at each interview stage it leaves, then date its history
    back over the days the placement gives it."""
    rng = random.Random(seed)
    reasons = {reason.code: reason for reason in RejectionReason.objects.all()}
    requisitions = Requisition.objects.select_related("plan_line__team", "hiring_manager").in_bulk(
        {placement.requisition for placement in placements}
    )
    flows = flows_for_requisitions(requisitions.values())
    filled = set(full)
    offers: list[OfferWanted] = []
    timelines: dict[int, Timeline] = {}
    interviews = InterviewDesk(requisitions.values(), rng=rng)
    now = timezone.now()
    for application, placement in zip(applications, placements, strict=True):
        requisition = requisitions[placement.requisition]
        channel = requisition.plan_line.channel
        flow = flows[requisition.pk]
        steps, closing = _steps(flow, channel, placement.stage, rng)
        codes = [flow.stages[0].code, *steps]
        # The stages each move leaves: every step, then the closing, the offer and the hire.
        left = (
            codes[:-1] + ([codes[-1]] if closing else []) + ([Stage.OFFER] if closing == Stage.HIRED else [])
        )
        timeline = timelines[application.pk] = _timeline(placement, left, application.pk, now, rng)
        entered = [timeline.applied, *timeline.moves]
        for index, code in enumerate(steps):
            interviews.hold_if_due(application, requisition, codes[index], entered[index], entered[index + 1])
            application_move(application_id=application.pk, to_stage=code, actor=DEMO, expected_version=None)
        if closing and closing != Stage.WITHDRAWN:
            interviews.hold_if_due(
                application, requisition, codes[-1], entered[len(steps)], entered[len(steps) + 1],
                passed=closing != Stage.REJECTED,
            )  # fmt: skip
        elif not closing:
            held = interviews.hold_if_due(application, requisition, codes[-1], entered[-1], None)
            following = _next_interview(flow, codes[-1])
            if held is not None and held.starts_at < now and following is not None:
                interviews.offer_next_round(application, requisition, following)
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
        elif closing in (Stage.OFFER, Stage.HIRED):
            offers.append(OfferWanted(application.pk, accepted=closing == Stage.HIRED))
    # Offers last: an acceptance may fill a requisition, after which its others no longer move.
    waiting = offers_make(offers, rng=rng)
    _date_back(applications, timelines, waiting)
    ids = [application.pk for application in applications]
    offers_date_back(ids, rng=rng)
    audit_date_back(ids, rng=rng)
    _invitations_drop(ids)


def _next_interview(flow: Flow, code: str) -> str | None:
    """The flow's next interview stage after ``code``, if any."""
    codes = [stage.code for stage in flow.stages]
    if code not in codes:
        return None
    return next(
        (stage.code for stage in flow.stages[codes.index(code) + 1 :] if stage.kind == INTERVIEW), None
    )


def _invitations_drop(application_ids: Sequence[int]) -> None:
    """The demo's fictional people are owed no calendar email, and its interviews are mostly history."""
    InterviewInvitation.objects.filter(interview__application_id__in=application_ids).delete()


def _date_back(
    applications: Sequence[Application], timelines: dict[int, Timeline], waiting: set[int]
) -> None:
    """Put each application's arrival and moves at the times its timeline gives them; one whose offer
    still waits on an approver (``waiting``) has not made the last move, to the offer stage."""
    changes: dict[int, list[StageChange]] = defaultdict(list)
    ids = [application.pk for application in applications]
    for change in StageChange.objects.filter(application_id__in=ids).order_by("pk"):
        changes[change.application_id].append(change)
    fresh = Application.objects.in_bulk(ids)
    dated_changes, dated_applications = [], []
    for application in (fresh[pk] for pk in ids):
        timeline = timelines[application.pk]
        if application.pk in waiting:
            timeline = Timeline(timeline.applied, timeline.moves[:-1])
        moves = changes[application.pk]
        if len(moves) != len(timeline.moves):
            raise RuntimeError(
                f"demo application {application.pk} made {len(moves)} moves, not {len(timeline.moves)}"
            )
        for change, moment in zip(moves, timeline.moves, strict=True):
            change.created_at = moment
            dated_changes.append(change)
        reached = timeline.moves[-1] if timeline.moves else timeline.applied
        application.created_at, application.stage_changed_at = timeline.applied, reached
        if application.withdrawn_at is not None:
            application.withdrawn_at = reached
        dated_applications.append(application)
    StageChange.objects.bulk_update(dated_changes, ["created_at"], batch_size=500)
    Application.objects.bulk_update(
        dated_applications, ["created_at", "stage_changed_at", "withdrawn_at"], batch_size=500
    )
