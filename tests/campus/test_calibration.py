"""Calibration after the interview days: every interviewed applicant with the scorecards side by side,
who may read it, and batch offers from the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus import access as campus_access
from talentdrive.campus.calibration import requisition_calibration
from talentdrive.offers.models import Offer, OfferStatus
from tests import factories
from tests.campus.calibration_world import ATTRIBUTES
from tests.offers.conftest import TODAY, draft

pytestmark = pytest.mark.django_db


def test_the_table_orders_interviewed_applicants_by_their_ratings(world, interviewed):
    table = requisition_calibration(user=world.users["recruiter"], requisition=world.requisition)
    names = [row.application.candidate.full_name for row in table.rows]
    assert names == ["李雷", "王芳", "韩梅梅"]  # the one not interviewed is not a row
    strong, middle, weak = table.rows
    assert strong.mean_rating == 4.0 and strong.tally == {"strong_yes": 2}
    assert weak.mean_rating == 2.0 and weak.missing == 1 and weak.tally == {"no": 1}
    assert table.round_codes == ("technical_1",)
    assert [code for code, _name in table.attributes] == list(ATTRIBUTES)
    assert middle.attribute_means["coding"] == 3.0
    cells = weak.rounds["technical_1"]
    assert [cell.recommendation for cell in cells] == ["no", ""]
    assert all(row.can_offer for row in table.rows)


def test_an_applicant_with_an_offer_shows_it_and_cannot_be_offered_again(world, interviewed):
    draft(world, interviewed["middle"])
    table = requisition_calibration(user=world.users["recruiter"], requisition=world.requisition)
    row = next(r for r in table.rows if r.application == interviewed["middle"])
    assert row.offer is not None and row.offer.status == OfferStatus.DRAFT
    assert not row.can_offer


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("recruiter", True),
        ("hiring_manager", True),
        ("leadership", True),
        ("admin", True),
        ("interviewer", False),
        ("other_recruiter", False),
    ],
)
def test_who_reads_the_calibration(world, who, allowed):
    assert campus_access.calibration_can_read(world.users[who], world.requisition) is allowed


def test_leaders_read_it_but_may_not_offer(world, interviewed):
    table = requisition_calibration(user=world.users["leadership"], requisition=world.requisition)
    assert len(table.rows) == 3
    assert not any(row.can_offer for row in table.rows)


def _url(world) -> str:
    return reverse("backoffice:requisition_calibration", args=[world.requisition.pk])


def _post(world, ids, **extra):
    data = {
        "level": "senior",
        "salary": "600000",
        "sign_on_bonus": "0",
        "start_date": (TODAY + dt.timedelta(days=60)).isoformat(),
        "city": str(factories.seeded_city("shanghai").pk),
        "expires_on": (TODAY + dt.timedelta(days=14)).isoformat(),
        "submit_now": "on",
        "application": [str(pk) for pk in ids],
    }
    data.update(extra)
    return data


def test_the_page_shows_the_table_and_drafts_the_selected_offers(client, world, interviewed):
    client.force_login(world.users["recruiter"])
    page = client.get(_url(world)).content.decode()
    assert page.index("李雷") < page.index("王芳") < page.index("韩梅梅")
    assert 'id="headcount-left"' in page and "3 of 3 left" in page
    assert "scorecard missing" in page
    chosen = [interviewed["strong"].pk, interviewed["middle"].pk]
    response = client.post(_url(world), _post(world, chosen, **{f"salary_{chosen[0]}": "700,000"}))
    assert response.status_code == 302
    offers = {o.application_id: o for o in Offer.objects.all()}
    assert set(offers) == set(chosen)
    assert offers[chosen[0]].salary == 700_000 and offers[chosen[1]].salary == 600_000
    assert {o.status for o in offers.values()} == {OfferStatus.PENDING_APPROVAL}
    page = client.get(_url(world)).content.decode()
    assert "2 offers drafted and submitted for approval." in page
    assert "1 of 3 left" in page


def test_the_page_refuses_a_batch_over_the_remaining_headcount_and_keeps_the_choice(
    client, world, interviewed
):
    world.requisition.headcount = 4  # room on the requisition: the plan line is what binds
    world.requisition.save()
    draft(world, factories.make_application(requisition=world.requisition, stage="hr_interview"))
    draft(world, factories.make_application(requisition=world.requisition, stage="hr_interview"))
    client.force_login(world.users["recruiter"])
    chosen = [interviewed["strong"].pk, interviewed["middle"].pk]
    response = client.post(_url(world), _post(world, chosen))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Applicants selected: 2" in page and "room for 1 more" in page
    assert f'value="{chosen[0]}" id="pick-{chosen[0]}" checked' in page
    assert Offer.objects.count() == 2
    assert not AuditEvent.objects.filter(action=AuditAction.OFFER_BATCH_DRAFT).exists()


def test_a_bad_salary_beside_an_applicant_is_named(client, world, interviewed):
    client.force_login(world.users["recruiter"])
    pk = interviewed["strong"].pk
    page = client.post(_url(world), _post(world, [pk], **{f"salary_{pk}": "lots"})).content.decode()
    assert f"application #{pk}" in page and "lots" in page
    assert not Offer.objects.exists()


def test_the_page_in_chinese(client, world, interviewed):
    client.force_login(world.users["hiring_manager"])
    page = client.get(_url(world), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "校准" in page and "批量" in page
    # the package's dates are filled in as a date field reads them (ISO), not in the Chinese date format
    import re

    dates = re.findall(r'<input type="date" name="(start_date|expires_on)" value="([^"]*)"', page)
    assert len(dates) == 2 and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) for _name, value in dates)


@pytest.mark.parametrize("who", ["interviewer", "other_recruiter"])
def test_interviewers_and_recruiters_out_of_scope_cannot_open_it(client, world, who):
    client.force_login(world.users[who])
    assert client.get(_url(world)).status_code in (403, 404)
    assert client.post(_url(world), _post(world, [world.application.pk])).status_code in (403, 404)
    assert not Offer.objects.exists()


def test_anonymous_visitors_go_to_the_login_page(client, world):
    response = client.get(_url(world))
    assert response.status_code == 302 and "login" in response["Location"]


def _api(world) -> str:
    return f"/api/requisitions/{world.requisition.pk}"


def test_the_api_reads_the_table_and_drafts_a_batch(client, world, interviewed):
    client.force_login(world.users["recruiter"])
    table = client.get(_api(world) + "/calibration").json()
    assert [row["candidate"] for row in table["rows"]] == ["李雷", "王芳", "韩梅梅"]
    assert table["remaining_headcount"] == 3
    assert table["rows"][2]["missing_scorecards"] == 1
    body = _post(world, [])
    body.update(
        application_ids=[interviewed["strong"].pk],
        salary=600_000,
        sign_on_bonus=0,
        city="shanghai",
        salaries={},
        submit=False,
    )
    del body["application"], body["submit_now"]
    response = client.post(_api(world) + "/offers/batch", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["remaining_headcount"] == 2
    assert Offer.objects.get().status == OfferStatus.DRAFT


def test_the_api_refuses_a_batch_with_each_applicants_reason(client, world, interviewed):
    client.force_login(world.users["recruiter"])
    ids = [interviewed["strong"].pk, interviewed["middle"].pk]
    body = {
        "application_ids": ids,
        "level": "senior",
        "salary": 600_000,
        "start_date": (TODAY + dt.timedelta(days=60)).isoformat(),
        "city": "shanghai",
        "expires_on": (TODAY + dt.timedelta(days=14)).isoformat(),
        "salaries": {str(ids[1]): 10},
    }
    response = client.post(_api(world) + "/offers/batch", body, content_type="application/json")
    assert response.status_code == 422
    answer = response.json()
    assert answer["code"] == "rows_refused"
    assert [row["application_id"] for row in answer["rows"]] == [ids[1]]
    assert not Offer.objects.exists()
    body["city"] = "atlantis"
    response = client.post(_api(world) + "/offers/batch", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "city"
    # a salary for an application not chosen (a mistyped id) is named, not silently ignored
    body.update(city="shanghai", salaries={"999999": 700_000})
    response = client.post(_api(world) + "/offers/batch", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "salaries"
    assert "999999" in response.json()["message"] and not Offer.objects.exists()


def test_the_package_starts_from_the_salary_band(client, world, interviewed):
    client.force_login(world.users["recruiter"])
    page = client.get(_url(world)).content.decode()
    assert 'id="salary-band"' in page and "500,000–800,000 CNY" in page
    assert 'name="salary" value="500000"' in page


def test_a_package_salary_beyond_any_offer_is_refused_by_the_form(client, world, interviewed):
    client.force_login(world.users["recruiter"])
    pk = interviewed["strong"].pk
    page = client.post(_url(world), _post(world, [pk], salary="99999999999")).content.decode()
    assert "100000000" in page or "100,000,000" in page
    page = client.post(_url(world), _post(world, [pk], **{f"salary_{pk}": "99999999999"})).content.decode()
    assert "up to 100,000,000" in page
    assert not Offer.objects.exists()


def test_a_batch_names_only_applicants_the_table_offers(world, interviewed):
    # given an applicant who was never interviewed (not a row of the table)
    from talentdrive.campus.calibration import calibration_offers_draft
    from talentdrive.offers.batch import OfferTerms
    from talentdrive.offers.errors import OfferBatchRefused
    from talentdrive.plans.models import City

    never = factories.make_application(requisition=world.requisition, stage="resume_screen")
    terms = OfferTerms(
        level=world.requisition.level, salary=600_000, start_date=TODAY + dt.timedelta(days=60),
        city=City.objects.get(code="shanghai"), expires_on=TODAY + dt.timedelta(days=10),
    )  # fmt: skip
    # when a batch names them beside an interviewed applicant, then it is refused whole, naming them
    with pytest.raises(OfferBatchRefused) as refused:
        calibration_offers_draft(
            user=world.users["recruiter"], requisition=world.requisition,
            application_ids=[interviewed["strong"].pk, never.pk], terms=terms,
        )  # fmt: skip
    assert refused.value.code == "not_in_calibration" and refused.value.params["ids"] == str(never.pk)
    assert not Offer.objects.exists()


def test_a_leader_posting_the_batch_form_is_refused_before_anything_is_read(client, world, interviewed):
    client.force_login(world.users["leadership"])
    response = client.post(
        _url(world), {"application": [str(interviewed["strong"].pk)]}
    )  # no city, no package
    assert response.status_code == 403
    assert not Offer.objects.exists()
    assert campus_access.calibration_can_batch(world.users["recruiter"], world.requisition)
    assert not campus_access.calibration_can_batch(world.users["leadership"], world.requisition)
