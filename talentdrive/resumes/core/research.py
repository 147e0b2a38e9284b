"""Publications (title, venue, year, top venue) and awards / competitions."""

from __future__ import annotations

import re

from .model import Award, Publication, Span
from .sections import Line, Section
from .vocabulary import Hit, knowledge

_ENTRY_START = re.compile(r"^(?:\[\d+\]|\d+[.、)]\s|[-*•·●▪◆■►]\s*|\(\d+\))")
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)|(?<=['’])\d\d(?!\d)")
_QUOTED = re.compile(r"[“\"《](?P<title>[^”\"》]{6,300})[”\"》]")
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]?])\.\s+(?=[A-Z\"“])|(?<=\s[A-Z])\.\s+(?=[A-Z][a-z]+\s)|。")
_AUTHOR_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*|、|，")
_AUTHOR_NAME = re.compile(
    r"^(?:(?:[A-Z][a-z'’-]+|[A-Z]\.?)(?:[\s-]+|$)){1,4}[*†]?$|^[\u4e00-\u9fff]{2,4}[*†]?$"
)


def _looks_like_authors(segment: str) -> bool:
    if re.search(r"et al|共同一作|通讯作者", segment):
        return True
    pieces = [piece.strip() for piece in _AUTHOR_SPLIT.split(segment) if piece.strip()]
    return (
        len(pieces) >= 2
        and all(_AUTHOR_NAME.match(piece) for piece in pieces)
        or (len(pieces) == 1 and bool(re.fullmatch(r"(?:[A-Z]\.\s?)+[A-Z][a-z]+", pieces[0])))
    )


def _items(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Numbered or bulleted items; continuation lines join the item above."""
    items: list[list[Line]] = []
    for line in lines:
        if (
            not items
            or _ENTRY_START.match(line.text)
            or (items and len(items[-1]) >= 4)
            or items[-1][-1].text.endswith((".", "。"))
            and line.text[:1].isupper()
        ):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _year(text: str, venue: Hit | None, offset: int) -> int | None:
    candidates = []
    for match in _YEAR.finditer(text):
        value = match.group()
        year = int(value) if len(value) == 4 else 2000 + int(value)
        # The year next to the venue ("CVPR 2023", "ICML'22") wins over any other year in the entry.
        distance = abs(match.start() + offset - venue.end) if venue else 0
        candidates.append((distance, year))
    return min(candidates)[1] if candidates else None


def _title(text: str, venue_surface: str | None) -> str | None:
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group("title").strip(" .,")
    body = _ENTRY_START.sub("", text).strip()
    segments = [s.strip(" ,.") for s in _SENTENCE.split(body) if s.strip(" ,.")]
    best = None
    for segment in segments:
        if venue_surface and venue_surface in segment and len(segments) > 1:
            continue
        if len(segments) > 1 and _looks_like_authors(segment):
            continue
        if len(segment.split()) >= 3 or len(segment) >= 8:
            best = segment
            break
    return best


_YEAR_AFTER = re.compile(r"^\s*(?:['’]\d\d|,?\s*(?:19|20)\d\d)(?!\d)")


def _best_venue(text: str, hits: list[Hit]) -> Hit | None:
    """The venue an entry was published at: one followed by a year ("CVPR 2023", "ICML'22"), else the
    last named (titles come before venues and may contain venue-like words)."""
    if not hits:
        return None
    scored = [
        (bool(_YEAR_AFTER.match(text[hit.end : hit.end + 8])), hit.surface.isupper(), index)
        for index, hit in enumerate(hits)
    ]
    return hits[max(scored)[2]]


def find_publications(sections: list[Section]) -> list[Publication]:
    lines = tuple(line for section in sections if section.kind == "publications" for line in section.lines)
    vocabulary = knowledge()
    publications = []
    for item in _items(lines):
        text = " ".join(line.text for line in item)
        offset = item[0].start
        venue = _best_venue(text, vocabulary.venues(text))
        shifted = (
            Hit(venue.id, venue.name, venue.surface, venue.start + offset, venue.end + offset, venue.top)
            if venue
            else None
        )
        title = _title(text, venue.surface if venue else None)
        if title is None and venue is None:
            continue
        publications.append(
            Publication(
                title=title,
                venue=venue.name if venue else None,
                year=_year(text, shifted, offset),
                top_venue=bool(venue and venue.top and "workshop" not in text.lower()),
                span=Span(item[0].start, item[-1].end),
            )
        )
    return publications


_SCHOLARSHIP = re.compile(r"奖学金|scholarship|fellowship", re.I)
_COMPETITION = re.compile(
    r"竞赛|比赛|大赛|挑战赛|奥林匹克|金牌|银牌|铜牌|一等奖|二等奖|三等奖|特等奖|contest|competition|challenge|olympiad|medal|hackathon|cup|杯|ICPC|Kaggle|NOI|IOI",
    re.I,
)
_AWARD_LINE = re.compile(
    r"金牌|银牌|铜牌|一等奖|二等奖|三等奖|特等奖|冠军|亚军|季军|gold|silver|bronze|medal|champion|finalist|winner|\bprize\b|\brank(?:ed)?\b",
    re.I,
)


def _award_kind(text: str) -> str:
    if _SCHOLARSHIP.search(text):
        return "scholarship"
    if _COMPETITION.search(text):
        return "competition"
    return "honor"


def find_awards(sections: list[Section]) -> list[Award]:
    """Every item of an awards section, plus competition results named anywhere else."""
    awards: list[Award] = []
    covered: list[Span] = []
    for section in sections:
        if section.kind != "awards":
            continue
        for line in section.lines:
            title = _ENTRY_START.sub("", line.text).strip()
            if len(title) < 2:
                continue
            span = Span(line.start, line.end)
            awards.append(Award(title, _award_kind(title), _year(title, None, 0), span))
            covered.append(span)
    vocabulary = knowledge()
    for section in sections:
        if section.kind in ("awards", "publications"):
            continue
        for line in section.lines:
            if not _AWARD_LINE.search(line.text):
                continue
            if not vocabulary.awards(line.text):
                continue
            title = _ENTRY_START.sub("", line.text).strip()
            awards.append(Award(title, "competition", _year(title, None, 0), Span(line.start, line.end)))
    return awards
