"""The planner's pure core: the solver's plans hold every hard constraint (checked by the independent
verifier), infeasible input is answered with what binds, and re-planning keeps what it may keep."""

from __future__ import annotations

import dataclasses

import pytest

from bench.planner_instance import campus_problem
from talentdrive.campus.core.greedy import plan_greedy
from talentdrive.campus.core.problem import Assignment, Plan
from talentdrive.campus.core.solver import plan_objective, plan_replan, plan_solve
from talentdrive.campus.core.verify import plan_violations


@pytest.fixture(scope="module")
def small():
    return campus_problem(candidates=36, interviewers=24, rooms=3, days=1, english_share=0, seed=3)


@pytest.fixture(scope="module")
def solved(small):
    return plan_solve(small, time_limit=6, workers=2, neighbourhood=20, step_limit=2)


def test_the_solver_places_everyone_without_a_violation_and_no_worse_than_first_fit(small, solved):
    baseline = plan_greedy(small)
    assert plan_violations(small, solved) == []
    assert plan_violations(small, baseline) == []
    assert len(solved.unplaced) <= len(baseline.unplaced)
    assert plan_objective(small, solved) <= plan_objective(small, baseline)
    assert not solved.unplaced


def test_the_verifier_catches_each_kind_of_broken_constraint(small, solved):
    first, second = solved.assignments[0], solved.assignments[1]
    other = next(
        a for a in solved.assignments if a.candidate != first.candidate and a.interviewer != first.interviewer
    )
    # an interviewer in two places at once
    clash = dataclasses.replace(other, slot=first.slot, interviewer=first.interviewer)
    broken = Plan(tuple(a if a != other else clash for a in solved.assignments), solved.unplaced)
    assert any("interviews in slot" in v or "may not interview" in v for v in plan_violations(small, broken))
    # rounds out of order
    swapped = [a for a in solved.assignments if a.candidate == first.candidate]
    order = {a.round: a.slot for a in swapped}
    reordered = tuple(
        dataclasses.replace(
            a, slot=order["hr_interview"] if a.round == "technical_1" else order["technical_1"]
        )
        if a.candidate == first.candidate and a.round in ("technical_1", "hr_interview")
        else a
        for a in solved.assignments
    )
    assert any("too soon" in v or "video" in v for v in plan_violations(small, Plan(reordered, ())))
    # a candidate silently missing a round
    missing = Plan(tuple(a for a in solved.assignments if a != second), ())
    assert any("every round" in v for v in plan_violations(small, missing))
    # an interviewer outside their window
    people = {i.id: i for i in small.interviewers}
    for a in solved.assignments:
        gaps = [g for g in range(small.slots) if g not in people[a.interviewer].available]
        if gaps:
            moved = Plan(
                tuple(dataclasses.replace(x, slot=gaps[0]) if x == a else x for x in solved.assignments), ()
            )
            assert any("not available" in v for v in plan_violations(small, moved))
            break


def test_more_candidates_than_slots_says_what_binds_and_how_many_are_left(small):
    crowded = campus_problem(candidates=120, interviewers=24, rooms=3, days=1, english_share=0, seed=3)
    plan = plan_solve(crowded, time_limit=4, workers=2, neighbourhood=20, step_limit=1.5)
    assert plan.unplaced, "the instance cannot hold everyone"
    assert plan_violations(crowded, plan) == []
    assert plan.binding
    assert plan.binding[0].demand > plan.binding[0].capacity or plan.binding[0].code == "combination"
    assert len(plan.unplaced) + len({a.candidate for a in plan.assignments}) == 120


def test_replanning_without_one_interviewer_moves_only_their_interviews(small, solved):
    load = {}
    for a in solved.assignments:
        load[a.interviewer] = load.get(a.interviewer, 0) + 1
    dropped = sorted(load, key=load.get)[len(load) // 2]
    replanned = plan_replan(small, solved, dropped=dropped, time_limit=4, workers=2)
    assert plan_violations(small, replanned) == []
    assert all(a.interviewer != dropped for a in replanned.assignments)
    # every interview of another interviewer stays exactly as it was, except those of a candidate who
    # could not be given their round again, whose day is left for a person to decide (reported)
    stuck = set(replanned.unplaced) - set(solved.unplaced)
    kept = {a for a in solved.assignments if a.interviewer != dropped and a.candidate not in stuck}
    assert kept <= set(replanned.assignments)
    assert replanned.stats["moved_other_interviews"] == 0
    assert len(replanned.assignments) == len(solved.assignments) - 3 * len(stuck)


def test_moving_other_interviews_is_an_explicit_choice_and_touches_only_stuck_candidates(small, solved):
    load = {}
    for a in solved.assignments:
        load[a.interviewer] = load.get(a.interviewer, 0) + 1
    dropped = max(load, key=lambda i: (load[i], -i))
    strict = plan_replan(small, solved, dropped=dropped, time_limit=4, workers=2)
    wide = plan_replan(small, solved, dropped=dropped, time_limit=4, workers=2, move_others=True)
    assert plan_violations(small, wide) == []
    assert len(wide.unplaced) <= len(strict.unplaced)
    stuck = set(strict.unplaced) - set(solved.unplaced)
    unchanged = {a for a in solved.assignments if a.interviewer != dropped and a.candidate not in stuck}
    assert unchanged <= set(wide.assignments)


def test_a_partial_day_is_never_left_for_a_candidate():
    problem = campus_problem(candidates=80, interviewers=10, rooms=1, days=1, english_share=0, seed=5)
    plan = plan_greedy(problem)
    rounds = len(problem.rounds)
    per = {}
    for a in plan.assignments:
        per[a.candidate] = per.get(a.candidate, 0) + 1
    assert per and plan.unplaced
    assert all(count == rounds for count in per.values())
    assert all(isinstance(a, Assignment) for a in plan.assignments)


def test_nothing_is_planned_in_a_slot_that_has_started(small):
    # given a day already under way: its first four slots have started
    started = dataclasses.replace(small, earliest=4)
    # when planned, first fit and with the solver
    baseline = plan_greedy(started)
    solved = plan_solve(started, time_limit=3, workers=2, neighbourhood=20, step_limit=1)
    # then every interview starts at the earliest slot or later, and the plans still hold every rule
    for plan in (baseline, solved):
        assert plan.assignments and min(a.slot for a in plan.assignments) >= 4
        assert plan_violations(started, plan) == []


def test_a_day_that_has_passed_places_nobody_and_says_so():
    problem = campus_problem(candidates=6, interviewers=8, rooms=2, days=1, english_share=0, seed=3)
    over = dataclasses.replace(problem, earliest=problem.slots)
    for plan in (plan_greedy(over), plan_solve(over, time_limit=2, workers=2, step_limit=0.5)):
        assert plan.assignments == () and len(plan.unplaced) == 6
    assert plan_solve(over, time_limit=2, workers=2, step_limit=0.5).binding


@pytest.mark.parametrize("move_others", [False, True])
def test_a_replan_under_way_keeps_what_has_started_and_moves_nothing_into_it(small, solved, move_others):
    # given the day under way, with the dropped interviewer's first interview already held
    load = {}
    for a in solved.assignments:
        load[a.interviewer] = load.get(a.interviewer, 0) + 1
    dropped = max(load, key=lambda i: (load[i], -i))
    theirs = sorted(a.slot for a in solved.assignments if a.interviewer == dropped)
    earliest = theirs[0] + 1
    under_way = dataclasses.replace(small, earliest=earliest)
    # when they drop out
    replanned = plan_replan(
        under_way, solved, dropped=dropped, time_limit=4, workers=2, move_others=move_others
    )
    # then what started stays as it was held (theirs too), and every new or moved interview starts later
    assert plan_violations(under_way, replanned) == []
    started = {a for a in solved.assignments if a.slot < earliest}
    assert started <= set(replanned.assignments) | {a for a in started if a.candidate in replanned.unplaced}
    assert any(a.interviewer == dropped for a in started & set(replanned.assignments))
    for a in set(replanned.assignments) - set(solved.assignments):
        assert a.slot >= earliest, a
    assert not [a for a in replanned.assignments if a.interviewer == dropped and a.slot >= earliest]
