"""``talentdrive eval parse``: per-field precision, recall and F1 of resume parsing over the project's fixtures.

Each fixture ``<name>.<ext>`` has a hand-written ``<name>.expected.json`` in the schema of
``talentdrive parse``. Values are compared after normalisation (Unicode NFKC, so full-width forms
match; case; whitespace and punctuation dropped). An alias counts only when the expected file lists
it: ``aliases`` on an education or experience entry (school / employer), ``title_aliases``,
``major_aliases``, and top-level ``name_aliases`` / ``location_aliases``.

Expected ``years_experience`` is stated as of ``AS_OF`` and every fixture is parsed with
``today = AS_OF``, so current jobs do not make the figure drift with the calendar.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "resumes"
AS_OF = date(2026, 11, 15)
YEARS_TOLERANCE = 0.5
LANGUAGES = ("zh", "en", "mixed")
FIELDS = (
    "name",
    "emails",
    "phones",
    "location",
    "degree",
    "school",
    "major",
    "employer",
    "title",
    "skills",
    "domains",
    "publication_venue_year",
    "awards",
    "years_experience",
)
# The acceptance bars of the parsing feature (F1).
TARGETS = {"emails": 0.99, "phones": 0.99, "degree": 0.95, "school": 0.90, "employer": 0.85, "skills": 0.85}

_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise(value: Any) -> str:
    """Comparable form: NFKC (full-width to half-width), case-folded, without spaces or punctuation."""
    if value is None:
        return ""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(value)).casefold())


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FileResult:
    name: str
    language: str
    counts: dict[str, Counts]
    misses: dict[str, list[str]] = field(default_factory=dict)
    error: str = ""


def _match(
    expected: list[set[str]], predicted: list[str], equal: Callable[[str, str], bool] = str.__eq__
) -> tuple[Counts, list[str]]:
    """One-to-one matching: each expected item (a set of acceptable forms) pairs with one prediction."""
    remaining = [p for p in predicted if p]
    counts = Counts()
    missed: list[str] = []
    for accepted in expected:
        accepted = {a for a in accepted if a}
        if not accepted:
            continue
        hit = next((p for p in remaining if any(equal(p, a) for a in accepted)), None)
        if hit is None:
            counts.fn += 1
            missed.append("missing " + min(accepted, key=len))
        else:
            counts.tp += 1
            remaining.remove(hit)
    counts.fp += len(remaining)
    missed.extend("extra " + p for p in remaining)
    return counts, missed


def _contains(predicted: str, accepted: str) -> bool:
    # Awards and locations are free text: "2018 ACM-ICPC 金牌" and "ACM-ICPC 金牌" are the same award.
    return bool(predicted) and bool(accepted) and (predicted in accepted or accepted in predicted)


def _forms(entry: dict[str, Any], key: str, alias_key: str) -> set[str]:
    return {normalise(v) for v in [entry.get(key), *entry.get(alias_key, [])] if v}


def _ids(items: Iterable[Any]) -> list[str]:
    return [str(item["id"] if isinstance(item, dict) else item) for item in items]


def _award_text(item: Any) -> str:
    return normalise(item.get("title") if isinstance(item, dict) else item)


def compare(
    expected: dict[str, Any], predicted: dict[str, Any]
) -> tuple[dict[str, Counts], dict[str, list[str]]]:
    """Per-field counts for one resume."""
    counts: dict[str, Counts] = {}
    misses: dict[str, list[str]] = {}

    def record(name: str, result: tuple[Counts, list[str]]) -> None:
        counts[name], misses[name] = result

    def single(value: Any, aliases: list[Any]) -> list[set[str]]:
        return [{normalise(v) for v in [value, *aliases]}] if value else []

    record(
        "name",
        _match(
            single(expected.get("name"), expected.get("name_aliases", [])), [normalise(predicted.get("name"))]
        ),
    )
    record(
        "emails",
        _match(
            [{normalise(e)} for e in expected["emails"]], [normalise(e) for e in predicted.get("emails", [])]
        ),
    )
    record(
        "phones",
        _match(
            [{normalise(p)} for p in expected["phones"]], [normalise(p) for p in predicted.get("phones", [])]
        ),
    )
    record(
        "location",
        _match(
            single(expected.get("location"), expected.get("location_aliases", [])),
            [normalise(predicted.get("location"))],
            _contains,
        ),
    )
    education = expected.get("education", [])
    got_education = predicted.get("education", [])
    record(
        "degree",
        _match([{e["degree"]} for e in education], [str(e.get("degree") or "") for e in got_education]),
    )
    record(
        "school",
        _match(
            [_forms(e, "school", "aliases") for e in education],
            [normalise(e.get("school")) for e in got_education],
        ),
    )
    record(
        "major",
        _match(
            [_forms(e, "major", "major_aliases") for e in education],
            [normalise(e.get("major")) for e in got_education],
        ),
    )
    experience = expected.get("experience", [])
    got_experience = predicted.get("experience", [])
    record(
        "employer",
        _match(
            [_forms(e, "employer", "aliases") for e in experience],
            [normalise(e.get("employer")) for e in got_experience],
        ),
    )
    record(
        "title",
        _match(
            [_forms(e, "title", "title_aliases") for e in experience],
            [normalise(e.get("title")) for e in got_experience],
        ),
    )
    record(
        "skills",
        _match([{i} for i in _ids(expected["skills"])], sorted(set(_ids(predicted.get("skills", []))))),
    )
    record(
        "domains",
        _match([{i} for i in _ids(expected["domains"])], sorted(set(_ids(predicted.get("domains", []))))),
    )
    record(
        "publication_venue_year",
        _match(
            [{f"{normalise(p['venue'])}/{p['year']}"} for p in expected.get("publications", [])],
            [
                f"{normalise(p.get('venue'))}/{p.get('year')}"
                for p in predicted.get("publications", [])
                if p.get("venue")
            ],
        ),
    )
    record(
        "awards",
        _match(
            [{normalise(a)} for a in expected.get("awards", [])],
            [_award_text(a) for a in predicted.get("awards", [])],
            _contains,
        ),
    )
    want, got = (
        float(expected.get("years_experience") or 0.0),
        float(predicted.get("years_experience") or 0.0),
    )
    years = Counts(tp=1) if abs(want - got) <= YEARS_TOLERANCE else Counts(fp=1, fn=1)
    counts["years_experience"], misses["years_experience"] = (
        years,
        ([] if years.tp else [f"expected {want}, got {got}"]),
    )
    return counts, misses


def evaluate(fixtures: Path) -> list[FileResult]:
    from talentdrive.resumes.core import parse_document, profile_to_json

    results = []
    for expected_path in sorted(fixtures.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        document = fixtures / expected["source"]
        language = str(expected.get("language") or "")
        result = parse_document(document.read_bytes(), document.name, today=AS_OF)
        if result.profile is None:
            empty: dict[str, Any] = {"emails": [], "phones": [], "skills": [], "domains": []}
            counts, misses = compare(expected, empty)
            results.append(FileResult(document.name, language, counts, misses, error=str(result.error)))
            continue
        counts, misses = compare(expected, profile_to_json(result.profile))
        results.append(FileResult(document.name, language, counts, misses))
    return results


def summarise(results: list[FileResult]) -> dict[str, dict[str, dict[str, float]]]:
    """Figures per language group ("all", "zh", "en", "mixed") and field."""
    groups: dict[str, dict[str, dict[str, float]]] = {}
    for group in ("all", *LANGUAGES):
        members = [r for r in results if group in {"all", r.language}]
        if not members:
            continue
        figures = {}
        for name in FIELDS:
            total = Counts()
            for member in members:
                total.add(member.counts[name])
            figures[name] = {
                "precision": round(total.precision, 4),
                "recall": round(total.recall, 4),
                "f1": round(total.f1, 4),
                "support": total.tp + total.fn,
            }
        groups[group] = {"files": {"count": len(members)}, **figures}
    return groups


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fixtures", type=Path, default=FIXTURES, help="directory of resumes and .expected.json files"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="also list every miss, per file and field")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when an acceptance target is missed"
    )


def run(*, stdout: TextIO, **options: Any) -> int:
    fixtures = Path(options.get("fixtures") or FIXTURES)
    results = evaluate(fixtures)
    summary = summarise(results)
    overall = summary.get("all", {})
    failing = [f for f, bar in TARGETS.items() if overall and overall[f]["f1"] < bar]
    if options.get("json"):
        payload: dict[str, Any] = {
            "fixtures": len(results),
            "groups": summary,
            "targets": TARGETS,
            "failing": failing,
        }
        if options.get("errors"):
            payload["misses"] = {r.name: {k: v for k, v in r.misses.items() if v} for r in results}
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(render(results, summary, failing, show_errors=bool(options.get("errors"))))
    return 1 if options.get("strict") and failing else 0


def render(
    results: list[FileResult], summary: dict[str, Any], failing: list[str], *, show_errors: bool
) -> str:
    groups = [g for g in ("all", *LANGUAGES) if g in summary]
    header = "| field | " + " | ".join(f"{g} P / R / F1 (n)" for g in groups) + " | target F1 |"
    lines = [
        f"Resume parsing over {len(results)} fixtures ("
        + ", ".join(f"{g}: {summary[g]['files']['count']}" for g in groups if g != "all")
        + ")",
        "",
        header,
        "|" + "---|" * (len(groups) + 2),
    ]
    for name in FIELDS:
        cells = []
        for group in groups:
            f = summary[group][name]
            cells.append(f"{f['precision']:.2f} / {f['recall']:.2f} / **{f['f1']:.2f}** ({f['support']})")
        target = f"≥ {TARGETS[name]:.2f}" if name in TARGETS else ""
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {target} |")
    lines.append("")
    lines.append("All targets met." if not failing else "Below target: " + ", ".join(failing))
    if show_errors:
        lines.append("")
        for result in results:
            if result.error:
                lines.append(f"{result.name}: parse error: {result.error}")
            for name, missed in result.misses.items():
                if missed:
                    lines.append(f"{result.name} [{name}]: " + "; ".join(missed))
    return "\n".join(lines) + "\n"
