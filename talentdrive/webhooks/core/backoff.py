"""When to try a failed delivery again."""

from __future__ import annotations


def webhook_retry_delay(*, attempts: int, base_seconds: float, cap_seconds: float) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt: ``base × 2^(attempts-1)``, at most ``cap``.

    With a base of 30 s: 30 s, 1 min, 2 min, 4 min, … A base of 0 retries at once (tests, drills).
    """
    if attempts < 1:
        raise ValueError("a delay follows at least one attempt")
    return float(min(base_seconds * 2 ** (attempts - 1), cap_seconds))
