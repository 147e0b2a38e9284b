import pytest

from tests.insights.world import World, build_world


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Each test signs in several staff accounts; the production hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(drive, team) -> World:
    return build_world(drive, team)
