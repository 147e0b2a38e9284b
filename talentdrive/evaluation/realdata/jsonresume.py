"""English resumes people wrote themselves: the parser measured on public JSON Resume files.

A JSON Resume (https://jsonresume.org/schema) is a person's own resume as named fields: ``work[]``
with ``position`` and ``name`` (``company`` in older files), ``education[]`` with ``institution`` and
``studyType``, ``skills[]`` with ``keywords``. Public repositories hold thousands; the files measured
here are read from a folder outside the repository (never shipped: each is its owner's work):

    <data>/files/<stem>.json            the resume as its owner wrote it (the gold fields)
    <data>/rendered/<theme>/<stem>.pdf  the same resume printed by a published theme
    <data>/rendered/<theme>/<stem>.html the theme's page itself

``scripts/render_jsonresume.py`` prints the files with themes from the npm registry (their
layouts, not the project's). Each printed file goes through ``parse_document`` as a candidate's
upload would, and the profile is compared with the owner's fields:

Only what the printed copy shows is counted (a theme may leave out a field); nothing can find what
is not there. What it shows is read off the theme's HTML page, the same for every version of the
parser and for both formats.

* name: ``basics.name`` against the parsed name;
* titles: each ``position`` against the parsed job titles;
* employers: each ``work[].name`` against the parsed employers (precision over parsed employers);
* schools: each ``institution`` against the parsed schools;
* degree level: each ``studyType`` mapped to a level by ``study_level`` (written for this evaluation,
  apart from the parser's rules; a study type it cannot place is left out) against the parsed levels;
* listed skills: each skill keyword (the skill's name when it has none) against the profile's listed
  skills and known skills.

Matching is as for ResumeNER (``resumener.Tally``): equal after normalising, "loose" also counting
one containing the other. Files are split by a hash of their name (3/5 train, 1/5 dev, 1/5 test):
tune on train and dev, report test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from talentdrive.resumes.core import ParseResult, Profile, parse_document
from talentdrive.resumes.core.markup import html_to_text

from .resumener import Tally, normalise

SPLITS = ("train", "dev", "test", "all")
FORMATS = ("pdf", "html")
FIELDS = ("name", "titles", "employers", "schools", "degree", "skills")
AS_OF = date(2026, 11, 1)

# Checked in order; written from the JSON Resume schema's examples and common English usage.
_STUDY_LEVELS = (
    ("phd", re.compile(r"\b(ph\.?\s?d|doctor|doctorate|d\.?phil|dr\.)", re.I)),
    (
        "master",
        re.compile(
            r"\b(master|masters|m\.?\s?sc?|m\.?\s?s\.?|m\.?\s?a\.?|mba|m\.?\s?eng|meng|m\.?\s?tech|mca|"
            r"m\.?\s?phil|llm|msc|mfa|mph)\b",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\b(bachelor|bachelors|b\.?\s?sc?|b\.?\s?s\.?|b\.?\s?a\.?|b\.?\s?eng|beng|b\.?\s?tech|"
            r"b\.?\s?e\.?|bca|b\.?\s?com|llb|bba|bfa|undergraduate|licenciatura|licence)\b",
            re.I,
        ),
    ),
    ("associate", re.compile(r"\b(associate(?:'s)?\s+(?:degree|of|in)|associate$|a\.a\.s?\.?|a\.s\.)", re.I)),
)
# A certificate, a course, a diploma (school-leaving, graduate or professional) is no degree level.
_NO_LEVEL = re.compile(r"certif|course|diploma|\bGED\b|high school", re.I)


def study_level(study_type: str) -> str | None:
    """The degree level a ``studyType`` names; None for what is no degree or cannot be placed."""
    if _NO_LEVEL.search(study_type) and not re.search(r"bachelor|master|doctor", study_type, re.I):
        return None
    for level, pattern in _STUDY_LEVELS:
        if pattern.search(study_type):
            return level
    return None


def split_of(stem: str) -> str:
    bucket = int(hashlib.sha256(stem.encode("utf-8")).hexdigest(), 16) % 5
    return "test" if bucket == 4 else "dev" if bucket == 3 else "train"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def gold_fields(resume: dict[str, Any], printed: str | None = None) -> dict[str, list[str]]:
    """What the owner wrote for each measured field; with ``printed``, only what the printed copy shows
    (a theme leaves out fields it has no place for, and nothing can find what is not there)."""
    shown = (lambda value: normalise(value) in normalise(printed)) if printed is not None else bool
    work = [item for item in resume.get("work") or [] if isinstance(item, dict)]
    education = [item for item in resume.get("education") or [] if isinstance(item, dict)]
    skills: list[str] = []
    for item in resume.get("skills") or []:
        if not isinstance(item, dict):
            continue
        keywords = [_text(word) for word in item.get("keywords") or [] if _text(word)]
        skills.extend(keywords or ([_text(item.get("name"))] if _text(item.get("name")) else []))
    levels = {
        study_level(_text(item.get("studyType"))) for item in education if shown(_text(item.get("studyType")))
    }
    basics = resume.get("basics")
    basics = basics if isinstance(basics, dict) else {}
    fields = {
        "name": [_text(basics.get("name"))],
        "titles": [_text(item.get("position")) for item in work],
        "employers": [_text(item.get("name")) or _text(item.get("company")) for item in work],
        "schools": [_text(item.get("institution")) for item in education],
        "degree": sorted(level for level in levels if level),
        "skills": list(dict.fromkeys(skills)),
    }
    return {
        name: values if name == "degree" else [value for value in values if value and shown(value)]
        for name, values in fields.items()
    }


def parsed_fields(profile: Profile) -> dict[str, list[str]]:
    listed = [skill.name for skill in profile.listed_skills]
    known = [text for skill in profile.skills for text in (skill.name, *(m.surface for m in skill.mentions))]
    return {
        "name": [profile.name.value] if profile.name else [],
        "titles": [entry.title for entry in profile.experience if entry.title],
        "employers": [entry.employer for entry in profile.experience if entry.employer],
        "schools": [entry.school for entry in profile.education if entry.school],
        # "other" is the parser's "no level found", never a claim that could be right or wrong.
        "degree": sorted({entry.degree for entry in profile.education} - {"other"}),
        "skills": listed + known,
    }


@dataclass(frozen=True)
class Printed:
    stem: str
    theme: str
    path: Path


def printed_files(data: Path, split: str, fmt: str, themes: Iterable[str] | None) -> Iterator[Printed]:
    rendered = data / "rendered"
    chosen = sorted(path.name for path in rendered.iterdir() if path.is_dir()) if rendered.is_dir() else []
    if themes:
        chosen = [theme for theme in chosen if theme in set(themes)]
    for theme in chosen:
        for path in sorted((rendered / theme).glob(f"*.{fmt}")):
            if split == "all" or split_of(path.stem) == split:
                yield Printed(path.stem, theme, path)


def shown_text(item: Printed, parsed_text: str) -> str:
    """What the printed copy shows, judged on the theme's page itself where it is there (so that every
    version of the parser is measured against the same gold), else on the parsed text."""
    page = item.path.with_suffix(".html")
    if page.is_file():
        return html_to_text(page.read_text(encoding="utf-8", errors="replace"))
    return parsed_text


def parse(path: Path) -> ParseResult:
    return parse_document(path.read_bytes(), path.name, today=AS_OF)


def measure(data: Path, printed: Iterable[Printed]) -> tuple[dict[str, dict[str, Tally]], int]:
    """Tallies per theme (and "all") per field, and the number of printed files read."""
    by_theme: dict[str, dict[str, Tally]] = {"all": {name: Tally() for name in FIELDS}}
    count = 0
    for item in printed:
        owner = json.loads((data / "files" / f"{item.stem}.json").read_text(encoding="utf-8"))
        result = parse(item.path)
        gold = gold_fields(owner, shown_text(item, result.text))
        parsed = parsed_fields(result.profile or Profile(language="en"))
        tallies = by_theme.setdefault(item.theme, {name: Tally() for name in FIELDS})
        for name in FIELDS:
            context = f"{item.theme}/{item.stem}: {parsed[name][:6]}"
            tallies[name].add(gold[name], parsed[name], context)
            by_theme["all"][name].add(gold[name], parsed[name], context)
        count += 1
    return by_theme, count


def report(by_theme: dict[str, dict[str, Tally]], count: int, split: str, fmt: str) -> list[str]:
    lines = [
        f"JSON Resume {split}, printed as {fmt}: {count} files",
        "| theme | field | recall | recall (loose) | precision | gold | parsed |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for theme in sorted(by_theme, key=lambda name: (name == "all", name)):
        for name, tally in by_theme[theme].items():
            lines.append(
                f"| {theme} | {name} | {tally.recall:.3f} | {tally.recall_loose:.3f} "
                f"| {tally.precision:.3f} | {tally.gold} | {tally.parsed} |"
            )
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, required=True, help="folder holding files/*.json and rendered/<theme>/"
    )
    parser.add_argument("--split", choices=SPLITS, default="dev", help="tune on train and dev, report test")
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default="pdf", help="which printed files")
    parser.add_argument("--theme", dest="themes", action="append", help="only this theme (repeatable)")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print up to N misses of each field"
    )


def run(
    *,
    stdout: TextIO,
    data: Path,
    split: str = "dev",
    fmt: str = "pdf",
    themes: list[str] | None = None,
    errors: int = 0,
    **_: Any,
) -> int:
    if not (data / "files").is_dir():
        stdout.write(f"skipped: {data / 'files'} is not there (see scripts/render_jsonresume.py)\n")
        return 0
    by_theme, count = measure(data, printed_files(data, split, fmt, themes))
    for line in report(by_theme, count, split, fmt):
        stdout.write(line + "\n")
    if errors:
        for name, tally in by_theme["all"].items():
            stdout.write(f"\nmissed {name} ({len(tally.misses)}):\n")
            for gold, context in tally.misses[:errors]:
                stdout.write(f"  {gold!r} in {context[:200]}\n")
    return 0
