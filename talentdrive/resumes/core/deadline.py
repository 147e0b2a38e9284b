"""A wall-clock budget checked at safe points (between pages, between stages)."""

from __future__ import annotations

import time
from collections.abc import Callable

from .model import ParseFailure

Clock = Callable[[], float]


class Deadline:
    """``seconds`` from now on ``clock``; a test passes a fake clock to make it expire when it chooses."""

    def __init__(self, seconds: float, *, clock: Clock = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.expires = clock() + seconds

    def check(self, stage: str) -> None:
        if self.clock() > self.expires:
            raise ParseFailure("timeout", f"gave up after {self.seconds:g} s ({stage})")
