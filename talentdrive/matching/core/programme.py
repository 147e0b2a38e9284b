"""Elite talent programme: criteria are data (``matching/programme.json``), evaluated per candidate."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from talentdrive.matching.core.profile import DEGREE_RANK

DEFAULT_CRITERIA_PATH = Path(__file__).resolve().parent.parent / "programme.json"


@dataclass(frozen=True)
class ProgrammeRule:
    code: str
    reason_en: str
    reason_zh: str
    min_degree: str = "none"
    min_top_venue_papers: int = 0
    min_top_awards: int = 0
    min_must_coverage: float = 0.0
    requires_research_role: bool = False


@dataclass(frozen=True)
class ProgrammeFlag:
    flagged: bool
    codes: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    reasons_zh: tuple[str, ...] = ()


NOT_FLAGGED = ProgrammeFlag(False)


def load_criteria(path: str | Path | None = None) -> tuple[ProgrammeRule, ...]:
    """Read the rules; an unknown key or a bad value is an error naming the rule, not a silent default."""
    raw = json.loads(Path(path or DEFAULT_CRITERIA_PATH).read_text(encoding="utf-8"))
    return criteria_from_data(raw.get("rules", []))


def criteria_from_data(rules: Sequence[Mapping[str, Any]]) -> tuple[ProgrammeRule, ...]:
    parsed = []
    for index, rule in enumerate(rules):
        try:
            parsed.append(ProgrammeRule(**rule))
        except TypeError as error:
            raise ValueError(f"programme rule {index} ({rule.get('code', '?')}): {error}") from error
        if parsed[-1].min_degree not in DEGREE_RANK:
            raise ValueError(f"programme rule {parsed[-1].code}: unknown degree {parsed[-1].min_degree!r}")
    return tuple(parsed)


def programme_flag(
    rules: Sequence[ProgrammeRule],
    *,
    degree: str,
    top_venue_papers: int,
    top_awards: int,
    must_coverage: float = 0.0,
    research_role: bool = False,
) -> ProgrammeFlag:
    """Which programme rules this candidate meets, with a human reason for each."""
    values = {"top_venue_papers": top_venue_papers, "top_awards": top_awards, "must_coverage": must_coverage}
    met = [
        rule
        for rule in rules
        if DEGREE_RANK.get(degree, 0) >= DEGREE_RANK[rule.min_degree]
        and top_venue_papers >= rule.min_top_venue_papers
        and top_awards >= rule.min_top_awards
        and must_coverage >= rule.min_must_coverage
        and (research_role or not rule.requires_research_role)
    ]
    if not met:
        return NOT_FLAGGED
    return ProgrammeFlag(
        True,
        tuple(r.code for r in met),
        tuple(r.reason_en.format(**values) for r in met),
        tuple(r.reason_zh.format(**values) for r in met),
    )
