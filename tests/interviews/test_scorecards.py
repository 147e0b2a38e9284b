"""Scorecards: who submits and when, who reads whose, and blind review."""

from __future__ import annotations

import pytest

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.interviews import access
from talentdrive.interviews.errors import ScorecardRefused
from talentdrive.interviews.models import DriveInterviewSettings, Scorecard
from talentdrive.interviews.scorecards import scorecard_submit
from talentdrive.interviews.selectors import application_scorecards, scorecards_late
from talentdrive.interviews.services import interview_cancel, interview_schedule
from tests.interviews.conftest import at

pytestmark = pytest.mark.django_db

RATINGS = {
    code: {"rating": 3, "notes": "solid"}
    for code in ("modelling_depth", "coding", "systems", "research_taste")
}


@pytest.fixture
def panel(room):
    """One technical interview on the 8th, 10:00-11:00 Shanghai, with both interviewers."""
    return interview_schedule(
        application_id=room.application.pk,
        stage_code="technical_1",
        starts_at=at(8, 10),
        interviewer_ids=[u.pk for u in room.interviewers],
        actor=room.recruiter,
        location="Room 3",
    )


def _submit(interview, user, *, now=None, recommendation="yes", ratings=RATINGS):
    return scorecard_submit(
        interview_id=interview.pk,
        ratings=ratings,
        recommendation=recommendation,
        actor=user,
        now=now or at(8, 11),
    )


def test_an_assigned_interviewer_submits_after_the_start(room, panel):
    scorecard = _submit(panel, room.interviewers[0], now=at(8, 10, 5))
    assert scorecard.ratings["coding"] == {"rating": 3, "notes": "solid"}
    assert AuditEvent.objects.filter(
        action=AuditAction.SCORECARD_SUBMIT, target_id=str(scorecard.pk)
    ).exists()


@pytest.mark.parametrize("who", ["recruiter", "hiring_manager", "admin"])
def test_nobody_else_submits(room, panel, who):
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.staff[who])
    assert refused.value.code == "not_assigned"
    assert not Scorecard.objects.exists()


def test_not_before_the_interview_starts(room, panel):
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.interviewers[0], now=at(8, 9, 59))
    assert refused.value.code == "not_started"
    assert not Scorecard.objects.exists()


def test_once_only_and_every_attribute_rated(room, panel):
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.interviewers[0], ratings={**RATINGS, "coding": {"rating": 5}})
    assert refused.value.code == "rating_missing"
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.interviewers[0], ratings={**RATINGS, "charm": {"rating": 4}})
    assert refused.value.code == "rating_unknown"
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.interviewers[0], recommendation="maybe")
    assert refused.value.code == "recommendation"
    assert not Scorecard.objects.exists()
    _submit(panel, room.interviewers[0])
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.interviewers[0])
    assert refused.value.code == "already_submitted"


def test_a_cancelled_interview_takes_no_scorecard(room, panel):
    interview_cancel(interview_id=panel.pk, actor=room.recruiter)
    with pytest.raises(ScorecardRefused) as refused:
        _submit(panel, room.interviewers[0])
    assert refused.value.code == "cancelled"


def test_others_scorecards_are_seen_only_after_submitting_ones_own(room, panel):
    ivan, iris = room.interviewers
    _submit(panel, ivan, recommendation="strong_yes")
    # before Iris submits, she sees no scorecard; Ivan sees only his own
    assert application_scorecards(user=iris, application=room.application) == []
    assert [s.interviewer for s in application_scorecards(user=ivan, application=room.application)] == [ivan]
    # the recruiter and the hiring manager read every submitted one
    for reader in (room.recruiter, room.staff["hiring_manager"], room.staff["leadership"]):
        assert len(application_scorecards(user=reader, application=room.application)) == 1
    assert application_scorecards(user=room.staff["other_recruiter"], application=room.application) == []
    # when Iris submits
    _submit(panel, iris, recommendation="no")
    # then both read both
    for interviewer in (ivan, iris):
        assert len(application_scorecards(user=interviewer, application=room.application)) == 2


def test_a_later_round_stays_closed_until_its_scorecard_is_in(room, panel):
    ivan, iris = room.interviewers
    second = interview_schedule(
        application_id=room.application.pk,
        stage_code="technical_2",
        starts_at=at(9, 10),
        interviewer_ids=[ivan.pk],
        actor=room.recruiter,
    )
    _submit(panel, iris)
    _submit(panel, ivan)
    # Ivan still owes technical 2: he sees his own only
    assert [s.interviewer for s in application_scorecards(user=ivan, application=room.application)] == [ivan]
    _submit(second, ivan, now=at(9, 11))
    assert len(application_scorecards(user=ivan, application=room.application)) == 3


def test_blind_review_hides_the_person_until_the_scorecard_is_in(room, panel):
    ivan = room.interviewers[0]
    assert not access.blind_review_hides(ivan, room.application)  # switched off by default
    DriveInterviewSettings.objects.create(drive=room.requisition.drive, blind_review=True)
    assert access.blind_review_hides(ivan, room.application)
    for reader in ("recruiter", "hiring_manager", "admin"):
        assert not access.blind_review_hides(room.staff[reader], room.application)
    _submit(panel, ivan)
    assert not access.blind_review_hides(ivan, room.application)
    assert access.blind_review_hides(room.interviewers[1], room.application)


def test_late_scorecards_are_listed_for_the_recruiter(room, panel):
    _submit(panel, room.interviewers[0])
    assert scorecards_late(user=room.recruiter, now=at(9, 10, 59)) == []
    late = scorecards_late(user=room.recruiter, now=at(9, 11, 1))
    assert [(row.interview, row.interviewer) for row in late] == [(panel, room.interviewers[1])]
    assert scorecards_late(user=room.staff["other_recruiter"], now=at(9, 12)) == []
    assert scorecards_late(user=room.interviewers[1], now=at(9, 12)) == []
