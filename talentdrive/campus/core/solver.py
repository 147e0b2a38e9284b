"""The interview-day planner: a CP-SAT model (OR-Tools) of the whole day. Pure: no Django.

Hard constraints (never broken; ``verify.plan_violations`` checks them independently):
every placed candidate gets every round, in order, on one day, at least ``min_gap`` free slots apart,
each with a different eligible interviewer (round, language, expertise, no conflict of interest) who is
available then, has no other interview then and stays within their daily and weekly caps; no slot
asks for more tables (or video calls) than the rooms hold.

The objective, in order of weight: place as many candidates as possible; then keep the busiest
interviewer's load low, candidates' waiting between rounds short, panels on their main field, and
candidates' and interviewers' preferred days.

A candidate who cannot be placed is reported with the constraint that leaves too little room
(``binding.py``), never dropped silently. Re-planning after an interviewer drops out keeps every
assignment not theirs and moves only theirs (``plan_replan``); freeing the other rounds of a candidate
who cannot be kept is a separate, explicit choice.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from talentdrive.campus.core.binding import binding_constraints
from talentdrive.campus.core.greedy import plan_greedy
from talentdrive.campus.core.problem import Assignment, Candidate, Plan, Problem, eligible
from talentdrive.campus.core.rooms import rooms_assign

WEIGHT_UNPLACED = 10_000
WEIGHT_MAX_LOAD = 20
WEIGHT_OVER_TARGET = 4
WEIGHT_WAIT = 2
WEIGHT_SECOND_FIELD = 1
WEIGHT_DAY_WISH = 3
WEIGHT_MOVED = 5


@dataclass(frozen=True)
class _Item:
    candidate: Candidate
    round_index: int
    # Slots this round may take (re-planning narrows it around the candidate's kept rounds).
    allowed: frozenset[int] | None = None
    was_slot: int | None = None
    # On a re-plan, who had this round before: keeping them costs nothing, another costs a move.
    was_interviewer: int | None = None


def plan_solve(
    problem: Problem,
    *,
    time_limit: float = 30.0,
    workers: int = 4,
    neighbourhood: int = 60,
    step_limit: float = 4.0,
    seed: int = 0,
    clock: Callable[[], float] = time.perf_counter,
) -> Plan:
    """The best plan found within ``time_limit`` seconds.

    A first-fit plan comes first (so there is always a plan to improve, and the solver is never worse
    than the baseline); then, while time remains, CP-SAT re-plans a neighbourhood of candidates (the
    ones still unplaced, and others sharing a focus area or a day) with everyone else's interviews held
    as they are, and the result is kept when the whole plan's objective improves (large neighbourhood
    search: each model stays small enough to solve in seconds, whatever the size of the day)."""
    started = clock()
    rng = random.Random(seed)
    best = plan_greedy(problem)
    best_score = plan_objective(problem, best)
    candidates = {c.id: c for c in problem.candidates}
    areas = sorted({c.focus_area for c in problem.candidates})
    rounds_left = 0
    while clock() - started < time_limit - 0.5:
        remaining = time_limit - (clock() - started)
        chosen = _neighbourhood(problem, best, rng, areas, neighbourhood)
        if not chosen:
            break
        items = [_Item(candidates[c], r) for c in chosen for r in range(len(problem.rounds))]
        kept = tuple(a for a in best.assignments if a.candidate not in chosen)
        trial = _solve(
            problem,
            items,
            kept=kept,
            time_limit=min(step_limit, remaining - 0.2),
            workers=workers,
            hint=best,
            seed=rng.randrange(1 << 16),
        )
        if trial.solver_status not in ("OPTIMAL", "FEASIBLE"):
            continue
        others_unplaced = [c for c in best.unplaced if c not in chosen]
        trial = Plan(
            assignments=trial.assignments,
            unplaced=tuple(sorted({*others_unplaced, *trial.unplaced})),
            solver_status=trial.solver_status,
        )
        score = plan_objective(problem, trial)
        rounds_left += 1
        if score <= best_score:
            best, best_score = trial, score
            if not best.unplaced and rounds_left > 200:
                break
    binding = tuple(binding_constraints(problem, unplaced=len(best.unplaced))) if best.unplaced else ()
    return Plan(
        assignments=best.assignments,
        unplaced=best.unplaced,
        binding=binding,
        solver_status="cp-sat",
        seconds=clock() - started,
        stats={"neighbourhoods": float(rounds_left), "objective": float(best_score)},
    )


def _neighbourhood(problem: Problem, plan: Plan, rng: random.Random, areas: list[str], size: int) -> set[int]:
    """Candidates to re-plan together: every unplaced one (up to half the size), then candidates of one
    focus area (they compete for the same interviewers), or of one day, or a random few."""
    chosen = set(rng.sample(list(plan.unplaced), min(len(plan.unplaced), size // 2)))
    S = problem.slots_per_day
    day_of = {a.candidate: a.slot // S for a in plan.assignments}
    kind = rng.random()
    if kind < 0.5:
        area = rng.choice(areas)
        pool = [c.id for c in problem.candidates if c.focus_area == area and c.id not in chosen]
        if rng.random() < 0.5 and problem.days > 1:
            day = rng.randrange(problem.days)
            pool = [c for c in pool if day_of.get(c, day) == day]
    elif kind < 0.75 and problem.days > 1:
        day = rng.randrange(problem.days)
        pool = [c.id for c in problem.candidates if day_of.get(c.id) == day and c.id not in chosen]
    else:
        pool = [c.id for c in problem.candidates if c.id not in chosen]
    chosen.update(rng.sample(pool, min(len(pool), size - len(chosen))))
    return chosen


def load_targets(problem: Problem) -> dict[int, int]:
    """A fair load per interviewer: the interviews of their rounds shared among everyone taking them."""
    targets = {}
    for interviewer in problem.interviewers:
        takers = sum(1 for other in problem.interviewers if other.rounds & interviewer.rounds)
        demand = len(problem.candidates) * sum(1 for r in problem.rounds if r.code in interviewer.rounds)
        targets[interviewer.id] = -(-demand // max(1, takers))
    return targets


def plan_objective(problem: Problem, plan: Plan) -> int:
    """The objective the solver minimises, computed on a whole plan (lower is better)."""
    S = problem.slots_per_day
    interviewers = {i.id: i for i in problem.interviewers}
    candidates = {c.id: c for c in problem.candidates}
    general = {r.code: r.general for r in problem.rounds}
    load = Counter(a.interviewer for a in plan.assignments)
    per: dict[int, list[int]] = defaultdict(list)
    score = WEIGHT_UNPLACED * len(plan.unplaced) + WEIGHT_MAX_LOAD * max(load.values(), default=0)
    targets = load_targets(problem)
    score += WEIGHT_OVER_TARGET * sum(max(0, count - targets[i]) for i, count in load.items())
    for a in plan.assignments:
        per[a.candidate].append(a.slot)
        interviewer = interviewers[a.interviewer]
        if not general[a.round] and interviewer.focus_areas[:1] != (candidates[a.candidate].focus_area,):
            score += WEIGHT_SECOND_FIELD
        if a.slot // S in interviewer.avoid_days:
            score += WEIGHT_DAY_WISH
    for c, slots in per.items():
        score += WEIGHT_WAIT * (max(slots) - min(slots))
        wish = candidates[c].preferred_day
        if wish is not None and slots[0] // S != wish:
            score += WEIGHT_DAY_WISH
    return score


def plan_replan(
    problem: Problem,
    plan: Plan,
    *,
    dropped: int,
    time_limit: float = 8.0,
    workers: int = 4,
    move_others: bool = False,
) -> Plan:
    """The plan without interviewer ``dropped``: every other assignment is kept as it is; the dropped
    interviewer's interviews get another interviewer, at the same slot if possible, on the same day
    between the candidate's kept rounds. A candidate whose round cannot be given again is reported,
    with their kept rounds listed as they are, for a person to decide. With ``move_others`` (the
    recruiter's explicit choice), such a candidate's other rounds are freed and planned again too, so
    interviews of other interviewers may change, but only those candidates'.

    Nothing moves to or from a slot before ``problem.earliest``: what started already (the dropped
    interviewer's too) stays as it was held."""
    reduced = dataclasses.replace(
        problem, interviewers=tuple(i for i in problem.interviewers if i.id != dropped)
    )
    held = {a for a in plan.assignments if a.slot < problem.earliest}
    kept = tuple(a for a in plan.assignments if a.interviewer != dropped or a in held)
    affected = [a for a in plan.assignments if a.interviewer == dropped and a not in held]
    candidates = {c.id: c for c in problem.candidates}
    index = {r.code: n for n, r in enumerate(problem.rounds)}
    S, gap = problem.slots_per_day, problem.min_gap
    mine: dict[int, list[Assignment]] = defaultdict(list)
    for a in kept:
        mine[a.candidate].append(a)
    items = []
    for a in affected:
        day = a.slot // S
        position = index[a.round]
        before = [k.slot for k in mine[a.candidate] if index[k.round] < position]
        after = [k.slot for k in mine[a.candidate] if index[k.round] > position]
        low = max(max(before) + 1 + gap if before else day * S, problem.earliest)
        high = min(after) - 1 - gap if after else (day + 1) * S - 1
        # Two affected rounds of one candidate cannot happen: one interviewer meets a candidate once.
        items.append(_Item(candidates[a.candidate], position, frozenset(range(low, high + 1)), a.slot))
    started = time.perf_counter()
    result = _solve(reduced, items, kept=kept, time_limit=time_limit / 2, workers=workers, hint=None, seed=0)
    moved_others = 0
    if move_others and result.unplaced and result.solver_status in ("OPTIMAL", "FEASIBLE"):
        # Some round could not be given again between the candidate's kept rounds: free those
        # candidates' other rounds too (they are the only other interviews that change).
        stuck = set(result.unplaced)
        # Their rounds already held stay; the rest follow them on that day.
        stuck_held = tuple(a for a in held if a.candidate in stuck)
        kept = (*(a for a in result.assignments if a.candidate not in stuck), *stuck_held)
        earlier = {(a.candidate, index[a.round]): a for a in plan.assignments}
        items = []
        for c in sorted(stuck):
            theirs = [a.slot for a in stuck_held if a.candidate == c]
            window = (
                frozenset(range(max(max(theirs) + 1 + gap, problem.earliest), (max(theirs) // S + 1) * S))
                if theirs
                else None
            )
            for r in range(len(problem.rounds)):
                had = earlier.get((c, r))
                if had is None or had in held:
                    continue  # past the day's first round, they have only the rest; a held one stays
                keeps = had.interviewer != dropped
                items.append(
                    _Item(
                        candidates[c],
                        r,
                        allowed=window,
                        was_slot=had.slot,
                        was_interviewer=had.interviewer if keeps else None,
                    )
                )
        remaining = max(0.5, time_limit - (time.perf_counter() - started))
        result = _solve(reduced, items, kept=kept, time_limit=remaining, workers=workers, hint=plan, seed=0)
        now = {(a.candidate, a.round, a.slot, a.interviewer) for a in result.assignments}
        moved_others = sum(
            1
            for a in plan.assignments
            if a.candidate in stuck
            and a.interviewer != dropped
            and (a.candidate, a.round, a.slot, a.interviewer) not in now
        )
    return Plan(
        assignments=result.assignments,
        unplaced=tuple(sorted({*plan.unplaced, *result.unplaced})),
        binding=result.binding,
        solver_status=result.solver_status,
        seconds=time.perf_counter() - started,
        stats={"moved_other_interviews": float(moved_others), "not_given_again": float(len(result.unplaced))},
    )


def _solve(
    problem: Problem,
    items: list[_Item],
    *,
    kept: Iterable[Assignment],
    time_limit: float,
    workers: int,
    hint: Plan | None,
    seed: int,
) -> Plan:
    started = time.perf_counter()
    kept = tuple(kept)
    S = problem.slots_per_day
    D = problem.days
    R = len(problem.rounds)
    gap = problem.min_gap
    model = cp_model.CpModel()
    interviewers = {i.id: i for i in problem.interviewers}

    # What the kept assignments already take.
    busy = {(a.interviewer, a.slot) for a in kept}
    kept_day_load = Counter((a.interviewer, a.slot // S) for a in kept)
    kept_load = Counter(a.interviewer for a in kept)
    kept_met = {(a.candidate, a.interviewer) for a in kept}
    video_of = {r.code: r.video for r in problem.rounds}
    kind_capacity = {
        video: sum(room.capacity for room in problem.rooms if room.video == video) for video in (False, True)
    }
    kept_kind_use = Counter((video_of[a.round], a.slot) for a in kept)

    by_candidate: dict[int, list[int]] = defaultdict(list)
    for n, item in enumerate(items):
        by_candidate[item.candidate.id].append(n)
    placed = {c: model.new_bool_var(f"placed_{c}") for c in by_candidate}
    starts: list[cp_model.IntVar] = []
    day_is: dict[tuple[int, int], cp_model.IntVar] = {}
    day_var: dict[int, cp_model.IntVar] = {}
    first_day: dict[int, int] = {}
    # Candidates with a round that has no slot left at all: not placed, their rounds on a stand-in slot.
    left_out: set[int] = set()
    for c, members in by_candidate.items():
        allowed_days = sorted({g // S for n in members for g in _window(items[n], problem)})
        if not allowed_days:
            # No slot left for any of their rounds (before ``earliest`` or squeezed out): not placed.
            allowed_days = [0]
            left_out.add(c)
        first_day[c] = allowed_days[0]
        day_var[c] = model.new_int_var_from_domain(cp_model.Domain.from_values(allowed_days), f"day_{c}")
        for d in allowed_days:
            day_is[(c, d)] = model.new_bool_var(f"dayis_{c}_{d}")
            model.add(day_var[c] == d).only_enforce_if(day_is[(c, d)])
        model.add_exactly_one(day_is[(c, d)] for d in allowed_days)
    for n, item in enumerate(items):
        domain = sorted(_window(item, problem))
        if not domain:
            domain = [S * first_day[item.candidate.id]]
            left_out.add(item.candidate.id)
        start = model.new_int_var_from_domain(cp_model.Domain.from_values(domain), f"s_{n}")
        model.add(start - S * day_var[item.candidate.id] >= 0)
        model.add(start - S * day_var[item.candidate.id] <= S - 1)
        starts.append(start)
    for c in left_out:
        model.add(placed[c] == 0)
    for c, members in by_candidate.items():
        if c in left_out:
            continue
        ordered = sorted(members, key=lambda n: items[n].round_index)
        for a, b in zip(ordered, ordered[1:], strict=False):
            model.add(starts[b] >= starts[a] + 1 + gap)

    # Interviewer choices, one boolean per (item, eligible interviewer, day).
    choices: dict[int, list[tuple[cp_model.IntVar, int, int]]] = defaultdict(list)
    intervals: dict[int, list[cp_model.IntervalVar]] = defaultdict(list)
    load_day: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    load: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    met: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    penalties: list[cp_model.LinearExprT] = []
    for n, item in enumerate(items):
        person = item.candidate
        round_ = problem.rounds[item.round_index]
        window = item.allowed
        for interviewer in problem.interviewers:
            if not eligible(interviewer, person, round_) or (person.id, interviewer.id) in kept_met:
                continue
            free = {
                g for g in interviewer.available if g >= problem.earliest and (interviewer.id, g) not in busy
            }
            if window is not None:
                free &= window
            for d in range(D):
                if (person.id, d) not in day_is:
                    continue
                if kept_day_load[(interviewer.id, d)] >= interviewer.daily_cap:
                    continue
                slots = sorted(g for g in free if g // S == d)
                if not slots:
                    continue
                pick = model.new_bool_var(f"y_{n}_{interviewer.id}_{d}")
                model.add_implication(pick, day_is[(person.id, d)])
                model.add_linear_expression_in_domain(
                    starts[n], cp_model.Domain.from_values(slots)
                ).only_enforce_if(pick)
                intervals[interviewer.id].append(
                    model.new_optional_fixed_size_interval_var(
                        starts[n], 1, pick, f"iv_{n}_{interviewer.id}_{d}"
                    )
                )
                choices[n].append((pick, interviewer.id, d))
                load_day[(interviewer.id, d)].append(pick)
                load[interviewer.id].append(pick)
                met[(person.id, interviewer.id)].append(pick)
                if (
                    not round_.general
                    and interviewer.focus_areas
                    and interviewer.focus_areas[0] != person.focus_area
                ):
                    penalties.append(WEIGHT_SECOND_FIELD * pick)
                if d in interviewer.avoid_days:
                    penalties.append(WEIGHT_DAY_WISH * pick)
                if item.was_interviewer is not None and interviewer.id != item.was_interviewer:
                    penalties.append(WEIGHT_MOVED * pick)
        model.add(sum(var for var, _, _ in choices[n]) == placed[person.id])
    for ivs in intervals.values():
        model.add_no_overlap(ivs)
    for (interviewer_id, d), picks in load_day.items():
        room = interviewers[interviewer_id].daily_cap - kept_day_load[(interviewer_id, d)]
        model.add(sum(picks) <= room)
    for interviewer_id, picks in load.items():
        cap = interviewers[interviewer_id].total_cap
        if cap is not None:
            model.add(sum(picks) <= cap - kept_load[interviewer_id])
    for picks in met.values():
        if len(picks) > 1:
            model.add_at_most_one(picks)
    # Tables and video calls: every placed interview takes one in its slot.
    for video in (False, True):
        demands = [
            model.new_optional_fixed_size_interval_var(starts[n], 1, placed[item.candidate.id], f"room_{n}")
            for n, item in enumerate(items)
            if problem.rounds[item.round_index].video == video
        ]
        if not demands:
            continue
        fixed = [
            (model.new_fixed_size_interval_var(slot, 1, f"kept_{int(video)}_{slot}"), count)
            for (kind, slot), count in kept_kind_use.items()
            if kind == video
        ]
        model.add_cumulative(
            demands + [iv for iv, _ in fixed],
            [1] * len(demands) + [count for _, count in fixed],
            kind_capacity[video],
        )

    # The objective.
    max_load = model.new_int_var(0, max(1, len(items) + max(kept_load.values(), default=0)), "max_load")
    for interviewer_id, picks in load.items():
        model.add(max_load >= sum(picks) + kept_load[interviewer_id])
    model.add(max_load >= max(kept_load.values(), default=0))
    targets = load_targets(problem)
    for interviewer_id, picks in load.items():
        over = model.new_int_var(0, len(picks) + kept_load[interviewer_id], f"over_{interviewer_id}")
        model.add(over >= sum(picks) + kept_load[interviewer_id] - targets[interviewer_id])
        penalties.append(WEIGHT_OVER_TARGET * over)
    for c, members in by_candidate.items():
        candidate = items[members[0]].candidate
        if len(members) == R and R > 1:
            ordered = sorted(members, key=lambda n: items[n].round_index)
            penalties.append(WEIGHT_WAIT * (starts[ordered[-1]] - starts[ordered[0]]))
        if candidate.preferred_day is not None and (c, candidate.preferred_day) in day_is:
            penalties.append(WEIGHT_DAY_WISH * (1 - day_is[(c, candidate.preferred_day)]))
    for n, item in enumerate(items):
        if item.was_slot is not None:
            moved = model.new_bool_var(f"moved_{n}")
            model.add(starts[n] == item.was_slot).only_enforce_if(~moved)
            penalties.append(WEIGHT_MOVED * moved)
    model.minimize(
        WEIGHT_UNPLACED * sum(1 - var for var in placed.values())
        + WEIGHT_MAX_LOAD * max_load
        + cp_model.LinearExpr.sum(penalties)
    )
    if hint is not None:
        _hint(model, problem, items, hint, starts, placed, choices, day_is)
        hinted_load = Counter(a.interviewer for a in hint.assignments)
        model.add_hint(max_load, max(hinted_load.values(), default=0))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.symmetry_level = 0
    import os

    solver.parameters.log_search_progress = bool(os.environ.get("PLANNER_LOG"))
    status = solver.solve(model)
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        unplaced = tuple(sorted(by_candidate))
        return Plan(
            assignments=tuple(a for a in kept if a.candidate not in by_candidate),
            unplaced=unplaced,
            binding=tuple(binding_constraints(problem, unplaced=len(unplaced))),
            solver_status=name,
            seconds=time.perf_counter() - started,
        )
    chosen_rows: list[tuple[int, str, int, int]] = []
    unplaced_ids = []
    for c, members in by_candidate.items():
        if not solver.boolean_value(placed[c]):
            unplaced_ids.append(c)
            continue
        for n in members:
            interviewer_id = next(i for var, i, _ in choices[n] if solver.boolean_value(var))
            chosen_rows.append(
                (c, problem.rounds[items[n].round_index].code, solver.value(starts[n]), interviewer_id)
            )
    assignments = rooms_assign(problem, chosen_rows, taken=kept)
    # A candidate who could not be given every round keeps none: no partial day for anyone (on a
    # re-plan, their kept rounds are released too and they are reported for a person to decide).
    unplaced_set = set(unplaced_ids)
    plan = Plan(
        assignments=tuple(a for a in (*kept, *assignments) if a.candidate not in unplaced_set),
        unplaced=tuple(sorted(unplaced_ids)),
        binding=tuple(binding_constraints(problem, unplaced=len(unplaced_ids))) if unplaced_ids else (),
        solver_status=name,
        seconds=time.perf_counter() - started,
    )
    return plan


def _window(item: _Item, problem: Problem) -> Iterable[int]:
    """The slots an item may take: never one before ``problem.earliest``."""
    if item.allowed is not None:
        return [g for g in item.allowed if g >= problem.earliest]
    return range(problem.earliest, problem.slots)


def _hint(model, problem, items, hint, starts, placed, choices, day_is) -> None:  # type: ignore[no-untyped-def]
    S = problem.slots_per_day
    given = {(a.candidate, a.round): a for a in hint.assignments}
    codes = [r.code for r in problem.rounds]
    hinted_candidates = set()
    for n, item in enumerate(items):
        a = given.get((item.candidate.id, codes[item.round_index]))
        if a is None:
            continue
        model.add_hint(starts[n], a.slot)
        for var, interviewer_id, d in choices[n]:
            model.add_hint(var, interviewer_id == a.interviewer and d == a.slot // S)
        hinted_candidates.add((item.candidate.id, a.slot // S))
    placed_ids = {c for c, _ in hinted_candidates}
    for c, var in placed.items():
        model.add_hint(var, c in placed_ids)
    first_day: dict[int, int] = {}
    for c, d in sorted(day_is):
        first_day.setdefault(c, d)
    for (c, d), var in day_is.items():
        # A candidate the hint leaves out still sits on some day (exactly one is true), unused.
        model.add_hint(var, (c, d) in hinted_candidates or (c not in placed_ids and first_day[c] == d))
    for n, item in enumerate(items):
        if item.candidate.id not in placed_ids:
            for var, _, _ in choices[n]:
                model.add_hint(var, False)


def plan_stats(problem: Problem, plan: Plan) -> dict[str, float]:
    """Scheduled candidates, total and mean waiting (slots between a candidate's rounds beyond the
    minimum), the busiest interviewer's load, and panels on their main field."""
    index = {r.code: n for n, r in enumerate(problem.rounds)}
    R = len(problem.rounds)
    per: dict[int, list[int]] = defaultdict(list)
    for a in plan.assignments:
        per[a.candidate].append(a.slot)
    complete = {c: slots for c, slots in per.items() if len(slots) == R}
    waiting = sum(max(s) - min(s) - (R - 1) * (1 + problem.min_gap) for s in complete.values())
    load = Counter(a.interviewer for a in plan.assignments)
    interviewers = {i.id: i for i in problem.interviewers}
    candidates = {c.id: c for c in problem.candidates}
    technical = [a for a in plan.assignments if not problem.rounds[index[a.round]].general]
    main_field = sum(
        1
        for a in technical
        if interviewers[a.interviewer].focus_areas[:1] == (candidates[a.candidate].focus_area,)
    )
    return {
        "scheduled": float(len(complete)),
        "unplaced": float(len(plan.unplaced)),
        "waiting_slots": float(waiting),
        "max_load": float(max(load.values(), default=0)),
        "main_field_share": main_field / len(technical) if technical else 1.0,
    }
