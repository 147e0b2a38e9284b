"""Reads for the pipeline dashboard: funnel, time in stage, time to hire, sources, requisitions at risk.

Whoever may read the plan reads these for the plan lines they see (``plans.access``: leadership and
administrators everything, hiring managers their teams, recruiters their scope). A fixed number of queries
whatever the size of the drive (applications, their stage changes, open requisitions and their answered
offers, and ``offers_load``'s); the arithmetic is in ``core/funnel.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.insights.core.funnel import (
    RANK,
    Duration,
    FunnelStep,
    Journey,
    Move,
    SourceFigures,
    by_source,
    funnel,
    furthest,
    time_in_stage,
    time_to_hire,
)
from talentdrive.insights.core.offers import DECIDED
from talentdrive.insights.offers_load import LoadFigures, OfferFigures, load_figures, offer_figures
from talentdrive.insights.selectors import progress_plan_lines
from talentdrive.offers.models import Offer
from talentdrive.pipeline.core.flow import kind_of_code
from talentdrive.pipeline.models import Application, StageChange
from talentdrive.plans.models import Drive, Requisition, RequisitionStatus

# A requisition is at risk when nothing moved for this long, or nobody got past screening after this long,
# or when fewer than half of its offers answered were accepted (once a few were).
QUIET_DAYS = 14
NO_INTERVIEW_DAYS = 30
LOW_ACCEPTANCE = 0.5
LOW_ACCEPTANCE_AFTER = 3  # offers answered or lapsed


@dataclass(frozen=True)
class AtRisk:
    requisition: Requisition
    reason: str  # "quiet", "no_interviews", "no_applicants" or "low_acceptance"
    days: int
    accepted: int = 0  # for "low_acceptance": accepted of ``decided`` offers
    decided: int = 0


@dataclass(frozen=True)
class PipelineDashboard:
    applications: int
    funnel: list[FunnelStep]
    funnel_by_channel: dict[str, list[FunnelStep]]
    time_in_stage: list[Duration]
    time_to_hire: Duration
    sources: list[SourceFigures]
    at_risk: list[AtRisk]
    scoped: bool
    offers: OfferFigures
    load: LoadFigures


Row = tuple[int, dt.datetime, str, str, str, int, dt.datetime]


def _journeys(applications: list[Row]) -> dict[int, Journey]:
    ids = [row[0] for row in applications]
    moves: dict[int, list[Move]] = defaultdict(list)
    changes = (
        StageChange.objects.filter(application_id__in=ids)
        .order_by("application_id", "created_at", "pk")
        .values_list("application_id", "created_at", "from_stage", "to_stage")
    )
    for application_id, at, from_stage, to_stage in changes:
        moves[application_id].append(Move(at, kind_of_code(from_stage), kind_of_code(to_stage)))
    return {
        pk: Journey(created, kind_of_code(stage), tuple(moves[pk]), source, channel)
        for pk, created, stage, source, channel, _, _ in applications
    }


def _at_risk(
    requisitions: list[Requisition],
    journeys_by_requisition: Mapping[int, list[tuple[Journey, dt.datetime]]],
    answered: Mapping[int, tuple[int, int]],
) -> list[AtRisk]:
    now = timezone.now()
    found = []
    for requisition in requisitions:
        opened = requisition.status_changed_at or requisition.created_at
        open_days = (now - opened).days
        journeys = journeys_by_requisition.get(requisition.pk, [])
        accepted, decided = answered.get(requisition.pk, (0, 0))
        if decided >= LOW_ACCEPTANCE_AFTER and accepted < LOW_ACCEPTANCE * decided:
            found.append(AtRisk(requisition, "low_acceptance", open_days, accepted, decided))
            continue
        if not journeys:
            if open_days >= QUIET_DAYS:
                found.append(AtRisk(requisition, "no_applicants", open_days))
            continue
        last_move = max(changed for _, changed in journeys)
        quiet = (now - last_move).days
        if quiet >= QUIET_DAYS:
            found.append(AtRisk(requisition, "quiet", quiet))
        elif open_days >= NO_INTERVIEW_DAYS and all(furthest(j) < RANK["interview"] for j, _ in journeys):
            found.append(AtRisk(requisition, "no_interviews", open_days))
    return sorted(found, key=lambda risk: (-risk.days, risk.requisition.external_id))


def pipeline_dashboard(
    *, user: User, drive: Drive, filters: Mapping[str, str] | None = None
) -> PipelineDashboard:
    """The drive's pipeline as the user may see it, narrowed by city, channel, focus area or team."""
    lines, scoped = progress_plan_lines(user=user, drive=drive, filters=filters)
    applications: list[Row] = list(
        Application.objects.filter(requisition__plan_line__in=lines).values_list(
            "pk",
            "created_at",
            "stage",
            "source",
            "requisition__plan_line__channel",
            "requisition_id",
            "stage_changed_at",
        )
    )
    journeys = _journeys(applications)
    per_requisition: dict[int, list[tuple[Journey, dt.datetime]]] = defaultdict(list)
    for pk, *_, requisition_id, changed_at in applications:
        per_requisition[requisition_id].append((journeys[pk], changed_at))
    open_requisitions = list(
        Requisition.objects.filter(plan_line__in=lines, status=RequisitionStatus.OPEN).order_by("external_id")
    )
    answered: dict[int, tuple[int, int]] = {}
    for requisition_id, status, count in (
        Offer.objects.filter(requisition__in=[r.pk for r in open_requisitions], status__in=DECIDED)
        .values_list("requisition_id", "status")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        accepted, decided = answered.get(requisition_id, (0, 0))
        answered[requisition_id] = (accepted + (count if status == "accepted" else 0), decided + count)
    channels: dict[str, list[Journey]] = defaultdict(list)
    for journey in journeys.values():
        channels[journey.channel].append(journey)
    everyone = list(journeys.values())
    return PipelineDashboard(
        applications=len(everyone),
        funnel=funnel(everyone),
        funnel_by_channel={channel: funnel(items) for channel, items in sorted(channels.items())},
        time_in_stage=time_in_stage(everyone),
        time_to_hire=time_to_hire(everyone),
        sources=by_source(everyone),
        at_risk=_at_risk(open_requisitions, per_requisition, answered),
        scoped=scoped,
        offers=offer_figures(lines=lines),
        load=load_figures(lines=lines),
    )
