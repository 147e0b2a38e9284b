"""A bounded memo for per-line helpers that several extractors call on the same lines."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

# Only short strings are remembered, so a hostile file of giant lines cannot make a worker hold
# thousands of them; longer ones are simply computed each time.
MAX_KEY_LENGTH = 512


def line_memo(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str) -> T:
            return cached(text) if len(text) <= MAX_KEY_LENGTH else function(text)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return decorate
