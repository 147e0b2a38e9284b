"""The baseline a recruiter's spreadsheet amounts to: take candidates in order and give each round the
first free slot with the first free eligible interviewer. Pure: no Django, no solver."""

from __future__ import annotations

import time
from collections import Counter

from talentdrive.campus.core.problem import Assignment, Plan, Problem, eligible
from talentdrive.campus.core.rooms import rooms_assign


def plan_greedy(problem: Problem) -> Plan:
    """First fit, candidate by candidate; a candidate who cannot get every round gets none."""
    started = time.perf_counter()
    S = problem.slots_per_day
    busy: set[tuple[int, int]] = set()
    day_load: Counter[tuple[int, int]] = Counter()
    total_load: Counter[int] = Counter()
    kind_capacity = {
        video: sum(room.capacity for room in problem.rooms if room.video == video) for video in (False, True)
    }
    kind_use: Counter[tuple[bool, int]] = Counter()
    chosen: list[tuple[int, str, int, int]] = []
    unplaced: list[int] = []
    for candidate in problem.candidates:
        pools = [
            [i for i in problem.interviewers if eligible(i, candidate, round_)] for round_ in problem.rounds
        ]
        found = None
        for day in range(problem.days):
            for start in range(max(0, problem.earliest - day * S), S):
                trial = _place(
                    problem,
                    candidate.id,
                    day * S + start,
                    (day + 1) * S,
                    pools,
                    busy,
                    day_load,
                    total_load,
                    kind_capacity,
                    kind_use,
                )
                if trial is not None:
                    found = trial
                    break
            if found is not None:
                break
        if found is None:
            unplaced.append(candidate.id)
            continue
        for round_, (slot, interviewer) in zip(problem.rounds, found, strict=True):
            busy.add((interviewer.id, slot))
            day_load[(interviewer.id, slot // S)] += 1
            total_load[interviewer.id] += 1
            kind_use[(round_.video, slot)] += 1
            chosen.append((candidate.id, round_.code, slot, interviewer.id))
    assignments = rooms_assign(problem, chosen)
    return Plan(
        assignments=tuple(assignments),
        unplaced=tuple(unplaced),
        solver_status="greedy",
        seconds=time.perf_counter() - started,
    )


def _place(problem, candidate_id, first, day_end, pools, busy, day_load, total_load, kind_capacity, kind_use):  # type: ignore[no-untyped-def]
    S = problem.slots_per_day
    slot = first
    met: set[int] = set()
    taken: list = []
    for round_, pool in zip(problem.rounds, pools, strict=True):
        placed = None
        while slot < day_end and placed is None:
            if kind_use[(round_.video, slot)] < kind_capacity[round_.video]:
                for interviewer in pool:
                    if (
                        interviewer.id not in met
                        and slot in interviewer.available
                        and (interviewer.id, slot) not in busy
                        and day_load[(interviewer.id, slot // S)] < interviewer.daily_cap
                        and (
                            interviewer.total_cap is None
                            or total_load[interviewer.id] < interviewer.total_cap
                        )
                    ):
                        placed = (slot, interviewer)
                        break
            if placed is None:
                slot += 1
        if placed is None:
            return None
        taken.append(placed)
        met.add(placed[1].id)
        slot = placed[0] + 1 + problem.min_gap
    return taken


__all__ = ["Assignment", "plan_greedy"]
