"""Time the recruiters' workspace pages in this process (run by bench_workspace in a fresh environment).

Prints one JSON line: the largest requisition's size and, for its board, its ranked list and the
requisition page (the baseline), the p50 and p95 of ``rounds`` requests through Django's whole stack
(middleware, sessions, templates) with the test client, signed in as a recruiter whose scope holds it.
"""

from __future__ import annotations

import json
import sys
import time


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main(rounds: int) -> None:
    import django

    django.setup()
    from django.db.models import Count
    from django.test import Client

    from talentdrive.accounts.models import Role, User
    from talentdrive.plans.models import Requisition

    requisition = Requisition.objects.annotate(n=Count("applications")).order_by("-n", "pk").first()
    assert requisition is not None
    recruiter = requisition.recruiters.filter(role=Role.RECRUITER).first() or User.objects.get(
        username="admin"
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(recruiter)
    pages = {
        "board": f"/staff/requisitions/{requisition.pk}/applicants/",
        "ranked list": f"/staff/requisitions/{requisition.pk}/applicants/?view=list",
        "requisition page (baseline)": f"/staff/requisitions/{requisition.pk}/",
    }
    for url in pages.values():  # warm-up: the first ranked list builds and loads the match index
        assert client.get(url).status_code == 200
    figures = {}
    for name, url in pages.items():
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        figures[name] = {"p50_ms": _percentile(times, 0.5), "p95_ms": _percentile(times, 0.95)}
    print(
        json.dumps(
            {
                "requisition": requisition.external_id,
                "applicants": requisition.n,
                "total_applications": Requisition.objects.aggregate(n=Count("applications"))["n"],
                "user": recruiter.username,
                "rounds": rounds,
                "pages": figures,
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
