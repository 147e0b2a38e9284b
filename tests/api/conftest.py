from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from talentdrive.accounts.models import Role, User
from talentdrive.accounts.services import api_token_create
from talentdrive.plans.models import BusinessGroup, City, FocusArea, PlanLine, Requisition, Team
from talentdrive.plans.services import requisition_create
from tests.actors import TEST_ACTOR


@dataclass
class World:
    plan_line: PlanLine
    campus_line: PlanLine
    open_requisition: Requisition
    draft_requisition: Requisition
    campus_requisition: Requisition
    tokens: dict[str, str]
    users: dict[str, User]


def make_user(username: str, role: str, **extra) -> User:
    # No password: hashing one costs more than the rest of a test; sessions use force_login.
    return User.objects.create_user(username=username, role=role, **extra)


@pytest.fixture
def client() -> Client:
    # As a browser or script meets the API: CSRF is enforced for session writes.
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def world(plan_line, team) -> World:
    group = BusinessGroup.objects.get(code="flagship")
    other_team = Team.objects.create(code="glasses", group=group, name_zh="智能眼镜", name_en="Smart glasses")
    campus_line = PlanLine.objects.create(
        drive=plan_line.drive,
        external_id="PL-SH-CAM-AGT",
        city=City.objects.get(code="shanghai"),
        channel="campus",
        focus_area=FocusArea.objects.get(code="agents"),
        team=other_team,
        target=10,
    )
    users = {
        "interviewer": make_user("ivan", Role.INTERVIEWER),
        "other_recruiter": make_user("olga", Role.RECRUITER),
        "recruiter": make_user("rita", Role.RECRUITER),
        "admin": make_user("ada", Role.ADMIN, is_staff=True),
    }
    users["other_recruiter"].scope_teams.set([other_team])
    users["recruiter"].scope_teams.set([team])
    open_requisition = requisition_create(
        plan_line=plan_line,
        external_id="R-OPEN",
        title_zh="大模型预训练工程师",
        title_en="LLM pre-training engineer",
        description_en="Scale pre-training runs.",
        status="open",
        actor=TEST_ACTOR,
    )
    draft_requisition = requisition_create(
        plan_line=plan_line,
        external_id="R-DRAFT",
        title_zh="草稿职位",
        title_en="Draft role",
        actor=TEST_ACTOR,
    )
    campus_requisition = requisition_create(
        plan_line=campus_line,
        external_id="R-CAMPUS",
        title_zh="智能体应用工程师（校招）",
        title_en="Agent engineer (graduate)",
        headcount=4,
        status="open",
        actor=TEST_ACTOR,
    )
    tokens = {
        role: api_token_create(user=user, name="tests", actor=TEST_ACTOR)[1] for role, user in users.items()
    }
    return World(
        plan_line, campus_line, open_requisition, draft_requisition, campus_requisition, tokens, users
    )


def call(client: Client, world: World, who: str, method: str, url: str, data=None):
    headers = {} if who == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {world.tokens[who]}"}
    if method == "get":
        return client.get(url, data or {}, **headers)
    return getattr(client, method)(url, data or {}, content_type="application/json", **headers)
