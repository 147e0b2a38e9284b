"""How text relevance and structured evidence are fused, measured: ``talentdrive eval rankproxy --fusion``.

For every job the ranker's own components are computed once over the whole pool (``components`` with
the shipped weights): ``text`` (BM25 relative to the best resume) and ``evidence`` (the structured
components' weighted mean, each in [0, 1]). Three ways of fusing them are then compared, each over a
range of its one parameter, on the O*NET check (English and Chinese job texts) and on the judged set,
with plain BM25 (bm25s) in the same run:

* ``share t``   t·text + (1 − t)·evidence (what the ranker does; t is ``Weights.text``)
* ``rrf β``     reciprocal rank fusion, 1/(60 + text rank) + β/(60 + evidence rank)
* ``rerank N``  the evidence orders the N best by text (text breaks its ties); below them, text alone

Each is run for every title weight in ``TITLES`` (how many times the requisition's title words count in
the text query, ``Weights.title``). The setting is chosen on the dev split and the judged set by the
worst case: the largest minimum margin over plain BM25 across the three columns; among settings within
0.005 of it, the one with the largest mean margin on the real-data columns (O*NET en and zh: where the
project's own judged set and real data disagree, real data wins). The test split is reported once, for
the choice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

import numpy as np

from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.scoring import DEFAULT_WEIGHTS, Weights, compile_query, components
from talentdrive.matching.core.textprofile import profile_from_text
from talentdrive.matching.taxonomy_loader import get_taxonomy

RRF_K = 60
TITLES = (1, 2, 3, 4)
SWEEP: dict[str, tuple[float, ...]] = {
    "share": (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.88, 0.9, 0.95, 1.0),
    "rrf": (0.1, 0.25, 0.5, 1.0, 2.0),
    "rerank": (10, 20, 50, 100, 200),
}


@dataclass(frozen=True)
class Parts:
    """Per job: the text component and the structured evidence of every resume in the pool."""

    keys: list[str]
    text: dict[str, np.ndarray]
    evidence: dict[str, np.ndarray]


def parts(
    resumes: Sequence[tuple[str, str]],
    jobs: Iterable[tuple[str, Requirements]],
    weights: Weights = DEFAULT_WEIGHTS,
) -> Parts:
    """The ranker's components for every job over every resume, split into text and evidence."""
    taxonomy = get_taxonomy()
    index = build_index(
        [profile_from_text(text, taxonomy, key=key) for key, text in resumes], ancestors=taxonomy.ancestors
    )
    n = len(index)
    text: dict[str, np.ndarray] = {}
    evidence: dict[str, np.ndarray] = {}
    for job, requirements in jobs:
        query = compile_query(index, requirements, weights=weights)
        values = components(index, query)
        structured = {k: w for k, w in query.weights.items() if k != "text"}
        total = sum(structured.values())
        mixed = np.zeros(n)
        for name, weight in structured.items():
            mixed += weight / total * values[name]
        evidence[job] = mixed
        text[job] = values["text"].astype(np.float64) if "text" in values else np.zeros(n)
    return Parts([key for key, _ in resumes], text, evidence)


def _ranks(score: np.ndarray) -> np.ndarray:
    order = np.lexsort((np.arange(score.shape[0]), -score))
    ranks = np.empty(score.shape[0])
    ranks[order] = np.arange(1, score.shape[0] + 1)
    return ranks


def fuse(kind: str, parameter: float, text: np.ndarray, evidence: np.ndarray) -> np.ndarray:
    """One score per resume; higher is better."""
    if kind == "share":
        return parameter * text + (1.0 - parameter) * evidence
    if kind == "rrf":
        return 1.0 / (RRF_K + _ranks(text)) + parameter / (RRF_K + _ranks(evidence))
    if kind == "rerank":
        inside = _ranks(text) <= parameter
        return np.where(inside, 2.0 + evidence + 1e-3 * text, text)
    raise ValueError(kind)


def top10(parts_: Parts, kind: str, parameter: float) -> dict[str, list[str]]:
    rankings = {}
    for job, text in parts_.text.items():
        score = fuse(kind, parameter, text, parts_.evidence[job])
        rankings[job] = [parts_.keys[i] for i in np.lexsort((np.arange(score.shape[0]), -score))[:10]]
    return rankings


Scorer = Callable[[dict[str, list[str]]], Sequence[float]]


@dataclass(frozen=True)
class Result:
    label: str
    figures: list[float]
    worst: float  # the smallest margin over the baseline across all columns
    real: float  # the mean margin over the real-data columns


def header(stdout: TextIO, columns: Sequence[str], baseline: Sequence[float]) -> None:
    stdout.write(f"{'fusion':22}" + "".join(f"{c:>13}" for c in columns) + f"{'worst margin':>14}\n")
    stdout.write(f"{'plain BM25':22}" + "".join(f"{b:13.3f}" for b in baseline) + "\n")


def sweep(
    *,
    stdout: TextIO,
    sets: Sequence[tuple[Parts, Scorer]],
    baseline: Sequence[float],
    real_columns: int,
    prefix: str = "",
) -> list[Result]:
    """Print every fusion's figures and its worst margin over the baseline; the first
    ``real_columns`` columns are real data."""
    results = []
    for kind, values in SWEEP.items():
        for value in values:
            figures = [f for parts_, scorer in sets for f in scorer(top10(parts_, kind, value))]
            margins = [f - b for f, b in zip(figures, baseline, strict=True)]
            label = f"{prefix}{kind} {value:g}"
            results.append(Result(label, figures, min(margins), float(np.mean(margins[:real_columns]))))
            stdout.write(f"{label:22}" + "".join(f"{f:13.3f}" for f in figures) + f"{min(margins):+14.3f}\n")
    return results


def choose(results: Sequence[Result]) -> Result:
    """The best worst case; among settings within 0.005 of it, the largest mean real-data margin."""
    best = max(r.worst for r in results)
    return max((r for r in results if r.worst >= best - 0.005), key=lambda r: r.real)
