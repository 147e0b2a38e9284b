"""Ranked results with their reasons: components, matched and missing skills, programme flag."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.core.profile import DEGREE_RANK, CandidateProfile
from talentdrive.matching.core.programme import NOT_FLAGGED, ProgrammeFlag, ProgrammeRule, programme_flag
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.scoring import (
    DEFAULT_WEIGHTS,
    NO_FILTERS,
    Filters,
    Query,
    Weights,
    combine,
    compile_query,
    components,
    eligible,
)
from talentdrive.matching.core.search import top_rows

DEGREE_NAMES = {rank: name for name, rank in DEGREE_RANK.items()}


@dataclass(frozen=True)
class Component:
    name: str
    value: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class SkillMatch:
    """A requirement the candidate meets; ``via`` is the candidate's own skill (e.g. vLLM for LLM inference)."""

    skill_id: str
    name: str
    via: str
    via_name: str
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    rank: int
    key: str
    score: float
    components: tuple[Component, ...]
    matched_must: tuple[SkillMatch, ...]
    missing_must: tuple[str, ...]
    matched_nice: tuple[SkillMatch, ...]
    domain_match: bool | None
    degree: str
    years: float
    top_venue_papers: int
    top_awards: int
    programme: ProgrammeFlag = NOT_FLAGGED

    def component(self, name: str) -> float:
        return next((c.value for c in self.components if c.name == name), 0.0)


@dataclass(frozen=True)
class Ranking:
    matches: tuple[Match, ...]
    considered: int
    eligible: int
    warnings: tuple[str, ...] = ()


def _implied_by(
    wanted: Sequence[str], ancestors: Callable[[str], Sequence[str]], skill_ids: Sequence[str]
) -> dict[str, set[str]]:
    """For each wanted skill, the indexed skills that imply it (itself and its descendants); once per query."""
    result: dict[str, set[str]] = {skill: {skill} for skill in wanted}
    for skill in skill_ids:
        for ancestor in ancestors(skill):
            if ancestor in result:
                result[ancestor].add(skill)
    return result


def _skill_matches(
    wanted: Sequence[str],
    own_ids: Sequence[str],
    implied_by: Mapping[str, set[str]],
    names: Mapping[str, str],
    profile: CandidateProfile | None,
) -> tuple[list[SkillMatch], list[str]]:
    mentions = {s.skill_id: s.mentions for s in profile.skills} if profile else {}
    owned = set(own_ids)
    matched, missing = [], []
    for skill in wanted:
        # The candidate's own skill wins over a descendant that implies it (CUDA itself before "via").
        via = skill if skill in owned else next((own for own in own_ids if own in implied_by[skill]), None)
        if via is None:
            missing.append(skill)
        else:
            matched.append(
                SkillMatch(
                    skill, names.get(skill, skill), via, names.get(via, via), tuple(mentions.get(via, ()))
                )
            )
    return matched, missing


def explain_rows(
    index: MatchIndex,
    requirements: Requirements,
    rows: np.ndarray,
    *,
    ancestors: Callable[[str], Sequence[str]],
    names: Mapping[str, str],
    rules: Sequence[ProgrammeRule] = (),
    profiles: Mapping[str, CandidateProfile] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    semantic: np.ndarray | None = None,
    query: Query | None = None,
    sums: Mapping[str, np.ndarray] | None = None,
) -> list[Match]:
    """Full explanations for the given rows, in the given order (``sums``: the search's column sums)."""
    if query is None:
        query = compile_query(index, requirements, weights=weights, semantic=semantic is not None)
    values = components(index, query, rows, semantic=semantic, dense=sums)
    scores = combine(query, values)
    own_columns = _own_columns_for(index, rows)
    # Only the ranked rows' own skills can be evidence: walk their ancestors, not the whole index's.
    shown = [index.skill_ids[c] for c in sorted({c for columns in own_columns.values() for c in columns})]
    implied_by = _implied_by((*requirements.must, *requirements.nice), ancestors, shown)
    matches = []
    for position, row in enumerate(rows.tolist()):
        key = str(index.keys[row])
        profile = (profiles or {}).get(key)
        own_ids = [index.skill_ids[c] for c in own_columns[row]]
        matched_must, missing = _skill_matches(requirements.must, own_ids, implied_by, names, profile)
        matched_nice, _ = _skill_matches(requirements.nice, own_ids, implied_by, names, profile)
        # Requirements the taxonomy lacks are met by the words of the resume text.
        for wanted, found_rows, matched, missed in (
            (requirements.must_text, query.must_text_rows, matched_must, missing),
            (requirements.nice_text, query.nice_text_rows, matched_nice, None),
        ):
            for name, found in zip(wanted, found_rows, strict=True):
                position_in = np.searchsorted(found, row)
                if position_in < found.shape[0] and found[position_in] == row:
                    matched.append(SkillMatch(name, name, name, name, (name,)))
                elif missed is not None:
                    missed.append(name)
        must_coverage = float(values["must"][position]) if "must" in values else 0.0
        flag = programme_flag(
            rules,
            degree=DEGREE_NAMES[int(index.degree[row])],
            top_venue_papers=int(index.top_papers[row]),
            top_awards=int(index.top_awards[row]),
            must_coverage=must_coverage,
            research_role=requirements.research,
        )
        matches.append(
            Match(
                rank=position + 1,
                key=key,
                score=round(float(scores[position]), 4),
                components=tuple(
                    Component(name, round(float(values[name][position]), 4), round(query.weights[name], 4))
                    for name in values
                ),
                matched_must=tuple(matched_must),
                missing_must=tuple(missing),
                matched_nice=tuple(matched_nice),
                domain_match=bool(values["domain"][position]) if "domain" in values else None,
                degree=DEGREE_NAMES[int(index.degree[row])],
                years=float(index.years[row]),
                top_venue_papers=int(index.top_papers[row]),
                top_awards=int(index.top_awards[row]),
                programme=flag,
            )
        )
    return matches


def _own_columns_for(index: MatchIndex, rows: np.ndarray) -> dict[int, list[int]]:
    """Own skill columns of a few rows, read from the row-major copy."""
    own = index.own_by_row
    return {int(r): own.indices[own.indptr[r] : own.indptr[r + 1]].tolist() for r in np.unique(rows)}


def rank_candidates(
    index: MatchIndex,
    requirements: Requirements,
    *,
    k: int,
    ancestors: Callable[[str], Sequence[str]],
    names: Mapping[str, str],
    rules: Sequence[ProgrammeRule] = (),
    filters: Filters = NO_FILTERS,
    profiles: Mapping[str, CandidateProfile] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    semantic: np.ndarray | None = None,
    load_profiles: Callable[[list[str]], Mapping[str, CandidateProfile]] | None = None,
) -> Ranking:
    """Top-k candidates for one requisition, explained. Warnings say why a list is short or empty.

    ``profiles`` (or ``load_profiles``, called with just the ranked keys) supply the mention text
    shown as evidence; without them evidence names skills only.
    """
    query = compile_query(index, requirements, weights=weights, semantic=semantic is not None)
    top = top_rows(index, query, k=k, filters=filters, semantic=semantic)
    warnings = list(query.warnings)
    if len(index) == 0:
        warnings.append("the index holds no candidates yet")
    elif top.eligible == 0:
        warnings.append("no candidate passes the filters and hard requirements")
    if load_profiles is not None:
        profiles = load_profiles([str(key) for key in index.keys[top.rows].tolist()])
    matches = explain_rows(
        index,
        requirements,
        top.rows,
        ancestors=ancestors,
        names=names,
        rules=rules,
        profiles=profiles,
        weights=weights,
        semantic=semantic,
        query=query,
        sums=top.sums,
    )
    return Ranking(tuple(matches), top.considered, top.eligible, tuple(warnings))


def rank_requisitions(
    index: MatchIndex,
    row: int,
    requisitions: Sequence[tuple[str, Requirements]],
    *,
    k: int,
    ancestors: Callable[[str], Sequence[str]],
    names: Mapping[str, str],
    rules: Sequence[ProgrammeRule] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[tuple[str, Match]]:
    """Top-k requisitions for the candidate at ``row``: the same score, read the other way round."""
    rows = np.array([row])
    scored = []
    for key, requirements in requisitions:
        query = compile_query(index, requirements, weights=weights)
        mask = eligible(index, query, NO_FILTERS, rows)
        if mask is not None and not bool(mask[0]):
            continue
        scored.append((float(combine(query, components(index, query, rows))[0]), key, requirements))
    scored.sort(key=lambda item: (-item[0], item[1]))
    result = []
    for position, (_, key, requirements) in enumerate(scored[:k]):
        match = explain_rows(
            index, requirements, rows, ancestors=ancestors, names=names, rules=rules, weights=weights
        )[0]
        result.append((key, Match(**{**match.__dict__, "rank": position + 1})))
    return result
