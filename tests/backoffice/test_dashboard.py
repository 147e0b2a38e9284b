"""The pipeline dashboard: the funnel and the rest, from applications moved through the services."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentdrive.pipeline.moves import application_move
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_requisition

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved(drive, team, other_team, staff):
    mine = make_requisition(
        drive=drive, team=team, channel="campus", external_id="R-MINE", hiring_manager=staff["hiring_manager"]
    )
    theirs = make_requisition(
        drive=drive, team=other_team, channel="campus", external_id="R-THEIRS", city="beijing"
    )
    first = make_application(requisition=mine, source="referral")
    make_application(requisition=mine, source="portal")
    make_application(requisition=theirs, source="portal")
    for stage in ("online_assessment", "technical_1"):
        application_move(application_id=first.pk, to_stage=stage, actor=TEST_ACTOR, expected_version=None)
    return mine, theirs


def test_leadership_sees_the_whole_funnel(client, staff, moved):
    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard"))
    board = response.context["board"]
    assert board.applications == 3
    assert [(step.kind, step.reached) for step in board.funnel][:3] == [
        ("received", 3),
        ("review", 1),
        ("interview", 1),
    ]
    assert {row.source for row in board.sources} == {"referral", "portal"}
    assert "<svg" in response.content.decode()


def test_a_hiring_manager_sees_only_their_teams(client, staff, moved, team):
    manager = staff["hiring_manager"]
    client.force_login(manager)
    board = client.get(reverse("backoffice:dashboard")).context["board"]
    assert board.scoped and board.applications == 2  # the two on R-MINE, which they manage


def test_interviewers_are_refused(client, staff, moved):
    client.force_login(staff["interviewer"])
    assert client.get(reverse("backoffice:dashboard")).status_code == 403


def test_the_forecast_says_no_hires_yet_rather_than_inventing_a_date(client, staff, moved):
    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard"))
    forecast = response.context["forecast"]
    assert forecast.drive.hired == 0 and forecast.drive.likely is None
    assert "no hires yet: no forecast" in response.content.decode()


def test_the_workbook_for_the_weekly_meeting_holds_the_same_figures_in_chinese(client, staff, moved):
    import io

    from openpyxl import load_workbook

    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard_xlsx"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "漏斗"
    funnel = list(book["漏斗"].iter_rows(values_only=True))
    assert funnel[1][:2] == ("已投递", 3)


def test_drilling_down_twice_narrows_the_figures(client, staff, moved):
    client.force_login(staff["leadership"])
    url = reverse("backoffice:dashboard")
    whole = client.get(url).context
    cities = dict(next(members for name, _, members, _ in whole["drill"] if name == "city"))
    assert set(cities) == {"shanghai", "beijing"}
    narrowed = client.get(url, {"city": "shanghai", "channel": "campus"}).context
    assert narrowed["board"].applications == 2


def test_the_api_gives_the_same_figures_as_the_page(client, staff, moved):
    from talentdrive.accounts.services import api_token_create

    _, raw = api_token_create(user=staff["leadership"], name="weekly sheet", actor=staff["leadership"])
    headers = {"Authorization": f"Bearer {raw}"}
    body = client.get("/api/insights/pipeline?channel=campus", headers=headers).json()
    client.force_login(staff["leadership"])
    page = client.get(reverse("backoffice:dashboard"), {"channel": "campus"}).context["board"]
    assert body["applications"] == page.applications == 3
    assert [(s["kind"], s["reached"]) for s in body["funnel"]] == [(s.kind, s.reached) for s in page.funnel]
    assert body["forecast"]["likely"] is None  # no hires yet: no date
