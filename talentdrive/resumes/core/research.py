"""Publications (title, venue, year, top venue) and awards / competitions."""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Award, Publication, Span
from .sections import Line, Section
from .vocabulary import Hit, knowledge

_ENTRY_START = re.compile(r"^(?:\[\d+\]|\d+[.、)]\s|[-*•·●▪◆■►]\s*|\(\d+\))")
_VENUE_TAG = re.compile(r"^\s*\[[A-Za-z][\w-]*['’]?\s?\d{2,4}\]")  # "[NeurIPS 2023] Authors. Title."
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)|(?<=['’])\d\d(?!\d)")
_QUOTED = re.compile(r"[“\"《](?P<title>[^”\"》]{6,300})[”\"》]")
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]?])\.\s+(?=[A-Z\"“])|(?<=\s[A-Z])\.\s+(?=[A-Z][\w-]+\s)|。")
_AUTHOR_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*|、|，")
_AUTHOR_NAME = re.compile(
    r"^(?:(?:[A-Z][a-z'’-]+|[A-Z]\.?)(?:[\s-]+|$)){1,4}[*†]?$|^[\u4e00-\u9fff]{2,4}[*†]?$"
)
_YEAR_AFTER = re.compile(r"^\s*(?:['’]\d\d|,?\s*(?:19|20)\d\d)(?!\d)")


def _looks_like_authors(segment: str) -> bool:
    if re.search(r"et al|共同一作|通讯作者", segment):
        return True
    pieces = [piece.strip() for piece in _AUTHOR_SPLIT.split(segment) if piece.strip()]
    if len(pieces) == 1:
        return bool(re.fullmatch(r"(?:[A-Z]\.\s?)+[A-Z][a-z]+|[A-Z][a-z]+\s(?:[A-Z]\.?\s?){1,2}", pieces[0]))
    return all(_AUTHOR_NAME.match(piece) for piece in pieces)


def _items(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Numbered or bulleted items; continuation lines join the item above."""
    items: list[list[Line]] = []
    for line in lines:
        starts = _ENTRY_START.match(line.text) or _VENUE_TAG.match(line.text)
        if (
            not items
            or starts
            or len(items[-1]) >= 4
            or items[-1][-1].text.endswith((".", "。"))
            and line.text[:1].isupper()
        ):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _year(text: str, venue: Hit | None) -> int | None:
    candidates = []
    for match in _YEAR.finditer(text):
        value = match.group()
        year = int(value) if len(value) == 4 else 2000 + int(value)
        # The year next to the venue ("CVPR 2023", "ICML'22") wins over any other year in the entry.
        distance = abs(match.start() - venue.end) if venue else match.start()
        candidates.append((distance, year))
    return min(candidates)[1] if candidates else None


def _title(text: str, venue: Hit | None) -> str | None:
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group("title").strip(" .,")
    body = _VENUE_TAG.sub("", _ENTRY_START.sub("", text)).strip()
    if venue is not None and venue.surface in body:
        # Titles come before the venue ("Authors. Title. CVPR 2023."); a leading venue tag was removed.
        before = body[: body.rfind(venue.surface)].strip(" ,.(")
        if len(before.split()) >= 3 or len(before) >= 8:
            body = before
    segments = [s.strip(" ,.") for s in _SENTENCE.split(body) if s.strip(" ,.")]
    for segment in segments:
        if venue is not None and venue.surface in segment and len(segments) > 1:
            continue
        if len(segments) > 1 and _looks_like_authors(segment):
            continue
        if len(segment.split()) >= 3 or len(segment) >= 8:
            return segment
    return None


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
    """Items of publication sections; an item needs a known venue or a quoted title to count."""
    lines = tuple(line for section in sections if section.kind == "publications" for line in section.lines)
    vocabulary = knowledge()
    publications = []
    for item in _items(lines):
        text = " ".join(line.text for line in item)
        venue = _best_venue(text, vocabulary.venues(text))
        if venue is None and not _QUOTED.search(text):
            continue  # "发明专利 2 项", a note, a patent: not a paper
        title = _title(text, venue)
        publications.append(
            Publication(
                title=title,
                venue=venue.name if venue else None,
                year=_year(text, venue),
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
# Outside an awards section a competition counts only with a result ("gold medal", "金牌", "Grandmaster").
_RESULT = re.compile(
    # Matched against lower-cased text: without IGNORECASE the engine can skip ahead on first characters.
    r"金牌|银牌|铜牌|一等奖|二等奖|三等奖|特等奖|冠军|亚军|季军|第[一二三]名|gold|silver|bronze|medal|champion|finalist|winner|"
    r"\bprize\b|\brank(?:ed)?\b|grandmaster|\bmaster\b|\bexpert\b|top\s?\d"
)
_RESULT_WORDS = (
    "金牌", "银牌", "铜牌", "等奖", "冠军", "亚军", "季军", "第一名", "第二名", "第三名", "gold", "silver", "bronze", "medal", "champion",
    "finalist", "winner", "prize", "rank", "master", "expert", "top",
)  # fmt: skip
_CLAUSE = re.compile(r"[.;；。,，]\s*|\s+[|｜]\s+")


def _award_kind(text: str) -> str:
    if _SCHOLARSHIP.search(text):
        return "scholarship"
    if _COMPETITION.search(text):
        return "competition"
    return "honor"


def find_awards(sections: list[Section]) -> list[Award]:
    """Every item of an awards section, plus competition results named anywhere else."""
    awards: list[Award] = []
    for section in sections:
        if section.kind != "awards":
            continue
        for line in section.lines:
            title = _ENTRY_START.sub("", line.text).strip()
            if len(title) >= 2:
                awards.append(
                    Award(title, _award_kind(title), _year(title, None), Span(line.start, line.end))
                )
    others = [
        line
        for section in sections
        if section.kind not in ("awards", "publications", "education")
        for line in section.lines
    ]
    # Plain substring tests first (far cheaper than the pattern): most resumes name no result outside
    # their awards section.
    joined = "\n".join(line.text for line in others).lower()
    if not any(word in joined for word in _RESULT_WORDS):
        others = []
    candidates = [line for line in others if _RESULT.search(line.text.lower())]
    if candidates:
        # One pass of the award names over the candidate lines joined, not one per line.
        joined = "\n".join(line.text for line in candidates)
        bounds = []
        position = 0
        for line in candidates:
            bounds.append(position)
            position += len(line.text) + 1
        for hit in knowledge().awards(joined):
            index = bisect_right(bounds, hit.start) - 1
            line = candidates[index]
            base = bounds[index]
            local_start, local_end = hit.start - base, hit.end - base
            # The clause around the mention: "…; Kaggle Competitions Master." -> "Kaggle Competitions Master"
            starts = [m.end() for m in _CLAUSE.finditer(line.text, 0, local_start)]
            start = starts[-1] if starts else 0
            end_match = _CLAUSE.search(line.text, local_end)
            end = end_match.start() if end_match else len(line.text)
            title = _ENTRY_START.sub("", line.text[start:end]).strip()
            if _RESULT.search(title.lower()) and not any(title == award.title for award in awards):
                span = Span(line.start + start, line.start + end)
                awards.append(Award(title, "competition", _year(title, None), span))
    return sorted(awards, key=lambda award: award.span.start)
