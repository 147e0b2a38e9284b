"""A light profile straight from resume text, for when no parsed profile exists.

Used by the stateless ``talentdrive rank`` when the resume parser is not available and by the
judged-set evaluation (which must rank from text). Skills, domains, venues and awards come from the
taxonomy's matchers; degree and years from a few bilingual patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from talentdrive.matching.core.profile import DEGREE_RANK, CandidateProfile, SkillEvidence, normalise_degree

_DEGREE = re.compile(
    r"博士|硕士|本科|学士|大专|ph\.?\s?d|doctor(?:ate)?|m\.?\s?sc|master'?s?|b\.?\s?sc|b\.?\s?eng|bachelor'?s?",
    re.I,
)
_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*(?:\+\s*)?(?:年(?:工作|相关|以上)?(?:经验|经历)?|years?(?: of)?(?: (?:industry |work |relevant )?experience)?)",
    re.I,
)
_EXPERIENCE_NEAR = re.compile(r"经验|经历|工作|experience|engineer|工程师", re.I)
_GRADUATION = re.compile(
    r"((?:19|20)\d{2})\s*(?:年)?\s*(?:毕业|graduat)|(?:毕业|graduat\w*)\D{0,12}((?:19|20)\d{2})", re.I
)


_PUBLICATION = re.compile(
    r"论文|发表|一作|publication|paper|proceedings|accepted|first[- ]author|oral|spotlight", re.I
)
_YEAR_AFTER = re.compile(r"^\W{0,3}'?(?:19|20)?\d{2}\b")


# "对强化学习很感兴趣，正在自学" / "interested in learning RLHF" name a skill the candidate lacks.
_ASPIRATION = re.compile(
    r"感兴趣|自学|正在学习|希望学习|想学|interested in|keen to learn|eager to learn|learning about|want to learn",
    re.I,
)
_CLAUSE_END = re.compile(r"[\n。；;.!?！？]")


def _aspiration(text: str, start: int, end: int) -> bool:
    """True when the mention sits in a clause that states an interest rather than experience."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return bool(_ASPIRATION.search(text[before : after.start() if after else len(text)]))


def _is_publication(text: str, start: int, end: int) -> bool:
    """A venue name counts as a paper only in a publication line or right before a year ("CVPR 2024")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(_PUBLICATION.search(line) or _YEAR_AFTER.match(text[end : end + 8]))


def expand_domains(domain_ids: Iterable[str], taxonomy: Any) -> tuple[str, ...]:
    """Domains plus their parents (medical imaging is healthcare), sorted."""
    result: set[str] = set()
    pending = list(domain_ids)
    while pending:
        domain = pending.pop()
        if domain in result:
            continue
        result.add(domain)
        entry = taxonomy.domains.get(domain)
        pending.extend(entry.parents if entry else ())
    return tuple(sorted(result))


def facts_from_text(text: str, taxonomy: Any) -> tuple[str, float, int, int]:
    """Highest degree, years of experience, top-venue papers and world-class awards the text states."""
    degree = "none"
    for match in _DEGREE.finditer(text):
        found = normalise_degree(match.group().replace(" ", "").replace("m.sc", "msc").replace("b.sc", "bsc"))
        if DEGREE_RANK[found] > DEGREE_RANK[degree]:
            degree = found
    years = _years(text)
    top_papers = sum(
        1
        for venue in taxonomy.find_venues(text)
        if venue.top and _is_publication(text, venue.start, venue.end)
    )
    top_awards = sum(1 for award in taxonomy.find_awards(text) if award.tier == 1)
    return degree, years, top_papers, top_awards


_AWARD_HINT = re.compile(r"奖|冠军|金牌|银牌|铜牌|award|medal|prize|winner|champion|finalist", re.I)


def fill_from_text(profile: CandidateProfile, taxonomy: Any) -> CandidateProfile:
    """Fill what a parser missed ("5年工作经验", "发表论文：NeurIPS 2022") from the profile's text.

    Only the missing facts are looked for, and the taxonomy scans run only when the text hints at
    publications or awards, so filling costs little on profiles the parser read well.
    """
    text = profile.text
    if not text:
        return profile
    degree, years = profile.degree, profile.years
    if degree == "none":
        for match in _DEGREE.finditer(text):
            found = normalise_degree(
                match.group().replace(" ", "").replace("m.sc", "msc").replace("b.sc", "bsc")
            )
            if DEGREE_RANK[found] > DEGREE_RANK[degree]:
                degree = found
    if not years:
        years = _years(text)
    top_papers, top_awards = profile.top_venue_papers, profile.top_awards
    if not top_papers and _PUBLICATION.search(text):
        top_papers = sum(
            1 for v in taxonomy.find_venues(text) if v.top and _is_publication(text, v.start, v.end)
        )
    if not top_awards and _AWARD_HINT.search(text):
        top_awards = sum(1 for award in taxonomy.find_awards(text) if award.tier == 1)
    return replace(profile, degree=degree, years=years, top_venue_papers=top_papers, top_awards=top_awards)


# "10 years old", "2 years ago", "within 3 years", "a 4-year programme" are not experience.
_NOT_EXPERIENCE_AFTER = re.compile(r"^\W{0,2}(?:old|ago|later|warranty|guarantee|前|后|以后|内|制)", re.I)
_NOT_EXPERIENCE_BEFORE = re.compile(r"(?:within|in the next|every|for the next|近|未来)\s*$", re.I)
# A stated duration in a role line: "(2020 – present, 5 years)", "工作 3 年".
_WORKED = re.compile(r"\b(?:worked|working|employed|served)\b", re.I)
_STATED = re.compile(r"[(（,，]\s*$|\b(?:19|20)\d{2}\b", re.I)
_MONTH = r"(?:[./年-]\s*(?:0?[1-9]|1[0-2])\s*月?)?"
_RANGE = re.compile(
    rf"((?:19|20)\d{{2}}){_MONTH}\s*(?:-|–|—|~|～|至|到|to|until)\s*"
    rf"(?:((?:19|20)\d{{2}}){_MONTH}|(present|now|today|current|至今|今|现在))",
    re.I,
)
_EDUCATION_LINE = re.compile(
    r"大学|学院|本科|硕士|博士|学士|university|college|institute|school|b\.?\s?sc|m\.?\s?sc|ph\.?\s?d|bachelor|master",
    re.I,
)


def _years(text: str, *, this_year: int | None = None) -> float:
    """Years of experience: the largest explicit statement, else the span of dated roles.

    A statement counts when experience words are near it or it sits in a dated role line
    ("… (2020 – present, 5 years)"); ages, deadlines and programme lengths do not count.
    """
    years = 0.0
    for match in _YEARS.finditer(text):
        value = float(match.group(1))
        if value > 40:
            continue
        after = text[match.end() : match.end() + 12]
        before = text[max(0, match.start() - 16) : match.start()]
        if _NOT_EXPERIENCE_AFTER.match(after) or _NOT_EXPERIENCE_BEFORE.search(before):
            continue
        window = text[max(0, match.start() - 20) : match.end() + 20]
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_before = text[line_start : match.start()]
        if _EXPERIENCE_NEAR.search(window) or _WORKED.search(window) or _STATED.search(line_before):
            years = max(years, value)
    return years or _dated_years(text, this_year)


def _dated_years(text: str, this_year: int | None) -> float:
    """Total span of the date ranges on non-education lines, overlaps counted once."""
    current = this_year or date.today().year
    spans: list[tuple[int, int]] = []
    for line in text.splitlines():
        if _EDUCATION_LINE.search(line):
            continue
        for match in _RANGE.finditer(line):
            start = int(match.group(1))
            end = current if match.group(3) else int(match.group(2))
            if start <= end <= current and end - start <= 40:
                spans.append((start, end))
    total, reach = 0, 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return float(min(total, 40))


def profile_from_text(text: str, taxonomy: Any, *, key: str, **context: Any) -> CandidateProfile:
    """Extract a profile from raw resume text with the taxonomy; never raises on odd text."""
    evidence: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for mention in taxonomy.find_skills(text):
        if _aspiration(text, mention.start, mention.end):
            continue
        evidence.setdefault(mention.skill_id, []).append(mention.surface)
        names[mention.skill_id] = mention.name
    degree, years, top_papers, top_awards = facts_from_text(text, taxonomy)
    graduation = None
    graduated = _GRADUATION.search(text)
    if graduated:
        graduation = int(graduated.group(1) or graduated.group(2))
    return CandidateProfile(
        key=key,
        skills=tuple(SkillEvidence(s, names[s], tuple(dict.fromkeys(m))) for s, m in evidence.items()),
        degree=degree,
        years=years,
        top_venue_papers=top_papers,
        papers=top_papers,
        top_awards=top_awards,
        awards=tuple(a.surface for a in taxonomy.find_awards(text)),
        domains=expand_domains((d.domain_id for d in taxonomy.find_domains(text)), taxonomy),
        graduation_year=graduation,
        text=text,
        city=str(context.get("city") or ""),
        source=str(context.get("source") or ""),
    )
