"""A ranking check built from O*NET, public data no one on the project wrote (a proxy, not resumes).

O*NET 28 (USDOL/ETA, CC BY 4.0) gives, for each occupation, a title, a written description and the
tools and technologies people in it use (``Technology_Skills.txt``: "Atlassian JIRA", "SAP software",
with a commodity class such as "Enterprise resource planning ERP software"). From it:

* a **job text** per occupation: its O*NET title and description, then a requirement line with four of
  its tools and a preferred line with two more (English); the Chinese variant writes the same tools in
  a Chinese requirement list (任职要求 / 加分项), the way Chinese postings name tools in Latin letters,
  under a Chinese title written for the project (``onet_titles_zh.py``; O*NET has no Chinese titles);
  a second Chinese variant ("zh prose", ``zh_duties=True``) has no title and describes the job in
  Chinese prose written for the project (``onet_duties_zh.py``), for the occupations nearest the
  usual public résumé categories;
* two **resume-like texts** per occupation: a title line (the occupation's own title, or for one in
  three the title of another occupation of the same O*NET broad group), a skills line with six of
  its tools and two of an unrelated occupation, and two lines of experience with its tool classes.
  The tools of a resume are drawn apart from the job text's, so overlap is partial, as in life;
* **grades**: 2 for a resume of the job's occupation, 1 for one of the same broad group (the first
  six characters of the O*NET-SOC code, e.g. 15-125 software developers and testers), else 0.

Job occupations are split by a hash of their code into dev (tune) and test (report); the resume pool
is every occupation. The templates are the project's; the words in them are O*NET's. It measures
whether the ranker keeps what text relevance finds when the job's vocabulary is mostly outside the AI
taxonomy; it says nothing about parsing, layout, or how real people write resumes.
"""

from __future__ import annotations

import csv
import logging
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from talentdrive.evaluation.realdata.onet_duties_zh import DUTIES as DUTIES_ZH
from talentdrive.evaluation.realdata.onet_titles_zh import TITLES as TITLES_ZH

SPLITS = ("dev", "test")
_ZH_DUTIES = "岗位职责"
MIN_TOOLS = 10
SEED = 12


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    description: str
    tools: tuple[str, ...]
    classes: tuple[str, ...]

    @property
    def group(self) -> str:
        return self.code[:6]


@dataclass(frozen=True)
class RankingSet:
    jobs: dict[str, tuple[str, str]]  # job id -> (language, text)
    resumes: list[tuple[str, str]]  # (resume id, text)
    grades: dict[str, dict[str, int]]  # job id -> resume id -> grade


def data_present(data: Path) -> bool:
    return (data / "onet" / "Occupation_Data.txt").is_file() and (
        data / "onet" / "Technology_Skills.txt"
    ).is_file()


def read_occupations(data: Path) -> list[Occupation]:
    tools: dict[str, list[str]] = defaultdict(list)
    classes: dict[str, list[str]] = defaultdict(list)
    with (data / "onet" / "Technology_Skills.txt").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["O*NET-SOC Code"]
            tools[code].append(row["Example"].strip())
            classes[code].append(row["Commodity Title"].strip())
    occupations = []
    with (data / "onet" / "Occupation_Data.txt").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["O*NET-SOC Code"]
            unique = tuple(dict.fromkeys(tools.get(code, ())))
            if len(unique) >= MIN_TOOLS:
                occupations.append(
                    Occupation(
                        code, row["Title"].strip(), row["Description"].strip(), unique,
                        tuple(dict.fromkeys(classes[code])),
                    )
                )  # fmt: skip
    return occupations


def split_of(code: str) -> str:
    return "dev" if zlib.crc32(code.encode()) % 2 == 0 else "test"


def _job_text(
    occupation: Occupation,
    tools: Sequence[str],
    language: str,
    *,
    zh_titles: bool = True,
    zh_duties: bool = False,
) -> str:
    must, preferred = tools[:4], tools[4:6]
    if language == "zh":
        title = TITLES_ZH.get(occupation.title, "") if zh_titles else ""
        duties = DUTIES_ZH[occupation.title] if zh_duties else "负责本岗位日常工作。"
        return (
            (f"{title}\n" if title else "") + f"岗位职责：{duties}\n任职要求：\n"
            f"1. 熟练使用 {'、'.join(must)}；\n2. 三年以上相关工作经验。\n"
            f"加分项：熟悉 {'、'.join(preferred)} 者优先。"
        )
    return (
        f"{occupation.title}\n{occupation.description}\n"
        f"Requirements: {', '.join(must)}.\nPreferred: {', '.join(preferred)}."
    )


def _resume_text(
    title: str, own: Occupation, tools: Sequence[str], noise: Sequence[str], rng: np.random.Generator
) -> str:
    classes = [own.classes[i] for i in rng.permutation(len(own.classes))[:2]]
    return f"{title}\nSkills: {', '.join([*tools, *noise])}\n" + "\n".join(
        f"- Worked daily with {c.lower()}." for c in classes
    )


def build(
    data: Path,
    split: str,
    *,
    languages: Sequence[str] = ("en", "zh"),
    max_jobs: int = 80,
    zh_titles: bool = True,
    zh_duties: bool = False,
) -> RankingSet:
    """The resume pool (every occupation) and the jobs of one split, graded.

    ``zh_titles=False``: the Chinese job texts have no title. ``zh_duties=True``: the jobs are instead
    every occupation of the split with a Chinese duty description (``onet_duties_zh.py``), written as
    Chinese prose without a title, the tools in Latin letters as before.
    """
    occupations = read_occupations(data)
    rng = np.random.default_rng(SEED)
    by_group: dict[str, list[Occupation]] = defaultdict(list)
    for occupation in occupations:
        by_group[occupation.group].append(occupation)
    resumes: list[tuple[str, str]] = []
    owner: dict[str, Occupation] = {}
    job_tools: dict[str, list[str]] = {}
    for occupation in occupations:
        order = [occupation.tools[i] for i in rng.permutation(len(occupation.tools))]
        job_tools[occupation.code] = order[:6]
        rest = order[6:] + order[:6]
        for copy in range(2):
            # Each resume shares some tools with the job text and has others of its own.
            picks = [rest[i] for i in rng.choice(len(rest), size=min(6, len(rest)), replace=False)]
            other = occupations[int(rng.integers(len(occupations)))]
            noise = [other.tools[i] for i in rng.choice(len(other.tools), size=2, replace=False)]
            siblings = [o for o in by_group[occupation.group] if o.code != occupation.code]
            title = occupation.title
            if siblings and rng.random() < 1 / 3:
                title = siblings[int(rng.integers(len(siblings)))].title
            key = f"{occupation.code}#{copy}"
            resumes.append((key, _resume_text(title, occupation, picks, noise, rng)))
            owner[key] = occupation
    chosen = [o for o in occupations if split_of(o.code) == split]
    chosen = [
        chosen[i] for i in sorted(rng.choice(len(chosen), size=min(max_jobs, len(chosen)), replace=False))
    ]
    if zh_duties:
        chosen = [o for o in occupations if split_of(o.code) == split and o.title in DUTIES_ZH]
    jobs: dict[str, tuple[str, str]] = {}
    grades: dict[str, dict[str, int]] = {}
    for occupation in chosen:
        graded = {
            key: 2 if o.code == occupation.code else 1
            for key, o in owner.items()
            if o.group == occupation.group
        }
        for language in languages:
            job = f"{language}:{occupation.code}"
            jobs[job] = (
                language,
                _job_text(
                    occupation,
                    job_tools[occupation.code],
                    language,
                    zh_titles=zh_titles and not zh_duties,
                    zh_duties=zh_duties,
                ),  # fmt: skip
            )
            grades[job] = graded
    return RankingSet(jobs, resumes, grades)


def title_and_body(language: str, text: str) -> tuple[str, str]:
    """A job text as a requisition holds it: the first line is the occupation's title (the
    requisition's title field), except in a Chinese text without one (it opens with 岗位职责)."""
    if language != "en" and text.startswith(_ZH_DUTIES):
        return "", text
    title, _, body = text.partition("\n")
    return title, body


def ndcg_at(ranked: Sequence[str], grades: dict[str, int], k: int = 10) -> float:
    gains = [(2 ** grades.get(doc, 0) - 1) / np.log2(i + 2) for i, doc in enumerate(ranked[:k])]
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / np.log2(i + 2) for i, g in enumerate(ideal))
    return float(sum(gains) / best) if best else 0.0


def mean_ndcg(rankings: dict[str, list[str]], grades: dict[str, dict[str, int]], language: str) -> float:
    values = [ndcg_at(ranked, grades[job]) for job, ranked in rankings.items() if job.startswith(language)]
    return float(np.mean(values)) if values else 0.0


def rank_plain_bm25(rset: RankingSet) -> dict[str, list[str]]:
    """bm25s over the raw texts with its default tokeniser and English stopwords."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    texts = [text for _, text in rset.resumes]
    corpus = bm25s.tokenize(texts, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    rankings = {}
    for job, (_, text) in rset.jobs.items():
        query = bm25s.tokenize([text], stopwords="en", show_progress=False, return_ids=False)[0]
        scores = np.asarray(retriever.get_scores([t for t in query if t in corpus.vocab]))
        order = np.lexsort((np.arange(len(texts)), -scores))[:10]
        rankings[job] = [rset.resumes[i][0] for i in order]
    return rankings
