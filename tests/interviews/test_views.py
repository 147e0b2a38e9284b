"""The back-office pages and the API of interviews: scheduling from the application page, the
interviewer's reduced page under blind review, the scorecard form, the home page, the API's rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from talentdrive.accounts.services import api_token_create
from talentdrive.interviews.models import DriveInterviewSettings, Interview, Scorecard
from talentdrive.interviews.scorecards import scorecard_submit
from talentdrive.interviews.services import interview_schedule
from tests.actors import TEST_ACTOR

pytestmark = pytest.mark.django_db

RATINGS = {code: {"rating": 4} for code in ("modelling_depth", "coding", "systems", "research_taste")}


@pytest.fixture
def held(room):
    """An interview that started an hour ago, with both interviewers."""
    return interview_schedule(
        application_id=room.application.pk,
        stage_code="technical_1",
        starts_at=timezone.now() - dt.timedelta(hours=1),
        interviewer_ids=[u.pk for u in room.interviewers],
        actor=room.recruiter,
    )


def test_the_recruiter_schedules_from_the_application_page(client, room, django_capture_on_commit_callbacks):
    client.force_login(room.recruiter)
    page = client.get(reverse("backoffice:application_detail", args=[room.application.pk]))
    assert page.status_code == 200
    assert "Schedule an interview" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("backoffice:interview_schedule", args=[room.application.pk]),
            {
                "stage_code": "technical_1",
                "date": "2026-12-21",
                "time": "14:30",
                "time_zone": "Asia/Shanghai",
                "video_url": "https://meet.example.test/x",
                "interviewers": [room.interviewers[0].pk],
            },
        )
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert timezone.localtime(interview.starts_at).strftime("%Y-%m-%d %H:%M") == "2026-12-21 14:30"
    assert len(mail.outbox) == 2


def test_a_refusal_is_said_on_the_page_and_nothing_is_written(client, room, held):
    client.force_login(room.recruiter)
    start = timezone.localtime(held.starts_at)
    response = client.post(
        reverse("backoffice:interview_schedule", args=[room.application.pk]),
        {
            "stage_code": "technical_2",
            "date": start.date().isoformat(),
            "time": start.strftime("%H:%M"),
            "time_zone": "Asia/Shanghai",
            "interviewers": [room.interviewers[0].pk],
        },
        follow=True,
    )
    assert "already has an interview" in response.content.decode()
    assert Interview.objects.count() == 1


def test_the_interviewer_sees_a_reduced_blind_page_until_the_scorecard_is_in(client, room, held):
    DriveInterviewSettings.objects.create(drive=room.requisition.drive, blind_review=True)
    ivan = room.interviewers[0]
    client.force_login(ivan)
    url = reverse("backoffice:application_detail", args=[room.application.pk])
    page = client.get(url).content.decode()
    assert "李雷" not in page and "清华大学" not in page and "li.lei@example.test" not in page
    assert "Blind review" in page
    assert 'action="/staff/applications/' not in page.split("interviews-title")[0]  # no moves
    # the scorecard form
    form = client.get(reverse("backoffice:scorecard_form", args=[held.pk]))
    assert form.status_code == 200 and 'name="rating_coding"' in form.content.decode()
    response = client.post(
        reverse("backoffice:scorecard_form", args=[held.pk]),
        {**{f"rating_{code}": "4" for code in RATINGS}, "recommendation": "strong_yes"},
    )
    assert response.status_code == 302
    assert Scorecard.objects.filter(interviewer=ivan).exists()
    page = client.get(url).content.decode()
    assert "李雷" in page and "清华大学" in page


def test_an_interviewer_not_assigned_sees_nothing(client, room, held, staff):
    from talentdrive.accounts.models import Role
    from tests import factories

    outsider = factories.make_staff(Role.INTERVIEWER, username="otto")
    client.force_login(outsider)
    assert client.get(reverse("backoffice:application_detail", args=[room.application.pk])).status_code == 404
    assert client.get(reverse("backoffice:scorecard_form", args=[held.pk])).status_code == 404


def test_the_home_page_lists_my_interviews_and_late_scorecards(client, room, held):
    client.force_login(room.interviewers[0])
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "My interviews" in page and "R-INT" in page
    assert reverse("backoffice:scorecard_form", args=[held.pk]) in page  # due
    Interview.objects.filter(pk=held.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=30), ends_at=timezone.now() - dt.timedelta(hours=29)
    )
    client.force_login(room.recruiter)
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "Late scorecards" in page and "iris" in page


def test_scorecards_side_by_side(client, room, held):
    for interviewer, recommendation in zip(room.interviewers, ("yes", "no"), strict=True):
        scorecard_submit(
            interview_id=held.pk, ratings=RATINGS, recommendation=recommendation, actor=interviewer
        )
    client.force_login(room.staff["hiring_manager"])
    page = client.get(
        reverse("backoffice:application_scorecards", args=[room.application.pk])
    ).content.decode()
    assert "ivan" in page and "iris" in page and "Strong yes" not in page and "Modelling depth" in page


def test_the_api_applies_the_same_visibility(client, room, held):
    ivan, iris = room.interviewers
    scorecard_submit(interview_id=held.pk, ratings=RATINGS, recommendation="yes", actor=ivan)

    def get(user, path):
        _, raw = api_token_create(user=user, name="t", actor=TEST_ACTOR)
        return client.get(path, headers={"Authorization": f"Bearer {raw}"})

    assert [i["id"] for i in get(iris, "/api/interviews").json()] == [held.pk]
    assert get(iris, "/api/scorecards").json() == []
    assert len(get(ivan, "/api/scorecards").json()) == 1
    body = get(room.recruiter, f"/api/interviews/{held.pk}").json()
    assert body["round"] == "technical_1" and body["sequence"] == 0 and "candidate_name" not in body
    assert get(room.staff["other_recruiter"], f"/api/interviews/{held.pk}").status_code == 404
