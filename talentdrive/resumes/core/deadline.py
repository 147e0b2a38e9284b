"""A wall-clock budget checked at safe points (between pages, between stages)."""

from __future__ import annotations

import time

from .model import ParseFailure


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires = time.monotonic() + seconds

    def check(self, stage: str) -> None:
        if time.monotonic() > self.expires:
            raise ParseFailure("timeout", f"gave up after {self.seconds:g} s ({stage})")
