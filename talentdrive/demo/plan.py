"""The demo drive's plan and requisitions, computed from a seed without touching the database.

Each team's headcount is split between channels, then across its cities and focus areas by weight
(largest-remainder rounding, so every total is exact); each plan line is then cut into requisitions
whose headcounts add up to its target.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from talentdrive.demo import organisation as org
from talentdrive.demo.compose import AdContext, compose_description, compose_title
from talentdrive.demo.content_models import (
    LLM,
    MULTIMODAL_TRAINING,
    MULTIMODAL_UNDERSTANDING,
    REINFORCEMENT_LEARNING,
    TRAINING_INFRA,
)
from talentdrive.demo.content_products import (
    AGENTS,
    AI_HARDWARE,
    AI_PRODUCT,
    SPEECH,
    VISION_OPTIMISATION,
)
from talentdrive.demo.content_teams import HEALTHCARE_ROLES, LEVEL_YEARS, RESEARCH_ROLES
from talentdrive.demo.pools import AreaContent

SEED = 2026

AREAS: dict[str, AreaContent] = {
    "llm": LLM,
    "multimodal-understanding": MULTIMODAL_UNDERSTANDING,
    "multimodal-training": MULTIMODAL_TRAINING,
    "training-infra": TRAINING_INFRA,
    "agents": AGENTS,
    "ai-hardware": AI_HARDWARE,
    "speech": SPEECH,
    "vision-optimisation": VISION_OPTIMISATION,
    "reinforcement-learning": REINFORCEMENT_LEARNING,
    "ai-product": AI_PRODUCT,
}
CITY_ABBREVIATIONS = {"beijing": "BJ", "shanghai": "SH", "hangzhou": "HZ", "guangzhou": "GZ"}
CHANNEL_ABBREVIATIONS = {"experienced": "EXP", "campus": "CMP"}
HEALTHCARE_AREAS = frozenset({"llm", "reinforcement-learning"})
# Roughly one requisition in twenty waits as a draft, one in twenty-five is paused.
STATUS_WEIGHTS = (("open", 91), ("draft", 5), ("paused", 4))
EXPERIENCED_LEVELS = (("engineer", 35), ("senior", 35), ("staff", 20), ("principal", 10))
PRODUCT_AREAS = frozenset({"ai-product"})
CAMPUS_MINIMUM_LINE = 3


@dataclass(frozen=True)
class PlanLineSpec:
    external_id: str
    city: str
    channel: str
    area: str
    team: str
    target: int


@dataclass(frozen=True)
class RequisitionSpec:
    external_id: str
    plan_line: str
    team: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    level: str
    headcount: int
    cities: tuple[str, ...]
    must_skills: tuple[str, ...]
    nice_skills: tuple[str, ...]
    domain: str
    min_degree: str
    min_years: int
    graduation_from: date | None
    graduation_to: date | None
    programme_eligible: bool
    status: str


@dataclass(frozen=True)
class DemoPlan:
    plan_lines: tuple[PlanLineSpec, ...]
    requisitions: tuple[RequisitionSpec, ...]


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` with largest-remainder rounding; sums exactly."""
    weight_sum = sum(weights)
    shares = [total * weight / weight_sum for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda index: (counts[index] - shares[index], index))
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def _plan_lines(rng: random.Random) -> list[PlanLineSpec]:
    lines: list[PlanLineSpec] = []
    for team in org.TEAMS:
        campus = round(team.total * team.campus_share)
        for channel, channel_total in (("experienced", team.total - campus), ("campus", campus)):
            cells = [(city, area) for city, _ in team.cities for area, _ in team.areas]
            city_weight = dict(team.cities)
            area_weight = dict(team.areas)
            # A little noise so that no two teams look machine-split.
            weights = [
                city_weight[city] * area_weight[area] * rng.uniform(0.75, 1.25) for city, area in cells
            ]
            # Campus lines recruit in batches, so a line is dropped (and its share redistributed)
            # rather than planned for one or two graduates.
            minimum = CAMPUS_MINIMUM_LINE if channel == "campus" else 1
            targets = apportion(channel_total, weights)
            while any(0 < target < minimum for target in targets):
                smallest = min(
                    (index for index, target in enumerate(targets) if 0 < target < minimum),
                    key=lambda index: (weights[index], index),
                )
                weights[smallest] = 0.0
                targets = apportion(channel_total, weights)
            for (city, area), target in zip(cells, targets, strict=True):
                if target == 0:
                    continue
                external_id = "-".join(
                    ["AI26", CITY_ABBREVIATIONS[city], CHANNEL_ABBREVIATIONS[channel], area, team.code]
                ).upper()
                lines.append(PlanLineSpec(external_id, city, channel, area, team.code, target))
    return lines


def _split_headcount(rng: random.Random, target: int, *, channel: str, programme: bool) -> list[int]:
    """Experienced roles are mostly single openings; campus roles are batches of three to ten."""
    parts: list[int] = []
    remaining = target
    while remaining > 0:
        if channel == "campus":
            upper = 5 if programme else 10
            part = remaining if remaining <= upper else rng.randint(3, min(upper, remaining - 3))
        elif programme:
            part = 1
        else:
            part = rng.choices((1, 2, 3), weights=(86, 11, 3))[0]
        part = min(part, remaining)
        parts.append(part)
        remaining -= part
    return parts


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([option for option, _ in options], weights=[weight for _, weight in options])[0]


def _requisition(
    rng: random.Random, line: PlanLineSpec, number: int, headcount: int, team: org.TeamSpec
) -> RequisitionSpec:
    area = AREAS[line.area]
    healthcare = team.domain == "healthcare" and line.area in HEALTHCARE_AREAS
    campus = line.channel == "campus"
    if team.programme:
        role = rng.choice(RESEARCH_ROLES.get(line.area, RESEARCH_ROLES["llm"]))
        level = "graduate" if campus else _weighted(rng, (("scientist", 7), ("principal", 3)))
    elif healthcare:
        role = rng.choice(HEALTHCARE_ROLES)
        level = "graduate" if campus else _weighted(rng, EXPERIENCED_LEVELS)
    else:
        role = rng.choice(area.campus_roles if campus else area.roles)
        level = "graduate" if campus else _weighted(rng, EXPERIENCED_LEVELS)

    if campus:
        min_years = 0
    elif team.programme:
        min_years = rng.choice((0, 2, 3))
    else:
        min_years = rng.choice(LEVEL_YEARS[level])

    if team.programme:
        min_degree = "phd"
    elif line.area in PRODUCT_AREAS:
        min_degree = "bachelor"
    elif campus:
        min_degree = rng.choice(("bachelor", "master", "master"))
    else:
        min_degree = rng.choice(("bachelor", "bachelor", "master"))

    cities: tuple[str, ...] = (line.city,)
    team_cities = [city for city, _ in team.cities if city != line.city]
    if not campus and team_cities and rng.random() < 0.15:
        cities = (line.city, rng.choice(team_cities))

    context = AdContext(
        team_code=team.code,
        team_short=(team.short_zh, team.short_en),
        channel=line.channel,
        level=level,
        role=role,
        cities=cities,
        min_years=min_years,
        healthcare=healthcare,
        programme=team.programme,
        min_degree=min_degree,
    )
    title_zh, title_en = compose_title(context, campus_class=org.CAMPUS_CLASS)
    description_zh, description_en = compose_description(rng, context, area)
    must = area.must_skills[:2] + tuple(rng.sample(area.must_skills[2:], k=min(2, len(area.must_skills) - 2)))
    nice = tuple(rng.sample(area.nice_skills, k=rng.randint(2, 3)))
    return RequisitionSpec(
        external_id=f"AI26-R{number:04d}",
        plan_line=line.external_id,
        team=team.code,
        title_zh=title_zh,
        title_en=title_en,
        description_zh=description_zh,
        description_en=description_en,
        level=level,
        headcount=headcount,
        cities=cities,
        must_skills=must,
        nice_skills=tuple(skill for skill in nice if skill not in must),
        domain="healthcare" if healthcare else "",
        min_degree=min_degree,
        min_years=min_years,
        graduation_from=org.GRADUATION_FROM if campus else None,
        graduation_to=org.GRADUATION_TO if campus else None,
        programme_eligible=team.programme,
        status=_weighted(rng, STATUS_WEIGHTS),
    )


def build_demo_plan(seed: int = SEED) -> DemoPlan:
    """The whole demo plan: plan lines totalling the drive's target and requisitions filling each line."""
    rng = random.Random(seed)
    lines = _plan_lines(rng)
    teams = {team.code: team for team in org.TEAMS}
    requisitions: list[RequisitionSpec] = []
    for line in lines:
        team = teams[line.team]
        for headcount in _split_headcount(rng, line.target, channel=line.channel, programme=team.programme):
            requisitions.append(_requisition(rng, line, len(requisitions) + 1, headcount, team))
    return DemoPlan(plan_lines=tuple(lines), requisitions=tuple(requisitions))
