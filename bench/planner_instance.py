"""A realistic campus interview day, made from a seed: the benchmark's and the tests' instance.

Two days of 09:00–18:00 in 30-minute slots (18 a day: a 25-minute interview and the changeover); rounds technical 1, technical 2 (on site, by an
interviewer of the candidate's focus area) and HR (by video, any HR interviewer); candidates spread
over six focus areas, one in eight interviewed in English, schools from a list; interviewers with one
or two fields, Chinese (a third also English), availability as most people have it (whole days, a
morning or an afternoon off, a day away), a daily cap, a few conflicts of interest (their own school).
"""

from __future__ import annotations

import random

from talentdrive.campus.core.problem import Candidate, Interviewer, Problem, Room, Round

AREAS = ("llm", "multimodal", "infra", "agents", "hardware", "speech")
SCHOOLS = tuple(f"school-{n}" for n in range(30))
ROUNDS = (Round("technical_1"), Round("technical_2"), Round("hr_interview", general=True, video=True))


def campus_problem(
    *,
    candidates: int = 600,
    interviewers: int = 80,
    days: int = 2,
    rooms: int = 12,
    slots_per_day: int = 18,
    hr_share: float = 0.35,
    tables_per_room: int = 4,
    video_links: int = 24,
    daily_cap: int = 16,
    english_share: float = 0.125,
    seed: int = 7,
) -> Problem:
    rng = random.Random(seed)
    S = slots_per_day
    people = []
    for n in range(candidates):
        people.append(
            Candidate(
                id=n + 1,
                focus_area=AREAS[n % len(AREAS)],
                language="en" if rng.random() < english_share else "zh",
                school=rng.choice(SCHOOLS),
                preferred_day=rng.randrange(days) if rng.random() < 0.3 else None,
            )
        )
    staff = []
    hr_count = max(1, round(interviewers * hr_share))
    for n in range(interviewers):
        hr = n < hr_count
        main = AREAS[n % len(AREAS)]
        fields = (main,) if hr or rng.random() < 0.5 else (main, rng.choice([a for a in AREAS if a != main]))
        available: set[int] = set()
        away = rng.randrange(days) if rng.random() < 0.1 and days > 1 else None
        for day in range(days):
            if day == away:
                continue
            shape = rng.random()
            if shape < 0.8:
                window = range(S)
            elif shape < 0.9:
                window = range(S // 2)  # the morning only
            else:
                window = range(S // 2, S)  # the afternoon only
            available.update(day * S + j for j in window)
        staff.append(
            Interviewer(
                id=1000 + n,
                focus_areas=() if hr else fields,
                languages=frozenset({"zh", "en"}) if rng.random() < 0.35 else frozenset({"zh"}),
                rounds=frozenset({"hr_interview"}) if hr else frozenset({"technical_1", "technical_2"}),
                available=frozenset(available),
                daily_cap=daily_cap,
                conflict_schools=frozenset({rng.choice(SCHOOLS)}) if rng.random() < 0.2 else frozenset(),
                avoid_days=frozenset({rng.randrange(days)})
                if rng.random() < 0.1 and days > 1
                else frozenset(),
            )
        )
    halls = [Room(id=n + 1, capacity=tables_per_room) for n in range(rooms)]
    halls.append(Room(id=rooms + 1, capacity=video_links, video=True))
    return Problem(
        days=days,
        slots_per_day=S,
        rounds=ROUNDS,
        min_gap=0,
        candidates=tuple(people),
        interviewers=tuple(staff),
        rooms=tuple(halls),
    )
