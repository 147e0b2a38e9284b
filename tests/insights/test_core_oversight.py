"""Oversight of screening on constructed requisitions: selection rates, the four-fifths ratio, overrides."""

from __future__ import annotations

import datetime as dt

from talentdrive.insights.core.funnel import RANK
from talentdrive.insights.core.oversight import Applicant, Step, groups, lowest_impact_ratio, overrides

T0 = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
INTERVIEW, RECEIVED = RANK["interview"], RANK["received"]


def _people(group: str, advanced: int, total: int, start: int, score: float = 0.5) -> list[Applicant]:
    return [Applicant(start + i, score, group, INTERVIEW if i < advanced else RECEIVED) for i in range(total)]


def test_the_four_fifths_ratio_on_a_constructed_requisition():
    # women: 12 of 40 advanced (30 %); men: 30 of 60 (50 %): ratio 0.6, below four fifths;
    # five gave no answer and are counted apart, outside the ratio
    applicants = _people("woman", 12, 40, 0) + _people("man", 30, 60, 100) + _people("", 5, 5, 200)
    man, woman, undeclared = groups(applicants)
    assert (woman.group, woman.applications, woman.advanced, woman.rate) == ("woman", 40, 12, 0.3)
    assert (man.rate, man.impact_ratio) == (0.5, 1.0)
    assert woman.impact_ratio == 0.3 / 0.5 and woman.below_four_fifths
    assert (undeclared.group, undeclared.applications, undeclared.impact_ratio) == ("", 5, None)
    assert lowest_impact_ratio([man, woman, undeclared]) == 0.6


def test_exactly_four_fifths_is_not_flagged():
    man, woman = groups(_people("woman", 4, 10, 0) + _people("man", 5, 10, 100))
    assert woman.impact_ratio == 0.8 and not woman.below_four_fifths


def test_scores_spread_into_ten_bins_with_the_median():
    people = [Applicant(i, score, "woman", RECEIVED) for i, score in enumerate((0.05, 0.15, 0.15, 0.95, 1.0))]
    people.append(Applicant(9, None, "woman", RECEIVED))  # not scored: counted, not binned
    (woman,) = groups(people)
    assert woman.histogram == (1, 2, 0, 0, 0, 0, 0, 0, 0, 2)
    assert (woman.applications, woman.median_score) == (6, 0.15)
    assert woman.impact_ratio is None  # nobody advanced in any group: no ratio to speak of


def at(hours: int) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def test_an_override_is_a_move_past_a_higher_ranked_active_applicant():
    scores = {1: 0.9, 2: 0.7, 3: 0.4, 4: 0.95}
    arrivals = [(1, at(0)), (2, at(0)), (3, at(0)), (4, at(5))]
    steps = [
        # ann moves the best (1) on: not an override
        Step(1, at(1), "received", "review", "ann"),
        # bob moves 3 (0.4) to review past 2 (0.7, still received): one override, one passed
        Step(3, at(2), "received", "review", "bob"),
        # bob moves 3 on to interview past 1 (0.9, at review): another override
        Step(3, at(3), "review", "interview", "bob"),
        # ann rejects 2, then moves 1 to interview: it passes nobody
        Step(2, at(4), "received", "rejected", "ann"),
        Step(1, at(4), "review", "interview", "ann"),
        # 4 arrives later with 0.95; bob moves 3 to the offer: it passes 1 (interview), not 4 (received,
        # below 3's starting step)
        Step(3, at(6), "interview", "offer", "bob"),
        # a move back is no forward move
        Step(1, at(7), "interview", "review", "ann"),
    ]
    found, actors = overrides(arrivals, steps, scores)
    assert [(o.key, o.actor, o.passed) for o in found] == [(3, "bob", 1), (3, "bob", 1), (3, "bob", 1)]
    by_actor = {a.actor: a for a in actors}
    assert (by_actor["bob"].forward_moves, by_actor["bob"].overrides, by_actor["bob"].share) == (3, 3, 1.0)
    assert (by_actor["ann"].forward_moves, by_actor["ann"].overrides) == (2, 0)
    assert actors[0].actor == "bob"


def test_a_passed_applicant_who_withdrew_is_no_override():
    scores = {1: 0.9, 2: 0.1}
    steps = [Step(1, at(1), "received", "withdrawn", "cand"), Step(2, at(2), "received", "review", "bob")]
    found, actors = overrides([(1, at(0)), (2, at(0))], steps, scores)
    assert found == [] and actors[0].forward_moves == 1
