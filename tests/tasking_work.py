"""Tasks for tests/test_tasking.py, at module level so the task worker finds them by path."""

from __future__ import annotations

from talentdrive.tasking import retried_task

# how many times each key has run; the worker runs in the test's process
RUNS: dict[str, int] = {}


class Flaky(Exception):
    pass


@retried_task()
def fails_until_task(key: str, succeed_on: int) -> str:
    RUNS[key] = RUNS.get(key, 0) + 1
    if RUNS[key] < succeed_on:
        raise Flaky(key)
    return "done"
