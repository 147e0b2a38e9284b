"""BM25 (Lucene variant, as bm25s computes it) precomputed into a sparse matrix.

Every (document, term) weight is computed once at index time, so a query is a sum of a few sparse
columns: ``score(d, q) = Σ_t∈q idf(t) · tf / (tf + k1 · (1 − b + b · |d| / avgdl))`` with
``idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

K1 = 1.5
B = 0.75


@dataclass(frozen=True)
class Vocabulary:
    """Token → column. Unknown query tokens are simply absent."""

    ids: dict[str, int]

    def lookup(self, tokens: Iterable[str]) -> list[int]:
        return [self.ids[t] for t in tokens if t in self.ids]


def count_matrix(
    docs: Sequence[Sequence[str]], vocabulary: dict[str, int] | None = None
) -> tuple[sp.csr_matrix, Vocabulary]:
    """Term counts per document (CSR, int32) and the vocabulary, growing it for unseen tokens."""
    ids = dict(vocabulary or {})
    indptr = [0]
    indices: list[int] = []
    for doc in docs:
        for token in doc:
            column = ids.get(token)
            if column is None:
                column = ids[token] = len(ids)
            indices.append(column)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.int32)
    counts = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(docs), max(len(ids), 1)),
    )
    counts.sum_duplicates()
    return counts, Vocabulary(ids)


def weight_matrix(counts: sp.csr_matrix, *, k1: float = K1, b: float = B) -> sp.csc_matrix:
    """BM25 weight of every (document, term) pair, column-major so a query reads whole columns."""
    counts = sp.csr_matrix(counts, dtype=np.float32)
    n_docs = counts.shape[0]
    lengths = np.asarray(counts.sum(axis=1)).ravel().astype(np.float32)
    average = float(lengths.mean()) if n_docs else 0.0
    average = average or 1.0
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float32)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    row_norm = (k1 * (1.0 - b + b * lengths / average)).astype(np.float32)
    rows = np.repeat(np.arange(n_docs), np.diff(counts.indptr))
    tf = counts.data
    weights = counts.copy()
    weights.data = (idf[counts.indices] * tf / (tf + row_norm[rows])).astype(np.float32)
    return weights.tocsc()


def score(weights: sp.csc_matrix, term_ids: Sequence[int], out: np.ndarray | None = None) -> np.ndarray:
    """Dense BM25 scores of every document for a query given as term ids (repeats count twice)."""
    n_docs = weights.shape[0]
    scores = np.zeros(n_docs, dtype=np.float32) if out is None else out
    indptr, indices, data = weights.indptr, weights.indices, weights.data
    for term in term_ids:
        start, end = indptr[term], indptr[term + 1]
        if end > start:
            # Rows within one CSC column are unique, so fancy-index addition is exact (no add.at needed).
            scores[indices[start:end]] += data[start:end]
    return scores
