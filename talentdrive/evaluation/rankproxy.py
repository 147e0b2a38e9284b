"""``talentdrive eval rankproxy``: the ranker against plain BM25 on a ranking check built from O*NET.

See ``realdata/onet_ranking.py`` for what the check is and is not. Reads ``<data>/onet/`` (default
``../shared/data``); without it prints ``skipped: …`` and exits 0. ``--split dev`` is for tuning,
``--split test`` is the figure to report. ``--text-weights 0.22,0.5,…`` reruns the ranker with each
text weight (the other weights as they are) beside the judged set, to choose the fusion weight.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from talentdrive.evaluation.realdata import DEFAULT_DATA
from talentdrive.evaluation.realdata import onet_ranking as onet
from talentdrive.matching.core.explain import rank_candidates
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.requirements import extract_requirements
from talentdrive.matching.core.scoring import DEFAULT_WEIGHTS, Weights
from talentdrive.matching.core.textprofile import profile_from_text
from talentdrive.matching.taxonomy_loader import get_taxonomy


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding onet/")
    parser.add_argument("--split", choices=onet.SPLITS, default="dev", help="job split (tune on dev)")
    parser.add_argument(
        "--text-weights", default="", help="comma-separated text weights to compare (dev and judged set)"
    )


def rank_all(rset: onet.RankingSet, weights: Weights = DEFAULT_WEIGHTS) -> dict[str, list[str]]:
    """The ranker over the resume pool for every job text, as ``eval match`` runs it (text profiles)."""
    taxonomy = get_taxonomy()
    profiles = [profile_from_text(text, taxonomy, key=key) for key, text in rset.resumes]
    index = build_index(profiles, ancestors=taxonomy.ancestors)
    names = {k: s.name_en for k, s in taxonomy.skills.items()}
    rankings = {}
    for job, (_, text) in rset.jobs.items():
        requirements = extract_requirements(text, taxonomy)
        ranking = rank_candidates(
            index, requirements, k=10, ancestors=taxonomy.ancestors, names=names, weights=weights
        )
        rankings[job] = [m.key for m in ranking.matches]
    return rankings


def run(
    *, stdout: TextIO, data: Path = DEFAULT_DATA, split: str = "dev", text_weights: str = "", **_: Any
) -> int:
    if not onet.data_present(data):
        stdout.write(f"skipped: {data / 'onet'} is not there (public data is read from ../shared/data)\n")
        return 0
    rset = onet.build(data, split)
    stdout.write(
        f"O*NET ranking check, {split}: {len(rset.jobs)} job texts (en and zh) × {len(rset.resumes)} "
        "resume-like texts, graded 2 same occupation / 1 same broad group\n"
    )
    systems = [("talentdrive ranker", rank_all(rset)), ("bm25s, plain", onet.rank_plain_bm25(rset))]
    stdout.write(f"{'system':24} {'nDCG@10 en':>11} {'nDCG@10 zh':>11}\n")
    for name, rankings in systems:
        en, zh = (onet.mean_ndcg(rankings, rset.grades, language) for language in ("en", "zh"))
        stdout.write(f"{name:24} {en:11.3f} {zh:11.3f}\n")
    if text_weights:
        from talentdrive.evaluation.matching import load_judged, run_ranker, score

        resumes, qrels = load_judged()
        stdout.write(f"\n{'text weight':12} {'nDCG@10 en':>11} {'nDCG@10 zh':>11} {'judged set':>11}\n")
        for value in (float(v) for v in text_weights.split(",") if v.strip()):
            weights = replace(DEFAULT_WEIGHTS, text=value)
            rankings = rank_all(rset, weights)
            en, zh = (onet.mean_ndcg(rankings, rset.grades, language) for language in ("en", "zh"))
            judged = score("ranker", run_ranker(resumes, weights), qrels).ndcg10
            stdout.write(f"{value:<12.2f} {en:11.3f} {zh:11.3f} {judged:11.3f}\n")
    return 0
