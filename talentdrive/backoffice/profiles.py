"""A parsed profile as the back office shows it: skills and degrees as words in the reader's language."""

from __future__ import annotations

from typing import Any

from talentdrive.matching.selectors import skill_names
from talentdrive.plans.models import Degree


def skill_words(profile: dict[str, Any]) -> list[str]:
    """Skill names from the taxonomy in the reader's language; a skill it lacks keeps the résumé's word."""
    names = skill_names()
    return [
        names.get(str(skill.get("id")), str(skill.get("name") or skill.get("id") or ""))
        for skill in profile.get("skills") or []
        if isinstance(skill, dict)
    ]


def education_rows(profile: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Each education entry with its degree as words (empty when the parser's code is not a degree)."""
    return [
        (entry, str(Degree(str(entry["degree"])).label) if entry.get("degree") in Degree.values else "")
        for entry in profile.get("education") or []
        if isinstance(entry, dict)
    ]
