"""The candidate's timeline holds the interviews, scorecards and offers beside the stage changes, each as
its reader may see it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from talentdrive.hiring.timeline import application_timeline
from talentdrive.interviews.scorecards import scorecard_submit
from talentdrive.interviews.services import interview_reschedule, interview_schedule
from talentdrive.offers.services import offer_submit
from tests.offers.conftest import draft


def _schedule(world, starts_at):
    return interview_schedule(
        application_id=world.application.pk,
        stage_code="hr_interview",
        starts_at=starts_at,
        interviewer_ids=[world.users["interviewer"].pk],
        actor=world.users["recruiter"],
    )


def _kinds(entries):
    return [
        (entry.kind, entry.status) for entry in entries if entry.kind in ("interview", "scorecard", "offer")
    ]


@pytest.mark.django_db
def test_interviews_scorecards_and_offer_steps_are_on_the_recruiters_timeline(world):
    start = (timezone.now() - dt.timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    interview = _schedule(world, start)
    interview_reschedule(
        interview_id=interview.pk, starts_at=start + dt.timedelta(hours=1), actor=world.users["recruiter"]
    )
    round_attributes = interview.round.focus_attributes
    scorecard_submit(
        interview_id=interview.pk,
        ratings={code: {"rating": 3} for code in round_attributes},
        recommendation="yes",
        actor=world.users["interviewer"],
    )
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=world.users["recruiter"])

    with override("en"):
        entries = application_timeline(
            user=world.users["recruiter"], application=world.application, zone="Asia/Shanghai"
        )
    assert _kinds(entries) == [
        ("interview", "interview.schedule"),
        ("interview", "interview.reschedule"),
        ("scorecard", "yes"),
        ("offer", "offer.draft"),
        ("offer", "offer.submit"),
    ]
    moved = entries[[entry.status for entry in entries].index("interview.reschedule")]
    local = timezone.localtime(start + dt.timedelta(hours=1), dt.timezone(dt.timedelta(hours=8)))
    assert moved.text.endswith(local.strftime("%Y-%m-%d %H:%M"))
    assert moved.actor == str(world.users["recruiter"])
    assert moved.status_label == "Interview rescheduled"

    # the interviewer sees their interview and scorecard, not the offer
    mine = application_timeline(user=world.users["interviewer"], application=world.application)
    assert {kind for kind, _ in _kinds(mine)} <= {"interview", "scorecard"}


@pytest.mark.django_db
def test_the_application_page_and_the_api_show_them(world, client):
    _schedule(world, timezone.now() + dt.timedelta(days=2))
    draft(world)
    client.force_login(world.users["recruiter"])
    page = client.get(reverse("backoffice:application_detail", args=[world.application.pk])).content.decode()
    assert "Interview scheduled:" in page
    assert "Offer drafted:" in page
    from talentdrive.accounts.services import api_token_create
    from tests.actors import TEST_ACTOR

    _, raw = api_token_create(user=world.users["recruiter"], name="t", actor=TEST_ACTOR)
    body = client.get(
        f"/api/applications/{world.application.pk}", headers={"Authorization": f"Bearer {raw}"}
    ).json()
    kinds = [entry["kind"] for entry in body["timeline"]]
    assert "interview" in kinds and "offer" in kinds
    offer_entry = next(entry for entry in body["timeline"] if entry["kind"] == "offer")
    assert offer_entry["status"] == "offer.draft"
