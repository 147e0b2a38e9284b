"""The interview-day planner: a campus day of 600 candidates × 3 rounds, 80 interviewers, 2 days,
12 rooms (``bench/planner_instance.py``), planned by the CP-SAT planner within its time budget and, as
the baseline in the same run, by first fit; every plan is checked by the independent verifier. Then
the busiest interviewer drops out and the plan is re-planned."""

from __future__ import annotations

import time
from collections import Counter

from bench.planner_instance import campus_problem
from talentdrive.campus.core.greedy import plan_greedy
from talentdrive.campus.core.solver import plan_replan, plan_solve, plan_stats
from talentdrive.campus.core.verify import plan_violations

PLAN_BUDGET_S = 60.0
REPLAN_BUDGET_S = 10.0


def run(*, full: bool) -> str:
    if full:
        problem = campus_problem()
        solve_limit, replan_limit = 45.0, 8.0
    else:
        problem = campus_problem(candidates=40, interviewers=24, rooms=3, days=1, english_share=0)
        solve_limit, replan_limit = 3.0, 2.0
    started = time.perf_counter()
    greedy = plan_greedy(problem)
    greedy_s = time.perf_counter() - started
    started = time.perf_counter()
    solved = plan_solve(problem, time_limit=solve_limit)
    solve_s = time.perf_counter() - started
    load = Counter(a.interviewer for a in solved.assignments)
    dropped = max(load, key=lambda i: (load[i], -i))
    started = time.perf_counter()
    replanned = plan_replan(problem, solved, dropped=dropped, time_limit=replan_limit)
    replan_s = time.perf_counter() - started
    before = {(a.candidate, a.round): a for a in solved.assignments}
    others_changed = sum(
        1
        for a in replanned.assignments
        if before.get((a.candidate, a.round)) != a and before[(a.candidate, a.round)].interviewer != dropped
    )
    rows = []
    for name, plan, seconds in (
        ("first fit (baseline)", greedy, greedy_s),
        ("CP-SAT planner", solved, solve_s),
        (f"re-plan without interviewer {dropped} ({load[dropped]} interviews)", replanned, replan_s),
    ):
        stats = plan_stats(problem, plan)
        violations = len(plan_violations(problem, plan))
        rows.append(
            f"| {name} | {stats['scheduled']:.0f} | {stats['unplaced']:.0f} | {stats['waiting_slots']:.0f} | "
            f"{stats['max_load']:.0f} | {stats['main_field_share']:.0%} | {violations} | {seconds:.1f} |"
        )
    size = (
        f"{len(problem.candidates)} candidates × {len(problem.rounds)} rounds, {len(problem.interviewers)} "
        f"interviewers, {problem.days} day(s) of {problem.slots_per_day} slots, "
        f"{sum(1 for r in problem.rooms if not r.video)} rooms + video links"
    )
    verdict_plan = "within" if solve_s <= PLAN_BUDGET_S else "ABOVE"
    verdict_replan = "within" if replan_s <= REPLAN_BUDGET_S else "ABOVE"
    return "\n".join(
        [
            "## Interview-day planner",
            "",
            f"`python -m bench --full --only planner`: {size}. Waiting is counted in slots a candidate waits "
            "between rounds beyond the minimum gap, summed over candidates; load is the busiest interviewer's "
            "number of interviews; violations are counted by `campus/core/verify.py`, written apart from the "
            "solver. The baseline (first fit, candidate by candidate) runs in the same process.",
            "",
            "| plan | scheduled | not placed | total waiting (slots) | max load | panels on main field | violations | seconds |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            f"VERDICT: planning {solve_s:.1f} s ({verdict_plan} the {PLAN_BUDGET_S:.0f} s budget); re-planning "
            f"{replan_s:.1f} s ({verdict_replan} {REPLAN_BUDGET_S:.0f} s), {others_changed} interview(s) of other "
            "interviewers changed (only when a candidate's round could not be given again between their kept "
            "rounds).",
        ]
    )
