"""``talentdrive eval parse|match|skills``: quality figures over the project's own judged data."""

from __future__ import annotations

import importlib
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

# Each evaluation lives beside the code it measures and exposes add_arguments(parser) and run(**options) -> int.
EVALUATIONS = {
    "parse": "talentdrive.evaluation.parsing",
    "match": "talentdrive.evaluation.matching",
    "skills": "talentdrive.evaluation.skills",
    # Public data from ../shared/data (ResumeNER for Chinese narrative resumes); skipped without it.
    "realdata": "talentdrive.evaluation.realdata",
    # English resumes their owners wrote as JSON Resume, printed by published themes (a folder outside the
    # repository, made by scripts/render_jsonresume.py); skipped without it.
    "jsonresume": "talentdrive.evaluation.realdata.jsonresume",
    # A ranking check built from O*NET occupations and tools (../shared/data/onet), against plain BM25.
    "rankproxy": "talentdrive.evaluation.rankproxy",
}


class Command(BaseCommand):
    help = "Print quality figures: parse (resume fields), match (ranking), skills (span-F1 on public data)."

    def add_arguments(self, parser: CommandParser) -> None:
        subparsers = parser.add_subparsers(dest="what", required=True)
        for name, module_path in EVALUATIONS.items():
            sub = subparsers.add_parser(name)
            try:
                module = importlib.import_module(module_path)
            except ImportError:
                continue
            module.add_arguments(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        what = options.pop("what")
        # call_command passes its own stdout/stderr among the options; the evaluation writes to ours.
        options.pop("stdout", None)
        options.pop("stderr", None)
        try:
            module = importlib.import_module(EVALUATIONS[what])
        except ImportError as error:
            raise CommandError(f"the {what} evaluation is not available: {error}") from error
        status = module.run(stdout=self.stdout, **options)
        if status:
            raise SystemExit(status)
