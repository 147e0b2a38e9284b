"""Demo people as plain values: who they are, what their resume says, computed from a seed.

The matching engine's synthetic generator decides each person's focus area, degree, years, school,
employer and skills (so the demo looks like the population the ranking was tuned on); this module
adds a name and contact details, makes about a third of them this season's graduates for campus
roles, picks a few dozen PhDs for the elite programme, and writes a plain-text resume in the
person's language with the section headings the resume parser reads. No Django import.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from talentdrive.demo.people.names import identity
from talentdrive.evaluation.synth import pools
from talentdrive.evaluation.synth.generate import FOCUS_AREAS, SkillSpace, generate

CAMPUS_SHARE = 0.35
ELITE_SHARE = 0.013  # of everyone: a few dozen in 3,000
DRIVE_CITY_SHARE = 0.85  # the rest live elsewhere and would relocate
DRIVE_CITIES = ("beijing", "shanghai", "hangzhou", "guangzhou")
CITY_NAMES = {
    "beijing": ("北京", "Beijing"), "shanghai": ("上海", "Shanghai"), "hangzhou": ("杭州", "Hangzhou"),
    "guangzhou": ("广州", "Guangzhou"), "shenzhen": ("深圳", "Shenzhen"), "nanjing": ("南京", "Nanjing"),
    "wuhan": ("武汉", "Wuhan"), "chengdu": ("成都", "Chengdu"), "xian": ("西安", "Xi'an"),
}  # fmt: skip
ROLE_TITLES = {
    "llm": ("大模型算法工程师", "LLM algorithm engineer"),
    "multimodal-understanding": ("多模态算法工程师", "multimodal algorithm engineer"),
    "multimodal-training": ("多模态训练工程师", "multimodal training engineer"),
    "training-infra": ("训练平台工程师", "training platform engineer"),
    "agents": ("智能体应用工程师", "agent application engineer"),
    "ai-hardware": ("AI 芯片工程师", "AI chip engineer"),
    "speech": ("语音算法工程师", "speech algorithm engineer"),
    "vision-optimisation": ("视觉算法工程师", "computer vision engineer"),
    "reinforcement-learning": ("强化学习研究员", "reinforcement learning researcher"),
    "ai-product": ("AI 产品经理", "AI product manager"),
}
PAPER_TOPICS = (
    "Efficient long-context attention", "Scaling laws for sparse mixture-of-experts",
    "Self-supervised speech representations", "Reward models that generalise",
    "Vision-language grounding with weak labels", "Low-bit quantisation of large models",
    "Tool use for language agents", "Curriculum reinforcement learning for reasoning",
    "Robust multimodal pre-training", "Memory-efficient pipeline parallelism",
)  # fmt: skip
TOP_AWARDS = ("ACM ICPC World Finals gold medal", "Kaggle Grandmaster")
DEGREE_STUDY_YEARS = {1: 3, 2: 4, 3: 3, 4: 5}
DOMAIN_WORDS = {
    "healthcare": ("医疗健康", "healthcare"), "education": ("教育", "education"),
    "creative-content": ("内容创作", "creative content"), "finance": ("金融", "finance"),
    "automotive": ("汽车", "automotive"), "e-commerce": ("电商", "e-commerce"), "gaming": ("游戏", "gaming"),
}  # fmt: skip


@dataclass(frozen=True)
class Person:
    index: int
    full_name: str
    email: str
    phone: str
    city: str
    language: str  # "zh" or "en", the resume's language
    area: str
    degree: int  # 1 associate … 4 PhD
    campus: bool
    elite: bool
    resume_text: str
    skill_ids: tuple[str, ...]


def _papers(rng: random.Random, count: int, *, top: bool, first_year: int) -> list[str]:
    venues = pools.TOP_VENUES if top else pools.OTHER_VENUES
    return [
        f"{rng.choice(PAPER_TOPICS)}. {rng.choice(venues)} {min(2026, first_year + rng.randrange(4))}."
        for _ in range(count)
    ]


def _resume(
    *, who: dict[str, str], zh: bool, campus: bool, grad: int, degree: int, years: float, area: str,
    school: int, company: int, major: int, skills: Sequence[str], domain: str, papers: list[str],
    award: str,
) -> str:  # fmt: skip
    lang = 0 if zh else 1
    start = grad - DEGREE_STUDY_YEARS[degree]
    degree_word = pools.DEGREE_WORDS[degree][lang]
    school_name, major_name = pools.SCHOOLS[school][lang], pools.MAJORS[major][lang]
    employer = pools.COMPANIES[company][lang]
    title = ROLE_TITLES[area][lang]
    # Started work after graduating: a job never predates the degree on the same page.
    joined = max(grad, int(2026 - years)), 7
    domain = DOMAIN_WORDS[domain][lang] if domain else ""
    if zh:
        lines = [who["name"], f"邮箱：{who['email']} | 电话：{who['phone']} | {who['city']}", "", "教育背景"]
        lines.append(f"{start}.09 - {grad}.06 {school_name} {major_name} {degree_word}")
        lines += ["", "实习经历" if campus else "工作经历"]
        if campus:
            lines.append(f"{grad - 1}.07 - {grad - 1}.09 {employer} {title}（实习）")
        else:
            lines.append(f"{joined[0]}.{joined[1]:02d} - 至今 {employer} {title}")
        lines.append(f"参与{domain + '领域' if domain else ''}模型与系统的研发、评测和上线。")
        lines += ["", "专业技能", "、".join(skills)]
        if papers:
            lines += ["", "论文", *papers]
        if award:
            lines += ["", "获奖", award]
    else:
        lines = [
            who["name"],
            f"Email: {who['email']} | Phone: {who['phone']} | {who['city']}",
            "",
            "Education",
        ]
        lines.append(f"{start}.09 - {grad}.06 {degree_word} in {major_name}, {school_name}")
        lines += ["", "Internships" if campus else "Experience"]
        if campus:
            lines.append(f"{grad - 1}.07 - {grad - 1}.09 {employer}, {title} (intern)")
        else:
            lines.append(f"{joined[0]}.{joined[1]:02d} - Present {employer}, {title}")
        scope = f" in {domain}" if domain else ""
        lines.append(f"Built, evaluated and shipped models and systems{scope}.")
        lines += ["", "Skills", ", ".join(skills)]
        if papers:
            lines += ["", "Publications", *papers]
        if award:
            lines += ["", "Awards", award]
    return "\n".join(lines) + "\n"


def build_people(space: SkillSpace, size: int, *, seed: int) -> list[Person]:
    """``size`` people; the same seed and size give the same people, byte for byte."""
    batch = generate(space, size, seed=seed)
    rng = random.Random(seed)
    phds = np.flatnonzero(batch.degree == 4).tolist()
    elite = set(rng.sample(phds, min(len(phds), max(1, round(size * ELITE_SHARE)))))
    people = []
    for i in range(size):
        zh = bool(batch.chinese[i])
        degree = int(batch.degree[i])
        is_elite = i in elite
        campus = not is_elite and degree >= 2 and rng.random() < CAMPUS_SHARE
        years = 0.0 if campus else max(0.5, float(batch.years[i]))
        grad = 2027 if campus else min(2026, int(batch.graduation_year[i]))
        area = FOCUS_AREAS[int(batch.focus[i])]
        if rng.random() < DRIVE_CITY_SHARE:
            city = rng.choice(DRIVE_CITIES)
        else:
            city = rng.choice([code for code in CITY_NAMES if code not in DRIVE_CITIES])
        own = batch.own.indices[batch.own.indptr[i] : batch.own.indptr[i + 1]]
        skill_ids = tuple(space.ids[s] for s in own)
        names = [(space.names_zh if zh else space.names_en)[s] for s in own]
        # The elite hold the programme's bar (a PhD with two or more top-venue papers); everyone
        # else at most one, so the programme flag stays rare, as it is in a real drive.
        if is_elite:
            papers = _papers(rng, rng.randint(2, 5), top=True, first_year=grad - 4)
        else:
            top = min(1, int(batch.top_papers[i])) if degree >= 3 else 0
            papers = _papers(rng, top, top=True, first_year=grad - 3)
            papers += _papers(rng, int(batch.other_papers[i]), top=False, first_year=grad - 3)
        award = rng.choice(TOP_AWARDS) if (is_elite and rng.random() < 0.3) or rng.random() < 0.004 else ""
        domain = pools.DOMAINS[batch.domain[i]][0] if batch.domain[i] >= 0 else ""
        who = identity(i, chinese_resume=zh, rng=rng)
        phone = who.phone
        shown_phone = f"+86 {phone[3:6]} {phone[6:10]} {phone[10:]}"
        text = _resume(
            who={"name": who.full_name, "email": who.email, "phone": shown_phone,
                 "city": CITY_NAMES[city][0 if zh else 1]},
            zh=zh, campus=campus, grad=grad, degree=degree, years=years, area=area,
            school=int(batch.school[i]), company=int(batch.company[i]), major=int(batch.major[i]),
            skills=names, domain=domain, papers=papers, award=award,
        )  # fmt: skip
        people.append(
            Person(
                index=i,
                full_name=who.full_name,
                email=who.email,
                phone=phone,
                city=city,
                language="zh" if zh else "en",
                area=area,
                degree=degree,
                campus=campus,
                elite=is_elite,
                resume_text=text,
                skill_ids=skill_ids,
            )  # fmt: skip
        )
    return people
