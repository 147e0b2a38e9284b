"""Rooms for a plan whose slots already respect the rooms' total capacity per kind. Pure: no Django.

Tables in rooms of one kind are interchangeable, so once no slot asks for more tables than the rooms
hold, a room for every interview exists; an interviewer keeps the room they had before when it has a
free table, so their day is spent in one place as far as possible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from talentdrive.campus.core.problem import Assignment, Problem


def rooms_assign(
    problem: Problem,
    interviews: Iterable[tuple[int, str, int, int]],
    taken: Iterable[Assignment] = (),
) -> list[Assignment]:
    """``interviews`` as (candidate, round, slot, interviewer) → assignments with rooms, beside the
    ``taken`` ones (kept as they are)."""
    video_of = {r.code: r.video for r in problem.rounds}
    use: Counter[tuple[int, int]] = Counter((a.room, a.slot) for a in taken)
    last_room: dict[int, int] = {}
    for a in sorted(taken, key=lambda a: a.slot):
        last_room[a.interviewer] = a.room
    result: list[Assignment] = []
    for candidate, code, slot, interviewer in sorted(interviews, key=lambda x: (x[2], x[3])):
        kind = [room for room in problem.rooms if room.video == video_of[code]]
        preferred = last_room.get(interviewer)
        ordered = sorted(kind, key=lambda room: (room.id != preferred, use[(room.id, slot)], room.id))
        room = next((r for r in ordered if use[(r.id, slot)] < r.capacity), None)
        if room is None:
            raise ValueError(f"no room left in slot {slot} for round {code}; the plan breaks room capacity")
        use[(room.id, slot)] += 1
        last_room[interviewer] = room.id
        result.append(Assignment(candidate, code, slot, interviewer, room.id))
    return result
