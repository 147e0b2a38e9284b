import pytest

from tests.insights.world import World, build_world


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Each test signs in several staff accounts; the production hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(drive, team) -> World:
    return build_world(drive, team)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # A live-server test ends with a flush; put the migrations' reference data back for the next test.
    yield
    if nextitem is not None:
        from tests.pipeline.factories import reseed_after

        reseed_after(item)
