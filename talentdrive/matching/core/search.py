"""Top-K search over a MatchIndex: which candidates can still place, scored once, best first.

The scoring itself lives in ``scoring``; this module decides which rows to score and keeps the
best ``k`` without ever sorting the whole corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.core.scoring import (
    NO_FILTERS,
    Filters,
    Query,
    column_sum,
    combine,
    components,
    eligible,
    text_hits,
)


@dataclass(frozen=True)
class TopRows:
    rows: np.ndarray
    scores: np.ndarray
    considered: int
    eligible: int
    warnings: tuple[str, ...] = field(default=())
    # The column sums over every row the search computed, so explaining the top rows reads them.
    sums: Mapping[str, np.ndarray] | None = field(default=None, repr=False, compare=False)


def top_rows(
    index: MatchIndex,
    query: Query,
    *,
    k: int,
    filters: Filters = NO_FILTERS,
    semantic: np.ndarray | None = None,
) -> TopRows:
    """The k best rows by score; ties broken by row order, so results are deterministic.

    Exact. The column-based components are summed over everyone once (``dense_sums``); then only the
    candidates whose text relevance lets them reach the k-th best score are scored
    (``_top_by_text_bound``); failing that, when the must-haves are specific, candidates are
    bucketed by how many they have and scored bucket by bucket from the fullest, stopping once the
    k-th best score beats the best any lower bucket could reach (its must share plus every other
    weight at its maximum). Otherwise everyone is scored.
    """
    mask = eligible(index, query, filters)
    n_eligible = len(index) if mask is None else int(mask.sum())
    k = min(k, n_eligible)
    if k <= 0:
        return TopRows(np.empty(0, np.int64), np.empty(0, np.float32), len(index), n_eligible)
    must = [c for c in query.must_columns if c >= 0]
    if semantic is None:
        sums = dense_sums(index, query)
        bounded = _top_by_text_bound(index, query, sums, mask, k)
        if bounded is not None:
            return TopRows(bounded[0], bounded[1], len(index), n_eligible, sums=sums)
        if "must" in query.weights and (must or any(r.shape[0] for r in query.must_text_rows)):
            found = _top_by_must_buckets(index, query, sums, mask, k)
        else:
            found = _score_everyone(index, query, sums, mask, k)
        return TopRows(found[0], found[1], len(index), n_eligible, sums=sums)
    scores = combine(query, components(index, query, semantic=semantic))
    if mask is not None:
        scores = np.where(mask, scores, -1.0).astype(np.float32)
    return TopRows(*_best(None, scores, k), len(index), n_eligible)


def _best(rows: np.ndarray | None, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best (rows, scores), best first, ties by row; ``rows=None`` means positions."""
    if scores.shape[0] > 64 * k:
        # The k-th best of every step-th score is at most the k-th best of all: keeping the scores
        # at or above it keeps the whole top k (about k·step rows), without partitioning them all.
        step = 16
        sample = scores[::step]
        floor = np.partition(sample, sample.shape[0] - k)[sample.shape[0] - k]
        keep = np.flatnonzero(scores >= floor)
        rows, scores = (keep if rows is None else rows[keep]), scores[keep]
    if rows is None:
        rows = np.arange(scores.shape[0])
    if k < scores.shape[0]:
        keep = np.argpartition(-scores, k - 1)[:k]
        # Rows tied with the k-th score but cut by argpartition must compete on row order too.
        threshold = scores[keep].min()
        keep = np.flatnonzero(scores >= threshold)
        rows, scores = rows[keep], scores[keep]
    order = np.lexsort((rows, -scores))[:k]
    return rows[order], scores[order]


def dense_sums(index: MatchIndex, query: Query) -> dict[str, np.ndarray]:
    """Column sums over every row for the column-based components (must, nice, domain, text).

    The cost is the postings of the query's few columns (the text query keeps its most informative
    terms), not the rows scored afterwards: a subset of any size is then a gather, with no row-major
    copy of a million-row matrix.
    """
    n = len(index)
    sums = {}
    if "text" in query.weights and query.text_sums is not None:
        sums["text"] = query.text_sums
    for name, matrix, columns, broad in (
        ("must", index.skills, query.must_columns, index.broad_skills),
        ("nice", index.skills, query.nice_columns, index.broad_skills),
        ("domain", index.domains, (-1 if query.domain_column is None else query.domain_column,), None),
        ("text", index.terms, query.term_ids, None),
    ):
        if name in query.weights and name not in sums:
            sums[name] = column_sum(matrix, columns, None, n, broad=broad)
    for name, text_rows in (("must", query.must_text_rows), ("nice", query.nice_text_rows)):
        if name in sums and text_rows:
            sums[name] = sums[name] + text_hits(text_rows, None, n)
    return sums


# The margin below the reachable score that a candidate's bound may fall and still be scored: float32
# sums round by about 1e-7 of the score, so the bound never leaves out a row that could place or tie.
_BOUND_MARGIN = 1e-5
# How many of the best rows by text (from every SEED_STEP-th row at most) are scored first for a floor.
SEED_STEP = 16
SEED_PER_K = 4


def _top_by_text_bound(
    index: MatchIndex, query: Query, dense: Mapping[str, np.ndarray], mask: np.ndarray | None, k: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Exact top-k, scoring only the candidates whose text relevance lets them place; None when
    that is not fewer than scoring everyone.

    Every component is in [0, 1] and the weights sum to 1, so a candidate scores at most
    w_text · text + (1 − w_text). Some k candidates high on text are scored first: the k-th best of
    them is a floor the final k-th best reaches, and a candidate whose text cannot lift it to that
    floor is never scored. With text holding most of the score (``Weights.text``) this leaves a few
    thousand of a million candidates (docs/benchmarks.md, "Matching").
    """
    n = len(index)
    w_text = query.weights.get("text", 0.0)
    text = dense.get("text")
    if text is None or w_text <= 0 or query.text_scale <= 0 or n <= 64 * k:
        return None
    # A sample of at least 64·k rows, every step-th, to pick the seeds from.
    step = max(1, min(SEED_STEP, n // (64 * k)))
    sample = text[::step]
    if mask is not None:
        sample = np.where(mask[::step], sample, np.float32(-1.0))
    seeds = min(SEED_PER_K * k, sample.shape[0])
    picked = np.argpartition(-sample, seeds - 1)[:seeds]
    picked = np.sort(picked[sample[picked] >= 0]) * step
    if picked.shape[0] < k:
        return None
    floor = float(_score_rows(index, query, picked, k, dense)[1][-1])
    rest = sum(weight for name, weight in query.weights.items() if name != "text")
    reach = (floor - rest - _BOUND_MARGIN) / w_text
    if reach <= 0:
        return None
    rows = np.flatnonzero(text >= np.float32(reach * query.text_scale))
    if mask is not None:
        rows = rows[mask[rows]]
    if rows.shape[0] > n // BROAD_SHARE:
        return None
    return _score_rows(index, query, rows, k, dense)


def _top_by_must_buckets(
    index: MatchIndex, query: Query, dense: Mapping[str, np.ndarray], mask: np.ndarray | None, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-k, reading as few candidates as the must-have counts allow.

    1. Count each candidate's must-haves (with the other column sums, in one pass over postings).
    2. Score the fullest bucket(s) until k candidates are scored; the k-th score is a floor.
    3. A candidate with c of M must-haves scores at most w_must·c/M + (1 − w_must): only buckets
       whose ceiling reaches the floor can still place.
    When the buckets to read hold a large share of everyone (broad must-haves such as "LLM", which
    most profiles imply), scoring everyone from the dense sums is cheaper than gathering them.
    """
    n = len(index)
    total = query.must_total
    w_must = query.weights["must"]
    counts = dense["must"].astype(np.int8)
    if mask is not None:
        counts[~mask] = 0
    fullest = int(counts.max(initial=0))
    if fullest == 0:
        return _score_everyone(index, query, dense, mask, k)
    # The fewest must-haves to read so that at least k candidates are scored, and how many rows
    # that makes us read.
    threshold = fullest
    size = int(np.count_nonzero(counts >= threshold))
    while threshold > 1 and size < k:
        threshold -= 1
        size = int(np.count_nonzero(counts >= threshold))
    if size > n // BROAD_SHARE:
        return _score_everyone(index, query, dense, mask, k)
    rows = np.flatnonzero(counts >= threshold)
    best_rows, best_scores = _score_rows(index, query, rows, k, dense)
    if best_rows.shape[0] < k:
        return _score_everyone(index, query, dense, mask, k)
    floor = float(best_scores[-1])
    needed = int(np.ceil((floor - (1.0 - w_must)) * total / w_must - 1e-6))
    if needed < 1 or int(np.count_nonzero(counts >= needed)) > n // BROAD_SHARE:
        # Candidates without any must-have could still place, or too many could: score everyone.
        return _score_everyone(index, query, dense, mask, k)
    if needed < threshold:
        more = np.flatnonzero((counts >= needed) & (counts < threshold))
        extra_rows, extra_scores = _score_rows(index, query, more, k, dense)
        best_rows, best_scores = _best(
            np.concatenate([best_rows, extra_rows]), np.concatenate([best_scores, extra_scores]), k
        )
    return best_rows, best_scores


# Above one row in BROAD_SHARE, reading a bucket costs more than scoring everyone densely.
BROAD_SHARE = 8


def _score_everyone(
    index: MatchIndex, query: Query, dense: Mapping[str, np.ndarray], mask: np.ndarray | None, k: int
) -> tuple[np.ndarray, np.ndarray]:
    scores = combine(query, components(index, query, dense=dense)).astype(np.float32, copy=False)
    if mask is None:
        return _best(None, scores, k)
    rows = np.flatnonzero(mask)
    return _best(rows, scores[rows], k)


def _score_rows(
    index: MatchIndex, query: Query, rows: np.ndarray, k: int, dense: Mapping[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Best k of the given rows, every component read from the dense sums or the row arrays."""
    if rows.shape[0] == 0:
        return rows, np.empty(0, np.float32)
    scores = combine(query, components(index, query, rows, dense=dense)).astype(np.float32, copy=False)
    return _best(rows, scores, k)
