"""Matching endpoints: ranked candidates for a requisition, ranked requisitions for a candidate."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field as SchemaField
from ninja import Query, Router, Schema

from talentdrive.accounts.models import User
from talentdrive.api.auth import caller, staff_auth
from talentdrive.api.schemas.errors import ApiError, ErrorOut
from talentdrive.candidates.models import Candidate
from talentdrive.matching.core.explain import Match
from talentdrive.matching.selectors import (
    CandidateFilters,
    MatchUnavailable,
    match_candidates,
    match_requisitions,
)
from talentdrive.matching.services import MatchIndexBuilding, match_index_serve
from talentdrive.plans.models import Requisition

router = Router(tags=["matching"])
ERRORS: dict[int, Any] = {
    400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 503: ErrorOut,
}  # fmt: skip


class ComponentOut(Schema):
    name: str
    value: float
    weight: float


class SkillMatchOut(Schema):
    skill_id: str
    name: str
    via: str
    via_name: str
    mentions: list[str]


class ProgrammeOut(Schema):
    flagged: bool
    codes: list[str]
    reasons: list[str]
    reasons_zh: list[str]


class MatchOut(Schema):
    rank: int
    score: float
    components: list[ComponentOut]
    matched_must: list[SkillMatchOut]
    missing_must: list[str]
    matched_nice: list[SkillMatchOut]
    domain_match: bool | None
    degree: str
    years: float
    top_venue_papers: int
    top_awards: int
    programme: ProgrammeOut


class CandidateMatchOut(MatchOut):
    candidate_id: int
    # False for a candidate with no application the caller may read: ranked, but not theirs to know.
    in_scope: bool


class RequisitionMatchOut(MatchOut):
    requisition_id: int
    external_id: str
    title_en: str
    title_zh: str


class CandidateRankingOut(Schema):
    requisition_id: int
    considered: int
    eligible: int
    warnings: list[str]
    index_age_seconds: float
    index_stale: bool
    matches: list[CandidateMatchOut]


class RequisitionRankingOut(Schema):
    candidate_id: int
    considered: int
    warnings: list[str]
    index_age_seconds: float
    index_stale: bool
    matches: list[RequisitionMatchOut]


class CandidateQuery(Schema):
    k: int = SchemaField(50, ge=1, le=200)
    city: list[str] = SchemaField(default_factory=list)
    stage: list[str] = SchemaField(default_factory=list)
    source: list[str] = SchemaField(default_factory=list)
    graduation_window: bool = True
    hard: list[str] = SchemaField(
        default_factory=list,
        description="degree and/or years: make them hard filters (repeat hard= or separate with commas)",
    )


def _staff(request: HttpRequest) -> User:
    user = caller(request)
    if user is None:
        raise ApiError(401, "authentication required", code="unauthenticated")
    return user


def _match(match: Match) -> dict[str, Any]:
    return {
        "rank": match.rank,
        "score": match.score,
        "components": [{"name": c.name, "value": c.value, "weight": c.weight} for c in match.components],
        "matched_must": [
            s.__dict__ | {"mentions": list(dict.fromkeys(s.mentions))} for s in match.matched_must
        ],
        "missing_must": list(match.missing_must),
        "matched_nice": [
            s.__dict__ | {"mentions": list(dict.fromkeys(s.mentions))} for s in match.matched_nice
        ],
        "domain_match": match.domain_match,
        "degree": match.degree,
        "years": match.years,
        "top_venue_papers": match.top_venue_papers,
        "top_awards": match.top_awards,
        "programme": {
            "flagged": match.programme.flagged,
            "codes": list(match.programme.codes),
            "reasons": list(match.programme.reasons),
            "reasons_zh": list(match.programme.reasons_zh),
        },
    }


@router.get(
    "/requisitions/{requisition_id}/candidates",
    response={200: CandidateRankingOut, **ERRORS},
    auth=staff_auth,
    summary="Top candidates for a requisition, with reasons",
)
def candidates_for_requisition(
    request: HttpRequest, requisition_id: int, query: Query[CandidateQuery]
) -> dict[str, Any]:
    # Repeated (hard=degree&hard=years) or comma-separated (hard=degree,years): both are common.
    hard = tuple(
        dict.fromkeys(rule.strip() for item in query.hard for rule in item.split(",") if rule.strip())
    )
    unknown = set(hard) - {"degree", "years"}
    if unknown:
        raise ApiError(
            400,
            f"hard: unknown rule(s) {', '.join(sorted(unknown))}; use degree and/or years",
            code="invalid",
            field="hard",
        )
    filters = CandidateFilters(
        cities=tuple(query.city),
        stages=tuple(query.stage),
        sources=tuple(query.source),
        graduation_window=query.graduation_window,
        hard=hard,
    )
    user = _staff(request)
    try:
        result = match_index_serve(
            read=lambda: match_candidates(
                user=user, requisition_id=requisition_id, k=query.k, filters=filters
            ),
            actor=user,
        )
    except Requisition.DoesNotExist as error:
        raise ApiError(
            404, f"requisition {requisition_id} does not exist or is not visible to you", code="not_found"
        ) from error
    except MatchIndexBuilding as error:
        raise ApiError(503, str(error), code="index_building") from error
    except MatchUnavailable as error:
        raise ApiError(409, str(error), code="not_matchable") from error
    return {
        "requisition_id": result.requisition.pk,
        "considered": result.ranking.considered,
        "eligible": result.ranking.eligible,
        "warnings": list(result.ranking.warnings),
        "index_age_seconds": round(result.index_age_seconds, 1),
        "index_stale": result.index_stale,
        "matches": [
            {"candidate_id": int(m.key), "in_scope": m.key in result.candidates, **_match(m)}
            for m in result.ranking.matches
        ],
    }


@router.get(
    "/candidates/{candidate_id}/requisitions",
    response={200: RequisitionRankingOut, **ERRORS},
    auth=staff_auth,
    summary="Open requisitions that fit a candidate, best first",
)
def requisitions_for_candidate(
    request: HttpRequest,
    candidate_id: int,
    k: int = Query(10, ge=1, le=200),  # type: ignore[type-arg]
    include_applied: bool = False,
) -> dict[str, Any]:
    user = _staff(request)
    try:
        result = match_index_serve(
            read=lambda: match_requisitions(
                user=user, candidate_id=candidate_id, k=k, include_applied=include_applied
            ),
            actor=user,
        )
    except Candidate.DoesNotExist as error:
        raise ApiError(404, f"candidate {candidate_id} does not exist", code="not_found") from error
    except MatchIndexBuilding as error:
        raise ApiError(503, str(error), code="index_building") from error
    except MatchUnavailable as error:
        raise ApiError(409, str(error), code="not_matchable") from error
    return {
        "candidate_id": candidate_id,
        "considered": result.considered,
        "warnings": list(result.warnings),
        "index_age_seconds": round(result.index_age_seconds, 1),
        "index_stale": result.index_stale,
        "matches": [
            {
                "requisition_id": r.pk,
                "external_id": r.external_id,
                "title_en": r.title_en,
                "title_zh": r.title_zh,
                **_match(m),
            }
            for r, m in result.matches
        ],
    }
