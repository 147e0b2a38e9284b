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


def _offer(application, status, reason=""):
    import datetime as dt

    from talentdrive.offers.models import Offer

    today = dt.date(2026, 9, 1)
    return Offer.objects.create(
        application=application,
        requisition=application.requisition,
        level="engineer",
        salary=400_000,
        start_date=today,
        city=application.requisition.plan_line.city,
        expires_on=today,
        band_min=300_000,
        band_max=500_000,
        status=status,
        reason=reason,
    )


@pytest.fixture
def answered(moved):
    """R-MINE: 1 accepted, 3 declined (two for the same reason), 1 sent; R-THEIRS: 1 expired."""
    mine, theirs = moved
    for status, reason in [
        ("accepted", ""),
        ("declined", "Another offer"),
        ("declined", "another offer."),
        ("declined", "Too far from home"),
        ("sent", ""),
    ]:
        _offer(make_application(requisition=mine), status, reason)
    _offer(make_application(requisition=theirs), "expired")
    return mine, theirs


def test_offers_acceptance_and_decline_reasons(client, staff, answered):
    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard"))
    offers = response.context["board"].offers
    # 1 accepted of 5 answered or lapsed (3 declined, 1 expired); the sent one waits
    assert (offers.total.accepted, offers.total.decided, offers.total.out) == (1, 5, 1)
    assert offers.total.rate == 1 / 5
    assert [(r.reason, r.count) for r in offers.decline_reasons] == [
        ("Another offer", 2),
        ("Too far from home", 1),
    ]
    # R-MINE: 1 of 4 answered accepted, under half: at risk with the figures in the reason
    risk = next(r for r in response.context["board"].at_risk if r.requisition.external_id == "R-MINE")
    assert (risk.reason, risk.accepted, risk.decided) == ("low_acceptance", 1, 4)
    assert "Only 1 of 4 offers answered were accepted." in response.content.decode()


def test_a_hiring_manager_sees_the_offers_of_their_teams_only(client, staff, answered):
    client.force_login(staff["hiring_manager"])
    offers = client.get(reverse("backoffice:dashboard")).context["board"].offers
    assert (offers.total.accepted, offers.total.declined, offers.total.expired) == (1, 3, 0)


@pytest.fixture
def interviewed(moved, staff):
    import datetime as dt

    from django.utils import timezone

    from talentdrive.interviews.models import Interview, Scorecard

    mine, _ = moved
    application = mine.applications.order_by("pk").first()
    now = timezone.now()
    for hours_ago, scorecard in ((72, False), (80, True), (-24 * 21, False)):
        starts = now - dt.timedelta(hours=hours_ago)
        interview = Interview.objects.create(
            application=application,
            stage_code="technical_1",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
        )
        interview.interviewers.set([staff["interviewer"]])
        if scorecard:
            Scorecard.objects.create(
                interview=interview,
                interviewer=staff["interviewer"],
                recommendation="yes",
                submitted_at=starts + dt.timedelta(hours=2),
            )
    return staff["interviewer"]


def test_interviewer_load_and_late_scorecards(client, staff, interviewed, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "INTERVIEWER_WEEKLY_CAP": 5}
    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard"))
    load = response.context["board"].load
    ((user, figures),) = load.loads
    assert user == interviewed and figures.cap == 5
    assert (figures.late_now, figures.scorecards, figures.handed_in_late) == (1, 1, 0)
    # three interviews: one three weeks ahead is neither this week nor next; the two past ones fall in
    # this week or the weeks before, depending on the weekday the test runs on: counted either way
    assert figures.this_week + figures.weekly_average * load.past_weeks + figures.next_week == 2
    assert load.late_now == 1 and str(interviewed) in response.content.decode()


def test_the_workbook_and_the_api_carry_offers_and_interviewers(client, staff, answered, interviewed):
    import io

    from openpyxl import load_workbook

    from talentdrive.accounts.services import api_token_create

    client.force_login(staff["leadership"])
    book = load_workbook(io.BytesIO(client.get(reverse("backoffice:dashboard_xlsx")).content))
    offers = list(book["Offers"].iter_rows(values_only=True))
    assert offers[1][:5] == ("All offers", 1, 3, 1, 0.2)
    assert list(book["Why offers were declined"].iter_rows(values_only=True))[1] == ("Another offer", 2)
    assert list(book["Interviewers"].iter_rows(values_only=True))[1][0] == str(interviewed)

    _, raw = api_token_create(user=staff["leadership"], name="weekly sheet", actor=staff["leadership"])
    body = client.get("/api/insights/pipeline", headers={"Authorization": f"Bearer {raw}"}).json()
    assert body["offers"]["total"]["rate"] == 0.2
    assert body["offers"]["decline_reasons"][0] == {"reason": "Another offer", "count": 2}
    assert body["interviewers"]["loads"][0]["late_now"] == 1
    assert {r["reason"] for r in body["at_risk"]} >= {"low_acceptance"}


def test_every_table_of_the_page_downloads_as_csv_with_the_pages_figures(client, staff, answered):
    import csv
    import io

    from talentdrive.insights.workbook import dashboard_tables

    client.force_login(staff["leadership"])
    page = client.get(reverse("backoffice:dashboard"), {"channel": "campus"})
    slugs = [table.slug for table in dashboard_tables(page.context["board"], page.context["forecast"])]
    html = page.content.decode()
    for slug in slugs:
        assert f"table={slug}" in html  # each table links its CSV
    response = client.get(reverse("backoffice:dashboard_csv"), {"channel": "campus", "table": "funnel"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Step", "Reached", "Of the step before"]
    assert [row[:2] for row in rows[1:4]] == [
        ["Applied", str(page.context["board"].funnel[0].reached)],
        ["Screening and assessment", "1"],
        ["Interviews", "1"],
    ]


def test_a_reason_that_reads_as_a_formula_is_text_in_the_csv(client, staff, moved):
    import csv
    import io

    mine, _ = moved
    _offer(make_application(requisition=mine), "declined", '=HYPERLINK("http://x.test","pay")')
    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard_csv"), {"table": "declines"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == ['\'=HYPERLINK("http://x.test","pay")', "1"]


def test_an_unknown_table_is_refused_naming_the_tables_there_are(client, staff, moved):
    client.force_login(staff["leadership"])
    response = client.get(reverse("backoffice:dashboard_csv"), {"table": "salaries"})
    assert response.status_code == 400
    assert (
        "salaries" in response.content.decode() and "funnel, funnel_by_channel" in response.content.decode()
    )
