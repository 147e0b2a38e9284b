"""Times the pipeline page (``/staff/pipeline/``, figures and rendering) in this process, as a leadership
user, for the whole drive and a two-level drill-down; prints one JSON line. ``python -m bench.dashboard_probe RUNS``."""

from __future__ import annotations

import json
import statistics
import sys
import time

import django

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from talentdrive.accounts.models import Role, User  # noqa: E402
from talentdrive.pipeline.models import Application, StageChange  # noqa: E402
from talentdrive.plans.models import Drive  # noqa: E402


def main(runs: int) -> None:
    setup_test_environment()
    drive = Drive.objects.order_by("-pk").first()
    assert drive is not None
    user, _ = User.objects.get_or_create(username="bench-leader", defaults={"role": Role.LEADERSHIP})
    client = Client()
    client.force_login(user)
    line = drive.plan_lines.select_related("city").first()
    assert line is not None
    views = {
        "whole drive": {"drive": drive.code},
        "city and channel": {"drive": drive.code, "city": line.city.code, "channel": line.channel},
    }
    result = {
        "applications": Application.objects.filter(requisition__drive=drive).count(),
        "stage_changes": StageChange.objects.filter(application__requisition__drive=drive).count(),
        "pages": {},
    }
    for name, query in views.items():
        assert client.get("/staff/pipeline/", query).status_code == 200  # warm
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            response = client.get("/staff/pipeline/", query)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200
        times.sort()
        result["pages"][name] = {
            "p50_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))],
            "min_ms": times[0],
            "max_ms": times[-1],
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
