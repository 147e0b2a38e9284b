"""Explainable scoring of candidates against requirements, over a MatchIndex.

score = t·text + (1 − t)·Σ wᵢ·cᵢ / Σ wᵢ over the structured components that apply, each cᵢ ∈ [0, 1]:

- must      share of must-haves the candidate has (a descendant counts: vLLM satisfies LLM inference); a
            requirement the taxonomy lacks ("Gephi", or an item of a requirement list such as "IBM Lotus
            Notes") counts when every word of it is in the resume text
- nice      share of nice-to-have skills, the same way
- domain    1 when the candidate has the requisition's industry domain
- degree    1 at or above the minimum, otherwise degree/minimum halved (or excluded when the rule is 'filter')
- years     years/minimum capped at 1 (or excluded below the minimum when the rule is 'filter')
- research  0.35·PhD + 0.45·min(top-venue papers, 3)/3 + 0.2·(any top award); weighted up for research roles
- text      BM25 of the resume text against every informative term of the job text, as often as the
            text repeats it (see query_terms), the requisition title's words counted ``Weights.title``
            times,
            divided by the best BM25 any resume in the index reaches for that query: the most
            relevant resume scores 1. With the structured weights at zero this ranks exactly as plain
            BM25 (bm25s, default tokeniser) does on English text. Unlike the others, its weight is a
            share: text holds ``Weights.text`` of the score, the structured components divide the rest
            in their proportions; the share was chosen on development data (docs/quality.md, "Fusion").
- semantic  optional cosine similarity from an embedding model, when the caller provides it
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

try:  # scipy's compiled sparse kernels (private, present in every scipy this project supports)
    from scipy.sparse._sparsetools import csc_matvec as _csc_matvec
except ImportError:  # pragma: no cover
    _csc_matvec = None

from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.core.profile import DEGREE_RANK
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.tokenise import bm25_tokens


@dataclass(frozen=True)
class Weights:
    must: float = 0.40
    nice: float = 0.12
    domain: float = 0.10
    degree: float = 0.06
    years: float = 0.06
    research: float = 0.04
    research_role: float = 0.20
    # Not a weight beside the others but the share of the score text relevance holds; the weights
    # above divide the rest among themselves. Chosen on development data (docs/quality.md, "Fusion"):
    # the best worst-case margin over plain BM25 across the O*NET check's dev split (English and
    # Chinese) and the judged set, ties within 0.005 going to the judged set.
    text: float = 0.6
    # How many times the requisition's title words count in the text query (the job text holds the
    # title once; a job's title names the occupation the rest describes). Chosen with the share, on
    # the same data and criterion (docs/quality.md, "Title").
    title: int = 4
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

# Up to this many rows, a subset's components are probed column by column instead of read by row.
SMALL_SUBSET = 2_048


@dataclass(frozen=True)
class Query:
    """Requirements resolved against one index: column numbers, term ids, active weights.

    ``must_text_rows`` / ``nice_text_rows``: for each requirement the taxonomy lacks, the sorted rows
    whose text holds all its words. ``text_sums``: BM25 of every row, when compiling computed it.
    """

    requirements: Requirements
    must_columns: tuple[int, ...]
    nice_columns: tuple[int, ...]
    domain_column: int | None
    term_ids: tuple[int, ...]
    text_scale: float
    weights: Mapping[str, float]
    warnings: tuple[str, ...] = ()
    must_text_rows: tuple[np.ndarray, ...] = field(default=(), compare=False, repr=False)
    nice_text_rows: tuple[np.ndarray, ...] = field(default=(), compare=False, repr=False)
    text_sums: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def must_total(self) -> int:
        return len(self.must_columns) + len(self.must_text_rows)

    @property
    def nice_total(self) -> int:
        return len(self.nice_columns) + len(self.nice_text_rows)


def query_tokens(requirements: Requirements, weights: Weights = DEFAULT_WEIGHTS) -> list[str]:
    """The words of the text query, every one as often as it counts (before the idf filter)."""
    # The job text alone: adding the bilingual names of its skills (``requirements.expansion``)
    # cost 0.02–0.03 nDCG@10 on the O*NET check's dev split at the chosen share (docs/quality.md).
    tokens = bm25_tokens(requirements.text)
    # The title counts ``weights.title`` times in all, however often the text already holds it (a
    # requisition's text starts with its title; a job file may repeat it as its first line).
    repeats = int(weights.title) - requirements.text.count(requirements.title) if requirements.title else 0
    if repeats > 0:
        tokens += bm25_tokens(requirements.title) * repeats
    # A Chinese job reaching English resumes: its title's English words count as the title does,
    # the English names of the skills it names in Chinese once each (crosslingual.py).
    if requirements.title_words_en:
        tokens += bm25_tokens(requirements.title_words_en) * max(int(weights.title), 1)
    if requirements.text_words_en:
        tokens += bm25_tokens(requirements.text_words_en)
    return tokens


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
    must_text = tuple(phrase_rows(index, name) for name in requirements.must_text)
    nice_text = tuple(phrase_rows(index, name) for name in requirements.nice_text)
    tokens = query_tokens(requirements, weights)
    term_ids = query_terms(index, tokens, keep=frozenset(requirements.latin_terms))
    text_sums, text_scale = _text_scale(index, term_ids)
    active = {
        "must": weights.must if must or must_text else 0.0,
        "nice": weights.nice if nice or nice_text else 0.0,
        "domain": weights.domain if requirements.domain else 0.0,
        "degree": weights.degree if DEGREE_RANK.get(requirements.min_degree, 0) else 0.0,
        "years": weights.years if requirements.min_years > 0 else 0.0,
        "research": weights.research_role if requirements.research else weights.research,
        "semantic": weights.semantic if semantic else 0.0,
    }
    # Text relevance holds ``weights.text`` of the score, the structured evidence the rest, so the
    # evidence re-orders among resumes of about the same relevance (docs/quality.md, "Fusion").
    evidence = sum(active.values())
    share = min(max(weights.text, 0.0), 1.0) if text_scale > 0 else 0.0
    if evidence <= 0:
        share = 1.0 if share > 0 else 0.0
    active = {k: v / evidence * (1.0 - share) for k, v in active.items() if v > 0} if evidence else {}
    active["text"] = share
    warnings = list(requirements.warnings)
    if not must and not nice and not must_text and not nice_text:
        warnings.append("no skills to match: the score rests on text relevance and the other signals")
    if text_scale <= 0 and not must and not nice:
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
        must_text_rows=must_text,
        nice_text_rows=nice_text,
        text_sums=text_sums,
    )


def _text_scale(index: MatchIndex, term_ids: tuple[int, ...]) -> tuple[np.ndarray | None, float]:
    """The best BM25 any row reaches for the query (remembered per query by the index), and the
    scores of every row when they had to be computed for it (the search then reuses them)."""
    if not term_ids:
        return None, 0.0
    known = index.remembered(("text-max", term_ids))
    if known is not None:
        return None, float(known)
    sums = column_sum(index.terms, term_ids, None, len(index))
    best = float(sums.max(initial=0.0))
    index.remember(("text-max", term_ids), best)
    return sums, best


def phrase_rows(index: MatchIndex, name: str) -> np.ndarray:
    """Sorted rows whose text holds every word of ``name`` (a requirement the taxonomy lacks)."""
    tokens = list(dict.fromkeys(bm25_tokens(name)))
    if not tokens or any(token not in index.vocabulary for token in tokens):
        return np.empty(0, dtype=np.int32)
    terms = index.terms
    rows: np.ndarray | None = None
    columns = [index.vocabulary[token] for token in tokens]
    for column in sorted(columns, key=lambda c: terms.indptr[c + 1] - terms.indptr[c]):
        postings = terms.indices[terms.indptr[column] : terms.indptr[column + 1]]
        rows = postings if rows is None else np.intersect1d(rows, postings, assume_unique=True)
    assert rows is not None
    return rows


def text_hits(rows_per_requirement: Sequence[np.ndarray], rows: np.ndarray | None, n_rows: int) -> np.ndarray:
    """How many of the text requirements each row (every row, or the given ones) meets."""
    size = n_rows if rows is None else rows.shape[0]
    hits = np.zeros(size, dtype=np.float32)
    for found in rows_per_requirement:
        if found.shape[0] == 0:
            continue
        if rows is None:
            hits[found] += 1.0
        else:
            hits += np.isin(rows, found, assume_unique=False)
    return hits


# A job description runs to ~1,500 characters and ~90 distinct terms. Terms in more than about one
# resume in seven (idf < 2) say little about fit ("experience", "工作") while their postings cover
# much of the corpus; they are dropped unless nothing else is left. Measured, not guessed: on the
# O*NET check's dev split dropping them changes text relevance by +0.00 (en) / +0.01 (zh) nDCG@10,
# on the judged set by −0.01 (docs/quality.md, "Text relevance"), and it bounds the postings read.
MIN_QUERY_IDF = 2.0


def query_terms(
    index: MatchIndex, tokens: Sequence[str], keep: frozenset[str] = frozenset()
) -> tuple[int, ...]:
    """Term ids of the query: every known term of the text, as often as the text has it, sorted.

    A term the job text repeats counts that many times, as plain BM25 (bm25s) scores a query; terms
    with idf below MIN_QUERY_IDF (in more than about one resume in seven) are dropped unless nothing
    else is left, or they are in ``keep`` (the tools a Chinese job text names in Latin letters, which
    plain BM25 reads whatever their idf: ``Requirements.latin_terms``).
    """
    known = [token for token in tokens if token in index.vocabulary]
    ids = np.fromiter((index.vocabulary[token] for token in known), dtype=np.int64, count=len(known))
    if not ids.shape[0]:
        return ()
    informative = index.idf[ids] >= MIN_QUERY_IDF
    if informative.any():
        if keep:
            informative |= np.fromiter((token in keep for token in known), dtype=bool, count=len(known))
        ids = ids[informative]
    return tuple(sorted(int(t) for t in ids))


def column_sum(
    matrix: sp.csc_matrix,
    columns: Sequence[int],
    rows: np.ndarray | None,
    n_rows: int,
    by_row: sp.csr_matrix | None = None,
    broad: Mapping[int, np.ndarray] | None = None,
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
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    if rows is None:
        # Each column's postings times how often the column is listed (a word the job text repeats),
        # added in place (``_add_columns``). Columns with a dense 0/1 copy (``broad``) are added row
        # by row, in bytes.
        dense = [broad[c] for c in columns if broad is not None and c in broad]
        times: dict[int, int] = {}
        for c in columns:
            if indptr[c + 1] > indptr[c] and (broad is None or c not in broad):
                times[c] = times.get(c, 0) + 1
        total = _add_columns(matrix, times, n_rows)
        if dense:
            total += np.sum(dense, axis=0, dtype=np.uint8) if len(dense) > 1 else dense[0]
        return np.asarray(total, dtype=np.float32)
    out = np.zeros(rows.shape[0], dtype=np.float32)
    for column in columns:
        start, end = indptr[column], indptr[column + 1]
        if start == end:
            continue
        column_rows = indices[start:end]
        position = np.minimum(np.searchsorted(column_rows, rows), end - start - 1)
        hit = column_rows[position] == rows
        out[hit] += data[start:end][position[hit]]
    return out


def _add_columns(matrix: sp.csc_matrix, times: Mapping[int, int], n_rows: int) -> np.ndarray:
    """Σ over the columns of matrix · times[column], for every row, in float32.

    What ``matrix[:, columns] @ times`` computes, term by term in the same order (so the same float32
    sums), through scipy's own compiled column loop run on each column's postings where they lie:
    slicing the columns out first copied every posting once more, about a third of the time at a
    million rows (docs/benchmarks.md, "Matching").
    """
    columns = sorted(times)
    if not columns:
        return np.zeros(n_rows, dtype=np.float32)
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    if _csc_matvec is None or data.dtype != np.float32 or indptr.dtype != indices.dtype:
        return np.asarray(matrix[:, columns] @ np.array([times[c] for c in columns], dtype=np.float32))
    total = np.zeros(n_rows, dtype=np.float32)
    for column in columns:
        weight = np.array([times[column]], dtype=np.float32)
        _csc_matvec(n_rows, 1, indptr[column : column + 2], indices, data, weight, total)
    return total


def components(
    index: MatchIndex,
    query: Query,
    rows: np.ndarray | None = None,
    semantic: np.ndarray | None = None,
    only: frozenset[str] | None = None,
    dense: Mapping[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Every applicable component ∈ [0, 1] (or just those in ``only``), for all rows or the given rows.

    ``dense`` holds column sums already scattered over every row (see ``dense_sums``): a subset then
    just reads its entries.
    """
    n = len(index)
    dense = dense or {}

    def take(array: np.ndarray) -> np.ndarray:
        return array if rows is None else array[rows]

    requirements = query.requirements
    values: dict[str, np.ndarray] = {}
    w = {name: weight for name, weight in query.weights.items() if only is None or name in only}
    # A few rows (explanations, one candidate's requisitions) probe each column by binary search; many
    # rows read the row-major copies, which are made once per index.
    big = rows is not None and rows.shape[0] > SMALL_SUBSET

    def by_row(name: str) -> sp.csr_matrix | None:
        return index.by_row(name)[rows] if big else None

    skills_rows = by_row("skills") if {"must", "nice"} & (w.keys() - dense.keys()) else None
    domain_rows = by_row("domains") if "domain" in w and "domain" not in dense else None
    if "must" in w:
        raw = take(dense["must"]) if "must" in dense else None
        if raw is None:
            raw = column_sum(index.skills, query.must_columns, rows, n, skills_rows, index.broad_skills)
            if query.must_text_rows:
                raw = raw + text_hits(query.must_text_rows, rows, n)
        values["must"] = (raw / query.must_total).astype(np.float32, copy=False)
    if "nice" in w:
        raw = take(dense["nice"]) if "nice" in dense else None
        if raw is None:
            raw = column_sum(index.skills, query.nice_columns, rows, n, skills_rows, index.broad_skills)
            if query.nice_text_rows:
                raw = raw + text_hits(query.nice_text_rows, rows, n)
        values["nice"] = (raw / query.nice_total).astype(np.float32, copy=False)
    if "domain" in w:
        raw = take(dense["domain"]) if "domain" in dense else None
        if raw is None:
            domain = [-1 if query.domain_column is None else query.domain_column]
            raw = column_sum(index.domains, domain, rows, n, domain_rows)
        values["domain"] = raw.astype(np.float32, copy=False)
    if "degree" in w:
        minimum = DEGREE_RANK[requirements.min_degree]
        levels = np.arange(max(DEGREE_RANK.values()) + 1, dtype=np.float32)
        table = np.where(levels >= minimum, 1.0, 0.5 * levels / minimum).astype(np.float32)
        if rows is None:
            values["degree"] = index.derived("degree", minimum, lambda: table[index.degree])
        else:
            values["degree"] = table[index.degree[rows]]
    if "years" in w:
        minimum_years = requirements.min_years

        def years_share(years: np.ndarray) -> np.ndarray:
            share = years / np.float32(minimum_years)
            return np.minimum(share, np.float32(1.0), out=share).astype(np.float32, copy=False)

        if rows is None:
            values["years"] = index.derived("years", minimum_years, lambda: years_share(index.years))
        else:
            values["years"] = years_share(index.years[rows])
    if "research" in w:
        values["research"] = take(index.research)
    if "text" in w:
        raw = take(dense["text"]) if "text" in dense else None
        if raw is None and query.text_sums is not None:
            raw = take(query.text_sums)
        if raw is None:
            raw = column_sum(index.terms, query.term_ids, rows, n, by_row("terms"))
        text = raw / np.float32(query.text_scale)
        values["text"] = np.minimum(text, np.float32(1.0), out=text)
    if "semantic" in w:
        values["semantic"] = (
            np.zeros(n if rows is None else rows.shape[0], np.float32) if semantic is None else take(semantic)
        )
    return values


def combine(query: Query, values: Mapping[str, np.ndarray]) -> np.ndarray:
    total: np.ndarray | None = None
    scratch: np.ndarray | None = None
    for name, value in values.items():
        weight = query.weights[name]
        if total is None:
            total = weight * value
            continue
        # In place, through one scratch buffer: a fresh million-row array per component costs its
        # page faults as well as its pass.
        if scratch is None or scratch.dtype != np.result_type(value, np.float32):
            scratch = np.empty(value.shape, dtype=np.result_type(value, np.float32))
        np.multiply(value, weight, out=scratch)
        total += scratch
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
