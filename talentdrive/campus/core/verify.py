"""An independent check of a plan against every hard constraint. Pure: no Django, no solver.

Written apart from the solver's model on purpose: it reads the problem's data again and counts, so a
mistake in the model cannot hide in its own check. Each broken constraint is a ``Violation`` with a
stable code and its figures, so a page can say it in the reader's language; ``plan_violations`` gives
the English sentences the tests and the benchmark read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from talentdrive.campus.core.problem import Assignment, Plan, Problem, eligible

# code -> the English sentence, with the violation's params
TEXTS = {
    "unknown": "{assignment}: names an unknown candidate, interviewer, room or round",
    "slot_outside": "{assignment}: slot outside the days",
    "not_eligible": "{assignment}: interviewer {interviewer} may not interview candidate {candidate} in {round}",
    "not_available": "{assignment}: interviewer {interviewer} is not available then",
    "room_kind": "{assignment}: round {round} is {kind}, room {room} is not",
    "interviewer_double": "interviewer {interviewer} has {count} interviews in slot {slot}",
    "daily_cap": "interviewer {interviewer} has {count} interviews on day {day}, over their cap",
    "weekly_cap": "interviewer {interviewer} has {count} interviews, over their weekly room of {cap}",
    "room_full": "room {room} holds {count} interviews in slot {slot}, over its capacity",
    "unplaced_twice": "a candidate is listed twice as not placed",
    "unplaced_with_interviews": "candidate {candidate} is listed as not placed but has interviews",
    "rounds_incomplete": "candidate {candidate} does not have every round exactly once",
    "days_split": "candidate {candidate} has rounds on different days",
    "too_soon": "candidate {candidate}: {round} in slot {slot} comes too soon after {before} in slot {before_slot}",
    "same_interviewer": "candidate {candidate} meets interviewer {interviewer} {count} times",
    "unknown_candidate": "candidate {candidate} is not in the problem",
}


@dataclass(frozen=True)
class Violation:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return TEXTS[self.code].format(**self.params)


def _a(a: Assignment) -> dict[str, Any]:
    return {
        "assignment": str(a),
        "candidate": a.candidate,
        "interviewer": a.interviewer,
        "round": a.round,
        "slot": a.slot,
        "room": a.room,
    }


def plan_violations(problem: Problem, plan: Plan) -> list[str]:
    """Every broken hard constraint of ``plan``, one sentence each; empty when it holds."""
    return [v.text for v in plan_violation_list(problem, plan)]


def plan_violation_list(problem: Problem, plan: Plan) -> list[Violation]:  # noqa: C901
    """Every broken hard constraint of ``plan`` as a ``Violation``; empty when it holds."""
    found: list[Violation] = []
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
            found.append(Violation("unknown", _a(a)))
            continue
        round_ = rounds[a.round][1]
        if not 0 <= a.slot < problem.slots:
            found.append(Violation("slot_outside", _a(a)))
        if not eligible(interviewer, candidate, round_):
            found.append(Violation("not_eligible", _a(a)))
        if a.slot not in interviewer.available:
            found.append(Violation("not_available", _a(a)))
        if room.video != round_.video:
            found.append(Violation("room_kind", {**_a(a), "kind": "by video" if round_.video else "on site"}))
        by_candidate[a.candidate].append(a)
        busy[(a.interviewer, a.slot)] += 1
        day_load[(a.interviewer, problem.day_of(a.slot))] += 1
        total_load[a.interviewer] += 1
        room_use[(a.room, a.slot)] += 1
    for (interviewer_id, slot), count in busy.items():
        if count > 1:
            found.append(
                Violation("interviewer_double", {"interviewer": interviewer_id, "count": count, "slot": slot})
            )
    for (interviewer_id, day), count in day_load.items():
        if count > interviewers[interviewer_id].daily_cap:
            found.append(Violation("daily_cap", {"interviewer": interviewer_id, "count": count, "day": day}))
    for interviewer_id, count in total_load.items():
        cap = interviewers[interviewer_id].total_cap
        if cap is not None and count > cap:
            found.append(Violation("weekly_cap", {"interviewer": interviewer_id, "count": count, "cap": cap}))
    for (room_id, slot), count in room_use.items():
        if count > rooms[room_id].capacity:
            found.append(Violation("room_full", {"room": room_id, "count": count, "slot": slot}))
    unplaced = set(plan.unplaced)
    if len(unplaced) != len(plan.unplaced):
        found.append(Violation("unplaced_twice"))
    for candidate_id in candidates:
        mine = by_candidate.get(candidate_id, [])
        if candidate_id in unplaced:
            if mine:
                found.append(Violation("unplaced_with_interviews", {"candidate": candidate_id}))
            continue
        codes = Counter(a.round for a in mine)
        if set(codes) != set(rounds) or any(count != 1 for count in codes.values()):
            found.append(Violation("rounds_incomplete", {"candidate": candidate_id}))
            continue
        ordered = sorted(mine, key=lambda a: rounds[a.round][0])
        if len({problem.day_of(a.slot) for a in ordered}) != 1:
            found.append(Violation("days_split", {"candidate": candidate_id}))
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.slot < before.slot + 1 + problem.min_gap:
                found.append(
                    Violation(
                        "too_soon",
                        {
                            "candidate": candidate_id,
                            "round": after.round,
                            "slot": after.slot,
                            "before": before.round,
                            "before_slot": before.slot,
                        },
                    )
                )
        people = Counter(a.interviewer for a in mine)
        for interviewer_id, count in people.items():
            if count > 1:
                found.append(
                    Violation(
                        "same_interviewer",
                        {"candidate": candidate_id, "interviewer": interviewer_id, "count": count},
                    )
                )
    for candidate_id in by_candidate:
        if candidate_id not in candidates:
            found.append(Violation("unknown_candidate", {"candidate": candidate_id}))
    return found
