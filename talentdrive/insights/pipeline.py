"""Reads for the pipeline dashboard: funnel, time in stage, time to hire, sources, requisitions at risk.

Whoever may read the plan reads these for the plan lines they see (``plans.access``: leadership and
administrators everything, hiring managers their teams, recruiters their scope). A fixed number of
aggregate queries over the pipeline's roll-ups (``pipeline/rollups.py``: application counts by standing,
duration histograms), whose size does not grow with the drive's applications, plus the open requisitions
with each one's latest move (an index) and their answered offers, and ``offers_load``'s; the arithmetic
is in ``core/funnel.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.insights.core.funnel import (
    PATH,
    RANK,
    Duration,
    FunnelStep,
    SourceFigures,
    Tally,
    by_source_of,
    funnel_of,
    histogram_duration,
    percentile_days,
    refined,
)
from talentdrive.insights.core.offers import DECIDED
from talentdrive.insights.offers_load import LoadFigures, OfferFigures, load_figures, offer_figures
from talentdrive.insights.selectors import progress_plan_lines
from talentdrive.offers.models import Offer
from talentdrive.pipeline.core.standing import DAYS, TENTHS, TIMED_STEPS, TO_HIRE
from talentdrive.pipeline.models import Application, ApplicationTally, StepDuration
from talentdrive.plans.models import Drive, PlanLine, Requisition, RequisitionStatus

# A requisition is at risk when nothing moved for this long, or nobody got past screening after this long,
# or when fewer than half of its offers answered were accepted (once a few were).
QUIET_DAYS = 14
NO_INTERVIEW_DAYS = 30
LOW_ACCEPTANCE = 0.5
LOW_ACCEPTANCE_AFTER = 3  # offers answered or lapsed
PAST_SCREENING = PATH[RANK["interview"] :]


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


def _at_risk(requisitions: Sequence[Requisition], answered: Mapping[int, tuple[int, int]]) -> list[AtRisk]:
    now = timezone.now()
    standing: dict[int, tuple[int, int]] = {
        row["requisition_id"]: (row["applications"], row["interviewed"])
        for row in ApplicationTally.objects.filter(requisition__in=[r.pk for r in requisitions])
        .values("requisition_id")
        .annotate(applications=Sum("count"), interviewed=Sum("count", filter=Q(furthest__in=PAST_SCREENING)))
        .order_by()
    }
    found = []
    for requisition in requisitions:
        opened = requisition.status_changed_at or requisition.created_at
        open_days = (now - opened).days
        applications, interviewed = standing.get(requisition.pk, (0, 0))
        accepted, decided = answered.get(requisition.pk, (0, 0))
        if decided >= LOW_ACCEPTANCE_AFTER and accepted < LOW_ACCEPTANCE * decided:
            found.append(AtRisk(requisition, "low_acceptance", open_days, accepted, decided))
            continue
        if not applications:
            if open_days >= QUIET_DAYS:
                found.append(AtRisk(requisition, "no_applicants", open_days))
            continue
        last_move = requisition.last_move  # type: ignore[attr-defined]
        quiet = (now - last_move).days if last_move is not None else open_days
        if quiet >= QUIET_DAYS:
            found.append(AtRisk(requisition, "quiet", quiet))
        elif open_days >= NO_INTERVIEW_DAYS and not interviewed:
            found.append(AtRisk(requisition, "no_interviews", open_days))
    return sorted(found, key=lambda risk: (-risk.days, risk.requisition.external_id))


def _durations(lines: QuerySet[PlanLine]) -> dict[str, list[tuple[int, int]]]:
    """Per step, the histogram of its durations over the lines, (count, total ms) in order: whole days,
    and tenths of a day in the days where the median and the 90th percentile fall (one query for the
    days, one per step for the tenths)."""
    requisitions = Requisition.objects.filter(plan_line__in=lines).values("pk")
    histograms = StepDuration.objects.filter(requisition__in=requisitions)
    days: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for step, day, count, total_ms in (
        histograms.filter(scale=DAYS)
        .values_list("step", "bucket")
        .annotate(n=Sum("count"), ms=Sum("total_ms"))
        .order_by("step", "bucket")
    ):
        days[step].append((day, count, total_ms))
    tenths: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for step, rows in days.items():
        # One query per step, so each reads an index range (scale, step, bucket) and not the whole scale.
        wanted = percentile_days([(day, count) for day, count, _ in rows])
        for tenth, count, total_ms in (
            histograms.filter(
                scale=TENTHS,
                step=step,
                bucket__in=[day * 10 + t for day in sorted(wanted) for t in range(10)],
            )
            .values_list("bucket")
            .annotate(n=Sum("count"), ms=Sum("total_ms"))
            .order_by("bucket")
        ):
            tenths[step][tenth // 10].append((count, total_ms))
    return {step: refined(rows, tenths[step]) for step, rows in days.items()}


def pipeline_dashboard(
    *, user: User, drive: Drive, filters: Mapping[str, str] | None = None
) -> PipelineDashboard:
    """The drive's pipeline as the user may see it, narrowed by city, channel, focus area or team."""
    lines, scoped = progress_plan_lines(user=user, drive=drive, filters=filters)
    tallies = [
        Tally(furthest, committee, count, source, channel)
        for channel, source, furthest, committee, count in ApplicationTally.objects.filter(
            requisition__plan_line__in=lines
        )
        .values_list("requisition__plan_line__channel", "source", "furthest", "committee")
        .annotate(n=Sum("count"))
        .order_by()
        if count
    ]
    last_move = Application.objects.filter(requisition=OuterRef("pk")).order_by("-stage_changed_at")
    open_requisitions = list(
        Requisition.objects.filter(plan_line__in=lines, status=RequisitionStatus.OPEN)
        .annotate(last_move=Subquery(last_move.values("stage_changed_at")[:1]))
        .order_by("external_id")
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
    channels: dict[str, list[Tally]] = defaultdict(list)
    for tally in tallies:
        channels[tally.channel].append(tally)
    histograms = _durations(lines)
    return PipelineDashboard(
        applications=sum(tally.count for tally in tallies),
        funnel=funnel_of(tallies),
        funnel_by_channel={channel: funnel_of(items) for channel, items in sorted(channels.items())},
        time_in_stage=[
            histogram_duration(kind, histograms[kind]) for kind in TIMED_STEPS if histograms.get(kind)
        ],
        time_to_hire=histogram_duration("hired", histograms.get(TO_HIRE, [])),
        sources=by_source_of(tallies),
        at_risk=_at_risk(open_requisitions, answered),
        scoped=scoped,
        offers=offer_figures(lines=lines),
        load=load_figures(lines=lines),
    )
