"""Compose one bilingual job ad (title and description) from the phrase pools.

Pure functions over a seeded ``random.Random``: the same seed gives the same ads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from talentdrive.demo import content_teams as ct
from talentdrive.demo.pools import AreaContent, Phrase


@dataclass(frozen=True)
class AdContext:
    team_code: str
    team_short: Phrase
    channel: str
    level: str
    role: Phrase
    cities: tuple[str, ...]
    min_years: int
    healthcare: bool
    programme: bool
    min_degree: str


def compose_title(context: AdContext, *, campus_class: str) -> Phrase:
    """The zh and en titles, each in the form a recruiter in that language would write."""
    # Chinese job titles run Latin words straight into the characters ("AI产品经理").
    role_zh, role_en = context.role[0].replace(" ", ""), context.role[1]
    short_zh, short_en = context.team_short[0].replace(" ", ""), context.team_short[1]
    if context.channel == "campus":
        if context.programme:
            return (
                f"【顶尖人才计划·{campus_class}届博士】{role_zh}",
                f"{role_en}, PhD Class of {campus_class} (Elite Talent Programme)",
            )
        return (
            f"【{campus_class}届校招】{role_zh}-{short_zh}",
            f"{role_en}, Graduate {campus_class} ({short_en})",
        )
    prefix_zh, prefix_en = ct.LEVEL_TITLE.get(context.level, ("", ""))
    title_zh = f"{prefix_zh}{role_zh}"
    # Chinese ads call a principal engineer an expert ("专家") rather than prefixing a rank.
    if context.level == "principal" and role_zh.endswith("工程师"):
        title_zh = role_zh.removesuffix("工程师") + "专家"
    return (f"{title_zh}-{short_zh}", f"{prefix_en}{role_en} ({short_en})")


def _numbered(items: list[Phrase], language: int) -> str:
    if language == 0:
        return "\n".join(f"{index}. {item[0]}" for index, item in enumerate(items, start=1))
    return "\n".join(f"- {item[1]}" for item in items)


def _bulleted(items: list[Phrase], language: int) -> str:
    return "\n".join(f"· {item[0]}" if language == 0 else f"- {item[1]}" for item in items)


def _location(cities: tuple[str, ...]) -> Phrase:
    names = [ct.CITY_NAMES[code] for code in cities]
    zh = "、".join(name[0] for name in names)
    en = names[-1][1]
    if len(names) > 1:
        en = ", ".join(name[1] for name in names[:-1]) + f" or {en}"
    return (f"工作地点：{zh}", f"Location: {en}")


def compose_description(rng: random.Random, context: AdContext, area: AreaContent) -> Phrase:
    """A description assembled from sampled duties, requirements and extras, in both languages."""
    blurbs = ct.TEAM_BLURBS[context.team_code]
    intro = [blurbs[0]]
    if rng.random() < 0.5:
        intro.append(blurbs[1])
    if context.programme:
        intro.append(rng.choice(ct.PROGRAMME_PARAGRAPH))
    elif context.channel == "campus":
        intro.append(rng.choice(ct.CAMPUS_PARAGRAPH))

    duties = rng.sample(area.duties, k=min(len(area.duties), rng.randint(3, 5)))
    if context.healthcare:
        duties = rng.sample(ct.HEALTHCARE_DUTIES, k=2) + duties[:3]

    requirements: list[Phrase] = []
    if context.channel == "campus":
        requirements.append(rng.choice(ct.CAMPUS_REQUIREMENTS[context.min_degree]))
    elif not context.programme:
        years = context.min_years
        years_en = "At least one year" if years == 1 else f"{years}+ years"
        requirements.append((f"{years} 年以上相关工作经验", f"{years_en} of relevant experience"))
        requirements.extend(ct.LEVEL_EXPECTATION.get(context.level, ()))
        if context.min_degree in ct.DEGREE_REQUIREMENTS:
            requirements.append(ct.DEGREE_REQUIREMENTS[context.min_degree])
    if context.programme:
        if context.channel == "campus":
            requirements.extend((ct.PROGRAMME_CAMPUS_REQUIREMENT, *ct.PROGRAMME_REQUIREMENTS[1:]))
        else:
            requirements.extend(ct.PROGRAMME_REQUIREMENTS)
    requirements.extend(rng.sample(area.requirements, k=min(len(area.requirements), rng.randint(2, 4))))
    if context.healthcare:
        requirements.extend(ct.HEALTHCARE_REQUIREMENTS)
    bonuses = rng.sample(area.bonuses, k=rng.randint(2, min(3, len(area.bonuses))))

    heading_duties = rng.choice(ct.HEADINGS_DUTIES)
    heading_requirements = rng.choice(ct.HEADINGS_REQUIREMENTS)
    heading_bonuses = rng.choice(ct.HEADINGS_BONUSES)
    location = _location(context.cities)
    texts = []
    for language in (0, 1):
        texts.append(
            "\n\n".join(
                [
                    " ".join(paragraph[language] for paragraph in intro)
                    if language
                    else "".join(paragraph[language] for paragraph in intro),
                    f"{heading_duties[language]}\n{_numbered(duties, language)}",
                    f"{heading_requirements[language]}\n{_numbered(requirements, language)}",
                    f"{heading_bonuses[language]}\n{_bulleted(bonuses, language)}",
                    location[language],
                ]
            )
        )
    return (texts[0], texts[1])
