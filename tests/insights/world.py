"""A small drive whose progress figures are worked out by hand in the tests.

Plan lines (drive ai-2026):
  L1 shanghai / experienced / llm / core-training   target 5
  L2 shanghai / campus      / llm / core-training   target 4
  L3 beijing  / experienced / multimodal / health   target 6
  L4 beijing  / campus      / llm / health          target 2   (nothing under it)
Requisitions (headcount, status): L1: R1 2 open, R2 1 draft, R3 1 closed;
  L2: R4 3 open, R5 1 paused; L3: R6 2 open, R7 2 filled.
Hired applications: R1 2 (+1 at interview, not counted), R3 1, R4 1, R7 2.
Another drive has a line of 100 and one hire, which must never leak in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from talentdrive.accounts.models import Role, User
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.models import Application, Stage
from talentdrive.plans.models import (
    BusinessGroup,
    City,
    Drive,
    FocusArea,
    PlanLine,
    Requisition,
    Team,
)


@dataclass
class World:
    drive: Drive
    other_drive: Drive
    lines: dict[str, PlanLine]
    requisitions: dict[str, Requisition]
    users: dict[str, User]


_candidate_counter = 0


def _hire(requisition: Requisition, count: int, stage: str = Stage.HIRED) -> None:
    global _candidate_counter
    for _ in range(count):
        _candidate_counter += 1
        candidate = Candidate.objects.create(email=f"person{_candidate_counter}@example.test")
        Application.objects.create(candidate=candidate, requisition=requisition, stage=stage)


def _requisition(line: PlanLine, external_id: str, headcount: int, status: str) -> Requisition:
    requisition = Requisition.objects.create(
        drive=line.drive,
        plan_line=line,
        external_id=external_id,
        title_zh=f"职位 {external_id}",
        title_en=f"Role {external_id}",
        headcount=headcount,
        status=status,
        must_skills=["LLM", "PyTorch"],
    )
    requisition.cities.set([line.city])
    return requisition


def build_world(drive: Drive, team: Team) -> World:
    group = BusinessGroup.objects.create(code="vertical", name_zh="垂直应用", name_en="Vertical apps")
    health = Team.objects.create(code="health", group=group, name_zh="健康", name_en="Health")
    other_team = Team.objects.create(code="glasses", group=group, name_zh="智能眼镜", name_en="Smart glasses")
    shanghai, beijing = City.objects.get(code="shanghai"), City.objects.get(code="beijing")
    llm = FocusArea.objects.get(code="llm")
    multimodal = FocusArea.objects.get(code="multimodal-understanding")

    def line(
        external_id: str, city: City, channel: str, area: FocusArea, owner: Team, target: int
    ) -> PlanLine:
        return PlanLine.objects.create(
            drive=drive,
            external_id=external_id,
            city=city,
            channel=channel,
            focus_area=area,
            team=owner,
            target=target,
        )

    lines = {
        "L1": line("L1", shanghai, "experienced", llm, team, 5),
        "L2": line("L2", shanghai, "campus", llm, team, 4),
        "L3": line("L3", beijing, "experienced", multimodal, health, 6),
        "L4": line("L4", beijing, "campus", llm, health, 2),
    }
    requisitions = {
        "R1": _requisition(lines["L1"], "R1", 2, "open"),
        "R2": _requisition(lines["L1"], "R2", 1, "draft"),
        "R3": _requisition(lines["L1"], "R3", 1, "closed"),
        "R4": _requisition(lines["L2"], "R4", 3, "open"),
        "R5": _requisition(lines["L2"], "R5", 1, "paused"),
        "R6": _requisition(lines["L3"], "R6", 2, "open"),
        "R7": _requisition(lines["L3"], "R7", 2, "filled"),
    }
    _hire(requisitions["R1"], 2)
    _hire(requisitions["R1"], 1, stage=Stage.INTERVIEW)
    _hire(requisitions["R3"], 1)
    _hire(requisitions["R4"], 1)
    _hire(requisitions["R7"], 2)

    other_drive = Drive.objects.create(
        code="other",
        name_zh="其他",
        name_en="Other drive",
        total_target=100,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        channels=["experienced"],
    )
    other_line = PlanLine.objects.create(
        drive=other_drive,
        external_id="X1",
        city=shanghai,
        channel="experienced",
        focus_area=llm,
        team=team,
        target=100,
    )
    _hire(_requisition(other_line, "X-R1", 5, "open"), 1)

    def user(name: str, role: str, **extra: object) -> User:
        return User.objects.create_user(username=name, password=f"{name}-pass-123", role=role, **extra)

    recruiter = user("rec", Role.RECRUITER)
    recruiter.scope_teams.set([team])
    other_recruiter = user("rec-other", Role.RECRUITER)
    other_recruiter.scope_teams.set([other_team])
    health_recruiter = user("rec-health", Role.RECRUITER)
    health_recruiter.scope_teams.set([health])
    manager = user("manager", Role.HIRING_MANAGER)
    Requisition.objects.filter(pk=requisitions["R1"].pk).update(hiring_manager=manager)
    requisitions["R1"].hiring_manager = manager
    users = {
        "hiring_manager": manager,
        "interviewer": user("interviewer", Role.INTERVIEWER),
        "other_recruiter": other_recruiter,
        "recruiter": recruiter,
        "health_recruiter": health_recruiter,
        "leadership": user("lead", Role.LEADERSHIP),
        "admin": user("boss", Role.ADMIN, is_staff=True, is_superuser=True),
    }
    return World(drive=drive, other_drive=other_drive, lines=lines, requisitions=requisitions, users=users)
