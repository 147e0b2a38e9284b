"""Checks of a requisition's words against its own fields, for the recruiter who wrote them.

No Django import. A posting whose text says "欢迎本科" while its minimum degree is a master's, "3 年以上"
while it asks for five years, or names a city it is not open in, misleads applicants and the ranking
alike; titles that differ only in spacing, case or punctuation from another opening of the same city
and channel read as duplicates on the career site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words that name a degree, lowest first, with the rank of plans.models.DEGREE_RANK.
DEGREE_WORDS: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (1, "associate", re.compile(r"大专|专科|associate(?:'s)? degree", re.I)),
    (2, "bachelor", re.compile(r"本科|学士|bachelor(?:'s)?|undergraduate", re.I)),
    (3, "master", re.compile(r"硕士|研究生|master(?:'s)?", re.I)),
    (4, "phd", re.compile(r"博士|ph\.?\s?d", re.I)),
)
DEGREE_RANK = {"none": 0, "associate": 1, "bachelor": 2, "master": 3, "phd": 4}

# "3 年以上", "三年", "5+ years", "at least 5 years of experience"
_CN_DIGITS = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_YEARS = re.compile(
    r"(?P<n>\d{1,2}|[一两二三四五六七八九十])\s*(?:\+|\s*年以上|\s*年及以上|\s*年(?:或)?以上|\s*年(?:的)?(?:相关|工作)?经验|\s*年)"
    r"|(?P<en>\d{1,2})\s*\+?\s*(?:or more\s+)?years?",
    re.I,
)


@dataclass(frozen=True)
class ContentFinding:
    """One contradiction: a code, the field it contradicts, and the words that say otherwise."""

    code: str  # "degree", "years", "city", "duplicate_title"
    field: str
    quote: str
    expected: str


def _sentences(text: str) -> Iterable[str]:
    for part in re.split(r"(?<=[。！？；.!?;\n])", text):
        if part.strip():
            yield part.strip()


def degree_findings(texts: Iterable[str], min_degree: str) -> list[ContentFinding]:
    """A degree below the required minimum that the text names (as welcome, or as the bar)."""
    required = DEGREE_RANK.get(min_degree, 0)
    if required <= 1:
        return []
    found = []
    for sentence in (s for text in texts for s in _sentences(text)):
        for rank, _name, pattern in DEGREE_WORDS:
            match = pattern.search(sentence)
            # A lower degree named together with the required or a higher one ("硕士及以上，本科优秀者亦可")
            # still invites the lower one: it is a contradiction all the same.
            if match and rank < required:
                found.append(ContentFinding("degree", "min_degree", sentence[:120], min_degree))
                break
    return found


def years_findings(texts: Iterable[str], min_years: int) -> list[ContentFinding]:
    """A number of years of experience in the text that differs from the required minimum."""
    found = []
    for sentence in (s for text in texts for s in _sentences(text)):
        if not re.search(r"经验|工作|experience", sentence, re.I):
            continue  # "2026 届", "3 years of funding": not an experience requirement
        for match in _YEARS.finditer(sentence):
            raw = match.group("n") or match.group("en")
            number = int(raw) if raw.isdigit() else _CN_DIGITS.get(raw, -1)
            if 0 < number <= 30 and number != min_years:
                found.append(ContentFinding("years", "min_years", sentence[:120], str(min_years)))
                break
    return found


def city_findings(
    texts: Iterable[str], cities: Iterable[str], city_names: Mapping[str, Iterable[str]]
) -> list[ContentFinding]:
    """A known city the text names that the requisition is not open in."""
    open_in = set(cities)
    joined = "\n".join(texts)
    found = []
    for code, names in city_names.items():
        if code in open_in:
            continue
        for name in names:
            if name and re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", joined, re.I):
                found.append(ContentFinding("city", "cities", name, ", ".join(sorted(open_in))))
                break
    return found


def normalised_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return re.sub(r"[\W_]+", "", text)


# Titles at least this similar (difflib's ratio of the normalised titles) read as the same job.
DUPLICATE_RATIO = 0.9


def near_duplicate_titles(title: str, others: Iterable[tuple[int, str]]) -> list[int]:
    """The ids among ``others`` whose title reads as the same as ``title``."""
    mine = normalised_title(title)
    if not mine:
        return []
    return [
        other_id
        for other_id, other in others
        if (theirs := normalised_title(other))
        and (theirs == mine or SequenceMatcher(None, mine, theirs).ratio() >= DUPLICATE_RATIO)
    ]
