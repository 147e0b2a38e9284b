"""Write the demo's campus season: talks, online assessments with results, an interview day.

Everything goes through the campus app's services (``talks.py``, ``assessments.py``, ``days.py``), after
the demo people, whose campus applicants it works on; it emails nobody. Loading is idempotent: a drive
that already has campus talks gets nothing more.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from django.db import transaction

from talentdrive.accounts.models import User
from talentdrive.campus.models import Assessment, AssessmentResult, CampusTalk, InterviewDay, TalkRegistration
from talentdrive.demo import organisation as org
from talentdrive.demo.campus.assessments import assessments_load
from talentdrive.demo.campus.days import day_load
from talentdrive.demo.campus.talks import talks_load
from talentdrive.demo.users import ADMIN, RECRUITERS
from talentdrive.plans.models import Drive

# Apart from the people's stream, so the campus season does not change who the people are.
SEED_OFFSET = 1_000


@dataclass(frozen=True)
class CampusLoadResult:
    created: bool
    talks: int
    past_talks: int
    registrations: int
    checked_in: int
    attributed: int
    assessments: int
    results: int
    moved: int
    queued: int
    interview_days: int
    day_candidates: int
    seconds: float

    def summary(self) -> str:
        return (
            f"{self.talks} campus talks ({self.past_talks} past) with {self.registrations} registrations "
            f"({self.checked_in} checked in, {self.attributed} applications from a talk), "
            f"{self.assessments} online assessments with {self.results} results ({self.moved} moved on, "
            f"{self.queued} waiting for review), {self.interview_days} interview day"
            f"{'s' if self.interview_days != 1 else ''} to plan ({self.day_candidates} candidates)"
        )


def _existing(drive: Drive, started: float) -> CampusLoadResult:
    from talentdrive.campus.models import ResultStatus, TalkAttribution

    results = AssessmentResult.objects.filter(assessment__drive=drive)
    registrations = TalkRegistration.objects.filter(talk__drive=drive)
    days = InterviewDay.objects.filter(drive=drive)
    return CampusLoadResult(
        created=False,
        talks=CampusTalk.objects.filter(drive=drive).count(),
        past_talks=sum(talk.is_over for talk in CampusTalk.objects.filter(drive=drive)),
        registrations=registrations.count(),
        checked_in=registrations.exclude(checked_in_at=None).count(),
        attributed=TalkAttribution.objects.filter(registration__talk__drive=drive).count(),
        assessments=Assessment.objects.filter(drive=drive).count(),
        results=results.count(),
        moved=results.filter(status=ResultStatus.MOVED).count(),
        queued=results.filter(status=ResultStatus.PENDING).count(),
        interview_days=days.count(),
        day_candidates=0,
        seconds=time.perf_counter() - started,
    )


def demo_campus_load(*, seed: int) -> CampusLoadResult:
    """Load the demo drive's campus season; a second call changes nothing."""
    started = time.perf_counter()
    drive = Drive.objects.filter(code=org.DRIVE_CODE).first()
    if drive is None:
        raise RuntimeError("the demo drive is not loaded; load it before its campus season")
    if CampusTalk.objects.filter(drive=drive).exists():
        return _existing(drive, started)
    rng = random.Random(seed + SEED_OFFSET)
    users = {
        user.username: user
        for user in User.objects.filter(username__in=[ADMIN.username, *(r.username for r in RECRUITERS)])
    }
    recruiters = [users[spec.username] for spec in RECRUITERS]
    with transaction.atomic():
        # Results first: the candidates they move on are the interview day's.
        assessments = assessments_load(drive=drive, admin=users[ADMIN.username], rng=rng)
        talks = talks_load(drive=drive, recruiters=recruiters, rng=rng)
        day = day_load(drive=drive, recruiter=users["recruiter.devices"])
    return CampusLoadResult(
        created=True,
        talks=talks.talks,
        past_talks=talks.past,
        registrations=talks.registrations,
        checked_in=talks.checked_in,
        attributed=talks.attributed,
        assessments=assessments.assessments,
        results=assessments.results,
        moved=assessments.moved,
        queued=assessments.queued,
        interview_days=day.days,
        day_candidates=day.candidates,
        seconds=time.perf_counter() - started,
    )
