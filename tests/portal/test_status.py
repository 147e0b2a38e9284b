from __future__ import annotations

import json

import pytest

from talentdrive.candidates.tokens import status_token_make
from talentdrive.pipeline.models import Application, Stage
from talentdrive.pipeline.services import application_submit
from tests.actors import TEST_ACTOR
from tests.factories import applicant, make_requisition, resume_upload


@pytest.fixture
def application(requisition):
    return application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=resume_upload(), actor=TEST_ACTOR
    ).application


@pytest.fixture
def other_application(drive, team):
    other_requisition = make_requisition(
        drive=drive, team=team, external_id="REQ-OTHER", title_en="Agent engineer"
    )
    return application_submit(
        requisition_id=other_requisition.pk,
        applicant=applicant(email="han@example.com", phone="13900139000", name="Han Meimei"),
        resume=None,
        actor=TEST_ACTOR,
    ).application


def url(candidate, suffix=""):
    return f"/status/{status_token_make(candidate=candidate)}/{suffix}"


def test_status_page_shows_public_stage(client, application):
    response = client.get(url(application.candidate))
    assert response.status_code == 200
    html = response.content.decode()
    assert "LLM training engineer" in html
    assert 'data-stage="received"' in html


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "9" + token,
        lambda token: token.split(":", 1)[1],
        lambda token: "1:abc:def",
    ],
)
def test_tampered_token_is_refused(client, application, tamper):
    token = status_token_make(candidate=application.candidate)
    response = client.get(f"/status/{tamper(token)}/")
    assert response.status_code == 403
    assert "LLM training engineer" not in response.content.decode()
    assert client.get(f"/status/{tamper(token)}/data.json").status_code == 403


def test_one_candidate_cannot_see_or_withdraw_anothers_application(client, application, other_application):
    response = client.get(url(application.candidate))
    assert "Agent engineer" not in response.content.decode()
    # withdrawing someone else's application through one's own link
    forged = client.post(url(application.candidate, f"withdraw/{other_application.pk}/"))
    assert forged.status_code == 404
    other_application.refresh_from_db()
    assert other_application.stage == Stage.APPLIED
    data = json.loads(client.get(url(application.candidate, "data.json")).content)
    assert [a["id"] for a in data["applications"]] == [application.pk]


def test_withdraw_from_status_page_after_confirming(client, application):
    response = client.post(
        url(application.candidate, f"withdraw/{application.pk}/"), {"confirm": "yes"}, follow=True
    )
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN
    assert 'data-stage="withdrawn"' in response.content.decode()
    assert "While the job is open you may apply again." in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(client, application, method):
    response = getattr(client, method)(url(application.candidate, f"withdraw/{application.pk}/"))
    assert response.status_code == 200
    assert "Yes, withdraw it" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED


def test_the_status_page_shows_the_steps_passed_the_current_one_and_what_comes_next(client, application):
    application.stage = "technical_1"
    application.save(update_fields=["stage"])
    page = client.get(url(application.candidate)).content.decode()
    steps = page[page.index('<ol class="steps"') : page.index("</ol>", page.index('<ol class="steps"'))]
    assert steps.count('class="passed"') == 2  # received, in review
    assert 'aria-current="step">Interviewing' in steps
    assert "We will email you the time and place of each one." in page


def test_download_own_data(client, application):
    response = client.get(url(application.candidate, "data.json"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["candidate"]["email"] == "li.lei@example.com"
    assert data["consents"][0]["version"] == "2026-09"
    assert data["resumes"][0]["file_name"] == "resume.pdf"


def test_erasure_needs_confirmation_then_deletes(client, application):
    candidate = application.candidate
    unconfirmed = client.post(url(candidate, "erase/"))
    assert unconfirmed.status_code == 200
    candidate.refresh_from_db()
    assert candidate.erased_at is None
    done = client.post(url(candidate, "erase/"), {"confirm": "yes"})
    assert done.status_code == 200
    candidate.refresh_from_db()
    assert candidate.email == "" and candidate.erased_at is not None
    assert Application.objects.filter(pk=application.pk, stage=Stage.WITHDRAWN).exists()
    # the link now only says the data is gone
    after = client.get(url(candidate))
    assert after.status_code == 410
    assert client.get(url(candidate, "data.json")).status_code == 410


def test_lost_link_is_emailed_again_to_the_address_on_file(client, application):
    from django.core import mail

    response = client.post("/zh-hans/status/", {"email": "LI.LEI@example.com"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["li.lei@example.com"]
    assert "/zh-hans/status/" in mail.outbox[0].body


def test_lost_link_answer_does_not_reveal_unknown_addresses(client, application):
    from django.core import mail

    known = client.post("/status/", {"email": "li.lei@example.com"}).content.decode()
    unknown = client.post("/status/", {"email": "nobody@example.com"}).content.decode()
    assert len(mail.outbox) == 1
    assert known.replace("li.lei@example.com", "") == unknown.replace("nobody@example.com", "")


def test_private_pages_are_not_cached(client, application):
    response = client.get(url(application.candidate))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_status_page_query_count_does_not_grow_with_applications(
    client, application, drive, team, django_assert_max_num_queries
):
    for n in range(5):
        other = make_requisition(drive=drive, team=team, external_id=f"REQ-MORE-{n}")
        application_submit(requisition_id=other.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR)
    # the page's four reads, one for the flow the requisitions share, one for the interview times on
    # offer and one for the interviews booked
    with django_assert_max_num_queries(7):
        response = client.get(url(application.candidate))
    assert response.content.decode().count("data-stage=") == 6


@pytest.mark.parametrize("role", [None, "admin", "leadership", "recruiter", "hiring_manager", "interviewer"])
def test_only_the_token_opens_a_status_page_whoever_is_signed_in(client, application, role):
    from talentdrive.accounts.models import User

    if role is not None:
        user = User.objects.create_user(username=f"u-{role}", password="pass-12345-abc", role=role)
        client.force_login(user)
    assert client.get("/status/1:forged:token/").status_code == 403
    assert client.post(f"/status/1:forged:token/withdraw/{application.pk}/").status_code == 403
    assert client.get(url(application.candidate)).status_code == 200


def test_download_own_data_as_a_zip_with_readable_json_and_the_resume(client, application):
    import io
    import zipfile

    application.candidate.full_name = "李雷"
    application.candidate.save(update_fields=["full_name"])
    page = client.get(url(application.candidate)).content.decode()
    assert "data.zip" in page
    response = client.get(url(application.candidate, "data.zip"))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    raw = archive.read("my-application-data.json").decode("utf-8")
    # Chinese is written as itself, not as \\u escapes
    assert "李雷" in raw and "\\u" not in raw
    assert json.loads(raw)["candidate"]["email"] == "li.lei@example.com"
    resume = application.resume
    assert names == ["my-application-data.json", f"resumes/{resume.pk}-resume.pdf"]
    with resume.file.open("rb") as handle:
        assert archive.read(names[1]) == handle.read()
