"""Fixtures every test directory shares, built on ``tests/factories.py``."""

from __future__ import annotations

import pytest
from django.utils import translation

from talentdrive.accounts.models import Role, User
from talentdrive.plans.models import Drive, PlanLine, Team
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Staff fixtures carry passwords and some tests sign in; the production hasher is deliberately slow.
    # It stays listed, so passwords hashed outside a test (the demo accounts, loaded once per module) check.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]


@pytest.fixture(autouse=True)
def match_refresh_as_a_task(settings):
    # Outside tests the embedded task backend's index refresh runs beside the request, in a thread;
    # tests run it where they can see it, as the enqueued task.
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_REFRESH_IN_THREAD": False}


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    # A page in Chinese leaves Chinese active in the thread (each request activates its own language, a
    # test calling a service does not): every test starts in the default language, whatever ran before it.
    translation.deactivate()
    yield
    translation.deactivate()


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


# Slow tests marked here rather than by a decorator in their modules, which are being reworked on
# another branch; move each to a `@pytest.mark.slow` in its module once that work has landed.
SLOW_ELSEWHERE = {
    "tests/portal/test_apply_fuzz.py": {
        "test_apply_endpoint_never_fails_with_a_server_error",
        "test_portal_form_never_fails_with_a_server_error",
        "test_malformed_bodies_are_refused_not_crashed",
    },
    "tests/portal/test_core_facets.py": {"test_matches_a_brute_force_reference"},
    "tests/resumes/test_core_properties.py": {
        "test_random_docx_bodies_give_a_profile_or_an_error",
        "test_truncated_or_patched_documents_give_a_profile_or_an_error",
        "test_resume_like_text_gives_a_profile_with_spans_inside_the_text",
    },
    "tests/resumes/test_core_defences.py": {
        "test_long_runs_of_hyphens_in_a_chinese_resume_are_read_in_bounded_time"
    },
    "tests/resumes/test_core_extract.py": {"test_the_core_runs_without_django"},
    "tests/resumes/test_core_fields.py": {"test_administrators_taxonomy_files_are_used"},
}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items):
    checked: set[str] = set()
    for item in items:
        module, _, name = item.nodeid.partition("::")
        if module not in SLOW_ELSEWHERE:
            continue
        if module not in checked:
            # A renamed test would silently lose its mark; fail loudly instead.
            missing = {n for n in SLOW_ELSEWHERE[module] if not hasattr(item.module, n)}
            if missing:
                raise pytest.UsageError(
                    f"SLOW_ELSEWHERE names tests {module} no longer has: {sorted(missing)}"
                )
            checked.add(module)
        if name.split("[")[0] in SLOW_ELSEWHERE[module]:
            item.add_marker(pytest.mark.slow)


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
