"""``manage.py synth_pipeline --applications N``: a synthetic drive of N applications moving through
their flows, about five stage changes each, for measuring the pipeline page at scale.

Rows are written in bulk straight to the tables (no services, no audit, no emails): this is load for a
benchmark, never data anyone works with. The pipeline's roll-ups are rebuilt from them at the end. A drive ``synth-<N>`` with 4 cities × 2 channels × 4 focus
areas × 5 teams (160 plan lines, 2 requisitions each); arrival and move times spread over the drive's
first 40 weeks; a fixed seed makes the same rows every time.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction

from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.models import Application, StageChange
from talentdrive.pipeline.rollups import rollups_rebuild
from talentdrive.plans.models import BusinessGroup, City, Drive, FocusArea, PlanLine, Requisition, Team

FLOWS = {
    "experienced": [
        "applied",
        "resume_screen",
        "technical_1",
        "technical_2",
        "hr_interview",
        "offer",
        "hired",
    ],
    "campus": [
        "applied",
        "online_assessment",
        "technical_1",
        "technical_2",
        "hr_interview",
        "offer",
        "hired",
    ],
}
TEAMS = 5
BATCH = 20_000
# Chance of moving on from each stage; the rest are rejected there (a stage change too).
ONWARD = (0.93, 0.9, 0.88, 0.86, 0.85, 0.9)


@contextmanager
def _times_as_given(*fields: models.DateTimeField) -> Iterator[None]:
    """Bulk rows keep the times they are given instead of "now" (``auto_now_add`` set aside meanwhile)."""
    saved = [field.auto_now_add for field in fields]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field, value in zip(fields, saved, strict=True):
            field.auto_now_add = value


def _field(model: type[models.Model], name: str) -> models.DateTimeField:
    field = model._meta.get_field(name)
    assert isinstance(field, models.DateTimeField)
    return field


class Command(BaseCommand):
    help = "Write a synthetic drive of N applications with about five stage changes each (for benchmarks)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--applications", type=int, required=True)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        n = options["applications"]
        if n < 1:
            raise CommandError("--applications must be at least 1")
        code = f"synth-{n}"
        if Drive.objects.filter(code=code).exists():
            raise CommandError(f"drive {code} exists already; use a fresh database")
        rng = random.Random(options["seed"])
        started = time.perf_counter()
        starts_on = dt.date.today() - dt.timedelta(weeks=40)
        drive = Drive.objects.create(
            code=code,
            name_zh=f"合成招聘 {n}",
            name_en=f"Synthetic drive {n}",
            total_target=n // 100,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(weeks=60),
            channels=list(FLOWS),
        )
        cities = list(City.objects.order_by("code")[:4])
        areas = list(FocusArea.objects.order_by("position", "code")[:4])
        drive.cities.set(cities)
        group, _ = BusinessGroup.objects.get_or_create(
            code="synth", defaults={"name_zh": "合成", "name_en": "Synthetic"}
        )
        teams = [
            Team.objects.get_or_create(
                code=f"synth-{i}", defaults={"group": group, "name_zh": f"合成 {i}", "name_en": f"Synth {i}"}
            )[0]
            for i in range(TEAMS)
        ]
        lines = PlanLine.objects.bulk_create(
            PlanLine(
                drive=drive,
                external_id=f"{code}-{city.code}-{channel}-{area.code}-{team.code}",
                city=city,
                channel=channel,
                focus_area=area,
                team=team,
                target=max(1, n // 16_000),
            )
            for city in cities
            for channel in FLOWS
            for area in areas
            for team in teams
        )
        requisitions = Requisition.objects.bulk_create(
            Requisition(
                drive=drive,
                plan_line=line,
                external_id=f"{line.external_id}-{i}",
                title_zh="合成职位",
                title_en="Synthetic role",
                status="open",
                headcount=max(1, line.target // 2),
            )
            for line in lines
            for i in range(2)
        )
        channel_of = {r.pk: r.plan_line.channel for r in requisitions}
        start = dt.datetime.combine(starts_on, dt.time(9), tzinfo=dt.UTC)
        events = 0
        stamp = _field(Application, "created_at"), _field(Application, "stage_changed_at")
        with _times_as_given(*stamp, _field(StageChange, "created_at"), _field(Candidate, "created_at")):
            for offset in range(0, n, BATCH):
                size = min(BATCH, n - offset)
                with transaction.atomic():
                    candidates = Candidate.objects.bulk_create(
                        Candidate(email=f"synth-{n}-{offset + i}@example.invalid", created_at=start)
                        for i in range(size)
                    )
                    rows, paths = [], []
                    for candidate in candidates:
                        requisition = rng.choice(requisitions)
                        flow = FLOWS[channel_of[requisition.pk]]
                        arrived = start + dt.timedelta(minutes=rng.randrange(40 * 7 * 24 * 60))
                        at, path, position = arrived, [], 0
                        while position < len(flow) - 1:
                            at = at + dt.timedelta(hours=rng.randrange(12, 24 * 12))
                            if rng.random() < ONWARD[position]:
                                path.append((flow[position], flow[position + 1], at))
                                position += 1
                            else:
                                path.append((flow[position], "rejected", at))
                                break
                        final = path[-1][1] if path else "applied"
                        rows.append(
                            Application(
                                candidate=candidate,
                                requisition=requisition,
                                stage=final,
                                source=rng.choice(
                                    ("portal", "referral", "campus_event", "job_board", "sourced")
                                ),
                                created_at=arrived,
                                stage_changed_at=path[-1][2] if path else arrived,
                            )
                        )
                        paths.append(path)
                    applications = Application.objects.bulk_create(rows)
                    changes = [
                        StageChange(
                            application=application,
                            from_stage=from_stage,
                            to_stage=to_stage,
                            actor_name="synth",
                            created_at=at,
                        )
                        for application, path in zip(applications, paths, strict=True)
                        for from_stage, to_stage, at in path
                    ]
                    StageChange.objects.bulk_create(changes, batch_size=BATCH)
                    events += len(changes)
                self.stdout.write(f"{offset + size} applications, {events} stage changes")
        written = time.perf_counter() - started
        rollups_rebuild(drive=drive)
        self.stdout.write(
            f"drive {code}: {n} applications, {events} stage changes in {written:.0f} s, "
            f"roll-ups rebuilt in {time.perf_counter() - started - written:.0f} s"
        )
