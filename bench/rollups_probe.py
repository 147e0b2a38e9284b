"""What the pipeline's roll-ups cost per event: reopens and rejects N rejected applications of the newest
drive through the services, timing each move and the roll-up update inside it; prints one JSON line.
``python -m bench.rollups_probe N`` against a database ``manage.py synth_pipeline`` filled (it writes:
use a copy or a throw-away database)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from functools import partial
from typing import Any

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from talentdrive.audit.actors import system_actor  # noqa: E402
from talentdrive.pipeline import moves  # noqa: E402
from talentdrive.pipeline.models import Application, RejectionReason  # noqa: E402


def main(count: int) -> None:
    actor = system_actor("bench")
    reason = RejectionReason.objects.filter(active=True).first()
    assert reason is not None
    spent: list[float] = []
    real = moves.rollups_moved

    def timed(**kwargs: Any) -> None:
        began = time.perf_counter()
        real(**kwargs)
        spent.append(time.perf_counter() - began)

    moves.rollups_moved = timed  # type: ignore[assignment]
    totals: list[float] = []
    queries: list[int] = []
    for application in Application.objects.filter(stage="rejected").order_by("-pk")[:count]:
        reopen = partial(moves.application_reopen, application_id=application.pk)
        reject = partial(moves.application_reject, application_id=application.pk, reason=reason)
        for move in (reopen, reject):
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                move(actor=actor, expected_version=None)
                totals.append(time.perf_counter() - began)
            queries.append(len(captured.captured_queries))
    spent.sort()
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "moves": len(totals),
                "move_median_ms": statistics.median(totals) * 1000,
                "rollups_median_ms": statistics.median(spent) * 1000,
                "rollups_p90_ms": spent[int(0.9 * (len(spent) - 1))] * 1000,
                "queries_per_move": statistics.median(queries),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150)
