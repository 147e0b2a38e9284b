"""Text to Profile: every field extractor over one split of the text into lines and sections."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date

from .contacts import find_emails, find_links, find_location, find_name, find_phones
from .deadline import Deadline
from .education import find_education
from .experience import find_experience, years_of_experience
from .listed import find_listed_skills
from .model import Education, Experience, Mention, Profile, Tagged, make_mention
from .narrative import find_narrative_education, find_narrative_experience, has_narrative
from .research import find_awards, find_publications
from .sections import Section, cell_headings, split_lines, split_sections
from .vocabulary import Found, knowledge

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_CJK_RUN_OR_WORD = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff]+)|[A-Za-z]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(
    text: str, headings: tuple[str, ...] = (), english_lines: int | Callable[[], int] = 0
) -> str:
    """zh, en or mixed. Chinese resumes name tools in English (PyTorch, CUDA), so Latin words alone do not
    make a resume mixed: bilingual headings ("教育背景 Education"), several lines of English phrases
    outside the publication and skill lists, or a large English share do. ``english_lines`` may be a
    function, called only when the answer depends on it."""
    sample = text[:20_000]
    if sample.isascii() or not _CJK.search(sample):
        return "en"  # no Chinese at all: the word count below could not change that
    # One pass: each Chinese run (its characters counted) and each Latin word (an empty group).
    found = _CJK_RUN_OR_WORD.findall(sample)
    cjk, words = sum(map(len, found)), found.count("")
    total = cjk + words
    if total == 0 or cjk <= 0.05 * total:
        return "en"
    if any(_CJK.search(heading) and _LATIN_WORD.search(heading) for heading in headings):
        return "mixed"
    if words <= 0.35 * total and (english_lines() if callable(english_lines) else english_lines) < 2:
        return "zh"
    return "mixed"


# Four or more English words in a row: an English phrase, not a tool name. Tried from the first letter of
# a word only (a phrase found from inside a word is found from its first letter too), which the pattern
# reads before it looks behind, so the engine skips in C to the next letter.
_ENGLISH_RUN = re.compile(r"[A-Za-z](?<![A-Za-z].)[A-Za-z'-]*(?:[ ,&/-]+[A-Za-z][A-Za-z'-]*){3,}")


# A line is looked at up to here: a line of English shows a phrase early, and the pattern's time grows with
# the square of a run of hyphens (a word may hold them, and so may the gap between words).
_PHRASE_WINDOW = 1_000


def _english_lines(sections: list[Section], enough: int = 2) -> int:
    """Lines holding an English phrase outside the publication and skill lists, counted up to ``enough``."""
    count = 0
    for section in sections:
        if section.kind in ("publications", "skills"):
            continue
        for line in section.lines:
            if _ENGLISH_RUN.search(line.text[:_PHRASE_WINDOW]):
                count += 1
                if count >= enough:
                    return count
    return count


def _major_spans(text: str, education: list[Education]) -> list[tuple[int, int]]:
    """Where each entry's major is written inside that entry (``text`` offsets)."""
    spans: list[tuple[int, int]] = []
    for entry in education:
        if not entry.major:
            continue
        at = text.find(entry.major, entry.span.start, entry.span.end)
        while at >= 0:
            spans.append((at, at + len(entry.major)))
            at = text.find(entry.major, at + len(entry.major), entry.span.end)
    return spans


def _tagged(found: Found, excluded: list[tuple[int, int]]) -> tuple[Tagged, ...]:
    """Hits grouped by id, without those starting inside an ``excluded`` span (sorted by start)."""
    starts = [start for start, _end in excluded]
    # Spans may nest or overlap (a major inside a heading cell); the furthest end so far decides.
    reach: list[int] = []
    for _start, end in excluded:
        reach.append(max(end, reach[-1]) if reach else end)
    grouped: dict[str, list[Mention]] = {}
    for key, surface, start, end in found.hits:
        # A heading ("教育背景", "Education") names a section, not an industry or a skill.
        index = bisect_right(starts, start) - 1
        if index >= 0 and start < reach[index]:
            continue
        mentions = grouped.get(key)
        if mentions is None:
            mentions = grouped[key] = []
        mentions.append(make_mention(surface, start, end))
    names = found.names
    return tuple(Tagged(key, names[key], tuple(mentions)) for key, mentions in grouped.items())


def _complete(entries: list[Experience]) -> int:
    return sum(1 for entry in entries if entry.employer and entry.title)


def is_narrative(sections: list[Section], text: str) -> bool:
    """No education, experience or project heading, and prose that names roles or degrees."""
    if any(section.kind in ("education", "experience", "projects") for section in sections):
        return False
    return has_narrative(text)


def extract_profile(text: str, *, today: date | None = None, deadline: Deadline | None = None) -> Profile:
    """Every field of a profile from a resume's text; spans index into ``text``.

    Never raises on any str; with a ``deadline``, raises ParseFailure("timeout") between stages once it
    has passed.
    """
    today = today or date.today()

    def check(stage: str) -> None:
        if deadline is not None:
            deadline.check(stage)

    lines = split_lines(text)
    sections = split_sections(lines)
    header = sections[0]
    header_end = (
        header.lines[-1].end if header.kind == "header" and header.lines else (lines[0].end if lines else 0)
    )
    header_end = max(header_end, lines[min(len(lines), 8) - 1].end if lines else 0)
    headings = [(s.heading.start, s.heading.end) for s in sections if s.heading is not None]
    language = detect_language(
        text,
        tuple(s.heading.text for s in sections if s.heading is not None),
        lambda: _english_lines(sections),
    )
    education = find_education(sections)
    experience = find_experience(sections)
    if language != "en" and is_narrative(sections, text):
        # A career written as prose: the line-based readers find little in it. Whichever reading finds
        # more wins, so a resume without headings but with one entry a line keeps its lines.
        # On a tie, paragraphs (long lines) are read as prose.
        prose = bool(lines) and sum(len(line.text) for line in lines) >= 60 * len(lines)
        narrative_education = find_narrative_education(text)
        if len(narrative_education) > len(education) or (prose and narrative_education):
            education = narrative_education
        narrative_experience = find_narrative_experience(text)
        complete, narrative_complete = _complete(experience), _complete(narrative_experience)
        if narrative_complete > complete or not experience or (prose and narrative_complete == complete):
            experience = narrative_experience
    check("education and experience")
    emails = find_emails(text, deadline=deadline)
    phones = find_phones(text)
    vocabulary = knowledge()
    found_skills, found_domains = vocabulary.skills_and_domains(text)
    check("skills and domains")
    # A line that is a skill's name ("Apache Kafka" in a LinkedIn export's side column) is no name.
    name = find_name(lines, skill_spans={(start, end) for _id, _surface, start, end in found_skills.hits})
    location = find_location(lines, header_end)
    links = find_links(lines, header_end)
    publications = find_publications(sections)
    awards = find_awards(sections)
    check("contacts, publications and awards")
    # Headings, including heading cells of table rows, name sections: never a skill or an industry.
    not_mentions = sorted([*headings, *cell_headings(lines)])
    # A degree's subject ("M.Sc. in Statistics", major 人工智能) is what was studied, not a skill.
    not_skills = sorted([*not_mentions, *_major_spans(text, education)])
    skills, domains = _tagged(found_skills, not_skills), _tagged(found_domains, not_mentions)
    listed = find_listed_skills(sections, found_skills.hits, name.span.start if name else None)
    warnings: list[str] = []
    if not emails and not phones:
        warnings.append("no email or phone found")
    if not any(section.kind in ("education", "experience") for section in sections):
        warnings.append("no education or experience heading found; fields were guessed from the whole text")
    return Profile(
        language=language,
        name=name,
        emails=tuple(emails),
        phones=tuple(phones),
        location=location,
        links=tuple(links),
        education=tuple(education),
        experience=tuple(experience),
        years_experience=years_of_experience(experience, today),
        skills=skills,
        domains=domains,
        listed_skills=tuple(listed),
        publications=tuple(publications),
        awards=tuple(awards),
        warnings=tuple(warnings),
    )
