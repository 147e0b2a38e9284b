"""Chinese narrative resumes: the resume parser measured on ResumeNER (Zhang & Yang, ACL 2018).

Short resumes of listed companies' executives, written as one paragraph ("韩某：男，1960年出生，大专学历，
历任…厂长，…现任…董事长"), each character tagged. The corpus is read from ``<data>/resumener/`` (never
shipped: the source states no licence) and only its train and dev splits exist there; tune on train,
report dev.

Each resume's text goes through ``parse_document`` as a UTF-8 text file, and the parsed profile is
compared with the tags:

* name: the resume's first NAME entity against ``profile.name`` (exact, after normalising);
* degree level: each EDU entity mapped to a level by the rule in ``edu_level`` (written for this
  evaluation, apart from the parser's own rules), against the levels of the parsed education entries;
* organisations: each ORG entity against the parsed employers and schools;
* titles: each TITLE entity against the parsed job titles, a title written as a list ("董事、副总经理")
  counting as each of its items.

An entity counts as found when a parsed value equals it after normalisation (NFKC, case, blanks and
punctuation dropped); "loose" also counts a parsed value that contains it or that it contains (at
least two characters). Recall is over the entities, precision over the parsed values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from talentdrive.resumes.core import Profile, parse_document

from .bmes import TaggedResume

SPLITS = ("train", "dev")
# Resumes are parsed as of this day, so figures do not drift with the calendar.
AS_OF = date(2026, 11, 1)

# Checked in order: 博士研究生 is a doctorate, 大学专科 a college diploma, 中专 below both.
_EDU_LEVELS = (
    ("phd", re.compile(r"博士(?!后|生导师)")),
    ("master", re.compile(r"硕士|研究生|MBA|EMBA|MPA|MPACC|工商管理硕士", re.I)),
    ("other", re.compile(r"中专|中技|高中|初中|小学|中学")),
    ("associate", re.compile(r"大专|专科|专修|高职")),
    ("bachelor", re.compile(r"本科|学士|大学|大本")),
)
_LIST_SEPARATORS = re.compile(r"[、，,；;/／]")
_DROPPED = re.compile(r"[\W_]+")


def edu_level(text: str) -> str | None:
    """The degree level an EDU entity names; None for what is no degree (ACCA, an age)."""
    for level, pattern in _EDU_LEVELS:
        if pattern.search(text):
            return level
    return None


def normalise(value: str) -> str:
    return _DROPPED.sub("", unicodedata.normalize("NFKC", value).lower())


def _loosely_equal(gold: str, parsed: str) -> bool:
    if len(gold) < 2 or len(parsed) < 2:
        return gold == parsed
    return gold in parsed or parsed in gold


@dataclass
class Tally:
    """Found and total counts for one field, strict and loose, and a few examples of misses."""

    gold: int = 0
    found: int = 0
    found_loose: int = 0
    parsed: int = 0
    correct: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)

    def add(self, gold: list[str], parsed: list[str], context: str) -> None:
        gold_keys = [normalise(value) for value in gold]
        parsed_keys = {normalise(value) for value in parsed} - {""}
        self.gold += len(gold_keys)
        self.parsed += len(parsed_keys)
        for original, key in zip(gold, gold_keys, strict=True):
            if key in parsed_keys:
                self.found += 1
                self.found_loose += 1
                continue
            if any(_loosely_equal(key, candidate) for candidate in parsed_keys):
                self.found_loose += 1
            self.misses.append((original, context))
        gold_set = set(gold_keys)
        self.correct += sum(1 for key in parsed_keys if key in gold_set)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def recall_loose(self) -> float:
        return self.found_loose / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.parsed if self.parsed else 0.0


FIELDS = ("name", "degree", "organisations", "titles")


def parsed_fields(profile: Profile) -> dict[str, list[str]]:
    """What the profile says for each measured field."""
    titles = [
        item.strip()
        for entry in profile.experience
        if entry.title
        for item in _LIST_SEPARATORS.split(entry.title)
        if item.strip()
    ]
    organisations = [entry.employer for entry in profile.experience if entry.employer] + [
        entry.school for entry in profile.education if entry.school
    ]
    return {
        "name": [profile.name.value] if profile.name else [],
        "degree": sorted({entry.degree for entry in profile.education}),
        "organisations": organisations,
        "titles": titles,
    }


def gold_fields(resume: TaggedResume) -> dict[str, list[str]]:
    names = resume.of_kind("NAME")
    levels = {edu_level(entity.text) for entity in resume.of_kind("EDU")} - {None}
    return {
        "name": [names[0].text] if names else [],
        "degree": sorted(level for level in levels if level),
        "organisations": [entity.text for entity in resume.of_kind("ORG")],
        "titles": [entity.text for entity in resume.of_kind("TITLE")],
    }


def parse(text: str) -> Profile:
    result = parse_document(text.encode("utf-8"), "resume.txt", today=AS_OF)
    return result.profile or Profile(language="zh")


def measure(resumes: Iterable[TaggedResume], parser: Callable[[str], Profile] = parse) -> dict[str, Tally]:
    tallies = {name: Tally() for name in FIELDS}
    for resume in resumes:
        gold = gold_fields(resume)
        parsed = parsed_fields(parser(resume.text))
        for name in FIELDS:
            tallies[name].add(gold[name], parsed[name], resume.text)
    return tallies


def data_file(data: Path, split: str) -> Path:
    return data / "resumener" / f"{split}.char.bmes"


def report(tallies: dict[str, Tally], resumes: int, split: str) -> list[str]:
    lines = [
        f"ResumeNER {split}: {resumes} resumes",
        "| field | recall | recall (loose) | precision | gold | parsed |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, tally in tallies.items():
        lines.append(
            f"| {name} | {tally.recall:.3f} | {tally.recall_loose:.3f} | {tally.precision:.3f} "
            f"| {tally.gold} | {tally.parsed} |"
        )
    return lines
