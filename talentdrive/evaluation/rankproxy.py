"""``talentdrive eval rankproxy``: the ranker against plain BM25 on a ranking check built from O*NET.

See ``realdata/onet_ranking.py`` for what the check is and is not. Reads ``<data>/onet/`` (default
``../shared/data``); without it prints ``skipped: …`` and exits 0. ``--split dev`` is for tuning,
``--split test`` is the figure to report. The judged set (``eval match``) is scored in the same run,
ranker and plain BM25. ``--fusion`` compares ways of fusing text relevance with structured evidence
over a range of each one's parameter (``fusion.py``), to choose the setting on dev.

Chinese job texts are measured two ways: the check's template (``--zh-titles``, the default, gives it
the Chinese title written for the project; ``--no-zh-titles`` leaves it out, so a job text holds
nothing but six tools in Latin letters under a fixed Chinese template), and "zh prose": the
occupations with a Chinese duty description (``realdata/onet_duties_zh.py``), without a title, the way
a Chinese posting describes a job in Chinese and names its tools in Latin letters.
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
        "--fusion", action="store_true", help="compare fusions of text and structured evidence (tune on dev)"
    )
    parser.add_argument(
        "--zh-titles",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="give the template Chinese job texts their Chinese title (default) or none (--no-zh-titles)",
    )


def rank_all(rset: onet.RankingSet, weights: Weights = DEFAULT_WEIGHTS) -> dict[str, list[str]]:
    """The ranker over the resume pool for every job text, as ``eval match`` runs it (text profiles)."""
    taxonomy = get_taxonomy()
    profiles = [profile_from_text(text, taxonomy, key=key) for key, text in rset.resumes]
    index = build_index(profiles, ancestors=taxonomy.ancestors)
    names = {k: s.name_en for k, s in taxonomy.skills.items()}
    rankings = {}
    for job, (language, text) in rset.jobs.items():
        title, body = onet.title_and_body(language, text)
        requirements = extract_requirements(body, taxonomy, title=title)
        ranking = rank_candidates(
            index, requirements, k=10, ancestors=taxonomy.ancestors, names=names, weights=weights
        )
        rankings[job] = [m.key for m in ranking.matches]
    return rankings


def run(
    *,
    stdout: TextIO,
    data: Path = DEFAULT_DATA,
    split: str = "dev",
    fusion: bool = False,
    zh_titles: bool = True,
    **_: Any,
) -> int:
    if not onet.data_present(data):
        stdout.write(f"skipped: {data / 'onet'} is not there (public data is read from ../shared/data)\n")
        return 0
    from talentdrive.evaluation.matching import load_judged, run_bm25s_plain, run_ranker, score

    rset = onet.build(data, split, zh_titles=zh_titles)
    prose = onet.build(data, split, languages=("zh",), zh_duties=True)
    resumes, qrels = load_judged()
    stdout.write(
        f"O*NET ranking check, {split}: {len(rset.jobs)} job texts (en and zh, Chinese titles "
        f"{'given' if zh_titles else 'left out'}) and {len(prose.jobs)} Chinese prose job texts without a "
        f"title × {len(rset.resumes)} resume-like texts, graded 2 same occupation / 1 same broad group; "
        f"judged set: {len(qrels)} requisitions × {len(resumes)} resumes\n"
    )
    plain, plain_prose = onet.rank_plain_bm25(rset), onet.rank_plain_bm25(prose)
    plain_figures = [
        *(onet.mean_ndcg(plain, rset.grades, language) for language in ("en", "zh")),
        onet.mean_ndcg(plain_prose, prose.grades, "zh"),
        score("bm25", run_bm25s_plain(resumes), qrels).ndcg10,
    ]
    if fusion:
        return _fusion(stdout, rset, resumes, qrels, [plain_figures[0], plain_figures[1], plain_figures[3]])
    ranker, ranker_prose = rank_all(rset), rank_all(prose)
    ranker_figures = [
        *(onet.mean_ndcg(ranker, rset.grades, language) for language in ("en", "zh")),
        onet.mean_ndcg(ranker_prose, prose.grades, "zh"),
        score("ranker", run_ranker(resumes), qrels).ndcg10,
    ]
    zh = "zh, title" if zh_titles else "zh, no title"
    stdout.write(f"{'nDCG@10':24} {'en':>11} {zh:>13} {'zh prose':>11} {'judged set':>11}\n")
    for name, figures in (("talentdrive ranker", ranker_figures), ("bm25s, plain", plain_figures)):
        stdout.write(
            f"{name:24} {figures[0]:11.3f} {figures[1]:13.3f}"
            + "".join(f" {f:11.3f}" for f in figures[2:])
            + "\n"
        )
    margins = [r - p for r, p in zip(ranker_figures, plain_figures, strict=True)]
    stdout.write(
        f"{'margin over plain BM25':24} {margins[0]:+11.3f} {margins[1]:+13.3f}"
        + "".join(f" {m:+11.3f}" for m in margins[2:])
        + "\n"
    )
    return 0


def _fusion(
    stdout: TextIO,
    rset: onet.RankingSet,
    resumes: list[dict[str, Any]],
    qrels: dict[str, dict[str, int]],
    baseline: list[float],
) -> int:
    from talentdrive.evaluation import fusion
    from talentdrive.evaluation.evalset.requisitions import REQUISITIONS
    from talentdrive.evaluation.matching import score

    taxonomy = get_taxonomy()
    onet_jobs = [
        (job, extract_requirements(body, taxonomy, title=title))
        for job, (title, body) in (
            (job, onet.title_and_body(language, text)) for job, (language, text) in rset.jobs.items()
        )
    ]
    judged_jobs = [
        (req.id, extract_requirements(req.text, taxonomy, title=req.title)) for req in REQUISITIONS
    ]

    def onet_figures(rankings: dict[str, list[str]]) -> list[float]:
        return [onet.mean_ndcg(rankings, rset.grades, language) for language in ("en", "zh")]

    def judged_figures(rankings: dict[str, list[str]]) -> list[float]:
        return [score("fused", rankings, qrels).ndcg10]

    fusion.header(stdout, ["O*NET en", "O*NET zh", "judged set"], baseline)
    results = []
    for title in fusion.TITLES:
        weights = replace(DEFAULT_WEIGHTS, title=title)
        onet_parts = fusion.parts(rset.resumes, onet_jobs, weights)
        judged_parts = fusion.parts([(r["id"], r["text"]) for r in resumes], judged_jobs, weights)
        results += fusion.sweep(
            stdout=stdout,
            sets=[(onet_parts, onet_figures), (judged_parts, judged_figures)],
            baseline=baseline,
            real_columns=2,
            prefix=f"title {title} ",
        )
    best = fusion.choose(results)
    stdout.write(
        f"best worst case: {best.label} ({best.worst:+.3f}; real-data mean margin {best.real:+.3f}; "
        f"judged set {best.figures[-1]:.3f})\n"
    )
    return 0
