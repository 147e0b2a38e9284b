"""Where the demo people applied and how far each application got. Pure: ids in, placements out.

People apply to requisitions of their channel (this season's graduates to campus roles, everyone
else to experienced ones) and focus area, mostly in the city they live in. Hires are drawn first,
only on open requisitions and never beyond a requisition's headcount, until the drive's share of
the plan is reached; a hired person's other applications are withdrawn, as they would be. The rest
spread over the funnel: most still applied or in screening, fewer further on, some rejected; no
requisition has more offers out than seats left; on a requisition whose every seat is taken the
others are rejected, and it is marked filled.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

APPLICATIONS_PER_PERSON = ((1, 55), (2, 30), (3, 15))
# Stages of applications that are not hires, by weight: a funnel that narrows. Rejections are
# few here because applicants to filled requisitions are rejected on top of these.
STAGE_WEIGHTS = (
    ("applied", 34), ("screening", 24), ("assessment", 10), ("interview", 12), ("offer", 3),
    ("rejected", 7), ("withdrawn", 3),
)  # fmt: skip
# Application.source values; "other" stands for headhunters, which the source list has no entry for.
SOURCE_WEIGHTS = {
    "campus": (("portal", 35), ("campus_talk", 35), ("kiosk", 20), ("referral", 10)),
    "experienced": (("portal", 45), ("referral", 20), ("other", 15), ("job_board", 15), ("social", 5)),
}
ACTIVE = frozenset({"applied", "screening", "assessment", "interview", "offer"})
# How long ago an application reached its stage, in days (low, high).
DAYS_AGO = {
    "applied": (0, 14), "screening": (2, 30), "assessment": (7, 40), "interview": (10, 60),
    "offer": (14, 60), "hired": (20, 200), "rejected": (5, 120), "withdrawn": (5, 90),
}  # fmt: skip


@dataclass(frozen=True)
class Opening:
    id: int
    channel: str
    area: str
    cities: tuple[str, ...]
    status: str
    headcount: int
    programme: bool


@dataclass(frozen=True)
class Applicant:
    index: int
    area: str
    city: str
    campus: bool
    elite: bool


@dataclass(frozen=True)
class Placement:
    person: int
    requisition: int
    stage: str
    source: str
    days_ago: int


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]] | Sequence[tuple[int, int]]) -> object:
    return rng.choices([item for item, _ in table], weights=[weight for _, weight in table])[0]


def _targets(
    applicant: Applicant, openings: dict[tuple[str, ...], list[Opening]], rng: random.Random
) -> list[Opening]:
    channel = "campus" if applicant.campus else "experienced"
    local = openings.get((channel, applicant.area, applicant.city), [])
    area = openings.get((channel, applicant.area), [])
    anywhere = openings.get((channel,), [])
    if applicant.elite:
        # The elite programme's candidates go for the roles the programme is attached to.
        area = [o for o in area if o.programme] or area
        local = [o for o in local if o.programme] or area
    chosen: list[Opening] = []
    for _ in range(int(str(_weighted(rng, APPLICATIONS_PER_PERSON)))):
        draw = rng.random()
        pool = local if draw < 0.7 and local else area if draw < 0.95 and area else anywhere
        if not pool:
            continue
        pick = rng.choice(pool)
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def place(
    applicants: Sequence[Applicant], openings: Sequence[Opening], *, hire_target: int, seed: int
) -> list[Placement]:
    """Applications for everyone, in applicant order; the same inputs give the same placements."""
    rng = random.Random(seed)
    index: dict[tuple[str, ...], list[Opening]] = defaultdict(list)
    for opening in sorted(openings, key=lambda o: o.id):
        if opening.status not in ("open", "paused"):
            continue  # drafts take no applications; filled and closed ones take no new ones
        index[(opening.channel,)].append(opening)
        index[(opening.channel, opening.area)].append(opening)
        for city in opening.cities:
            index[(opening.channel, opening.area, city)].append(opening)
    pairs = [(a, o) for a in applicants for o in _targets(a, index, rng)]

    stages: dict[int, str] = {}
    hires: dict[int, int] = defaultdict(int)
    hired_people: set[int] = set()
    order = list(range(len(pairs)))
    rng.shuffle(order)
    for position in order:
        if len(hired_people) >= hire_target:
            break
        applicant, opening = pairs[position]
        if opening.status != "open" or hires[opening.id] >= opening.headcount:
            continue
        if applicant.index in hired_people or rng.random() < 0.5:
            continue
        stages[position] = "hired"
        hires[opening.id] += 1
        hired_people.add(applicant.index)

    placements = []
    offers: dict[int, int] = defaultdict(int)
    for position, (applicant, opening) in enumerate(pairs):
        stage = stages.get(position)
        if stage is None:
            stage = "withdrawn" if applicant.index in hired_people else str(_weighted(rng, STAGE_WEIGHTS))
            if stage == "offer" and opening.status != "open":
                stage = "interview"  # a paused requisition makes no offers
            if stage in ACTIVE and hires[opening.id] >= opening.headcount:
                stage = "rejected"  # every seat is taken: the requisition is filled
            elif stage == "offer" and hires[opening.id] + offers[opening.id] >= opening.headcount:
                # No more offers out than seats left, so the plan line's target holds for offers too.
                stage = "interview"
            offers[opening.id] += stage == "offer"
        channel = "campus" if applicant.campus else "experienced"
        low, high = DAYS_AGO[stage]
        placements.append(
            Placement(
                person=applicant.index,
                requisition=opening.id,
                stage=stage,
                source=str(_weighted(rng, SOURCE_WEIGHTS[channel])),
                days_ago=rng.randint(low, high),
            )
        )
    return placements


def filled(openings: Sequence[Opening], placements: Sequence[Placement]) -> list[int]:
    """Requisitions whose every seat is taken by a hire, which a recruiter would mark filled."""
    hires = Counter(p.requisition for p in placements if p.stage == "hired")
    return sorted(o.id for o in openings if o.status == "open" and hires[o.id] >= o.headcount)
