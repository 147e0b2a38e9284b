"""Shapes of the bilingual phrase pools that demo job ads are composed from."""

from __future__ import annotations

from dataclasses import dataclass

# (Chinese, English): each pair is written in both languages, not translated word for word.
Phrase = tuple[str, str]


@dataclass(frozen=True)
class AreaContent:
    """What roles in one focus area are called, do and ask for."""

    roles: tuple[Phrase, ...]
    campus_roles: tuple[Phrase, ...]
    duties: tuple[Phrase, ...]
    requirements: tuple[Phrase, ...]
    bonuses: tuple[Phrase, ...]
    must_skills: tuple[str, ...]
    nice_skills: tuple[str, ...]
