import pytest

from tests.insights.world import World, build_world


@pytest.fixture
def world(drive, team) -> World:
    return build_world(drive, team)
