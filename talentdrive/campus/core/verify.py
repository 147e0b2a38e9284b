"""An independent check of a plan against every hard constraint. Pure: no Django, no solver.

Written apart from the solver's model on purpose: it reads the problem's data again and counts, so a
mistake in the model cannot hide in its own check.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from talentdrive.campus.core.problem import Plan, Problem, eligible


def plan_violations(problem: Problem, plan: Plan) -> list[str]:
    """Every broken hard constraint of ``plan``, one sentence each; empty when it holds."""
    found: list[str] = []
    candidates = {c.id: c for c in problem.candidates}
    interviewers = {i.id: i for i in problem.interviewers}
    rounds = {r.code: (index, r) for index, r in enumerate(problem.rounds)}
    rooms = {room.id: room for room in problem.rooms}
    by_candidate: dict[int, list] = defaultdict(list)
    busy: Counter[tuple[int, int]] = Counter()
    day_load: Counter[tuple[int, int]] = Counter()
    total_load: Counter[int] = Counter()
    room_use: Counter[tuple[int, int]] = Counter()
    for a in plan.assignments:
        candidate, interviewer, room = (
            candidates.get(a.candidate),
            interviewers.get(a.interviewer),
            rooms.get(a.room),
        )
        if candidate is None or interviewer is None or room is None or a.round not in rounds:
            found.append(f"{a}: names an unknown candidate, interviewer, room or round")
            continue
        round_ = rounds[a.round][1]
        if not 0 <= a.slot < problem.slots:
            found.append(f"{a}: slot outside the days")
        if not eligible(interviewer, candidate, round_):
            found.append(
                f"{a}: interviewer {a.interviewer} may not interview candidate {a.candidate} in {a.round}"
            )
        if a.slot not in interviewer.available:
            found.append(f"{a}: interviewer {a.interviewer} is not available then")
        if room.video != round_.video:
            found.append(
                f"{a}: round {a.round} is {'by video' if round_.video else 'on site'}, room {room.id} is not"
            )
        by_candidate[a.candidate].append(a)
        busy[(a.interviewer, a.slot)] += 1
        day_load[(a.interviewer, problem.day_of(a.slot))] += 1
        total_load[a.interviewer] += 1
        room_use[(a.room, a.slot)] += 1
    for (interviewer_id, slot), count in busy.items():
        if count > 1:
            found.append(f"interviewer {interviewer_id} has {count} interviews in slot {slot}")
    for (interviewer_id, day), count in day_load.items():
        if count > interviewers[interviewer_id].daily_cap:
            found.append(f"interviewer {interviewer_id} has {count} interviews on day {day}, over their cap")
    for interviewer_id, count in total_load.items():
        cap = interviewers[interviewer_id].total_cap
        if cap is not None and count > cap:
            found.append(
                f"interviewer {interviewer_id} has {count} interviews, over their weekly room of {cap}"
            )
    for (room_id, slot), count in room_use.items():
        if count > rooms[room_id].capacity:
            found.append(f"room {room_id} holds {count} interviews in slot {slot}, over its capacity")
    unplaced = set(plan.unplaced)
    if len(unplaced) != len(plan.unplaced):
        found.append("a candidate is listed twice as not placed")
    for candidate_id in candidates:
        mine = by_candidate.get(candidate_id, [])
        if candidate_id in unplaced:
            if mine:
                found.append(f"candidate {candidate_id} is listed as not placed but has interviews")
            continue
        codes = Counter(a.round for a in mine)
        if set(codes) != set(rounds) or any(count != 1 for count in codes.values()):
            found.append(f"candidate {candidate_id} does not have every round exactly once")
            continue
        ordered = sorted(mine, key=lambda a: rounds[a.round][0])
        if len({problem.day_of(a.slot) for a in ordered}) != 1:
            found.append(f"candidate {candidate_id} has rounds on different days")
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.slot < before.slot + 1 + problem.min_gap:
                found.append(
                    f"candidate {candidate_id}: {after.round} in slot {after.slot} comes too soon after "
                    f"{before.round} in slot {before.slot}"
                )
        people = Counter(a.interviewer for a in mine)
        for interviewer_id, count in people.items():
            if count > 1:
                found.append(f"candidate {candidate_id} meets interviewer {interviewer_id} {count} times")
    for candidate_id in by_candidate:
        if candidate_id not in candidates:
            found.append(f"candidate {candidate_id} is not in the problem")
    return found
