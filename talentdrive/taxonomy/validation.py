"""Consistency checks for the skill taxonomy, run on every load (shipped and administrators' files)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from talentdrive.taxonomy.text import name_key

if TYPE_CHECKING:
    from talentdrive.taxonomy.model import Taxonomy

__all__ = ["FOCUS_AREAS", "SKILL_KINDS", "validate_taxonomy"]

# The plan's focus areas (talentdrive/plans/migrations/0002_seed_cities_and_focus_areas.py).
FOCUS_AREAS = (
    "llm",
    "multimodal-understanding",
    "multimodal-training",
    "training-infra",
    "agents",
    "ai-hardware",
    "speech",
    "vision-optimisation",
    "reinforcement-learning",
    "ai-product",
)
SKILL_KINDS = ("skill", "tool", "method", "hardware", "language", "soft")
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-+.#")
# An ordinary word ("Speech", "networking"), as opposed to an acronym or a brand (ICML, NeurIPS).
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]+")


def _name_problems(kind: str, items: Iterable[Any]) -> list[str]:
    problems: list[str] = []
    owner: dict[str, str] = {}
    for item in items:
        short_ok = set(item.exact) | set(item.ambiguous)
        for name in item.names:
            key = name_key(name)
            if not key:
                continue
            if owner.setdefault(key, item.id) != item.id:
                problems.append(f"{kind} name {name!r} belongs to both {owner[key]!r} and {item.id!r}")
            if len(key) == 1 and name not in short_ok:
                problems.append(
                    f"{kind} {item.id!r}: one-character name {name!r} must be listed as ambiguous"
                )
    return problems


def validate_taxonomy(taxonomy: Taxonomy) -> list[str]:
    """Every consistency problem: bad ids, missing names or parents, cycles, colliding names."""
    problems = []
    groups: dict[str, Mapping[str, Any]] = {
        "skill": taxonomy.skills,
        "domain": taxonomy.domains,
        "venue": taxonomy.venues,
        "award": taxonomy.awards,
    }
    for kind, items in groups.items():
        for item_id, item in items.items():
            if not item_id or not set(item_id) <= _ID_CHARS:
                problems.append(f"{kind} id {item_id!r} must be lower-case letters, digits and hyphens")
            if not item.names[0]:
                problems.append(f"{kind} {item_id!r} has no English name")
        problems += _name_problems(kind, items.values())
    for skill in taxonomy.skills.values():
        if skill.kind not in SKILL_KINDS:
            problems.append(f"skill {skill.id!r}: unknown kind {skill.kind!r}")
        problems += [
            f"skill {skill.id!r}: unknown focus area {c!r}" for c in skill.focus_areas if c not in FOCUS_AREAS
        ]
        problems += [
            f"skill {skill.id!r}: unknown parent {p!r}" for p in skill.parents if p not in taxonomy.skills
        ]
    for domain in taxonomy.domains.values():
        problems += [
            f"domain {domain.id!r}: unknown parent {p!r}" for p in domain.parents if p not in taxonomy.domains
        ]
    problems += _venue_word_problems(taxonomy)
    problems += _cycles("skill", {k: v.parents for k, v in taxonomy.skills.items()})
    problems += _cycles("domain", {k: v.parents for k, v in taxonomy.domains.items()})
    return problems


def _venue_word_problems(taxonomy: Taxonomy) -> list[str]:
    """A venue alias that is one ordinary word also used in skill or domain names ("Speech") would tag
    every resume that mentions the skill with the venue. It is nearly always an unquoted YAML list item
    split at its commas ("Transactions on Audio, Speech, and Language Processing"); a real one-word
    venue named by a common word ("Nature") must be listed as ambiguous."""
    words: set[str] = set()
    names = [n for s in taxonomy.skills.values() for n in s.names]
    names += [n for d in taxonomy.domains.values() for n in d.names]
    for name in names:
        key = name_key(name)
        words.add(key)
        words.update(key.split())
    problems = []
    for venue in taxonomy.venues.values():
        for name in venue.names:
            key = name_key(name)
            if name in venue.ambiguous or not _PLAIN_WORD.fullmatch(name.strip()):
                continue
            if key in words:
                problems.append(
                    f"venue {venue.id!r}: alias {name!r} is a common word used in skill names"
                    " (a list item split at a comma? quote it) or must be listed as ambiguous"
                )
    return problems


def _cycles(kind: str, parents: Mapping[str, tuple[str, ...]]) -> list[str]:
    problems, done = [], set()
    for root in parents:
        path: list[str] = []
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, index = stack.pop()
            del path[index:]
            if node in path:
                problems.append(
                    f"{kind} parents form a cycle: {' ⇒ '.join([*path[path.index(node) :], node])}"
                )
                break
            if node in done or node not in parents:
                continue
            path.append(node)
            stack.extend((parent, index + 1) for parent in parents[node])
        done.add(root)
    return sorted(set(problems))
