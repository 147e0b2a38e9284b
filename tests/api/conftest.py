from __future__ import annotations

import pytest
from django.test import Client

from talentdrive.accounts.models import User
from talentdrive.accounts.services import api_token_create
from talentdrive.plans.models import PlanLine, Requisition, Team
from talentdrive.plans.services import requisition_create
from tests.actors import TEST_ACTOR
from tests.factories import make_plan_line


@pytest.fixture
def client() -> Client:
    # As a browser or script meets the API: CSRF is enforced for session writes.
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def campus_line(drive, other_team: Team) -> PlanLine:
    return make_plan_line(
        drive=drive, team=other_team, channel="campus", area="agents", external_id="PL-SH-CAM-AGT", target=10
    )


@pytest.fixture
def requisitions(plan_line: PlanLine, campus_line: PlanLine) -> dict[str, Requisition]:
    """Made through the service, as the API makes them: an open and a draft one on ``plan_line`` (target 3,
    1 committed) and an open campus one of 4 on ``campus_line`` (another team, target 10)."""
    return {
        "open": requisition_create(
            plan_line=plan_line,
            external_id="R-OPEN",
            title_zh="大模型预训练工程师",
            title_en="LLM pre-training engineer",
            description_en="Scale pre-training runs.",
            status="open",
            actor=TEST_ACTOR,
        ),
        "draft": requisition_create(
            plan_line=plan_line,
            external_id="R-DRAFT",
            title_zh="草稿职位",
            title_en="Draft role",
            actor=TEST_ACTOR,
        ),
        "campus": requisition_create(
            plan_line=campus_line,
            external_id="R-CAMPUS",
            title_zh="智能体应用工程师（校招）",
            title_en="Agent engineer (graduate)",
            headcount=4,
            status="open",
            actor=TEST_ACTOR,
        ),
    }


@pytest.fixture
def tokens(staff: dict[str, User]) -> dict[str, str]:
    """A bearer token per staff role."""
    return {
        role: api_token_create(user=user, name="tests", actor=TEST_ACTOR)[1] for role, user in staff.items()
    }


def call(client: Client, tokens: dict[str, str], who: str, method: str, url: str, data=None):
    headers = {} if who == "anonymous" else {"HTTP_AUTHORIZATION": f"Bearer {tokens[who]}"}
    if method == "get":
        return client.get(url, data or {}, **headers)
    return getattr(client, method)(url, data or {}, content_type="application/json", **headers)
