"""Vectorised synthetic profiles: numpy draws per field, a sparse piece matrix for the text.

A batch is a set of arrays (one entry per candidate). The resume text is a bag of *pieces* (a school,
a company, each skill's Chinese or English name, template words); each piece is tokenised once, so
term counts for a million candidates are one sparse product ``pieces_per_candidate @ tokens_per_piece``
instead of a million tokeniser calls. ``iter_profiles`` renders the same batch as parse-schema JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from talentdrive.evaluation.synth import pools
from talentdrive.matching.core import bm25
from talentdrive.matching.core.index import MatchIndex, assemble_index
from talentdrive.matching.core.tokenise import bm25_tokens

FOCUS_AREAS = (
    "llm", "multimodal-understanding", "multimodal-training", "training-infra", "agents",
    "ai-hardware", "speech", "vision-optimisation", "reinforcement-learning", "ai-product",
)  # fmt: skip
FOCUS_WEIGHTS = np.array([18, 12, 8, 9, 12, 8, 8, 9, 6, 10], dtype=float)


@dataclass(frozen=True)
class SkillSpace:
    """The taxonomy as the generator needs it: ids, names, ancestor closure, skills by focus area."""

    ids: tuple[str, ...]
    names_en: tuple[str, ...]
    names_zh: tuple[str, ...]
    closure: sp.csr_matrix  # skill × skill, 1 where column is the skill itself or an ancestor
    by_focus: tuple[np.ndarray, ...]

    @classmethod
    def from_taxonomy(cls, taxonomy: Any) -> SkillSpace:
        ids = tuple(sorted(taxonomy.skills))
        if not ids:
            raise ValueError("the skill taxonomy is empty: synthetic profiles need skills to draw from")
        column = {s: i for i, s in enumerate(ids)}
        rows, cols = [], []
        for skill in ids:
            for target in (skill, *taxonomy.ancestors(skill)):
                if target in column:
                    rows.append(column[skill])
                    cols.append(column[target])
        closure = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(ids), len(ids)))
        everything = np.arange(len(ids))
        by_focus = []
        for area in FOCUS_AREAS:
            members = np.array(
                [column[s] for s in taxonomy.skill_ids_for_focus_area(area) if s in column], dtype=np.int64
            )
            by_focus.append(members if members.size >= 5 else everything)
        skills = taxonomy.skills
        return cls(
            ids=ids,
            names_en=tuple(skills[s].name_en or s for s in ids),
            names_zh=tuple(skills[s].name_zh or skills[s].name_en or s for s in ids),
            closure=closure,
            by_focus=tuple(by_focus),
        )


# Foundation skills per focus area, with the share of candidates who list them. The taxonomy holds
# hundreds of skills, so uniform or rank-weighted draws almost never land on Python or PyTorch, which
# nearly every AI engineer lists and most requisitions require.
COMMON_FOUNDATIONS = {
    "python": 0.85,
    "git": 0.45,
    "linux": 0.5,
    "deep-learning": 0.4,
    "machine-learning": 0.35,
}
FOUNDATIONS: dict[str, dict[str, float]] = {
    "llm": {"pytorch": 0.8, "transformer": 0.6, "huggingface": 0.5, "cuda": 0.3, "cpp": 0.3,
            "distributed-training": 0.25, "nlp": 0.4},
    "multimodal-understanding": {"pytorch": 0.8, "transformer": 0.5, "huggingface": 0.4,
                                 "computer-vision": 0.45, "opencv": 0.3, "cpp": 0.25},
    "multimodal-training": {"pytorch": 0.85, "transformer": 0.55, "distributed-training": 0.4, "cuda": 0.35,
                            "huggingface": 0.4, "deepspeed": 0.25},
    "training-infra": {"pytorch": 0.8, "cuda": 0.65, "cpp": 0.7, "distributed-training": 0.6, "deepspeed": 0.3,
                       "kubernetes": 0.3, "docker": 0.4, "triton-lang": 0.2, "linux": 0.75},
    "agents": {"python": 0.92, "pytorch": 0.45, "langchain": 0.4, "rag": 0.45, "prompt-engineering": 0.45,
               "transformer": 0.3, "docker": 0.35, "sql": 0.3, "huggingface": 0.3},
    "ai-hardware": {"python": 0.7, "cpp": 0.8, "cuda": 0.55, "pytorch": 0.4, "verilog": 0.3, "fpga": 0.2,
                    "linux": 0.75, "triton-lang": 0.2},
    "speech": {"pytorch": 0.8, "transformer": 0.4, "cpp": 0.35, "cuda": 0.2, "huggingface": 0.3},
    "vision-optimisation": {"pytorch": 0.75, "cpp": 0.65, "cuda": 0.55, "opencv": 0.5, "linux": 0.65,
                            "computer-vision": 0.5},
    "reinforcement-learning": {"pytorch": 0.8, "transformer": 0.35, "cpp": 0.3, "cuda": 0.2, "jax": 0.15},
    "ai-product": {"python": 0.5, "sql": 0.5, "prompt-engineering": 0.4, "pytorch": 0.15, "git": 0.2,
                   "linux": 0.15, "deep-learning": 0.25, "machine-learning": 0.3},
}  # fmt: skip


def _foundations(space: SkillSpace, focus: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(candidate, skill) pairs for foundation skills, drawn from their own stream.

    A separate generator keeps every other field of a seeded batch as it was before these draws.
    """
    rng = np.random.default_rng([seed, 1])
    column = {skill_id: i for i, skill_id in enumerate(space.ids)}
    rows, cols = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for area, name in enumerate(FOCUS_AREAS):
        members = np.flatnonzero(focus == area)
        if members.size == 0:
            continue
        for skill_id, share in {**COMMON_FOUNDATIONS, **FOUNDATIONS.get(name, {})}.items():
            if skill_id not in column:
                continue  # a trimmed or replaced taxonomy: skip what it does not have
            holders = members[rng.random(members.size) < share]
            rows.append(holders.astype(np.int64))
            cols.append(np.full(holders.size, column[skill_id], np.int64))
    return np.concatenate(rows), np.concatenate(cols)


@dataclass(frozen=True)
class Batch:
    focus: np.ndarray
    chinese: np.ndarray
    degree: np.ndarray
    years: np.ndarray
    graduation_year: np.ndarray
    top_papers: np.ndarray
    other_papers: np.ndarray
    top_awards: np.ndarray
    school: np.ndarray
    company: np.ndarray
    major: np.ndarray
    domain: np.ndarray  # -1 for none
    city: np.ndarray
    source: np.ndarray
    own: sp.csr_matrix  # candidate × skill
    first_key: int = 0

    def __len__(self) -> int:
        return int(self.focus.shape[0])


def _choice(rng: np.random.Generator, weighted: Sequence[tuple[Any, ...]], n: int) -> np.ndarray:
    weights = np.array([item[-1] for item in weighted], dtype=float)
    return rng.choice(len(weighted), size=n, p=weights / weights.sum())


def generate(space: SkillSpace, n: int, *, seed: int = 0, first_key: int = 0) -> Batch:
    """Draw n candidates. Same seed, same candidates."""
    rng = np.random.default_rng(seed)
    focus = rng.choice(len(FOCUS_AREAS), size=n, p=FOCUS_WEIGHTS / FOCUS_WEIGHTS.sum())
    degree = np.array([d for d, _ in pools.DEGREES])[_choice(rng, pools.DEGREES, n)]
    years = np.clip(rng.gamma(1.6, 2.6, size=n) - (degree == 4) * 1.5, 0, 25).round(1).astype(np.float32)
    graduation_year = (2026 - np.floor(years)).astype(np.int16)
    phd = degree == 4
    top_papers = np.where(phd, rng.poisson(1.6, n), np.where(degree == 3, rng.poisson(0.25, n), 0)).astype(
        np.int16
    )
    other_papers = rng.poisson(np.where(degree >= 3, 0.8, 0.1)).astype(np.int16)
    top_awards = (rng.random(n) < np.where(degree >= 3, 0.03, 0.015)).astype(np.int16)
    domain_draw = rng.random(n) < 0.45
    domain = np.where(domain_draw, _choice(rng, pools.DOMAINS, n), -1)
    # Skills: 3–16 per candidate, mostly from the focus area with a Zipf-like preference for its first
    # (core) skills, plus a few from anywhere (everyone lists Python and PyTorch somewhere).
    counts = np.clip(rng.poisson(6, n) + 2, 3, 16)
    off_area = rng.poisson(1.2, n)
    rows, cols = [], []
    for area, members in enumerate(space.by_focus):
        chosen = np.flatnonzero(focus == area)
        if chosen.size == 0:
            continue
        draws = counts[chosen]
        owners = np.repeat(chosen, draws)
        rank_weights = 1.0 / np.arange(1, members.size + 1) ** 0.8
        picks = rng.choice(members.size, size=owners.size, p=rank_weights / rank_weights.sum())
        rows.append(owners)
        cols.append(members[picks])
    owners = np.repeat(np.arange(n), off_area)
    rows.append(owners)
    cols.append(rng.integers(0, len(space.ids), size=owners.size))
    foundation_rows, foundation_cols = _foundations(space, focus, seed)
    rows.append(foundation_rows)
    cols.append(foundation_cols)
    row_index = np.concatenate(rows)
    own = sp.csr_matrix(
        (np.ones(row_index.size, np.float32), (row_index, np.concatenate(cols))), shape=(n, len(space.ids))
    )
    own.sum_duplicates()
    own.data[:] = 1.0
    return Batch(
        focus=focus,
        chinese=rng.random(n) < 0.6,
        degree=degree.astype(np.int8),
        years=years,
        graduation_year=graduation_year,
        top_papers=top_papers,
        other_papers=other_papers,
        top_awards=top_awards,
        school=_choice(rng, pools.SCHOOLS, n),
        company=_choice(rng, pools.COMPANIES, n),
        major=_choice(rng, pools.MAJORS, n),
        domain=domain,
        city=_choice(rng, pools.CITIES, n).astype(np.int16),
        source=_choice(rng, pools.SOURCES, n).astype(np.int16),
        own=own,
        first_key=first_key,
    )


class _Pieces:
    """Text pieces and their token ids, and which column block each kind of piece starts at."""

    def __init__(self, space: SkillSpace) -> None:
        self.texts: list[str] = []
        self.start: dict[str, int] = {}
        for kind, texts in (
            ("skill_en", space.names_en),
            ("skill_zh", space.names_zh),
            ("school_zh", [s[0] for s in pools.SCHOOLS]),
            ("school_en", [s[1] for s in pools.SCHOOLS]),
            ("company_zh", [c[0] for c in pools.COMPANIES]),
            ("company_en", [c[1] for c in pools.COMPANIES]),
            ("major_zh", [m[0] for m in pools.MAJORS]),
            ("major_en", [m[1] for m in pools.MAJORS]),
            ("degree_zh", [pools.DEGREE_WORDS[d][0] for d in range(1, 5)]),
            ("degree_en", [pools.DEGREE_WORDS[d][1] for d in range(1, 5)]),
            ("domain", [d for d, _ in pools.DOMAINS]),
            (
                "template",
                [
                    "个人简历 毕业 工作经历 算法工程师 专业技能",
                    "Resume Experience machine learning engineer years Skills",
                ],
            ),
            (
                "venue",
                ["论文 " + " ".join(pools.TOP_VENUES[:3]), "publications " + " ".join(pools.TOP_VENUES[3:6])],
            ),
        ):
            self.start[kind] = len(self.texts)
            self.texts.extend(texts)
        counts, vocabulary = bm25.count_matrix([bm25_tokens(text) for text in self.texts])
        self.tokens = counts
        self.vocabulary = vocabulary.ids


def to_index(space: SkillSpace, batch: Batch) -> MatchIndex:
    """Build a MatchIndex straight from a batch, without rendering any JSON or text."""
    n = len(batch)
    pieces = _Pieces(space)
    zh = batch.chinese.astype(np.int64)
    own = batch.own
    skill_rows = np.repeat(np.arange(n), np.diff(own.indptr))
    skill_cols = own.indices + np.where(
        zh[skill_rows] == 1, pieces.start["skill_zh"], pieces.start["skill_en"]
    )
    has_domain = batch.domain >= 0
    has_papers = batch.top_papers > 0
    fixed = [
        (
            np.arange(n),
            np.where(zh == 1, pieces.start["school_zh"], pieces.start["school_en"]) + batch.school,
        ),
        (
            np.arange(n),
            np.where(zh == 1, pieces.start["company_zh"], pieces.start["company_en"]) + batch.company,
        ),
        (np.arange(n), np.where(zh == 1, pieces.start["major_zh"], pieces.start["major_en"]) + batch.major),
        (
            np.arange(n),
            np.where(zh == 1, pieces.start["degree_zh"], pieces.start["degree_en"]) + batch.degree - 1,
        ),
        (np.arange(n), pieces.start["template"] + 1 - zh),
        (np.flatnonzero(has_domain), pieces.start["domain"] + batch.domain[has_domain]),
        (np.flatnonzero(has_papers), pieces.start["venue"] + 1 - zh[has_papers]),
    ]
    piece_rows = np.concatenate([skill_rows, *(r for r, _ in fixed)])
    piece_cols = np.concatenate([skill_cols, *(c for _, c in fixed)])
    per_candidate = sp.csr_matrix(
        (np.ones(piece_rows.size, np.float32), (piece_rows, piece_cols)), shape=(n, len(pieces.texts))
    )
    counts = (per_candidate @ pieces.tokens.astype(np.float32)).tocsr()
    expanded = (own @ space.closure).tocsc()
    expanded.data[:] = 1.0
    expanded.sort_indices()
    own_csc = own.tocsc()
    own_csc.sort_indices()
    domains = sp.csr_matrix(
        (np.ones(int(has_domain.sum()), np.float32), (np.flatnonzero(has_domain), batch.domain[has_domain])),
        shape=(n, len(pools.DOMAINS)),
    ).tocsc()
    domains.sort_indices()
    return assemble_index(
        keys=np.char.add("synth-", (np.arange(n) + batch.first_key).astype(str)),
        skill_ids=list(space.ids),
        skills=expanded,
        own=own_csc,
        domain_ids=[d for d, _ in pools.DOMAINS],
        domains=domains,
        counts=counts,
        vocabulary=pieces.vocabulary,
        degree=batch.degree,
        years=batch.years,
        top_papers=batch.top_papers,
        top_awards=batch.top_awards,
        graduation_year=batch.graduation_year,
        city=(batch.city, [c for c, _ in pools.CITIES]),
        source=(batch.source, [s for s, _ in pools.SOURCES]),
        stage=(np.full(n, -1, np.int16), []),
    )


def iter_profiles(space: SkillSpace, batch: Batch) -> Iterator[dict[str, Any]]:
    """Render each candidate as a parse-schema profile with its resume text."""
    own = batch.own
    for i in range(len(batch)):
        zh = bool(batch.chinese[i])
        skills = own.indices[own.indptr[i] : own.indptr[i + 1]].tolist()
        names = [(space.names_zh if zh else space.names_en)[s] for s in skills]
        school = pools.SCHOOLS[batch.school[i]][0 if zh else 1]
        company = pools.COMPANIES[batch.company[i]][0 if zh else 1]
        major = pools.MAJORS[batch.major[i]][0 if zh else 1]
        degree = pools.DEGREE_WORDS[int(batch.degree[i])][0 if zh else 1]
        domain = pools.DOMAINS[batch.domain[i]][0] if batch.domain[i] >= 0 else ""
        venues = [pools.TOP_VENUES[(i + j) % len(pools.TOP_VENUES)] for j in range(int(batch.top_papers[i]))]
        others = [
            pools.OTHER_VENUES[(i + j) % len(pools.OTHER_VENUES)] for j in range(int(batch.other_papers[i]))
        ]
        papers = (
            (("论文：" if zh else "Publications: ") + ", ".join(venues + others)) if venues or others else ""
        )
        template = pools.TEMPLATE_ZH if zh else pools.TEMPLATE_EN
        text = template.format(
            school=school, major=major, degree=degree, grad=int(batch.graduation_year[i]), company=company,
            years=round(float(batch.years[i]), 1), skills=("、" if zh else ", ").join(names), domain=(domain + ". ") if domain else "", papers=papers,
        )  # fmt: skip
        yield {
            "key": f"synth-{batch.first_key + i}",
            "language": "zh" if zh else "en",
            "city": pools.CITIES[batch.city[i]][0],
            "source": pools.SOURCES[batch.source[i]][0],
            "skills": [
                {"id": space.ids[s], "name": n, "mentions": [{"surface": n}]}
                for s, n in zip(skills, names, strict=True)
            ],
            "education": [
                {
                    "degree": pools.DEGREE_WORDS[int(batch.degree[i])][1],
                    "school": school,
                    "major": major,
                    "end": str(int(batch.graduation_year[i])),
                }
            ],
            "years_experience": round(float(batch.years[i]), 1),
            "publications": [{"venue": v, "top_venue": True} for v in venues]
            + [{"venue": v, "top_venue": False} for v in others],
            "awards": [{"name": "ACM ICPC World Finals medal", "top": True}] if batch.top_awards[i] else [],
            "domains": [domain] if domain else [],
            "text": text,
        }


def write_jsonl(space: SkillSpace, n: int, out: Any, *, seed: int = 0, chunk: int = 50_000) -> int:
    """Stream n profiles as JSON Lines in chunks, so memory stays flat for any n."""
    written = 0
    for first in range(0, n, chunk):
        batch = generate(space, min(chunk, n - first), seed=seed * 1_000_003 + first, first_key=first)
        for profile in iter_profiles(space, batch):
            out.write(json.dumps(profile, ensure_ascii=False) + "\n")
            written += 1
    return written
