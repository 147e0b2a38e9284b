"""Explainable scoring of candidates against requirements, over a MatchIndex.

score = Σ wᵢ·cᵢ / Σ wᵢ over the components that apply to the requisition, each cᵢ ∈ [0, 1]:

- must      share of must-have skills the candidate has (a descendant counts: vLLM satisfies LLM inference)
- nice      share of nice-to-have skills
- domain    1 when the candidate has the requisition's industry domain
- degree    1 at or above the minimum, otherwise degree/minimum halved (or excluded when the rule is 'filter')
- years     years/minimum capped at 1 (or excluded below the minimum when the rule is 'filter')
- research  0.35·PhD + 0.45·min(top-venue papers, 3)/3 + 0.2·(any top award); weighted up for research roles
- text      BM25 of the resume text against the job text, divided by half the query's total idf, capped at 1
            (a per-query constant, so scores compare across directions without reading the whole corpus)
- semantic  optional cosine similarity from an embedding model, when the caller provides it
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.core.profile import DEGREE_RANK
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.tokenise import tokenise


@dataclass(frozen=True)
class Weights:
    must: float = 0.40
    nice: float = 0.12
    domain: float = 0.10
    degree: float = 0.06
    years: float = 0.06
    research: float = 0.04
    research_role: float = 0.20
    text: float = 0.22
    semantic: float = 0.15


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Filters:
    """Restrict who is ranked. Empty tuples mean no restriction."""

    cities: tuple[str, ...] = ()
    graduation_from: int | None = None
    graduation_to: int | None = None
    stages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    exclude_keys: tuple[str, ...] = ()


NO_FILTERS = Filters()


@dataclass(frozen=True)
class Query:
    """Requirements resolved against one index: column numbers, term ids, active weights."""

    requirements: Requirements
    must_columns: tuple[int, ...]
    nice_columns: tuple[int, ...]
    domain_column: int | None
    term_ids: tuple[int, ...]
    text_scale: float
    weights: Mapping[str, float]
    warnings: tuple[str, ...] = ()


def compile_query(
    index: MatchIndex,
    requirements: Requirements,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    semantic: bool = False,
) -> Query:
    """Resolve skill ids, domain and text to index columns and decide which components apply."""
    must = tuple(index.skill_column.get(s, -1) for s in requirements.must)
    nice = tuple(index.skill_column.get(s, -1) for s in requirements.nice)
    term_ids = tuple(
        sorted({index.vocabulary[t] for t in tokenise(requirements.text) if t in index.vocabulary})
    )
    text_scale = 0.5 * float(index.idf[list(term_ids)].sum()) if term_ids else 0.0
    active = {
        "must": weights.must if must else 0.0,
        "nice": weights.nice if nice else 0.0,
        "domain": weights.domain if requirements.domain else 0.0,
        "degree": weights.degree if DEGREE_RANK.get(requirements.min_degree, 0) else 0.0,
        "years": weights.years if requirements.min_years > 0 else 0.0,
        "research": weights.research_role if requirements.research else weights.research,
        "text": weights.text if term_ids else 0.0,
        "semantic": weights.semantic if semantic else 0.0,
    }
    warnings = list(requirements.warnings)
    if not must and not nice:
        warnings.append("no skills to match: the score rests on text relevance and the other signals")
    if not term_ids and not must and not nice:
        warnings.append("no word of the job text occurs in any resume")
    total = sum(active.values())
    return Query(
        requirements=requirements,
        must_columns=must,
        nice_columns=nice,
        domain_column=index.domain_column.get(requirements.domain, -1) if requirements.domain else None,
        term_ids=term_ids,
        text_scale=text_scale,
        weights={k: v / total for k, v in active.items() if v > 0},
        warnings=tuple(dict.fromkeys(warnings)),
    )


def column_sum(
    matrix: sp.csc_matrix, columns: Sequence[int], rows: np.ndarray | None, n_rows: int
) -> np.ndarray:
    """Σ over columns of matrix values, for every row (rows=None) or for the given rows only."""
    out = np.zeros(n_rows if rows is None else rows.shape[0], dtype=np.float32)
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for column in columns:
        if column < 0:
            continue
        start, end = indptr[column], indptr[column + 1]
        if start == end:
            continue
        column_rows = indices[start:end]
        if rows is None:
            out[column_rows] += data[start:end]
        else:
            position = np.minimum(np.searchsorted(column_rows, rows), end - start - 1)
            hit = column_rows[position] == rows
            out[hit] += data[start:end][position[hit]]
    return out


def components(
    index: MatchIndex, query: Query, rows: np.ndarray | None = None, semantic: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """Every applicable component ∈ [0, 1], for all rows or for the given rows."""
    n = len(index)

    def take(array: np.ndarray) -> np.ndarray:
        return array if rows is None else array[rows]

    requirements = query.requirements
    values: dict[str, np.ndarray] = {}
    w = query.weights
    if "must" in w:
        values["must"] = column_sum(index.skills, query.must_columns, rows, n) / len(query.must_columns)
    if "nice" in w:
        values["nice"] = column_sum(index.skills, query.nice_columns, rows, n) / len(query.nice_columns)
    if "domain" in w:
        values["domain"] = column_sum(
            index.domains, [-1 if query.domain_column is None else query.domain_column], rows, n
        )
    if "degree" in w:
        minimum = DEGREE_RANK[requirements.min_degree]
        degree = take(index.degree).astype(np.float32)
        values["degree"] = np.where(degree >= minimum, 1.0, 0.5 * degree / minimum).astype(np.float32)
    if "years" in w:
        values["years"] = np.minimum(take(index.years) / requirements.min_years, 1.0).astype(np.float32)
    if "research" in w:
        values["research"] = (
            0.35 * (take(index.degree) == DEGREE_RANK["phd"])
            + 0.15 * np.minimum(take(index.top_papers), 3)
            + 0.2 * (take(index.top_awards) > 0)
        ).astype(np.float32)
    if "text" in w:
        raw = column_sum(index.terms, query.term_ids, rows, n)
        values["text"] = np.minimum(raw / query.text_scale, 1.0)
    if "semantic" in w:
        values["semantic"] = (
            np.zeros(n if rows is None else rows.shape[0], np.float32) if semantic is None else take(semantic)
        )
    return values


def combine(query: Query, values: Mapping[str, np.ndarray]) -> np.ndarray:
    total: np.ndarray | None = None
    for name, value in values.items():
        part = query.weights[name] * value
        total = part if total is None else total + part
    assert total is not None  # research always applies
    return total


def eligible(
    index: MatchIndex, query: Query, filters: Filters, rows: np.ndarray | None = None
) -> np.ndarray | None:
    """Boolean mask of rows that pass hard rules and filters; None when nothing restricts."""
    mask: np.ndarray | None = None

    def also(condition: np.ndarray) -> None:
        nonlocal mask
        mask = condition if mask is None else mask & condition

    def take(array: np.ndarray) -> np.ndarray:
        return array if rows is None else array[rows]

    requirements = query.requirements
    if requirements.degree_rule == "filter" and DEGREE_RANK.get(requirements.min_degree, 0):
        also(take(index.degree) >= DEGREE_RANK[requirements.min_degree])
    if requirements.years_rule == "filter" and requirements.min_years > 0:
        also(take(index.years) >= requirements.min_years)
    for name, wanted in (("city", filters.cities), ("source", filters.sources), ("stage", filters.stages)):
        if wanted:
            codes = [index.code_of(name, value) for value in wanted]
            also(np.isin(take(getattr(index, name)), np.array(codes, dtype=np.int16)))
    if filters.graduation_from is not None:
        also(take(index.graduation_year) >= filters.graduation_from)
    if filters.graduation_to is not None:
        also(take(index.graduation_year) <= filters.graduation_to)
    if filters.exclude_keys:
        excluded = [r for r in (index.row_of(k) for k in filters.exclude_keys) if r is not None]
        if excluded:
            keep = np.ones(len(index), dtype=bool)
            keep[excluded] = False
            also(take(keep))
    return mask


@dataclass(frozen=True)
class TopRows:
    rows: np.ndarray
    scores: np.ndarray
    considered: int
    eligible: int
    warnings: tuple[str, ...] = field(default=())


def top_rows(
    index: MatchIndex,
    query: Query,
    *,
    k: int,
    filters: Filters = NO_FILTERS,
    semantic: np.ndarray | None = None,
) -> TopRows:
    """The k best rows by score (ties broken by row order, so results are deterministic)."""
    scores = combine(query, components(index, query, semantic=semantic))
    mask = eligible(index, query, filters)
    n_eligible = len(index) if mask is None else int(mask.sum())
    if mask is not None:
        scores = np.where(mask, scores, -1.0).astype(np.float32)
    k = min(k, n_eligible)
    if k <= 0:
        return TopRows(np.empty(0, np.int64), np.empty(0, np.float32), len(index), n_eligible)
    candidates = np.argpartition(-scores, k - 1)[:k] if k < scores.shape[0] else np.arange(scores.shape[0])
    order = np.lexsort((candidates, -scores[candidates]))
    chosen = candidates[order]
    return TopRows(chosen, scores[chosen], len(index), n_eligible)
