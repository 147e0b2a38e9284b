from __future__ import annotations

import datetime as dt

import pytest

from talentdrive.accounts.models import Role, User
from talentdrive.plans.models import BusinessGroup, City, Drive, FocusArea, PlanLine, Team


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_user(
        username="admin", password="admin-pass-123", role=Role.ADMIN, is_staff=True, is_superuser=True
    )


@pytest.fixture
def recruiter(db) -> User:
    return User.objects.create_user(username="recruiter", password="recruiter-pass-123", role=Role.RECRUITER)


@pytest.fixture
def drive(db) -> Drive:
    drive = Drive.objects.create(
        code="ai-2026",
        name_zh="2026 AI 人才招聘",
        name_en="AI hiring drive 2026",
        total_target=20,
        starts_on=dt.date(2026, 9, 1),
        ends_on=dt.date(2027, 6, 30),
        channels=["experienced", "campus"],
    )
    drive.cities.set(City.objects.all())
    return drive


@pytest.fixture
def team(db) -> Team:
    group = BusinessGroup.objects.create(code="flagship", name_zh="旗舰 AI 应用", name_en="Flagship AI app")
    return Team.objects.create(
        code="core-training", group=group, name_zh="核心模型训练", name_en="Core model training"
    )


@pytest.fixture
def plan_line(drive: Drive, team: Team) -> PlanLine:
    return PlanLine.objects.create(
        drive=drive,
        external_id="PL-SH-EXP-LLM",
        city=City.objects.get(code="shanghai"),
        channel="experienced",
        focus_area=FocusArea.objects.get(code="llm"),
        team=team,
        target=3,
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # A transactional test ends by flushing every table, the cities and focus areas that a data
    # migration seeds included; put them back so the next test on this worker finds them.
    yield
    if nextitem is not None:  # after the last test the test database is already gone
        from tests.pipeline.factories import reseed_after

        reseed_after(item)
