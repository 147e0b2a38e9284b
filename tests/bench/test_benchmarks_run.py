"""Every benchmark runs at a tiny size in the test suite, so none can rot between `make bench` runs."""

from __future__ import annotations

import importlib

import pytest

from bench.__main__ import discover

# Even at a tiny size a benchmark builds its own data and times repeated runs.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", discover())
def test_benchmark_runs_tiny(name, db):
    section = importlib.import_module(f"bench.bench_{name}").run(full=False)
    assert section.lstrip().startswith("## ")
    assert "baseline" in section.lower()
