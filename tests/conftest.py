"""Fixtures every test directory shares, built on ``tests/factories.py``."""

from __future__ import annotations

import pytest

from talentdrive.accounts.models import Role, User
from talentdrive.plans.models import Drive, PlanLine, Team
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Staff fixtures carry passwords and some tests sign in; the production hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin_user(db) -> User:
    return factories.make_staff(Role.ADMIN, username="admin", password="admin-pass-123")


@pytest.fixture
def recruiter(db) -> User:
    """A recruiter without a scope: no limit on teams or cities."""
    return factories.make_staff(Role.RECRUITER, username="recruiter", password="recruiter-pass-123")


@pytest.fixture
def drive(db) -> Drive:
    return factories.make_drive()


@pytest.fixture
def team(db) -> Team:
    return factories.make_team()


@pytest.fixture
def other_team(db) -> Team:
    """A team that nothing built on ``team`` belongs to."""
    return factories.make_team(
        code="glasses",
        group=factories.make_group(code="vertical", name_zh="垂直应用", name_en="Vertical apps"),
        name_zh="智能眼镜",
        name_en="Smart glasses",
    )


@pytest.fixture
def plan_line(drive: Drive, team: Team) -> PlanLine:
    return factories.make_plan_line(drive=drive, team=team, external_id="PL-SH-EXP-LLM", target=3)


@pytest.fixture
def staff(team: Team, other_team: Team) -> dict[str, User]:
    """One user of each role: admin, leadership, recruiter (scoped to ``team``), other_recruiter (scoped to
    ``other_team``), hiring_manager, interviewer. See ``factories.make_staff_set``."""
    return factories.make_staff_set(team=team, other_team=other_team)


@pytest.fixture
def progress_plan(drive: Drive, team: Team, staff: dict[str, User]) -> factories.ProgressPlan:
    """The hand-counted plan of ``factories.make_progress_plan``."""
    return factories.make_progress_plan(drive=drive, team=team, staff=staff)


def _flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    fixtures = getattr(item, "fixturenames", ())
    return transactional or "live_server" in fixtures or "transactional_db" in fixtures


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # A transactional test ends by flushing every table, the cities and focus areas that a data
    # migration seeds included; put them back so the next test on this worker finds them.
    yield
    if nextitem is None or not _flushes_database(item):  # after the last test the database is gone
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        factories.reseed_reference_data()
