"""When, at the pace seen so far, a number of hires still to make will be made: a bootstrap. Pure.

The weeks observed so far are the evidence: each simulated future week draws one of them at random
(with replacement) and adds its hires, until the remaining number is reached. Many runs give a range
of finishing weeks; the 10th, 50th and 90th percentiles are reported. A pace of zero so far gives no
forecast rather than an invented one, and a finish beyond the horizon is reported as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

RUNS = 1000
HORIZON_WEEKS = 104


@dataclass(frozen=True)
class WeeksToFill:
    """Weeks from now until the remaining hires are made: low (10th percentile), likely (50th), high
    (90th). ``None`` throughout when nothing has been hired yet; ``high`` is ``None`` when more than a
    tenth of the runs did not finish within the horizon."""

    low: int | None
    likely: int | None
    high: int | None
    observed_weeks: int
    hires_observed: int


def weeks_to_fill(
    weekly_hires: Sequence[int],
    remaining: int,
    *,
    runs: int = RUNS,
    horizon: int = HORIZON_WEEKS,
    seed: int = 0,
) -> WeeksToFill:
    observed = len(weekly_hires)
    total = sum(weekly_hires)
    if remaining <= 0:
        return WeeksToFill(0, 0, 0, observed, total)
    if total == 0:
        return WeeksToFill(None, None, None, observed, total)
    # Every run at once: a row of drawn weeks per run, the week each row first reaches the number.
    draws = np.random.default_rng(seed).choice(np.asarray(weekly_hires), size=(runs, horizon))
    done = draws.cumsum(axis=1) >= remaining
    finished = done.any(axis=1)
    weeks = np.where(finished, done.argmax(axis=1) + 1, horizon + 1)
    weeks.sort()

    def percentile(fraction: float) -> int | None:
        value = int(weeks[min(runs - 1, int(fraction * runs))])
        return None if value > horizon else value

    return WeeksToFill(percentile(0.1), percentile(0.5), percentile(0.9), observed, total)
