"""Candidate profiles as the matcher sees them, read from the ``talentdrive parse`` JSON schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DEGREE_RANK = {"none": 0, "associate": 1, "bachelor": 2, "master": 3, "phd": 4}

# Degree words as resumes and job descriptions write them; checked longest first.
_DEGREE_WORDS = [
    ("phd", "phd"),
    ("ph.d", "phd"),
    ("doctor", "phd"),
    ("doctorate", "phd"),
    ("博士", "phd"),
    ("master", "master"),
    ("msc", "master"),
    ("m.s", "master"),
    ("mphil", "master"),
    ("mba", "master"),
    ("硕士", "master"),
    ("研究生", "master"),
    ("bachelor", "bachelor"),
    ("bsc", "bachelor"),
    ("b.s", "bachelor"),
    ("b.eng", "bachelor"),
    ("undergraduate", "bachelor"),
    ("本科", "bachelor"),
    ("学士", "bachelor"),
    ("associate", "associate"),
    ("大专", "associate"),
    ("专科", "associate"),
]


def normalise_degree(value: Any) -> str:
    """Map a free-form degree ('硕士', 'M.Sc.', 'PhD candidate', 'master') to a DEGREE_RANK key."""
    text = str(value or "").strip().lower()
    if text in DEGREE_RANK:
        return text
    for word, degree in _DEGREE_WORDS:
        if word in text:
            return degree
    return "none"


@dataclass(frozen=True)
class SkillEvidence:
    skill_id: str
    name: str
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CandidateProfile:
    """What the matcher knows about one candidate; ``key`` is the candidate id or the source file."""

    key: str
    skills: tuple[SkillEvidence, ...] = ()
    degree: str = "none"
    years: float = 0.0
    top_venue_papers: int = 0
    papers: int = 0
    awards: tuple[str, ...] = ()
    top_awards: int = 0
    domains: tuple[str, ...] = ()
    city: str = ""
    graduation_year: int | None = None
    text: str = ""
    source: str = ""
    stage: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def skill_ids(self) -> tuple[str, ...]:
        return tuple(s.skill_id for s in self.skills)


def _year_of(value: Any) -> int | None:
    match = re.search(r"(19|20)\d{2}", str(value or ""))
    return int(match.group()) if match else None


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def profile_from_parse(
    data: Mapping[str, Any], *, key: str, text: str = "", **context: Any
) -> CandidateProfile:
    """Build a profile from the parse schema; missing or malformed fields read as absent, never raise."""
    skills = []
    for item in _as_list(data.get("skills")):
        if isinstance(item, Mapping) and item.get("id"):
            mentions = tuple(
                str(m.get("surface") or m.get("text") or "") if isinstance(m, Mapping) else str(m)
                for m in _as_list(item.get("mentions"))
            )
            skills.append(SkillEvidence(str(item["id"]), str(item.get("name") or item["id"]), mentions))
        elif isinstance(item, str):
            skills.append(SkillEvidence(item, item))
    degree = "none"
    graduation: int | None = None
    for entry in _as_list(data.get("education")):
        if not isinstance(entry, Mapping):
            continue
        found = normalise_degree(entry.get("degree"))
        if DEGREE_RANK[found] >= DEGREE_RANK[degree]:
            degree = found
            graduation = (
                _year_of(entry.get("end") or entry.get("graduation") or entry.get("to")) or graduation
            )
    try:
        years = max(0.0, float(data.get("years_experience") or 0))
    except (TypeError, ValueError):
        years = 0.0
    publications = [p for p in _as_list(data.get("publications")) if isinstance(p, Mapping)]
    awards, top_awards = [], 0
    for award in _as_list(data.get("awards")):
        if isinstance(award, Mapping):
            awards.append(str(award.get("name") or award.get("title") or ""))
            top_awards += bool(award.get("top") or award.get("top_award") or award.get("tier") == "top")
        else:
            awards.append(str(award))
    domains = []
    for domain in _as_list(data.get("domains")):
        domains.append(
            str(domain.get("id") or domain.get("code") or "") if isinstance(domain, Mapping) else str(domain)
        )
    return CandidateProfile(
        key=key,
        skills=tuple(skills),
        degree=degree,
        years=years,
        papers=len(publications),
        top_venue_papers=sum(bool(p.get("top_venue")) for p in publications),
        awards=tuple(a for a in awards if a),
        top_awards=top_awards,
        domains=tuple(d for d in domains if d),
        graduation_year=graduation,
        text=text or str(data.get("text") or ""),
        city=str(context.get("city") or data.get("city") or ""),
        source=str(context.get("source") or data.get("source") or ""),
        stage=str(context.get("stage") or ""),
    )
