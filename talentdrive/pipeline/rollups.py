"""The pipeline's roll-ups, updated in the transaction of each event and rebuilt from the events.

Called by the services that write the events, never by signals: an application's arrival
(``rollups_arrived``), each stage change (``rollups_moved``, from ``moves.application_stage_set`` and
the erasure), a re-application under another source (``rollups_source_changed``). Each call reads the
application's earlier stage changes (one indexed query) and adds to at most five counter rows in three
statements (``INSERT … ON CONFLICT DO UPDATE SET count = count + excluded.count``, the same SQL on SQLite
and PostgreSQL), rows in a fixed order so two moves on one requisition queue rather than deadlock.

``rollups_rebuild`` recomputes everything from the applications and their stage changes with the same
pure functions (``core/standing.py``); ``manage.py insights_rebuild`` runs it, and bulk loaders that
write rows without the services (the demo, the synthetic benchmark drive) call it when done.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction

from talentdrive.pipeline.core.flow import kind_of_code
from talentdrive.pipeline.core.standing import (
    DAYS,
    TENTHS,
    Standing,
    bucket,
    standing,
    steps_of_move,
    week_of,
)
from talentdrive.pipeline.models import Application, StageChange
from talentdrive.pipeline.models_rollups import ApplicationTally, StepDuration, WeeklyMoves
from talentdrive.plans.models import Drive

TallyKey = tuple[int, str, Standing]  # requisition, source, standing
DurationKey = tuple[int, str, int, int]  # requisition, step, scale, bucket
WeekKey = tuple[int, str, dt.date]  # requisition, kind moved to, week


@dataclass
class Deltas:
    """What some events add to the roll-ups."""

    tallies: Counter[TallyKey] = field(default_factory=Counter)
    durations: dict[DurationKey, list[int]] = field(default_factory=dict)  # [count, total ms]
    weeks: Counter[WeekKey] = field(default_factory=Counter)

    def arrive(self, *, requisition_id: int, source: str, stage: str) -> None:
        self.tallies[(requisition_id, source, standing(stage, ()))] += 1

    def move(
        self,
        *,
        requisition_id: int,
        source: str,
        arrived: dt.datetime,
        earlier: Sequence[tuple[str, str, dt.datetime]],
        from_stage: str,
        to_stage: str,
        at: dt.datetime,
    ) -> None:
        """One move of an application whose ``earlier`` moves (from, to, when; oldest first) are known."""
        codes = [code for from_code, to_code, _ in earlier for code in (from_code, to_code)]
        self.tallies[(requisition_id, source, standing(from_stage, codes))] -= 1
        self.tallies[(requisition_id, source, standing(to_stage, [*codes, from_stage]))] += 1
        since = earlier[-1][2] if earlier else arrived
        for step in steps_of_move(
            arrived=arrived, since=since, at=at, from_code=from_stage, to_code=to_stage
        ):
            for scale in (TENTHS, DAYS):
                key = (requisition_id, step.step, scale, bucket(step.ms, scale))
                figures = self.durations.setdefault(key, [0, 0])
                figures[0] += 1
                figures[1] += step.ms
        self.weeks[(requisition_id, kind_of_code(to_stage), week_of(at))] += 1


def _upsert(
    model: type[models.Model], keys: Sequence[str], rows: Mapping[tuple[Any, ...], Sequence[int]]
) -> None:
    """Add ``rows`` (key values → amounts) to the model's counters, creating the rows that are missing."""
    rows = {key: amounts for key, amounts in rows.items() if any(amounts)}
    if not rows:
        return
    fields = {f.name: f for f in model._meta.concrete_fields if not f.primary_key}
    key_fields = [fields[name] for name in keys]
    amount_fields = [f for name, f in fields.items() if name not in keys]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    params: list[Any] = []
    for key in sorted(rows):
        params += [f.get_db_prep_value(v, connection) for f, v in zip(key_fields, key, strict=True)]
        params += list(rows[key])
    names = ", ".join(quote(f.column) for f in key_fields + amount_fields)
    one = "(" + ", ".join(["%s"] * (len(key_fields) + len(amount_fields))) + ")"
    conflict = ", ".join(quote(f.column) for f in key_fields)
    adds = ", ".join(
        f"{quote(f.column)} = {table}.{quote(f.column)} + excluded.{quote(f.column)}" for f in amount_fields
    )
    # Names come from the model and values are parameters: nothing from outside reaches the text.
    sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(rows))} "  # noqa: S608
    sql += f"ON CONFLICT ({conflict}) DO UPDATE SET {adds}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


TALLY_KEYS = ("requisition", "source", "kind", "furthest", "committee")


def _tally_rows(tallies: Counter[TallyKey]) -> dict[tuple[Any, ...], list[int]]:
    return {
        (requisition, source, st.kind, st.furthest, st.committee): [count]
        for (requisition, source, st), count in tallies.items()
    }


def _apply(deltas: Deltas) -> None:
    _upsert(ApplicationTally, TALLY_KEYS, _tally_rows(deltas.tallies))
    _upsert(StepDuration, ("requisition", "step", "scale", "bucket"), deltas.durations)
    _upsert(WeeklyMoves, ("requisition", "kind", "week"), {key: [n] for key, n in deltas.weeks.items()})


def rollups_arrived(applications: Iterable[Application]) -> None:
    """New applications (one submitted, or many written in bulk): counted at the stage they start at."""
    deltas = Deltas()
    for application in applications:
        deltas.arrive(
            requisition_id=application.requisition_id, source=application.source, stage=application.stage
        )
    _apply(deltas)


def _earlier(application_id: int, *, excluding: int | None = None) -> list[tuple[str, str, dt.datetime]]:
    changes = StageChange.objects.filter(application_id=application_id)
    if excluding is not None:
        changes = changes.exclude(pk=excluding)
    return list(changes.order_by("created_at", "pk").values_list("from_stage", "to_stage", "created_at"))


def rollups_moved(*, application: Application, change: StageChange) -> None:
    """One stage change, just recorded: call in its transaction."""
    deltas = Deltas()
    deltas.move(
        requisition_id=application.requisition_id,
        source=application.source,
        arrived=application.created_at,
        earlier=_earlier(application.pk, excluding=change.pk),
        from_stage=change.from_stage,
        to_stage=change.to_stage,
        at=change.created_at,
    )
    _apply(deltas)


def rollups_source_changed(*, application: Application, old_source: str) -> None:
    """An application now counts under another source (someone who withdrew applied again)."""
    if old_source == application.source:
        return
    codes = [code for from_code, to_code, _ in _earlier(application.pk) for code in (from_code, to_code)]
    now = standing(application.stage, codes)
    deltas = Deltas()
    deltas.tallies[(application.requisition_id, old_source, now)] -= 1
    deltas.tallies[(application.requisition_id, application.source, now)] += 1
    _apply(deltas)


CHUNK = 5_000


History = list[tuple[str, str, dt.datetime]]


def _histories(
    applications: models.QuerySet[Application], changes: models.QuerySet[StageChange]
) -> Iterator[tuple[tuple[Any, ...], History]]:
    """Each application (pk, requisition, source, stage, created) with its moves, oldest first: two
    streams in application order, merged."""
    stream = (
        changes.order_by("application_id", "created_at", "pk")
        .values_list("application_id", "from_stage", "to_stage", "created_at")
        .iterator(chunk_size=CHUNK)
    )
    pending = next(stream, None)
    rows = applications.order_by("pk").values_list("pk", "requisition_id", "source", "stage", "created_at")
    for row in rows.iterator(chunk_size=CHUNK):
        moves = []
        while pending is not None and pending[0] <= row[0]:
            if pending[0] == row[0]:
                moves.append((pending[1], pending[2], pending[3]))
            pending = next(stream, None)
        yield row, moves


def rollups_compute(applications: models.QuerySet[Any], changes: models.QuerySet[Any]) -> Deltas:
    """The roll-ups of some applications, from their rows and their stage changes (``changes``: those of
    the same applications)."""
    deltas = Deltas()
    for (_, requisition_id, source, stage, created), moves in _histories(applications, changes):
        first = moves[0][0] if moves else stage
        deltas.arrive(requisition_id=requisition_id, source=source, stage=first)
        for index, (from_stage, to_stage, at) in enumerate(moves):
            deltas.move(
                requisition_id=requisition_id,
                source=source,
                arrived=created,
                earlier=moves[:index],
                from_stage=from_stage,
                to_stage=to_stage,
                at=at,
            )
    return deltas


def rollups_write(deltas: Deltas, *, tally: type[Any], duration: type[Any], weekly: type[Any]) -> None:
    """Store computed roll-ups in empty tables (the models are passed so a migration can use its own)."""
    tally.objects.bulk_create(
        (
            tally(
                requisition_id=r,
                source=s,
                kind=st.kind,
                furthest=st.furthest,
                committee=st.committee,
                count=n,
            )
            for (r, s, st), n in deltas.tallies.items()
            if n
        ),
        batch_size=CHUNK,
    )
    duration.objects.bulk_create(
        (
            duration(requisition_id=r, step=step, scale=scale, bucket=b, count=n, total_ms=ms)
            for (r, step, scale, b), (n, ms) in deltas.durations.items()
        ),
        batch_size=CHUNK,
    )
    weekly.objects.bulk_create(
        (
            weekly(requisition_id=r, kind=kind, week=week, count=n)
            for (r, kind, week), n in deltas.weeks.items()
            if n
        ),
        batch_size=CHUNK,
    )


@transaction.atomic
def rollups_rebuild(*, drive: Drive | None = None) -> Deltas:
    """Recompute the roll-ups (of one drive, or all) from the applications and their stage changes."""
    applications = Application.objects.all()
    changes = StageChange.objects.all()
    counters = (ApplicationTally, StepDuration, WeeklyMoves)
    if drive is not None:
        applications = applications.filter(requisition__drive=drive)
        changes = changes.filter(application__requisition__drive=drive)
    for model in counters:
        (
            model.objects.filter(requisition__drive=drive) if drive is not None else model.objects.all()
        ).delete()
    deltas = rollups_compute(applications, changes)
    rollups_write(deltas, tally=ApplicationTally, duration=StepDuration, weekly=WeeklyMoves)
    return deltas
