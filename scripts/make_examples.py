"""Write the example import files in examples/: the same bytes on every run.

    .venv/bin/python scripts/make_examples.py

plan.xlsx          a small drive ("example-2027") with its plan lines; teams and groups are created on import
requisitions.xlsx  requisitions under those plan lines, within every target
bad-plan.xlsx      the same drive with exactly three bad rows: an unknown city, a negative target and a
                   repeated id; importing it reports all three and writes nothing
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentdrive.settings")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from talentdrive.plans.exporting import (  # noqa: E402
    FIXED_DOC_TIME,
    PLAN_EXPORT_COLUMNS,
    REQUISITION_EXPORT_COLUMNS,
    normalise_zip,
)

DRIVE = [
    ("code", "example-2027"),
    ("name_zh", "2027 AI 人才招聘（示例）"),
    ("name_en", "AI hiring drive 2027 (example)"),
    ("total_target", 60),
    ("starts_on", dt.date(2027, 3, 1)),
    ("ends_on", dt.date(2027, 12, 31)),
    ("cities", "beijing, shanghai, hangzhou, guangzhou"),
    ("channels", "experienced, campus"),
]

GROUPS = {
    "flagship-app": ("旗舰 AI 应用", "Flagship AI app"),
    "smart-hardware": ("智能硬件", "Smart hardware"),
    "vertical-apps": ("垂直应用", "Vertical applications"),
}
TEAMS = {
    "ex-core-training": ("flagship-app", "核心模型训练", "Core model training"),
    "ex-assistant": ("flagship-app", "智能助手", "Assistant"),
    "ex-glasses": ("smart-hardware", "智能眼镜", "Smart glasses"),
    "ex-health": ("vertical-apps", "健康", "Health"),
}
# (id, city, channel, focus area, team, target)
PLAN = [
    ("EX-BJ-EXP-LLM", "beijing", "experienced", "llm", "ex-core-training", 8),
    ("EX-BJ-CAM-LLM", "beijing", "campus", "llm", "ex-core-training", 10),
    ("EX-SH-EXP-AGT", "shanghai", "experienced", "agents", "ex-assistant", 6),
    ("EX-SH-CAM-MMU", "shanghai", "campus", "multimodal-understanding", "ex-assistant", 8),
    ("EX-HZ-EXP-HW", "hangzhou", "experienced", "ai-hardware", "ex-glasses", 5),
    ("EX-HZ-EXP-SPE", "hangzhou", "experienced", "speech", "ex-glasses", 4),
    ("EX-GZ-EXP-RL", "guangzhou", "experienced", "reinforcement-learning", "ex-health", 4),
    ("EX-GZ-CAM-PRD", "guangzhou", "campus", "ai-product", "ex-health", 5),
    ("EX-SH-EXP-INF", "shanghai", "experienced", "training-infra", "ex-core-training", 5),
    ("EX-BJ-CAM-VIS", "beijing", "campus", "vision-optimisation", "ex-glasses", 5),
]
# (id, plan line, title zh, title en, level, headcount, must, nice, domain, degree, years, programme, status)
REQUISITIONS = [
    (
        "EX-R-001",
        "EX-BJ-EXP-LLM",
        "大模型预训练算法专家",
        "LLM pre-training research scientist",
        "scientist",
        2,
        "llm-pretraining, pytorch",
        "distributed-training",
        "",
        "phd",
        3,
        "yes",
        "open",
    ),
    (
        "EX-R-002",
        "EX-BJ-EXP-LLM",
        "大模型推理优化工程师",
        "LLM inference optimisation engineer",
        "senior",
        1,
        "inference-optimisation; cuda",
        "triton",
        "",
        "master",
        5,
        "no",
        "open",
    ),
    (
        "EX-R-003",
        "EX-BJ-CAM-LLM",
        "大模型算法工程师（校招）",
        "LLM algorithm engineer (graduate)",
        "graduate",
        6,
        "python、pytorch",
        "nlp",
        "",
        "master",
        0,
        "yes",
        "open",
    ),
    (
        "EX-R-004",
        "EX-SH-EXP-AGT",
        "智能体应用开发工程师",
        "Agent application engineer",
        "engineer",
        3,
        "llm-agents, python",
        "tool-use",
        "",
        "bachelor",
        3,
        "no",
        "open",
    ),
    (
        "EX-R-005",
        "EX-SH-CAM-MMU",
        "多模态理解研究员（校招）",
        "Multimodal understanding researcher (graduate)",
        "graduate",
        4,
        "computer-vision, multimodal",
        "vlm",
        "",
        "phd",
        0,
        "yes",
        "draft",
    ),
    (
        "EX-R-006",
        "EX-HZ-EXP-HW",
        "智能眼镜硬件架构师",
        "Smart-glasses hardware architect",
        "staff",
        1,
        "soc-architecture",
        "low-power-design",
        "",
        "master",
        8,
        "no",
        "open",
    ),
    (
        "EX-R-007",
        "EX-HZ-EXP-SPE",
        "语音识别与交互工程师",
        "Speech recognition and interaction engineer",
        "senior",
        2,
        "asr, speech",
        "tts",
        "",
        "master",
        4,
        "no",
        "paused",
    ),
    (
        "EX-R-008",
        "EX-GZ-EXP-RL",
        "医疗大模型强化学习算法专家",
        "Reinforcement learning scientist, healthcare LLM",
        "scientist",
        2,
        "reinforcement-learning, rlhf",
        "clinical-nlp",
        "healthcare",
        "phd",
        3,
        "yes",
        "open",
    ),
    (
        "EX-R-009",
        "EX-GZ-CAM-PRD",
        "AI 产品经理（校招）",
        "AI product manager (graduate)",
        "graduate",
        3,
        "product-management",
        "data-analysis",
        "healthcare",
        "bachelor",
        0,
        "no",
        "open",
    ),
    (
        "EX-R-010",
        "EX-SH-EXP-INF",
        "训练集群基础设施工程师",
        "Training-cluster infrastructure engineer",
        "senior",
        2,
        "kubernetes, distributed-training",
        "rdma",
        "",
        "bachelor",
        5,
        "no",
        "open",
    ),
]


def _workbook(title: str, header: tuple[str, ...], rows: list[list[Any]], drive_sheet: bool) -> bytes:
    workbook = Workbook()
    workbook.properties.creator = "Talent Drive"
    workbook.properties.created = FIXED_DOC_TIME
    workbook.properties.modified = FIXED_DOC_TIME
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 48)
    sheet.freeze_panes = "A2"
    if drive_sheet:
        drive = workbook.create_sheet("drive")
        for name, value in DRIVE:
            drive.append([name, value])
        drive.column_dimensions["A"].width = 14
        drive.column_dimensions["B"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return normalise_zip(buffer.getvalue())


def _plan_row(external_id: str, city: str, channel: str, area: str, team: str, target: Any) -> list[Any]:
    group, team_zh, team_en = TEAMS[team]
    group_zh, group_en = GROUPS[group]
    values = {
        "external_id": external_id,
        "drive": "example-2027",
        "city": city,
        "channel": channel,
        "focus_area": area,
        "team": team,
        "target": target,
        "team_name_zh": team_zh,
        "team_name_en": team_en,
        "business_group": group,
        "business_group_name_zh": group_zh,
        "business_group_name_en": group_en,
        "note": "",
    }
    return [values[column] for column in PLAN_EXPORT_COLUMNS]


def _requisition_row(item: tuple[Any, ...]) -> list[Any]:
    ext, line, title_zh, title_en, level, headcount, must, nice, domain, degree, years, programme, status = (
        item
    )
    campus = "CAM" in line
    values = {
        "external_id": ext,
        "drive": "example-2027",
        "plan_line": line,
        "title_zh": title_zh,
        "title_en": title_en,
        "description_zh": f"负责{title_zh}相关工作，与团队共同交付面向用户的 AI 能力。",
        "description_en": f"As {title_en.lower()}, you ship AI capabilities that reach users, with the team.",
        "level": level,
        "headcount": headcount,
        "must_skills": must,
        "nice_skills": nice,
        "domain": domain,
        "min_degree": degree,
        "min_years": years,
        "graduation_from": dt.date(2026, 9, 1) if campus else None,
        "graduation_to": dt.date(2027, 8, 31) if campus else None,
        "programme_eligible": programme,
        "status": status,
        "cities": "",
        "hiring_manager": "",
        "recruiters": "",
    }
    return [values[column] for column in REQUISITION_EXPORT_COLUMNS]


def main(out: Path = ROOT / "examples") -> None:
    out.mkdir(exist_ok=True)
    plan_rows = [_plan_row(*line) for line in PLAN]
    (out / "plan.xlsx").write_bytes(_workbook("plan", PLAN_EXPORT_COLUMNS, plan_rows, drive_sheet=True))
    requisition_rows = [_requisition_row(item) for item in REQUISITIONS]
    (out / "requisitions.xlsx").write_bytes(
        _workbook("requisitions", REQUISITION_EXPORT_COLUMNS, requisition_rows, drive_sheet=False)
    )
    bad_rows = [_plan_row(*line) for line in PLAN[:6]]
    bad_rows.insert(2, _plan_row("EX-SZ-EXP-LLM", "Shenzen", "experienced", "llm", "ex-core-training", 3))
    bad_rows.insert(5, _plan_row("EX-SH-EXP-SPE", "shanghai", "experienced", "speech", "ex-assistant", -2))
    bad_rows.append(_plan_row("EX-BJ-EXP-LLM", "guangzhou", "campus", "llm", "ex-health", 2))
    (out / "bad-plan.xlsx").write_bytes(_workbook("plan", PLAN_EXPORT_COLUMNS, bad_rows, drive_sheet=True))
    for name in ("plan.xlsx", "requisitions.xlsx", "bad-plan.xlsx"):
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
