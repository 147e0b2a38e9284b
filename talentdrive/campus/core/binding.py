"""Why candidates could not be placed: the constraints that leave less room than is asked of them.
Pure: no Django.

Each check is a necessary condition (a pool of interviewers, the rooms, the caps, the length of a day);
the first ones whose demand exceeds their capacity are what binds. When none does on its own, the
answer says so: it is the combination (availability windows, round order, caps and conflicts together).
"""

from __future__ import annotations

from collections import Counter

from talentdrive.campus.core.problem import Binding, Problem, eligible


def _capacity(problem: Problem, interviewer) -> int:  # type: ignore[no-untyped-def]
    S = problem.slots_per_day
    per_day = Counter(g // S for g in interviewer.available if g >= problem.earliest)
    total = sum(min(count, interviewer.daily_cap) for count in per_day.values())
    return min(total, interviewer.total_cap) if interviewer.total_cap is not None else total


def binding_constraints(problem: Problem, *, unplaced: int = 0) -> list[Binding]:
    """The constraints that bind, tightest first (demand minus capacity)."""
    found: list[Binding] = []
    R = len(problem.rounds)
    needed = R + (R - 1) * problem.min_gap
    if needed > problem.slots_per_day:
        found.append(Binding("day_length", "rounds and gaps in one day", needed, problem.slots_per_day))
    capacity = {i.id: _capacity(problem, i) for i in problem.interviewers}
    groups = Counter((c.focus_area, c.language) for c in problem.candidates)
    for round_ in problem.rounds:
        for (area, language), demand in sorted(groups.items()):
            sample = next(c for c in problem.candidates if (c.focus_area, c.language) == (area, language))
            pool = [i for i in problem.interviewers if eligible(i, sample, round_)]
            have = sum(capacity[i.id] for i in pool)
            if have < demand:
                subject = (
                    f"{round_.code} · {language}"
                    if round_.general
                    else f"{round_.code} · {area} · {language}"
                )
                found.append(Binding("interviewers", subject, demand, have))
        takers = [i for i in problem.interviewers if round_.code in i.rounds]
        have = sum(capacity[i.id] for i in takers)
        if have < len(problem.candidates):
            found.append(Binding("interviewers", round_.code, len(problem.candidates), have))
    # One interviewer meets a candidate once, so every candidate needs as many different eligible
    # interviewers as they have rounds.
    for area, language in sorted(groups):
        sample = next(c for c in problem.candidates if (c.focus_area, c.language) == (area, language))
        for general in (False, True):
            kind = [r for r in problem.rounds if r.general == general]
            people = {i.id for r in kind for i in problem.interviewers if eligible(i, sample, r)}
            if kind and len(people) < len(kind):
                subject = f"{'general' if general else 'technical'} rounds · {area} · {language}"
                found.append(Binding("distinct_interviewers", subject, len(kind), len(people)))
    total = len(problem.candidates) * R
    have = sum(capacity.values())
    if have < total:
        found.append(Binding("daily_caps", "all interviewers' slots within their caps", total, have))
    for video in (False, True):
        demand = len(problem.candidates) * sum(1 for r in problem.rounds if r.video == video)
        tables = sum(room.capacity for room in problem.rooms if room.video == video)
        slots = max(0, problem.slots - problem.earliest)
        if demand and demand > tables * slots:
            subject = "video links" if video else "rooms on site"
            found.append(Binding("rooms", subject, demand, tables * slots))
    found.sort(key=lambda b: b.capacity - b.demand)
    if not found and unplaced:
        found.append(
            Binding(
                "combination",
                "availability windows, round order, caps and conflicts together",
                len(problem.candidates),
                len(problem.candidates) - unplaced,
            )
        )
    return found
