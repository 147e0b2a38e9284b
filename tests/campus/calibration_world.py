"""Applicants interviewed in the offer world (``tests/offers/conftest.py``), with scorecards, for the
calibration and batch-offer tests here and in the browser."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from talentdrive.accounts.models import Role
from talentdrive.interviews.scorecards import scorecard_submit
from talentdrive.interviews.services import interview_schedule
from tests import factories
from tests.offers.conftest import OfferWorld

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
ATTRIBUTES = ("modelling_depth", "coding", "systems", "research_taste")


def _at(day: int, hour: int) -> dt.datetime:
    """A moment in November 2026, before any clock these tests run under."""
    return dt.datetime(2026, 11, day, hour, tzinfo=SHANGHAI)


def _interview(
    world: OfferWorld,
    application,
    day: int,
    interviewers,
    *,
    rating: int,
    recommendation: str,
    missing: tuple = (),
):
    interview = interview_schedule(
        application_id=application.pk,
        stage_code="technical_1",
        starts_at=_at(day, 10),
        interviewer_ids=[u.pk for u in interviewers],
        actor=world.users["recruiter"],
        location="Room 3",
    )
    for user in interviewers:
        if user in missing:
            continue
        scorecard_submit(
            interview_id=interview.pk,
            ratings={code: {"rating": rating, "notes": ""} for code in ATTRIBUTES},
            recommendation=recommendation,
            actor=user,
            now=_at(day, 12),
        )
    return interview


@pytest.fixture
def panel(world):
    second = factories.make_staff(Role.INTERVIEWER, username="iris", email="iris@example.test")
    return [world.users["interviewer"], second]


@pytest.fixture
def interviewed(world, panel):
    """Three interviewed applicants: 李雷 rated 4 (strong yes), 韩梅梅 rated 2 (no) with one scorecard
    missing, 王芳 rated 3 (yes); and one not yet interviewed."""
    strong = world.application
    weak = world.applicant(candidate=factories.make_candidate(full_name="韩梅梅"))
    middle = world.applicant(candidate=factories.make_candidate(full_name="王芳"), school="浙江大学")
    world.applicant(candidate=factories.make_candidate(full_name="未面试"))
    _interview(world, strong, 2, panel, rating=4, recommendation="strong_yes")
    _interview(world, weak, 3, panel, rating=2, recommendation="no", missing=(panel[1],))
    _interview(world, middle, 4, panel, rating=3, recommendation="yes")
    return {"strong": strong, "weak": weak, "middle": middle}
