"""The offer pages: the candidate's status page (accept after confirming, decline with a reason, the
letter), the back office's panel, drafting form and "my approvals", and the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from talentdrive.accounts.services import api_token_create
from talentdrive.candidates.tokens import status_token_make
from talentdrive.offers.models import Offer, OfferStatus
from talentdrive.offers.services import offer_submit
from tests.actors import TEST_ACTOR
from tests.offers.conftest import TODAY, draft, sent

pytestmark = pytest.mark.django_db


def _status(world, suffix: str = "") -> str:
    token = status_token_make(candidate=world.application.candidate)
    return f"/status/{token}/{suffix}"


def test_the_status_page_shows_a_sent_offer_with_its_buttons_and_letter(client, world):
    offer = sent(world)
    page = client.get(_status(world)).content.decode()
    assert f'id="offer-{offer.pk}"' in page
    assert f"offers/{offer.pk}/accept/" in page and f"offers/{offer.pk}/decline/" in page
    assert f"offers/{offer.pk}/letter.pdf" in page
    # The application's next step is the answer, by the offer's date; the figures read with separators.
    assert f"read the letter and answer by {offer.expires_on.isoformat()}" in page
    assert f"{offer.salary:,} CNY" in page
    letter = client.get(_status(world, f"offers/{offer.pk}/letter.pdf"))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"


def test_a_draft_is_not_shown_to_the_candidate(client, world):
    offer = draft(world)
    assert f'id="offer-{offer.pk}"' not in client.get(_status(world)).content.decode()
    assert client.get(_status(world, f"offers/{offer.pk}/letter.pdf")).status_code == 404


def test_accepting_asks_first_and_accepts_only_when_confirmed(client, world):
    offer = sent(world)
    url = _status(world, f"offers/{offer.pk}/accept/")
    assert client.get(url).status_code == 200
    client.post(url, {})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED


def test_a_refused_acceptance_says_why(client, world):
    first, second = sent(world), sent(world, world.applicant())
    world.requisition.headcount = 1  # lowered after both were sent
    world.requisition.save()
    client.post(_status(world, f"offers/{first.pk}/accept/"), {"confirm": "yes"})
    token = status_token_make(candidate=second.application.candidate)
    response = client.post(f"/status/{token}/offers/{second.pk}/accept/", {"confirm": "yes"})
    assert response.status_code == 409
    assert "headcount" in response.content.decode()


def test_declining_needs_a_reason(client, world):
    offer = sent(world)
    url = _status(world, f"offers/{offer.pk}/decline/")
    assert client.post(url, {"reason": " "}).status_code == 400
    assert client.post(url, {"reason": "staying in school"}).status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.reason) == (OfferStatus.DECLINED, "staying in school")


def test_another_candidate_cannot_reach_the_offer(client, world):
    offer = sent(world)
    stranger = world.applicant()
    token = status_token_make(candidate=stranger.candidate)
    assert client.post(f"/status/{token}/offers/{offer.pk}/accept/", {"confirm": "yes"}).status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_the_back_office_drafts_an_offer_from_the_form(client, world):
    client.force_login(world.users["recruiter"])
    url = reverse("backoffice:application_offer_new", args=[world.application.pk])
    form = {
        "level": "senior",
        "salary": "100000",
        "sign_on_bonus": "0",
        "start_date": (TODAY + dt.timedelta(days=60)).isoformat(),
        "city": str(world.requisition.plan_line.city_id),
        "expires_on": (TODAY + dt.timedelta(days=10)).isoformat(),
        "language": "en",
    }
    refused = client.post(url, form)
    assert refused.status_code == 200 and "below the band" in refused.content.decode()
    assert not Offer.objects.exists()
    page = client.get(reverse("backoffice:application_detail", args=[world.application.pk])).content.decode()
    assert url in page, "with no offer yet, the page offers to draft one"
    assert client.post(url, {**form, "salary": "600000"}).status_code == 302
    page = client.get(reverse("backoffice:application_detail", args=[world.application.pk])).content.decode()
    assert "Submit for approval" in page
    assert url not in page, "one offer at a time: no second draft while this one is outstanding"


def test_my_approvals_lists_what_waits_and_the_nav_links_to_it(client, world):
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=TEST_ACTOR)
    client.force_login(world.users["hiring_manager"])
    page = client.get(reverse("backoffice:my_approvals")).content.decode()
    assert reverse("backoffice:application_detail", args=[world.application.pk]) in page
    assert reverse("backoffice:my_approvals") in client.get(reverse("backoffice:home")).content.decode()
    client.post(
        reverse("backoffice:offer_approve", args=[offer.pk]), {"decision": "approve", "back": "approvals"}
    )
    assert offer.approvals.get(position=1).status == "approved"
    assert f"approval-{offer.pk}" not in client.get(reverse("backoffice:my_approvals")).content.decode()
    client.force_login(world.users["leadership"])
    assert f"approval-{offer.pk}" in client.get(reverse("backoffice:my_approvals")).content.decode()
    client.force_login(world.users["recruiter"])
    assert reverse("backoffice:my_approvals") not in client.get(reverse("backoffice:home")).content.decode()


def test_the_api_reads_approves_and_sends(client, world):
    offer = draft(world)
    offer_submit(offer_id=offer.pk, actor=TEST_ACTOR)

    def call(user: str, method: str, path: str):
        _, raw = api_token_create(user=world.users[user], name="t", actor=TEST_ACTOR)
        headers = {"Authorization": f"Bearer {raw}"}
        if method == "get":
            return client.get(path, headers=headers)
        return client.post(path, {}, content_type="application/json", headers=headers)

    listed = call("recruiter", "get", f"/api/offers?application={world.application.pk}").json()
    assert [item["id"] for item in listed["items"]] == [offer.pk]
    assert call("other_recruiter", "get", f"/api/offers/{offer.pk}").status_code == 404
    assert call("hiring_manager", "get", f"/api/offers/{offer.pk}").json()["can_approve"] is True
    assert call("hiring_manager", "post", f"/api/offers/{offer.pk}/approve").status_code == 200
    assert call("leadership", "post", f"/api/offers/{offer.pk}/approve").json()["status"] == "approved"
    sent_offer = call("recruiter", "post", f"/api/offers/{offer.pk}/send").json()
    assert sent_offer["status"] == "sent"
    assert call("recruiter", "post", f"/api/offers/{offer.pk}/send").status_code == 422
