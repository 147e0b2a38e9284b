"""The funnel, time in stage, time to hire and sources, counted by hand on small journeys."""

from __future__ import annotations

import datetime as dt

from talentdrive.insights.core.funnel import Journey, Move, by_source, funnel, time_in_stage, time_to_hire

T0 = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)


def day(n: float) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


HIRED = Journey(T0, "hired", (Move(day(2), "received", "review"), Move(day(6), "review", "interview"),
                              Move(day(16), "interview", "offer"), Move(day(20), "offer", "hired")), "referral")  # fmt: skip
REJECTED_AT_INTERVIEW = Journey(T0, "rejected", (Move(day(4), "received", "review"), Move(day(8), "review", "interview"),
                                                 Move(day(12), "interview", "rejected")), "portal")  # fmt: skip
WAITING = Journey(T0, "received", (), "portal")


def test_the_funnel_counts_the_furthest_step_each_application_reached():
    steps = {step.kind: step for step in funnel([HIRED, REJECTED_AT_INTERVIEW, WAITING])}
    assert [steps[k].reached for k in ("received", "review", "interview", "offer", "hired")] == [
        3,
        2,
        2,
        1,
        1,
    ]
    assert steps["review"].share_of_previous == 2 / 3
    # no committee review in these flows: the step is left out and the offer reads against interviews
    assert "committee" not in steps and steps["offer"].share_of_previous == 0.5


def test_time_in_stage_counts_only_the_stages_left():
    days = {d.kind: d for d in time_in_stage([HIRED, REJECTED_AT_INTERVIEW, WAITING])}
    assert (days["received"].count, days["received"].median_days) == (2, 3.0)  # 2 and 4 days
    assert days["interview"].median_days == 7.0  # 10 and 4 days
    assert days["offer"].count == 1


def test_time_to_hire_and_sources():
    assert (time_to_hire([HIRED, WAITING]).count, time_to_hire([HIRED]).median_days) == (1, 20.0)
    rows = {row.source: row for row in by_source([HIRED, REJECTED_AT_INTERVIEW, WAITING])}
    assert (rows["portal"].applications, rows["portal"].interviewed, rows["portal"].hired) == (2, 1, 0)
    assert rows["referral"].hire_rate == 1.0


def test_the_committee_step_counts_who_was_at_it_and_the_offer_reads_against_interviews():
    programme = Journey(T0, "offer", (Move(day(1), "received", "review"), Move(day(2), "review", "interview"),
                                      Move(day(3), "interview", "committee"), Move(day(4), "committee", "offer")))  # fmt: skip
    steps = {step.kind: step for step in funnel([HIRED, programme, REJECTED_AT_INTERVIEW])}
    assert (steps["committee"].reached, steps["offer"].reached) == (1, 2)
    assert steps["committee"].share_of_previous == 1 / 3 and steps["offer"].share_of_previous == 2 / 3


def _histogram(days: list[float], *, step_days: float = 0.0) -> list[tuple[int, int]]:
    """Durations in the roll-ups' buckets: (count, total ms) per tenth of a day, in bucket order."""
    from talentdrive.pipeline.core.standing import bucket

    buckets: dict[int, list[int]] = {}
    for value in days:
        ms = round(value * 86_400_000)
        figures = buckets.setdefault(bucket(ms), [0, 0])
        figures[0] += 1
        figures[1] += ms
    return [tuple(buckets[key]) for key in sorted(buckets)]  # type: ignore[misc]


def test_percentiles_from_the_histogram_equal_the_exact_ones_when_a_bucket_holds_one_value():
    import random

    from talentdrive.insights.core.funnel import histogram_duration

    rng = random.Random(5)
    for n in (1, 2, 3, 10, 11, 57):
        days = [rng.randrange(0, 400) / 10 for _ in range(n)]  # tenths of a day: equal values share a bucket
        journeys = [Journey(T0, "review", (Move(day(d), "received", "review"),)) for d in days]
        (exact,) = time_in_stage(journeys)
        assert histogram_duration("received", _histogram(days)) == exact


def test_percentiles_from_the_histogram_stay_within_a_tenth_of_a_day_otherwise():
    import random

    from talentdrive.insights.core.funnel import histogram_duration

    rng = random.Random(6)
    days = [rng.uniform(0, 30) for _ in range(500)]
    journeys = [Journey(T0, "review", (Move(day(d), "received", "review"),)) for d in days]
    (exact,) = time_in_stage(journeys)
    estimate = histogram_duration("received", _histogram(days))
    assert estimate.count == exact.count
    assert abs(estimate.median_days - exact.median_days) <= 0.1 + 1e-9
    assert abs(estimate.p90_days - exact.p90_days) <= 0.1 + 1e-9


def test_reading_tenths_only_in_the_days_the_percentiles_fall_in_gives_the_same_figures():
    import random

    from talentdrive.insights.core.funnel import histogram_duration, percentile_days, refined
    from talentdrive.pipeline.core.standing import DAYS, TENTHS, bucket

    def buckets(values: list[float], scale: int) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for value in values:
            ms = round(value * 86_400_000)
            figures = found.setdefault(bucket(ms, scale), [0, 0])
            figures[0] += 1
            figures[1] += ms
        return found

    rng = random.Random(7)
    for n in (1, 2, 5, 40, 333):
        values = [rng.uniform(0, 20) for _ in range(n)]
        per_day, per_tenth = buckets(values, DAYS), buckets(values, TENTHS)
        days = [(d, *per_day[d]) for d in sorted(per_day)]
        wanted = percentile_days([(d, count) for d, count, _ in days])
        tenths: dict[int, list[tuple[int, int]]] = {}
        for tenth in sorted(per_tenth):
            if tenth // 10 in wanted:
                tenths.setdefault(tenth // 10, []).append((per_tenth[tenth][0], per_tenth[tenth][1]))
        assert len(wanted) <= 4
        assert histogram_duration("x", refined(days, tenths)) == histogram_duration("x", _histogram(values))
