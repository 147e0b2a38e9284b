"""Calibration after an interview day: every interviewed applicant of one requisition, with their
scorecards side by side, read only (``campus/access.py`` decides who; the scorecards come through the
interviews app's own scope, so nobody reads here a scorecard they could not read elsewhere).

One row per applicant who has had an interview on the requisition and is still in the running (or
already has an offer, or was hired, so the panel sees the whole picture): the assessment score, per
round the interviewer's recommendation and mean rating, the mean rating of each focus attribute over
every scorecard, the recommendations counted, the scorecards still missing, and any offer in progress.
Rows are ordered by the mean of every rating (highest first), then by the strongest recommendations.

``calibration_offers_draft`` is the one write here: batch offers to rows the table shows as able to
receive one, through the offers app's batch service and all its rules.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import fmean
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.campus import access as campus_access
from talentdrive.campus.models import AssessmentResult
from talentdrive.interviews import access as interviews_access
from talentdrive.interviews.core.attributes import attribute_name
from talentdrive.interviews.models import Interview, InterviewStatus, Recommendation, Scorecard
from talentdrive.offers import access as offers_access
from talentdrive.offers.batch import OfferTerms, offers_draft_batch
from talentdrive.offers.errors import OfferBatchRefused
from talentdrive.offers.models import OUTSTANDING_STATUSES, Offer, OfferStatus
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application, Stage
from talentdrive.plans.models import Requisition

# Points a recommendation adds to the order among equal mean ratings.
RECOMMENDATION_POINTS: dict[str, int] = {
    Recommendation.STRONG_YES.value: 2,
    Recommendation.YES.value: 1,
    Recommendation.NO.value: -1,
    Recommendation.STRONG_NO.value: -2,
}


@dataclass(frozen=True)
class RoundCell:
    stage_code: str
    interviewer: str
    recommendation: str  # a Recommendation value, or "" while the scorecard is missing
    recommendation_label: str
    mean_rating: float | None


@dataclass
class CalibrationRow:
    application: Application
    stage_label: str
    assessment: str  # "86.5 / 100", or ""
    rounds: dict[str, list[RoundCell]] = field(default_factory=dict)
    attribute_means: dict[str, float] = field(default_factory=dict)
    mean_rating: float | None = None
    tally: dict[str, int] = field(default_factory=dict)
    missing: int = 0
    offer: Offer | None = None
    can_offer: bool = False

    @property
    def points(self) -> int:
        return sum(RECOMMENDATION_POINTS.get(code, 0) * count for code, count in self.tally.items())


@dataclass(frozen=True)
class Calibration:
    requisition: Requisition
    round_codes: tuple[str, ...]
    round_names: dict[str, str]
    attributes: tuple[tuple[str, str], ...]  # (code, name in the reader's language)
    rows: tuple[CalibrationRow, ...]


def _chinese() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "en").startswith("zh")


def _score(result: AssessmentResult) -> str:
    def plain(value: Decimal) -> str:
        return f"{value.normalize():f}"

    return f"{plain(result.score)} / {plain(result.assessment.max_score)}"


def requisition_calibration(
    *, user: User, requisition: Requisition, now: dt.datetime | None = None
) -> Calibration:
    """The calibration table of ``requisition`` as ``user`` may read it."""
    now = now or timezone.now()
    chinese = _chinese()
    flow = flow_for_requisition(requisition)
    interviews = list(
        Interview.objects.filter(interviews_access.interview_scope(user))
        .filter(application__requisition=requisition, starts_at__lte=now)
        .exclude(status=InterviewStatus.CANCELLED)
        .select_related("round")
        # Each panel in a fixed order: a many-to-many prefetch has none of its own on PostgreSQL.
        .prefetch_related(Prefetch("interviewers", queryset=User.objects.order_by("pk")))
        .order_by("starts_at", "pk")
    )
    application_ids = {i.application_id for i in interviews}
    applications = {
        a.pk: a
        for a in Application.objects.filter(pk__in=application_ids)
        .exclude(stage__in=(Stage.REJECTED, Stage.WITHDRAWN))
        .select_related("candidate", "requisition__plan_line")
    }
    scorecards: dict[tuple[int, int], Scorecard] = {
        (s.interview_id, s.interviewer_id): s
        for s in Scorecard.objects.filter(interviews_access.scorecard_scope(user)).filter(
            interview__in=[i.pk for i in interviews if i.application_id in applications]
        )
    }
    results: dict[int, AssessmentResult] = {}
    for result in AssessmentResult.objects.filter(application_id__in=applications).select_related(
        "assessment"
    ):
        results.setdefault(result.application_id, result)
    offers: dict[int, Offer] = {}
    for offer in Offer.objects.filter(application_id__in=applications).order_by("pk"):
        if offer.status in OUTSTANDING_STATUSES or offer.status == OfferStatus.ACCEPTED:
            offers[offer.application_id] = offer
    labels = dict(Recommendation.choices)
    rows: dict[int, CalibrationRow] = {}
    ratings: dict[int, list[int]] = defaultdict(list)
    per_attribute: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    round_codes: list[str] = []
    attribute_codes: list[str] = []
    for interview in interviews:
        application = applications.get(interview.application_id)
        if application is None:
            continue
        row = rows.get(application.pk)
        if row is None:
            spec = flow.stage(application.stage)
            row = rows[application.pk] = CalibrationRow(
                application=application,
                stage_label=(spec.name_zh if chinese else spec.name_en) if spec else application.stage,
                assessment=_score(results[application.pk]) if application.pk in results else "",
                offer=offers.get(application.pk),
            )
        if interview.stage_code not in round_codes:
            round_codes.append(interview.stage_code)
        for interviewer in interview.interviewers.all():
            card = scorecards.get((interview.pk, interviewer.pk))
            values: list[int] = []
            if card is not None:
                for code, entry in card.ratings.items():
                    if code not in attribute_codes:
                        attribute_codes.append(code)
                    values.append(int(entry["rating"]))
                    per_attribute[application.pk][code].append(int(entry["rating"]))
                ratings[application.pk].extend(values)
            else:
                row.missing += 1
            row.rounds.setdefault(interview.stage_code, []).append(
                RoundCell(
                    stage_code=interview.stage_code,
                    interviewer=interviewer.get_full_name() or interviewer.get_username(),
                    recommendation=card.recommendation if card else "",
                    recommendation_label=str(labels.get(card.recommendation, "")) if card else "",
                    mean_rating=round(fmean(values), 2) if values else None,
                )
            )
            if card is not None:
                row.tally[card.recommendation] = row.tally.get(card.recommendation, 0) + 1
    # Who may draft an offer depends on the requisition, which every row shares: asked once.
    may_draft = bool(rows) and offers_access.offer_can_draft(user, next(iter(rows.values())).application)
    for pk, row in rows.items():
        row.mean_rating = round(fmean(ratings[pk]), 2) if ratings[pk] else None
        row.attribute_means = {code: round(fmean(v), 2) for code, v in per_attribute[pk].items()}
        row.can_offer = (
            may_draft
            and row.application.is_active
            and row.application.stage != Stage.OFFER
            and row.offer is None
        )
    order = sorted(
        rows.values(),
        key=lambda r: (
            r.mean_rating is None,
            -(r.mean_rating or 0.0),
            -r.points,
            r.application.candidate.full_name,
            r.application.pk,
        ),
    )
    # Attributes in the order the rounds assess them (a scorecard's stored order is not kept by every
    # database), then any others by name.
    declared: list[str] = []
    for interview in interviews:
        for code in (interview.round.focus_attributes if interview.round else []) or []:
            if code not in declared:
                declared.append(code)
    attribute_codes.sort(key=lambda code: (declared.index(code) if code in declared else len(declared), code))
    position = {code: flow.position(code) if flow.stage(code) else 99 for code in round_codes}
    round_codes.sort(key=lambda code: position[code])
    names = {}
    for code in round_codes:
        spec = flow.stage(code)
        names[code] = (spec.name_zh if chinese else spec.name_en) if spec else code
    return Calibration(
        requisition=requisition,
        round_codes=tuple(round_codes),
        round_names=names,
        attributes=tuple((code, attribute_name(code, chinese=chinese)) for code in attribute_codes),
        rows=tuple(order),
    )


def calibration_offers_draft(
    *,
    user: User,
    requisition: Requisition,
    application_ids: Sequence[int],
    terms: OfferTerms,
    salaries: Mapping[int, int] | None = None,
    submit: bool = False,
) -> list[Offer]:
    """Batch offers from the calibration table: only to applicants it shows as able to receive one
    (interviewed, still in the running, no offer yet), then by ``offers_draft_batch`` with all its rules."""
    if not campus_access.calibration_can_batch(user, requisition):
        raise OfferBatchRefused("not_allowed")
    offerable = {
        row.application.pk
        for row in requisition_calibration(user=user, requisition=requisition).rows
        if row.can_offer
    }
    outside = [pk for pk in dict.fromkeys(application_ids) if pk not in offerable]
    if outside:
        raise OfferBatchRefused(
            "not_in_calibration",
            field="applications",
            params={"ids": ", ".join(str(pk) for pk in outside[:10])},
        )
    return offers_draft_batch(
        requisition_id=requisition.pk,
        application_ids=application_ids,
        terms=terms,
        salaries=salaries,
        submit=submit,
        actor=user,
    )


def tally_text(tally: dict[str, Any]) -> list[tuple[str, int]]:
    """The recommendations counted, strongest yes first, as (label, count) for the ones given."""
    labels = dict(Recommendation.choices)
    ordered = (Recommendation.STRONG_YES, Recommendation.YES, Recommendation.NO, Recommendation.STRONG_NO)
    return [(str(labels[code]), tally[code]) for code in ordered if tally.get(code)]


__all__ = ["Calibration", "CalibrationRow", "RoundCell", "requisition_calibration", "tally_text"]
