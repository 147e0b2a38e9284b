"""``manage.py insights_rebuild [--drive CODE]``: recompute the pipeline page's roll-ups from the events.

The roll-ups are kept as events happen; this is for after rows were written around the services (a bulk
load, a repair by hand) or to check them: it prints how many counter rows it wrote.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talentdrive.pipeline.rollups import rollups_rebuild
from talentdrive.plans.models import Drive


class Command(BaseCommand):
    help = "Recompute the pipeline page's roll-ups (counts, step durations, weekly moves) from the stage changes."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--drive", help="only this drive (its code); default: every drive")

    def handle(self, *args: Any, **options: Any) -> None:
        drive = None
        if options["drive"]:
            drive = Drive.objects.filter(code=options["drive"]).first()
            if drive is None:
                raise CommandError(f"no drive with code {options['drive']!r}")
        started = time.perf_counter()
        deltas = rollups_rebuild(drive=drive)
        self.stdout.write(
            f"Roll-ups of {drive.code if drive else 'every drive'} rebuilt in {time.perf_counter() - started:.1f} s: "
            f"{sum(1 for n in deltas.tallies.values() if n)} counts, {len(deltas.durations)} duration buckets, "
            f"{sum(1 for n in deltas.weeks.values() if n)} weekly counts."
        )
