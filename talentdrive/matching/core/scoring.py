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
    matrix: sp.csc_matrix,
    columns: Sequence[int],
    rows: np.ndarray | None,
    n_rows: int,
    by_row: sp.csr_matrix | None = None,
) -> np.ndarray:
    """Σ over columns of matrix values, for every row (rows=None) or for the given rows only.

    All rows: scatter each column's postings into a dense vector. A subset: multiply ``by_row`` — the
    row-major slice of exactly those rows, cut once by the caller — by the column indicator (cost ∝
    the subset's entries), or without it probe each column by binary search.
    """
    columns = [c for c in columns if c >= 0]
    if rows is not None and by_row is not None:
        if not columns:
            return np.zeros(rows.shape[0], dtype=np.float32)
        indicator = np.zeros(by_row.shape[1], dtype=np.float32)
        np.add.at(indicator, columns, 1.0)
        return np.asarray(by_row @ indicator, dtype=np.float32).ravel()
    out = np.zeros(n_rows if rows is None else rows.shape[0], dtype=np.float32)
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for column in columns:
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
    index: MatchIndex,
    query: Query,
    rows: np.ndarray | None = None,
    semantic: np.ndarray | None = None,
    only: frozenset[str] | None = None,
) -> dict[str, np.ndarray]:
    """Every applicable component ∈ [0, 1] (or just those in ``only``), for all rows or the given rows."""
    n = len(index)

    def take(array: np.ndarray) -> np.ndarray:
        return array if rows is None else array[rows]

    requirements = query.requirements
    values: dict[str, np.ndarray] = {}
    w = {name: weight for name, weight in query.weights.items() if only is None or name in only}
    big = rows is not None
    skills_rows = index.by_row("skills")[rows] if rows is not None and ("must" in w or "nice" in w) else None
    domain_rows = index.by_row("domains")[rows] if rows is not None and "domain" in w else None
    if "must" in w:
        values["must"] = column_sum(index.skills, query.must_columns, rows, n, skills_rows) / len(
            query.must_columns
        )
    if "nice" in w:
        values["nice"] = column_sum(index.skills, query.nice_columns, rows, n, skills_rows) / len(
            query.nice_columns
        )
    if "domain" in w:
        values["domain"] = column_sum(
            index.domains, [-1 if query.domain_column is None else query.domain_column], rows, n, domain_rows
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
        raw = column_sum(index.terms, query.term_ids, rows, n, index.by_row("terms")[rows] if big else None)
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
            # A value no candidate has matches nobody (code -1 means "unknown" on the candidate side).
            codes = [code for code in (index.code_of(name, value) for value in wanted) if code >= 0]
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
    """The k best rows by score; ties broken by row order, so results are deterministic.

    Exact, but it avoids scoring everyone: candidates are bucketed by how many must-haves they have,
    scored bucket by bucket from the fullest, and the search stops once the k-th best score beats
    the best any lower bucket could reach (its must share plus every other weight at its maximum).
    Only when that never happens are all rows scored.
    """
    mask = eligible(index, query, filters)
    n_eligible = len(index) if mask is None else int(mask.sum())
    k = min(k, n_eligible)
    if k <= 0:
        return TopRows(np.empty(0, np.int64), np.empty(0, np.float32), len(index), n_eligible)
    must = [c for c in query.must_columns if c >= 0]
    if "must" in query.weights and must and semantic is None:
        found = _top_by_must_buckets(index, query, must, mask, k)
        if found is not None:
            return TopRows(found[0], found[1], len(index), n_eligible)
    scores = combine(query, components(index, query, semantic=semantic))
    if mask is not None:
        scores = np.where(mask, scores, -1.0).astype(np.float32)
    return TopRows(*_best(np.arange(scores.shape[0]), scores, k), len(index), n_eligible)


def _best(rows: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    if k < scores.shape[0]:
        keep = np.argpartition(-scores, k - 1)[:k]
        # Rows tied with the k-th score but cut by argpartition must compete on row order too.
        threshold = scores[keep].min()
        keep = np.flatnonzero(scores >= threshold)
        rows, scores = rows[keep], scores[keep]
    order = np.lexsort((rows, -scores))[:k]
    return rows[order], scores[order]


_NOT_TEXT = frozenset({"must", "nice", "domain", "degree", "years", "research"})


def _top_by_must_buckets(
    index: MatchIndex, query: Query, must: list[int], mask: np.ndarray | None, k: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Exact top-k read from the candidates with the most must-haves, or None to score everyone.

    1. Count each candidate's must-haves by scattering the must columns' postings.
    2. Score the fullest bucket(s) until k candidates are scored; the k-th score is a floor.
    3. A candidate with c of M must-haves scores at most w_must·c/M + (1 − w_must): only buckets
       whose ceiling reaches the floor can still place, and within them only rows whose other
       components plus the full text weight reach it get the (costlier) text component.
    """
    n = len(index)
    weights = query.weights
    total = len(query.must_columns)
    w_must = weights["must"]
    counts = _posting_counts(index.skills, must, n)
    if mask is not None:
        counts[~mask] = 0
    fullest = int(counts.max(initial=0))
    if fullest == 0:
        return None
    threshold = fullest
    rows = np.flatnonzero(counts >= threshold)
    while rows.shape[0] < k and threshold > 1:
        threshold -= 1
        rows = np.flatnonzero(counts >= threshold)
    best_rows, best_scores = _score_rows(index, query, rows, k, floor=-1.0)
    if best_rows.shape[0] < k:
        return None
    floor = float(best_scores[-1])
    needed = int(np.ceil((floor - (1.0 - w_must)) * total / w_must - 1e-6))
    if needed < 1:
        return None  # candidates without any must-have could still place: score everyone
    if needed < threshold:
        more = np.flatnonzero((counts >= needed) & (counts < threshold))
        extra_rows, extra_scores = _score_rows(index, query, more, k, floor=floor)
        best_rows, best_scores = _best(
            np.concatenate([best_rows, extra_rows]), np.concatenate([best_scores, extra_scores]), k
        )
    return best_rows, best_scores


def _score_rows(
    index: MatchIndex, query: Query, rows: np.ndarray, k: int, *, floor: float
) -> tuple[np.ndarray, np.ndarray]:
    """Best k of the given rows; text is computed only where it could lift a row above ``floor``."""
    if rows.shape[0] == 0:
        return rows, np.empty(0, np.float32)
    cheap = combine(query, components(index, query, rows, only=_NOT_TEXT))
    slack = query.weights.get("text", 0.0)
    if slack and floor < 0 and rows.shape[0] > 4 * k:
        # A floor from the rows best on everything but text: their full scores are reachable.
        probe = np.argpartition(-cheap, 4 * k - 1)[: 4 * k]
        probe_scores = cheap[probe] + slack * _text(index, query, rows[probe])
        floor = float(np.partition(probe_scores, probe_scores.shape[0] - k)[probe_scores.shape[0] - k])
    if slack:
        contenders = np.flatnonzero(cheap + slack >= floor - 1e-6)
        rows = rows[contenders]
        scores = (cheap[contenders] + slack * _text(index, query, rows)).astype(np.float32)
    else:
        scores = cheap
    return _best(rows, scores, k)


def _posting_counts(matrix: sp.csc_matrix, columns: Sequence[int], n: int) -> np.ndarray:
    counts = np.zeros(n, dtype=np.int8)
    for column in columns:
        counts[matrix.indices[matrix.indptr[column] : matrix.indptr[column + 1]]] += 1
    return counts


def _text(index: MatchIndex, query: Query, rows: np.ndarray) -> np.ndarray:
    ordered = np.sort(rows)
    raw = column_sum(index.terms, query.term_ids, ordered, len(index), index.by_row("terms")[ordered])
    text = np.minimum(raw / query.text_scale, 1.0).astype(np.float32)
    # Back to the caller's order.
    return text[np.searchsorted(ordered, rows)]
