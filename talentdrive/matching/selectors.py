"""Reads of the matching app: ranked candidates for a requisition, ranked requisitions for a candidate."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language

from talentdrive.accounts.models import User
from talentdrive.candidates.models import Candidate
from talentdrive.matching import access, fetch, store
from talentdrive.matching.core.among import rank_among
from talentdrive.matching.core.explain import Match, Ranking, rank_candidates, rank_requisitions
from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.core.programme import load_criteria
from talentdrive.matching.core.requirements import RequirementError, Requirements
from talentdrive.matching.core.scoring import Filters
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.plans.models import Channel, Requisition, RequisitionStatus
from talentdrive.plans.selectors import requisition_get, requisition_list

logger = logging.getLogger(__name__)

MAX_K = 200


class MatchUnavailable(Exception):
    """Ranking cannot be answered as asked; the message says why and what to do."""


class MatchIndexMissing(MatchUnavailable):
    """No build of the match index exists yet."""


class MatchIndexUnreadable(MatchUnavailable):
    """The newest build cannot be read and this process holds no copy to answer from."""

    def __init__(self, message: str, *, build_id: int) -> None:
        super().__init__(message)
        self.build_id = build_id


@dataclass(frozen=True)
class CurrentIndex:
    """The index a read answers from: the newest stored build, and whether the data moved past it."""

    live: store.LiveIndex
    stale: bool

    @property
    def index(self) -> MatchIndex:
        return self.live.index

    @property
    def build_id(self) -> int:
        return self.live.build_id

    @property
    def age_seconds(self) -> float:
        return max(0.0, time.time() - self.live.index.built_at)


@dataclass(frozen=True)
class CandidateFilters:
    cities: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    graduation_window: bool = True
    hard: tuple[str, ...] = ()


@dataclass(frozen=True)
class CandidateMatches:
    requisition: Requisition
    requirements: Requirements
    ranking: Ranking
    # The ranked candidates the user may know of, by key; the others are not in the user's scope.
    candidates: dict[str, Candidate]
    index_build_id: int
    index_age_seconds: float
    index_stale: bool


@dataclass(frozen=True)
class RequisitionMatches:
    considered: int
    matches: list[tuple[Requisition, Match]]
    warnings: tuple[str, ...]
    index_build_id: int
    index_age_seconds: float
    index_stale: bool


def match_index_build_latest() -> IndexBuild | None:
    """The newest stored build (by the time its data were read), or None before the first one."""
    return IndexBuild.objects.exclude(storage_name="").order_by("-snapshot_at", "-pk").first()


def match_index_get() -> CurrentIndex:
    """The newest stored build, loaded into this process if its copy is older, and how fresh it is.

    Only reads: the build table, the watermark aggregates and the storage. When no build exists
    (MatchIndexMissing) or the data moved on (``stale``), the caller asks for a build through
    ``services.match_index_first_build`` / ``match_index_refresh_request``.
    """
    build = match_index_build_latest()
    if build is None:
        raise MatchIndexMissing("the match index has not been built yet")
    try:
        live = store.live_for(build_id=build.pk, storage_name=build.storage_name, watermark=build.watermark)
    except store.IndexUnreadable as error:
        held = store.current()
        if held is None:
            raise MatchIndexUnreadable(
                f"the match index cannot be read: {error}", build_id=build.pk
            ) from error
        # Keep answering from the copy this process holds; it is older than the newest build.
        logger.error("%s; answering from build %s", error, held.build_id)
        return CurrentIndex(live=held, stale=True)
    return CurrentIndex(live=live, stale=live.watermark != fetch.watermark())


def skill_names() -> dict[str, str]:
    """Display names of taxonomy skills, in the active language."""
    zh = (get_language() or "en").startswith("zh")
    return {
        skill_id: (skill.name_zh if zh else skill.name_en)
        for skill_id, skill in get_taxonomy().skills.items()
    }


def _check_reader(user: User) -> None:
    if not access.match_can_rank(user):
        raise PermissionDenied("your role does not give access to candidate ranking")


def match_candidates(
    *, user: User, requisition_id: int, k: int = 50, filters: CandidateFilters | None = None
) -> CandidateMatches:
    """Top-k candidates for a requisition the user may see (Requisition.DoesNotExist otherwise)."""
    _check_reader(user)
    requisition = requisition_get(user=user, requisition_id=requisition_id)
    filters = filters or CandidateFilters()
    taxonomy = get_taxonomy()
    try:
        requirements = fetch.requirements_for(requisition, taxonomy, hard=filters.hard)
    except RequirementError as error:
        raise MatchUnavailable(f"requisition {requisition.external_id}: {error}") from error
    graduation_from = graduation_to = None
    if filters.graduation_window and requisition.plan_line.channel == Channel.CAMPUS:
        graduation_from = requisition.graduation_from.year if requisition.graduation_from else None
        graduation_to = requisition.graduation_to.year if requisition.graduation_to else None
    current = match_index_get()
    core_filters = Filters(
        cities=filters.cities,
        stages=filters.stages,
        sources=filters.sources,
        graduation_from=graduation_from,
        graduation_to=graduation_to,
    )
    names = skill_names()
    # Mention text is read for the ranked candidates only.
    ranking = rank_candidates(
        current.index, requirements, k=min(k, MAX_K), ancestors=taxonomy.ancestors, names=names,
        rules=load_criteria(), filters=core_filters,
        load_profiles=lambda keys: fetch.profiles_for([int(key) for key in keys], taxonomy),
    )  # fmt: skip
    ids = [int(m.key) for m in ranking.matches]
    # Only the people the user may know of are named; the others stay "candidate #id" (matching/access.py).
    visible = Candidate.objects.filter(access.match_identity_scope(user), pk__in=ids)
    candidates = {str(c.pk): c for c in visible}
    return CandidateMatches(
        requisition=requisition,
        requirements=requirements,
        ranking=ranking,
        candidates=candidates,
        index_build_id=current.build_id,
        index_age_seconds=current.age_seconds,
        index_stale=current.stale,
    )


def match_requisitions(
    *,
    user: User,
    candidate_id: int,
    k: int = 10,
    open_only: bool = True,
    include_applied: bool = False,
    channel: str | None = None,
) -> RequisitionMatches:
    """Top-k requisitions the user may see that fit a candidate (e.g. after a rejection elsewhere).

    Requisitions the candidate already applied to are left out unless ``include_applied``: the
    question is which *other* roles fit.
    """
    _check_reader(user)
    candidate = Candidate.objects.filter(pk=candidate_id, erased_at__isnull=True).first()
    if candidate is None:
        raise Candidate.DoesNotExist(f"candidate {candidate_id} does not exist")
    current = match_index_get()
    row = current.index.row_of(str(candidate.pk))
    if row is None:
        raise MatchUnavailable(
            f"candidate {candidate_id} has no parsed resume yet: upload or re-parse one first"
        )
    requisitions = requisition_list(user=user).select_related("plan_line__focus_area")
    if open_only:
        requisitions = requisitions.filter(status=RequisitionStatus.OPEN)
    if not include_applied:
        requisitions = requisitions.exclude(applications__candidate=candidate)
    if channel:  # a graduate's fits are campus roles, an experienced hire's experienced ones
        requisitions = requisitions.filter(plan_line__channel=channel)
    taxonomy = get_taxonomy()
    prepared, by_key, warnings = [], {}, []
    for requisition in requisitions:
        try:
            prepared.append((str(requisition.pk), fetch.requirements_for(requisition, taxonomy)))
        except RequirementError as error:
            # A requisition without usable requirements cannot be matched; say which one and why.
            warnings.append(f"requisition {requisition.external_id} left out: {error}")
            continue
        by_key[str(requisition.pk)] = requisition
    names = skill_names()
    ranked = rank_requisitions(
        current.index,
        row,
        prepared,
        k=min(k, MAX_K),
        ancestors=taxonomy.ancestors,
        names=names,
        rules=load_criteria(),
    )
    return RequisitionMatches(
        considered=len(prepared),
        matches=[(by_key[key], match) for key, match in ranked],
        warnings=tuple(warnings),
        index_build_id=current.build_id,
        index_age_seconds=current.age_seconds,
        index_stale=current.stale,
    )


@dataclass(frozen=True)
class ApplicantMatches:
    """A requisition's applicants ranked among themselves: matches by candidate id, and the ones
    without a parsed résumé (they cannot be scored yet)."""

    requirements: Requirements
    matches: dict[int, Match]
    unranked: tuple[int, ...]
    index_build_id: int
    index_stale: bool


def match_applicants(*, user: User, requisition: Requisition, candidate_ids: list[int]) -> ApplicantMatches:
    """Score the given applicants of a requisition the caller already holds (read through
    ``requisition_get``) with the same components as the whole-pool ranking."""
    _check_reader(user)
    taxonomy = get_taxonomy()
    try:
        requirements = fetch.requirements_for(requisition, taxonomy)
    except RequirementError as error:
        raise MatchUnavailable(f"requisition {requisition.external_id}: {error}") from error
    current = match_index_get()
    ranked, missing = rank_among(
        current.index,
        requirements,
        [str(pk) for pk in candidate_ids],
        ancestors=taxonomy.ancestors,
        names=skill_names(),
        rules=load_criteria(),
        load_profiles=lambda keys: fetch.profiles_for([int(key) for key in keys], taxonomy),
    )
    return ApplicantMatches(
        requirements=requirements,
        matches={int(match.key): match for match in ranked},
        unranked=tuple(int(key) for key in missing),
        index_build_id=current.build_id,
        index_stale=current.stale,
    )


def domain_name(code: str) -> str:
    """An industry domain's display name in the active language ('' for none)."""
    if not code:
        return ""
    domain = get_taxonomy().domains.get(code)
    if domain is None:
        return code
    return domain.name_zh if (get_language() or "en").startswith("zh") else domain.name_en
