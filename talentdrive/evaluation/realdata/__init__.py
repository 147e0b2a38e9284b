"""Quality on public data that no one on the project wrote, read from ``../shared/data`` (never shipped).

``talentdrive eval realdata`` (or ``python -m talentdrive.evaluation.realdata``) prints per-field recall
and precision of the resume parser on Chinese narrative resumes (ResumeNER train or dev). Without the
data folder it prints ``skipped: …`` and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from . import resumener
from .bmes import read_resumes

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding resumener/")
    parser.add_argument(
        "--split", choices=resumener.SPLITS, default="dev", help="ResumeNER split (tune on train)"
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print up to N misses of each field"
    )


def run(*, stdout: TextIO, data: Path = DEFAULT_DATA, split: str = "dev", errors: int = 0, **_: Any) -> int:
    path = resumener.data_file(data, split)
    if not path.is_file():
        stdout.write(f"skipped: {path} is not there (public data is read from ../shared/data)\n")
        return 0
    resumes = read_resumes(path)
    tallies = resumener.measure(resumes)
    for line in resumener.report(tallies, len(resumes), split):
        stdout.write(line + "\n")
    if errors:
        for name, tally in tallies.items():
            stdout.write(f"\nmissed {name} ({len(tally.misses)}):\n")
            for gold, context in tally.misses[:errors]:
                stdout.write(f"  {gold!r} in {context[:160]}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m talentdrive.evaluation.realdata")
    add_arguments(parser)
    options = vars(parser.parse_args(argv))
    return run(stdout=sys.stdout, **options)
