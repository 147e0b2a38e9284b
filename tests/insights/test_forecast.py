"""The bootstrap forecast: checked against paces whose answer is known."""

from __future__ import annotations

from talentdrive.insights.core.forecast import weeks_to_fill


def test_a_steady_pace_gives_an_exact_answer():
    # two hires every week, ten to go: five weeks in every run
    result = weeks_to_fill([2, 2, 2, 2], 10)
    assert (result.low, result.likely, result.high) == (5, 5, 5)


def test_an_uneven_pace_gives_a_range_around_the_mean():
    result = weeks_to_fill([0, 4, 0, 4, 0, 4], 20, seed=1)  # two a week on average: ten weeks
    assert result.low < result.likely < result.high
    assert 8 <= result.likely <= 12


def test_no_hires_yet_gives_no_forecast_and_nothing_left_gives_now():
    assert weeks_to_fill([0, 0, 0], 5).likely is None
    assert weeks_to_fill([1], 0).likely == 0


def test_a_finish_beyond_the_horizon_is_said_to_be_beyond_it():
    result = weeks_to_fill([0] * 20 + [1], 50, horizon=30)
    assert result.likely is None and result.high is None
