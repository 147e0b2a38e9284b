"""``manage.py load_demo``: load the demo drive (1,000 planned hires, four cities, two channels)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from talentdrive.demo.campus.load import demo_campus_load
from talentdrive.demo.load import demo_drive_load
from talentdrive.demo.people.load import DEFAULT_SIZE, demo_people_load
from talentdrive.demo.plan import SEED


class Command(BaseCommand):
    help = "Load the demo drive, its plan, requisitions and staff accounts. Loading twice changes nothing."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
        parser.add_argument(
            "--people",
            type=int,
            default=None,
            help=f"demo candidates: {DEFAULT_SIZE} with a newly loaded drive unless given; 0 for none",
        )
        parser.add_argument(
            "--campus",
            action="store_true",
            help="load the campus season (talks, online assessments, an interview day) into a drive loaded "
            "earlier; it comes with newly loaded candidates anyway",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            # The demo's staff accounts have passwords printed in the README: never on a live site.
            raise CommandError(
                "load_demo refuses to run with TALENTDRIVE_ENV=production: the demo accounts' passwords are public"
            )
        started = time.perf_counter()
        result = demo_drive_load(seed=options["seed"])
        elapsed = time.perf_counter() - started
        summary = (
            f"drive {result.drive_code}: {result.plan_lines} plan lines totalling {result.planned_headcount}, "
            f"{result.requisitions} requisitions with headcount {result.requisition_headcount}"
        )
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo {summary} in {elapsed:.1f} s."))
        else:
            self.stdout.write(f"The demo drive is already loaded ({summary}); nothing changed.")
        # Candidates come with a new drive; a drive loaded earlier gets them only when asked for.
        size = options["people"] if options["people"] is not None else (DEFAULT_SIZE if result.created else 0)
        campus = options["campus"]
        if size > 0:
            people = demo_people_load(seed=options["seed"], size=size)
            campus = campus or people.created
            figures = (
                f"{people.candidates} candidates, {people.applications} applications, {people.hired} hired"
            )
            if people.created:
                self.stdout.write(self.style.SUCCESS(f"Loaded {figures} in {people.seconds:.1f} s."))
            else:
                self.stdout.write(f"The demo candidates are already loaded ({figures}); nothing changed.")
        # The campus season works on the campus applicants, so it comes after them.
        if campus:
            season = demo_campus_load(seed=options["seed"])
            if season.created:
                self.stdout.write(self.style.SUCCESS(f"Loaded {season.summary()} in {season.seconds:.1f} s."))
            else:
                self.stdout.write(
                    f"The campus season is already loaded ({season.summary()}); nothing changed."
                )
