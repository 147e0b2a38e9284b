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
