"""Skills as the candidate lists them in a skills section, known to the taxonomy or not.

"IoT, MySQL, PostgreSQL, D3js, Hadoop and Spark, Gephi": the taxonomy names some of these; the others
are still what the candidate says they can do. Each listed item is kept as written, with the canonical
skill it names when the taxonomy has one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

from .model import ListedSkill, Span
from .sections import Section, heading_kind

# Items are cut at list separators, and at " and " / "与" / "和" between two names.
_SEPARATOR = re.compile(r"\s*(?:[,;|•·●▪、，；]|\s/\s|\s+and\s+|\s+&\s+|\t|\s{3,})\s*")
# "Programming languages: Python, Java": the label before the colon is no skill.
_LABEL = re.compile(r"^[^:：]{1,40}[:：]\s*")
_LEAD = re.compile(
    r"^(?:[-*•·●▪◆■►]\s*|(?:proficient|skilled|experienced|fluent)\s+(?:in|with)\s+|familiar\s+with\s+|"
    r"(?:good\s+|basic\s+|working\s+)?knowledge\s+of\s+|experience\s+(?:in|with)\s+|熟悉|掌握|精通|了解|熟练使用|熟练掌握)",
    re.IGNORECASE,
)
_NOTE = re.compile(r"\s*[(（][^()（）]{1,30}[)）]$")
_LETTER = re.compile(r"[A-Za-z\u4e00-\u9fff]")
# Labels that announce a skills list on its own line, anywhere in a resume ("Skills: Gephi, HCSS
# HeavyBid", "Tools used: …", "技术栈：…"): beside the skills headings, these.
_SKILL_LABELS = frozenset(
    {"tools", "tools used", "technologies used", "technology", "environment", "software", "工具", "开发工具"}
)
_MAX_ITEM = 40
_MAX_WORDS = 4
_MAX_ITEMS = 200
_START = itemgetter(2)


def _items(text: str, start: int) -> list[tuple[str, int]]:
    """(item, offset) of one line of a skills list."""
    label = _LABEL.match(text)
    cursor = label.end() if label else 0
    items = []
    for separator in [*_SEPARATOR.finditer(text, cursor), None]:
        end = separator.start() if separator is not None else len(text)
        raw = text[cursor:end]
        lead = _LEAD.match(raw)
        skip = lead.end() if lead else 0
        item = raw[skip:].strip().rstrip(".。")
        # "Java (3 years)", "SQL (Less than 1 year)": a job site's note of experience is not the name.
        item = _NOTE.sub("", item)
        if item:
            items.append((item, start + cursor + skip + (len(raw[skip:]) - len(raw[skip:].lstrip()))))
        if separator is not None:
            cursor = separator.end()
    return items


def find_listed_skills(
    sections: Sequence[Section], hits: Sequence[tuple[str, str, int, int]], name_at: int | None = None
) -> list[ListedSkill]:
    """Items of the skills sections, each with the taxonomy skill (from ``hits``: id, surface, start,
    end) that covers most of it, if one covers at least half. A skills section stops at the person's
    name (``name_at``, an offset), which a LinkedIn export prints after its "Top Skills". Without a
    skills heading, a line listing three or more short items, most of them skills the taxonomy knows
    ("Python, Go, Kubernetes, Gephi"), is such a list too; so is, in any section, a line labelled as
    one ("Skills: HCSS HeavyBid, Gephi"), known items or not."""
    headed = any(section.kind == "skills" for section in sections)
    if not headed and not any(
        _list_like(line.text) or _labelled_list(line.text) for s in sections for line in s.lines
    ):
        return []
    ordered = sorted(hits, key=_START)  # already in order from the matcher: one linear pass
    starts = [hit[2] for hit in ordered]
    found: list[ListedSkill] = []
    seen: set[str] = set()
    for section in sections:
        in_list = section.kind == "skills"
        for line in section.lines:
            if in_list and name_at is not None and section.lines[0].start <= name_at < line.end:
                break  # a LinkedIn export's side column: the list ends where the person's name is
            labelled = _labelled_list(line.text)
            if not in_list and not labelled and (headed or not _list_like(line.text)):
                continue
            items = [
                (item, at, _covering(ordered, starts, at, at + len(item)))
                for item, at in _items(line.text, line.start)
                if len(item) <= _MAX_ITEM and len(item.split()) <= _MAX_WORDS and _LETTER.search(item)
            ]
            if (
                not in_list
                and not labelled
                and (len(items) < 3 or 2 * sum(1 for *_, key in items if key) < len(items))
            ):
                continue
            for item, at, skill_id in items:
                key = item.casefold()
                if key in seen:
                    continue
                seen.add(key)
                found.append(ListedSkill(item, skill_id, Span(at, at + len(item))))
                if len(found) >= _MAX_ITEMS:
                    return found
    return found


_LIST_MARKS = (",", "、", "，", "|", ";", "；")


def _list_like(text: str) -> bool:
    """Two list separators or more, and no sentence: a cheap test before the items are read."""
    return sum(text.count(mark) for mark in _LIST_MARKS) >= 2 and "。" not in text and ". " not in text


def _labelled_list(text: str) -> bool:
    """ "Skills: Gephi, HCSS HeavyBid": a line whose label names a skills list is one, whether or not
    the taxonomy knows its items (a list of unknown tools is still what the candidate can do)."""
    label = _LABEL.match(text)
    if label is None:
        return False
    rest = text[label.end() :]
    if "。" in rest or ". " in rest:
        return False
    name = text[: label.end()].rstrip(" :：").strip().lower()
    return name in _SKILL_LABELS or heading_kind(name) == "skills"


def _covering(
    hits: Sequence[tuple[str, str, int, int]], starts: list[int], start: int, end: int
) -> str | None:
    best: str | None = None
    best_length = 0
    for skill_id, _surface, hit_start, hit_end in hits[bisect_left(starts, start) :]:
        if hit_start >= end:
            break
        if hit_start >= start and hit_end <= end and hit_end - hit_start > best_length:
            best, best_length = skill_id, hit_end - hit_start
    return best if best is not None and 2 * best_length >= end - start else None
