"""``talentdrive rank --job FILE --resumes DIR|PROFILES.jsonl --top K [--json]``: stateless ranking."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.evaluation.stateless import InputError, rank_files
from talentdrive.matching.taxonomy_loader import get_taxonomy


class Command(BaseCommand):
    help = "Rank resumes (a directory, or `talentdrive parse` JSON Lines) against a job file (.txt/.md or .json/.yaml)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--job", required=True, help="job description: .txt/.md free text, or .json/.yaml fields"
        )
        parser.add_argument(
            "--resumes",
            required=True,
            help="directory of resume files, or PROFILES.jsonl from talentdrive parse",
        )
        parser.add_argument("--top", type=int, default=10, help="how many to show (default 10)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["top"] < 1:
            raise CommandError("--top must be at least 1")
        try:
            requirements, ranking, loaded = rank_files(
                Path(options["job"]), Path(options["resumes"]), top=options["top"], taxonomy=get_taxonomy()
            )
        except InputError as error:
            raise CommandError(str(error)) from error
        for problem in loaded.skipped:
            self.stderr.write(f"skipped {problem}")
        for note in loaded.notes:
            self.stderr.write(f"warning: {note}")
        for warning in ranking.warnings:
            self.stderr.write(f"warning: {warning}")
        if options["json"]:
            payload = {
                "requirements": {
                    k: v for k, v in asdict(requirements).items() if k not in ("text", "warnings")
                },
                "considered": ranking.considered,
                "warnings": list(ranking.warnings),
                "matches": [
                    {"key": m.key, "source": m.key, **{k: v for k, v in asdict(m).items() if k != "key"}}
                    for m in ranking.matches
                ],
            }
            self.stdout.write(json.dumps(_rounded(payload), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"must: {', '.join(requirements.must) or '—'} | nice: {', '.join(requirements.nice) or '—'} | "
            f"domain: {requirements.domain or '—'} | degree ≥ {requirements.min_degree} | years ≥ {requirements.min_years:g}"
        )
        for match in ranking.matches:
            components = " ".join(f"{c.name}={c.value:.2f}" for c in match.components)
            matched = ", ".join(
                f"{s.skill_id}"
                + (f" (via {s.via})" if s.via != s.skill_id else "")
                + (f" “{quote}”" if (quote := _quote(s.name, s.mentions)) else "")
                for s in match.matched_must
            )
            self.stdout.write(f"{match.rank:>3}  {match.score:.3f}  {match.key}")
            self.stdout.write(f"     {components}")
            self.stdout.write(
                f"     matched: {matched or '—'}   missing: {', '.join(match.missing_must) or '—'}"
            )
            if match.programme.flagged:
                self.stdout.write(f"     talent programme: {'; '.join(match.programme.reasons)}")


def _rounded(value: Any) -> Any:
    """Scores to 4 decimals: more digits are noise to a reader and churn in diffs."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def _quote(name: str, mentions: tuple[str, ...]) -> str:
    """The first mention that says more than the skill's own name ("vLLM" for LLM inference)."""
    return next((m for m in mentions if m.strip() and m.strip().casefold() != name.casefold()), "")
