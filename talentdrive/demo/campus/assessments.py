"""The demo's online assessments, made and scored by the campus app's services.

One assessment per focus area with campus requisitions (``assessment_create``), as an administrator
sets them up. The walk (``people/history.py``) leaves the campus applicants it screened at the flow's
online-assessment stage; for a share of those on open requisitions, the provider's results arrive as a
CSV file imported through ``assessment_results_import``, exactly as a recruiter uploads one: the
applicants at or above the pass mark are moved to the first technical interview by the pipeline's move
service (no email: a move emails only when given a template), the others wait in the review queue.
The rest are still sitting the assessment.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.campus.assessments import assessment_create, assessment_results_import
from talentdrive.campus.models import ASSESSMENT_STAGE
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import Drive, FocusArea, RequisitionStatus

PASS_MARK = Decimal(60)
# Of the applicants at the assessment, the share whose results have come back.
RESULTS_SHARE = 0.6
SUB_SCORES = ("coding", "algorithms", "ml_fundamentals")


@dataclass(frozen=True)
class AssessmentsLoaded:
    assessments: int
    results: int
    moved: int
    queued: int


def _results_file(applications: list[Application], rng: random.Random) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["application", "email", "score", *SUB_SCORES, "completed at", "duration minutes"])
    now = timezone.localtime()
    for application in applications:
        score = min(100.0, max(8.0, rng.gauss(66, 15)))
        parts = [min(100.0, max(0.0, score + rng.uniform(-12, 12))) for _ in SUB_SCORES]
        completed = now - timedelta(days=rng.randint(1, 6), minutes=rng.randint(0, 600))
        writer.writerow(
            [
                application.pk,
                application.candidate.email,
                f"{round(score * 2) / 2:.1f}",
                *(f"{part:.0f}" for part in parts),
                completed.strftime("%Y-%m-%d %H:%M"),
                rng.randint(55, 120),
            ]
        )
    return out.getvalue().encode("utf-8")


def assessments_load(*, drive: Drive, admin: User, rng: random.Random) -> AssessmentsLoaded:
    areas = (
        FocusArea.objects.filter(plan_lines__drive=drive, plan_lines__channel="campus")
        .distinct()
        .order_by("code")
    )
    results = moved = queued = 0
    for area in areas:
        assessment = assessment_create(
            drive=drive,
            focus_area=area,
            name_en=f"{area.name_en}: online assessment",
            name_zh=f"{area.name_zh}笔试",
            pass_mark=PASS_MARK,
            actor=admin,
        )
        waiting = list(
            Application.objects.filter(
                requisition__drive=drive,
                requisition__plan_line__focus_area=area,
                requisition__plan_line__channel="campus",
                requisition__status=RequisitionStatus.OPEN,
                stage=ASSESSMENT_STAGE,
            )
            .select_related("candidate")
            .order_by("pk")
        )
        back = sorted(rng.sample(waiting, round(RESULTS_SHARE * len(waiting))), key=lambda a: a.pk)
        if not back:
            continue
        report = assessment_results_import(
            assessment_id=assessment.pk,
            filename=f"{area.code}-online-assessment-results.csv",
            content=_results_file(back, rng),
            actor=admin,
        )
        if not report.ok:  # the demo writes what the import reads; a refusal is a bug
            raise RuntimeError(f"demo assessment results refused: {[str(e) for e in report.errors[:5]]}")
        results += report.rows
        moved += report.moved
        queued += report.queued
    return AssessmentsLoaded(len(areas), results, moved, queued)


__all__ = ["AssessmentsLoaded", "assessments_load"]
