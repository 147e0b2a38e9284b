"""Reads for the oversight of automated screening: per requisition, match scores and who got past
screening by volunteered group, the four-fifths ratio, and who moved applicants past higher-ranked ones.

Leadership and administrators only (``candidates.access.group_data_can_read``): the page counts what
candidates volunteered about their group, which nobody else reads. The arithmetic is in
``core/oversight.py``; the scores are the ranked list's (``matching.selectors.match_applicants``), which the
caller passes in, so a stale or missing index is the view's to report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from talentdrive.accounts.models import User
from talentdrive.candidates import access as candidates_access
from talentdrive.candidates.groups import group_by_candidate
from talentdrive.insights.core.funnel import RANK
from talentdrive.insights.core.oversight import (
    NO_GROUP,
    ActorOverrides,
    Applicant,
    GroupFigures,
    Override,
    Step,
    groups,
    lowest_impact_ratio,
    overrides,
)
from talentdrive.pipeline.core.flow import kind_of_code
from talentdrive.pipeline.models import Application, StageChange
from talentdrive.plans.models import Drive, Requisition


@dataclass(frozen=True)
class RequisitionOversight:
    requisition: Requisition
    groups: list[GroupFigures]
    lowest_ratio: float | None
    overrides: list[Override]
    actors: list[ActorOverrides]
    scored: bool  # False: no scores were given, so no distribution and no overrides

    @property
    def declared(self) -> int:
        return sum(g.applications for g in self.groups if g.group != NO_GROUP)

    @property
    def applications(self) -> int:
        return sum(g.applications for g in self.groups)


def _check(user: User) -> None:
    if not candidates_access.group_data_can_read(user):
        raise PermissionDenied("the screening oversight is for leadership and administrators")


def _furthest(rows: list[tuple[int, str]], changes: list[tuple[int, str, str]]) -> dict[int, int]:
    furthest = {pk: RANK.get(kind_of_code(stage), 0) for pk, stage in rows}
    for pk, from_stage, to_stage in changes:
        for code in (from_stage, to_stage):
            if code:
                furthest[pk] = max(furthest[pk], RANK.get(kind_of_code(code), 0))
    return furthest


def _actor(user: User | None, name: str) -> str:
    return str(user) if user is not None else (name or "–")


def requisition_oversight(
    *, user: User, requisition: Requisition, scores: Mapping[int, float] | None
) -> RequisitionOversight:
    """One requisition's oversight; ``scores`` by candidate id (None when the ranking is unavailable)."""
    _check(user)
    rows = list(
        Application.objects.filter(requisition=requisition)
        .order_by("pk")
        .values_list("pk", "candidate_id", "stage", "created_at")
    )
    changes = list(
        StageChange.objects.filter(application__requisition=requisition)
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    furthest = _furthest(
        [(pk, stage) for pk, _, stage, _ in rows],
        [(c.application_id, c.from_stage, c.to_stage) for c in changes],
    )
    declared = group_by_candidate(user=user, candidate_ids=[candidate for _, candidate, _, _ in rows])
    by_application = {
        pk: (scores or {}).get(candidate) for pk, candidate, _, _ in rows if scores and candidate in scores
    }
    applicants = [
        Applicant(pk, by_application.get(pk), declared.get(candidate, NO_GROUP), furthest[pk])
        for pk, candidate, _, _ in rows
    ]
    figures = groups(applicants)
    found, actors = overrides(
        [(pk, created) for pk, _, _, created in rows],
        [
            Step(
                c.application_id,
                c.created_at,
                kind_of_code(c.from_stage) if c.from_stage else "",
                kind_of_code(c.to_stage),
                _actor(c.actor, c.actor_name),
            )
            for c in changes
        ],
        {pk: score for pk, score in by_application.items() if score is not None},
    )
    return RequisitionOversight(
        requisition=requisition,
        groups=figures,
        lowest_ratio=lowest_impact_ratio(figures),
        overrides=found,
        actors=actors,
        scored=scores is not None,
    )


@dataclass(frozen=True)
class OversightRow:
    requisition: Requisition
    applications: int
    declared: int
    lowest_ratio: float | None

    @property
    def warning(self) -> bool:
        return self.lowest_ratio is not None and self.lowest_ratio < 0.8


def oversight_list(*, user: User, drive: Drive) -> list[OversightRow]:
    """Every requisition of the drive with applicants: how many volunteered group data, and the lowest
    four-fifths ratio among its groups (warnings first)."""
    _check(user)
    rows = list(
        Application.objects.filter(requisition__drive=drive).values_list(
            "pk", "requisition_id", "candidate_id", "stage"
        )
    )
    changes = list(
        StageChange.objects.filter(application__requisition__drive=drive).values_list(
            "application_id", "from_stage", "to_stage"
        )
    )
    furthest = _furthest([(pk, stage) for pk, _, _, stage in rows], changes)
    declared = group_by_candidate(user=user, candidate_ids={candidate for _, _, candidate, _ in rows})
    per: dict[int, list[Applicant]] = defaultdict(list)
    for pk, requisition_id, candidate, _ in rows:
        per[requisition_id].append(Applicant(pk, None, declared.get(candidate, NO_GROUP), furthest[pk]))
    requisitions = Requisition.objects.in_bulk(list(per))
    result = []
    for requisition_id, applicants in per.items():
        figures = groups(applicants)
        result.append(
            OversightRow(
                requisition=requisitions[requisition_id],
                applications=len(applicants),
                declared=sum(1 for a in applicants if a.group != NO_GROUP),
                lowest_ratio=lowest_impact_ratio(figures),
            )
        )
    return sorted(
        result,
        key=lambda row: (
            not row.warning,
            row.lowest_ratio if row.lowest_ratio is not None else 2.0,
            row.requisition.external_id,
        ),
    )
