"""The demo drive's organisation: business groups, teams, where they hire and how many.

Plain data, no Django import, so the plan can be computed and tested without a database.
Team sizes add up to the drive's announced 1,000 hires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DRIVE_CODE = "ai-talent-2026"
DRIVE_NAME_ZH = "2026 AI 人才招聘计划"
DRIVE_NAME_EN = "AI Talent Drive 2026"
DRIVE_TOTAL = 1000
DRIVE_STARTS_ON = date(2026, 3, 1)
DRIVE_ENDS_ON = date(2027, 6, 30)
DRIVE_CITIES = ("beijing", "shanghai", "hangzhou", "guangzhou")
DRIVE_CHANNELS = ("experienced", "campus")
# Campus offers go to students graduating in this window.
GRADUATION_FROM = date(2026, 9, 1)
GRADUATION_TO = date(2027, 8, 31)
CAMPUS_CLASS = "2027"

DRIVE_STORY_ZH = (
    "这是集团近年来规模最大的一次 AI 人才招聘：计划在北京、上海、杭州、广州四地招聘约 1,000 人，"
    "社会招聘与校园招聘同步进行。岗位覆盖大模型研发与优化、多模态识别与理解、多模态训练工程、"
    "模型训练核心基础设施、智能体应用、AI 硬件、语音交互、图像视频算法、强化学习与 AI 产品。"
    "大量岗位将投入旗舰 AI 应用和全新的智能眼镜产品线；AI 研究院通过顶尖人才计划招募博士研究者。"
)
DRIVE_STORY_EN = (
    "Our largest AI hiring drive in years: about 1,000 people across Beijing, Shanghai, Hangzhou and "
    "Guangzhou, through experienced and campus hiring at the same time. Roles span large language models, "
    "multimodal understanding and training, core training infrastructure, intelligent agents, AI hardware, "
    "speech, image and video algorithms, reinforcement learning and AI products. Many positions go to our "
    "flagship consumer AI app and a new smart-glasses line; the AI Research Lab recruits PhD researchers "
    "through its elite talent programme."
)


@dataclass(frozen=True)
class GroupSpec:
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class TeamSpec:
    code: str
    group: str
    name_zh: str
    name_en: str
    # Short names used in job titles.
    short_zh: str
    short_en: str
    total: int
    # city code -> weight; a team hires only where it has a site.
    cities: tuple[tuple[str, int], ...]
    # focus area code -> weight
    areas: tuple[tuple[str, int], ...]
    campus_share: float
    domain: str = ""
    programme: bool = False


GROUPS = (
    GroupSpec("flagship-app", "旗舰 AI 应用事业部", "Flagship AI App"),
    GroupSpec("smart-glasses", "智能眼镜事业部", "Smart Glasses"),
    GroupSpec("vertical-apps", "垂直应用事业部", "Vertical Applications"),
    GroupSpec("ai-research-lab", "AI 研究院", "AI Research Lab"),
)

TEAMS = (
    TeamSpec(
        "app-core-training",
        "flagship-app",
        "核心模型训练",
        "Core Model Training",
        "旗舰应用·模型训练",
        "Flagship App, Model Training",
        170,
        (("beijing", 5), ("shanghai", 3), ("hangzhou", 2)),
        (("llm", 5), ("training-infra", 4), ("multimodal-training", 3), ("reinforcement-learning", 2)),
        0.35,
    ),
    TeamSpec(
        "app-multimodal",
        "flagship-app",
        "多模态",
        "Multimodal",
        "旗舰应用·多模态",
        "Flagship App, Multimodal",
        120,
        (("beijing", 3), ("shanghai", 4), ("hangzhou", 2)),
        (("multimodal-understanding", 5), ("multimodal-training", 3), ("vision-optimisation", 2)),
        0.4,
    ),
    TeamSpec(
        "app-agents",
        "flagship-app",
        "智能体",
        "Agents",
        "旗舰应用·智能体",
        "Flagship App, Agents",
        120,
        (("beijing", 3), ("shanghai", 3), ("hangzhou", 3), ("guangzhou", 1)),
        (("agents", 6), ("llm", 2), ("reinforcement-learning", 2)),
        0.4,
    ),
    TeamSpec(
        "app-product",
        "flagship-app",
        "产品",
        "Product",
        "旗舰应用·产品",
        "Flagship App, Product",
        70,
        (("beijing", 3), ("shanghai", 2), ("guangzhou", 2)),
        (("ai-product", 6), ("agents", 2)),
        0.3,
    ),
    TeamSpec(
        "glasses-hardware",
        "smart-glasses",
        "硬件架构",
        "Hardware Architecture",
        "智能眼镜·硬件",
        "Smart Glasses, Hardware",
        70,
        (("shanghai", 3), ("guangzhou", 3), ("beijing", 1)),
        (("ai-hardware", 7), ("vision-optimisation", 1)),
        0.3,
    ),
    TeamSpec(
        "glasses-speech",
        "smart-glasses",
        "语音与交互",
        "Speech & Interaction",
        "智能眼镜·语音交互",
        "Smart Glasses, Speech",
        70,
        (("shanghai", 3), ("beijing", 2), ("guangzhou", 2)),
        (("speech", 7), ("multimodal-understanding", 1), ("ai-product", 1)),
        0.35,
    ),
    TeamSpec(
        "glasses-vision",
        "smart-glasses",
        "视觉与视频",
        "Vision & Video",
        "智能眼镜·视觉",
        "Smart Glasses, Vision",
        70,
        (("shanghai", 3), ("hangzhou", 2), ("guangzhou", 2)),
        (("vision-optimisation", 6), ("multimodal-understanding", 2), ("ai-hardware", 1)),
        0.35,
    ),
    TeamSpec(
        "vertical-learning",
        "vertical-apps",
        "学习",
        "Learning",
        "学习应用",
        "Learning App",
        70,
        (("hangzhou", 3), ("beijing", 2), ("guangzhou", 1)),
        (("llm", 3), ("agents", 3), ("ai-product", 2), ("speech", 1)),
        0.4,
    ),
    TeamSpec(
        "vertical-health",
        "vertical-apps",
        "健康",
        "Health",
        "健康应用",
        "Health App",
        70,
        (("shanghai", 3), ("beijing", 2), ("guangzhou", 2)),
        (("reinforcement-learning", 3), ("llm", 3), ("multimodal-understanding", 2), ("ai-product", 1)),
        0.3,
        domain="healthcare",
    ),
    TeamSpec(
        "vertical-creation",
        "vertical-apps",
        "创作",
        "Creation",
        "创作应用",
        "Creation App",
        70,
        (("hangzhou", 3), ("shanghai", 2), ("guangzhou", 2)),
        (("multimodal-understanding", 3), ("vision-optimisation", 2), ("ai-product", 2), ("agents", 1)),
        0.4,
    ),
    TeamSpec(
        "research-elite",
        "ai-research-lab",
        "顶尖人才计划",
        "Elite Talent Programme",
        "AI 研究院",
        "AI Research Lab",
        100,
        (("beijing", 5), ("shanghai", 3), ("hangzhou", 2)),
        (("llm", 4), ("multimodal-understanding", 3), ("reinforcement-learning", 3), ("training-infra", 1)),
        0.45,
        programme=True,
    ),
)

assert sum(team.total for team in TEAMS) == DRIVE_TOTAL  # noqa: S101 - data invariant
