"""What an interview-day plan is made of, as plain values: days cut into equal slots, the rounds every
candidate takes in order, interviewers, rooms. Pure: no Django.

Time is counted in slots: slot ``g`` is slot ``g % slots_per_day`` of day ``g // slots_per_day``. Every
interview takes one slot (the slot length is the longest round plus the changeover), which is how campus
interview days are run: fixed times on a printed plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Round:
    code: str
    # A general round (HR) needs no focus-area expertise; a technical one needs the candidate's.
    general: bool = False
    # A video round takes a video link's capacity instead of a table in a room.
    video: bool = False


@dataclass(frozen=True)
class Candidate:
    id: int
    focus_area: str
    language: str  # the language the interviews are held in: "zh" or "en"
    school: str = ""
    preferred_day: int | None = None  # a soft wish


@dataclass(frozen=True)
class Interviewer:
    id: int
    # The first is their main field; a match on another costs a little in the objective.
    focus_areas: tuple[str, ...]
    languages: frozenset[str]
    rounds: frozenset[str]  # round codes they interview in
    available: frozenset[int]  # global slots
    daily_cap: int
    total_cap: int | None = None  # what is left of their weekly cap, if it binds over the days
    conflict_schools: frozenset[str] = frozenset()
    conflict_candidates: frozenset[int] = frozenset()
    avoid_days: frozenset[int] = frozenset()  # a soft wish


@dataclass(frozen=True)
class Room:
    id: int
    capacity: int  # interview tables (or parallel video calls) at once
    video: bool = False


@dataclass(frozen=True)
class Problem:
    days: int
    slots_per_day: int
    rounds: tuple[Round, ...]
    # Free slots at least between two rounds of one candidate.
    min_gap: int
    candidates: tuple[Candidate, ...]
    interviewers: tuple[Interviewer, ...]
    rooms: tuple[Room, ...]
    # The first slot a new or moved interview may take: the ones before it have started already (a plan
    # or re-plan made on the day itself). What is planned before it stays as it is.
    earliest: int = 0

    @property
    def slots(self) -> int:
        return self.days * self.slots_per_day

    def day_of(self, slot: int) -> int:
        return slot // self.slots_per_day


def eligible(interviewer: Interviewer, candidate: Candidate, round_: Round) -> bool:
    """Whether this interviewer may interview this candidate in this round (slots aside): the round is
    theirs, the language is theirs, the expertise fits, and no conflict of interest."""
    if round_.code not in interviewer.rounds or candidate.language not in interviewer.languages:
        return False
    if not round_.general and candidate.focus_area not in interviewer.focus_areas:
        return False
    if candidate.school and candidate.school in interviewer.conflict_schools:
        return False
    return candidate.id not in interviewer.conflict_candidates


@dataclass(frozen=True)
class Assignment:
    candidate: int
    round: str
    slot: int
    interviewer: int
    room: int


@dataclass(frozen=True)
class Binding:
    """A constraint that leaves too little room: what it is, how much is asked and how much there is."""

    code: str  # interviewers, rooms, daily_caps, day_length, eligibility, combination
    subject: str  # e.g. "technical_1 · llm · zh", "onsite rooms"
    demand: int
    capacity: int


@dataclass(frozen=True)
class Plan:
    assignments: tuple[Assignment, ...]
    unplaced: tuple[int, ...]  # candidate ids that could not be given every round
    binding: tuple[Binding, ...] = ()
    solver_status: str = ""
    seconds: float = 0.0
    stats: dict[str, float] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.unplaced
