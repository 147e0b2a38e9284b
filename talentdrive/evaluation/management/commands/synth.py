"""``talentdrive synth --candidates N [--out FILE.jsonl] [--seed S] [--index DIR]``: synthetic profiles."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentdrive.evaluation.synth.generate import SkillSpace, generate, to_index, write_jsonl
from talentdrive.matching.taxonomy_loader import get_taxonomy


class Command(BaseCommand):
    help = (
        "Make realistic bilingual synthetic candidate profiles (JSON Lines, or straight into a match index)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--candidates", type=int, required=True, help="how many profiles")
        parser.add_argument("--out", help="JSON Lines file to write (default: standard output)")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--index", help="build a match index in this directory instead of writing JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        n = options["candidates"]
        if n < 1:
            raise CommandError("--candidates must be at least 1")
        space = SkillSpace.from_taxonomy(get_taxonomy())
        started = time.perf_counter()
        if options["index"]:
            index = to_index(space, generate(space, n, seed=options["seed"]))
            index.save(Path(options["index"]))
            self.stderr.write(
                f"indexed {n} synthetic profiles in {time.perf_counter() - started:.1f} s → {options['index']}"
            )
            return
        if options["out"]:
            with open(options["out"], "w", encoding="utf-8") as out:
                written = write_jsonl(space, n, out, seed=options["seed"])
        else:
            written = write_jsonl(space, n, sys.stdout, seed=options["seed"])
        self.stderr.write(f"wrote {written} synthetic profiles in {time.perf_counter() - started:.1f} s")
