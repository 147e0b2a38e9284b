"""Write the judged set: ``python -m talentdrive.evaluation.evalset.build`` → resumes.jsonl, qrels.tsv.

Resumes are generated from hand-written sentence pools around latent facts (concepts, domain,
degree, years, papers); every requisition is judged against every resume by :func:`grade`, then
the hand adjustments in adjustments.tsv override single judgements, each with its reason.
Deterministic: the same seed writes the same files.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

from talentdrive.evaluation.evalset.concepts import CONCEPTS, DOMAINS, by_focus, implied
from talentdrive.evaluation.evalset.requisitions import REQUISITIONS, JudgedRequisition

HERE = Path(__file__).resolve().parent
SEED = 20261125
FOCUS = sorted({c[1] for c in CONCEPTS.values() if c[1]})
COMPANIES = [("字节跳动", "ByteDance"), ("阿里巴巴", "Alibaba"), ("腾讯", "Tencent"), ("百度", "Baidu"), ("华为", "Huawei"),
             ("商汤科技", "SenseTime"), ("科大讯飞", "iFlytek"), ("小米", "Xiaomi"), ("联影医疗", "United Imaging"),
             ("好未来", "TAL Education"), ("美团", "Meituan"), ("地平线", "Horizon Robotics"), ("一家创业公司", "a start-up")]  # fmt: skip
SCHOOLS = [("清华大学", "Tsinghua University"), ("浙江大学", "Zhejiang University"), ("上海交通大学", "Shanghai Jiao Tong University"),
           ("华中科技大学", "HUST"), ("北京邮电大学", "BUPT"), ("中山大学", "Sun Yat-sen University"), ("电子科技大学", "UESTC"),
           ("卡内基梅隆大学", "Carnegie Mellon University"), ("南京大学", "Nanjing University"), ("杭州电子科技大学", "Hangzhou Dianzi University")]  # fmt: skip
DEGREE_WORDS = {
    1: ("大专", "Associate degree"),
    2: ("本科", "Bachelor's degree"),
    3: ("硕士", "Master's degree"),
    4: ("博士", "PhD"),
}
VENUES = ["NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "Interspeech", "MICCAI"]
ZH_LINES = [
    "在{company}担任算法工程师，主要负责{a}和{b}相关工作。",
    "在{company}期间主导{a}项目，线上效果显著提升。",
    "专业技能：熟悉{a}、{b}、{c}。",
    "参与{a}研发，使用{b}完成核心模块。",
    "负责{a}方向的技术落地，并与团队共建{b}能力。",
]
EN_LINES = [
    "Engineer at {company}, working on {a} and {b}.",
    "Led a {a} project at {company}, shipped to millions of users.",
    "Skills: {a}, {b}, {c}.",
    "Built {a} pipelines using {b}.",
    "Owned {a} end to end and contributed to {b}.",
]


@dataclass(frozen=True)
class JudgedResume:
    id: str
    language: str
    concepts: tuple[str, ...]
    domain: str
    degree: int
    years: float
    top_papers: int
    interested_in: tuple[str, ...]
    text: str


def _surface(rng: random.Random, concept: str, zh: bool) -> str:
    _, _, zh_names, en_names = CONCEPTS[concept]
    return rng.choice(zh_names if zh else en_names)


def _render(rng: random.Random, rid: str, zh: bool, concepts: list[str], domain: str, degree: int, years: float,
            top_papers: int, interested: list[str]) -> JudgedResume:  # fmt: skip
    school = rng.choice(SCHOOLS)[0 if zh else 1]
    company = rng.choice(COMPANIES)[0 if zh else 1]
    lines = []
    grad = 2026 - int(years)
    degree_word = DEGREE_WORDS[degree][0 if zh else 1]
    lines.append(
        f"教育背景：{school} {degree_word}（{grad}年毕业）"
        if zh
        else f"Education: {degree_word}, {school}, {grad}"
    )
    if years >= 1:
        lines.append(f"{years:g}年工作经验" if zh else f"{years:g} years of experience")
    else:
        lines.append("2026届应届毕业生" if zh else "Graduating in 2026")
    pending = list(concepts)
    rng.shuffle(pending)
    pool = ZH_LINES if zh else EN_LINES
    while pending:
        template = rng.choice(pool)
        needed = template.count("{") - template.count("{company}")
        chunk, pending = pending[:needed], pending[needed:]
        while len(chunk) < needed:
            chunk.append(rng.choice(["python", "pytorch"]))
        names = dict(zip("abc", (_surface(rng, c, zh) for c in chunk), strict=False))
        lines.append(template.format(company=company, **names))
    if domain:
        surface = rng.choice(DOMAINS[domain][0 if zh else 1])
        lines.append(
            f"行业经验：参与{surface}相关项目两年。" if zh else f"Industry: two years on {surface} projects."
        )
    if top_papers:
        venues = ", ".join(f"{rng.choice(VENUES)} {2021 + i}" for i in range(top_papers))
        lines.append(
            f"发表论文：{venues}（一作）" if zh else f"Publications: first-author papers at {venues}"
        )
    for concept in interested:
        lines.append(
            f"对{_surface(rng, concept, zh)}很感兴趣，正在自学。"
            if zh
            else f"Interested in learning {_surface(rng, concept, zh)}."
        )
    return JudgedResume(
        rid,
        "zh" if zh else "en",
        tuple(concepts),
        domain,
        degree,
        years,
        top_papers,
        tuple(interested),
        "\n".join(lines),
    )


def _specific(rng: random.Random, concept: str) -> str:
    """Often write a child of the concept instead (vLLM for LLM inference), as real resumes do."""
    children = [c for c, (parent, *_rest) in CONCEPTS.items() if parent == concept]
    return rng.choice(children) if children and rng.random() < 0.5 else concept


def _targeted(rng: random.Random, req: JudgedRequisition, number: int) -> JudgedResume:
    kind = [
        "strong",
        "strong",
        "strong",
        "partial",
        "partial",
        "under",
        "off-criterion",
        "parent-only",
        "neighbour",
        "aspiring",
    ][number]
    zh = rng.random() < 0.5
    must = [_specific(rng, c) for c in req.must]
    nice = [c for c in req.nice if rng.random() < 0.5]
    neighbours = [c for c in by_focus(req.focus) if c not in implied(set(req.must))]
    domain = req.domain
    degree = max(req.degree, rng.choice([2, 2, 3, 3, 4]))
    years = max(req.years + rng.choice([0, 1, 2, 4]), 0)
    papers = rng.choice([1, 2, 3]) if req.research else (1 if degree == 4 and rng.random() < 0.5 else 0)
    if req.research:
        degree = max(degree, 4 if req.degree == 4 else 3)
    interested: list[str] = []
    concepts = must + nice + rng.sample(neighbours, min(len(neighbours), 1))
    if kind == "partial":
        concepts = [c for c in concepts if c != must[rng.randrange(len(must))]]
    elif kind in ("under", "off-criterion"):
        if req.domain and kind == "off-criterion":
            domain = rng.choice([d for d in DOMAINS if d != req.domain])
        elif req.years >= 2:
            years = max(0, req.years - rng.choice([2, 3]))
        elif req.degree >= 3:
            degree = req.degree - 1
            papers = 0
        elif req.research:
            papers, degree = 0, 2
        else:
            concepts = concepts[1:]
    elif kind == "parent-only":
        parents = [CONCEPTS[c][0] or c for c in req.must]
        concepts = [p for p in parents if p not in req.must] + rng.sample(neighbours, min(len(neighbours), 2))
    elif kind == "neighbour":
        concepts = rng.sample(neighbours, min(len(neighbours), 3)) + ["python"]
        domain = rng.choice(["", req.domain])
    elif kind == "aspiring":
        concepts = rng.sample(neighbours, min(len(neighbours), 2))
        interested = list(req.must)
        years = rng.choice([0, 1])
    concepts = list(dict.fromkeys(concepts)) or ["python"]
    return _render(
        rng, f"{req.id}-{number:02d}", zh, concepts, domain, degree, float(years), papers, interested
    )


def _background(rng: random.Random, number: int) -> JudgedResume:
    focus = rng.choice(FOCUS)
    concepts = rng.sample(by_focus(focus), min(len(by_focus(focus)), rng.randint(2, 5))) + rng.sample(
        ["python", "pytorch", "cpp"], 1
    )
    degree = rng.choice([1, 2, 2, 3, 3, 3, 4])
    return _render(rng, f"B{number:03d}", rng.random() < 0.5, concepts, rng.choice(["", "", ""] + list(DOMAINS)), degree,
                   float(rng.choice([0, 1, 2, 3, 4, 6, 9])), rng.choice([0, 0, 1, 2]) if degree == 4 else 0, [])  # fmt: skip


def grade(req: JudgedRequisition, resume: JudgedResume) -> int:
    """The documented rule: must-have coverage first, then how many other criteria fail."""
    have = implied(set(resume.concepts))
    coverage = sum(c in have for c in req.must) / len(req.must)
    unmet = sum(
        [
            resume.degree < req.degree,
            resume.years < req.years,
            bool(req.domain) and resume.domain != req.domain,
            req.research and not (resume.top_papers >= 1),
        ]
    )
    if coverage == 1 and unmet == 0:
        return 3
    if (coverage == 1 and unmet == 1) or (coverage >= 0.66 and unmet == 0):
        return 2
    if (coverage >= 0.5 and unmet <= 1) or coverage == 1:
        return 1
    return 0


def build(seed: int = SEED) -> tuple[list[JudgedResume], dict[tuple[str, str], tuple[int, str]]]:
    # One random stream per requisition and one for the background, so amending one requisition
    # leaves every other resume (and the hand adjustments that name them) unchanged.
    resumes = []
    for req in REQUISITIONS:
        rng = random.Random(f"{seed}-{req.id}")
        resumes += [_targeted(rng, req, n) for n in range(10)]
    background = random.Random(f"{seed}-background")
    resumes += [_background(background, n) for n in range(160)]
    judgements = {(req.id, r.id): (grade(req, r), "rule") for req in REQUISITIONS for r in resumes}
    for line in (HERE / "adjustments.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            req_id, resume_id, value, reason = line.split("\t", 3)
            if (req_id, resume_id) not in judgements:
                raise ValueError(f"adjustment for an unknown pair {req_id}/{resume_id}")
            judgements[req_id, resume_id] = (int(value), f"hand: {reason}")
    return resumes, judgements


def main() -> None:
    resumes, judgements = build()
    with open(HERE / "resumes.jsonl", "w", encoding="utf-8") as out:
        for resume in resumes:
            out.write(json.dumps(asdict(resume), ensure_ascii=False) + "\n")
    with open(HERE / "qrels.tsv", "w", encoding="utf-8") as out:
        out.write("requisition\tresume\tgrade\tsource\n")
        for (req_id, resume_id), (value, source) in sorted(judgements.items()):
            out.write(f"{req_id}\t{resume_id}\t{value}\t{source}\n")
    print(f"{len(resumes)} resumes, {len(judgements)} judgements")


if __name__ == "__main__":
    main()
