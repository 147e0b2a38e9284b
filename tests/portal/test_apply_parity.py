"""The career site and the public API apply through one service: the same bad input is refused with
the same code and the same sentence by both."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.services import application_submit
from tests.actors import TEST_ACTOR
from tests.factories import graduate, make_requisition, pdf_bytes

EDUCATION = {"school": "Sun Yat-sen University", "degree": "master", "graduation_date": "2027-06-30"}


def _fields(**changes):
    data = {
        "full_name": "Li Lei",
        "email": "li.lei@example.com",
        "phone": "138 0013 8000",
        "consent": "on",
        "consent_version": CURRENT_CONSENT_VERSION,
        **EDUCATION,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _resume(content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile("cv.pdf", content if content is not None else pdf_bytes())


@pytest.fixture
def campus(drive, team):
    requisition = make_requisition(
        drive=drive, team=team, channel="campus", area="multimodal-understanding", external_id="C-1"
    )
    requisition.graduation_from = dt.date(2026, 9, 1)
    requisition.graduation_to = dt.date(2027, 8, 31)
    requisition.save(update_fields=["graduation_from", "graduation_to"])
    return requisition


@pytest.mark.parametrize(
    ("language", "changes", "resume_content", "status", "code", "field", "field_code"),
    [
        ("en", {"school": ""}, None, 400, "invalid", "school", "required"),
        ("zh-hans", {"degree": None}, None, 400, "invalid", "degree", "required"),
        (
            "en",
            {"graduation_date": "2024-06-30"},
            None,
            400,
            "invalid",
            "graduation_date",
            "graduation_window",
        ),
        (
            "zh-hans",
            {"graduation_date": "1027-06-30"},
            None,
            400,
            "invalid",
            "graduation_date",
            "graduation_date_range",
        ),
        ("en", {}, b"MZ\x90\x00 not a pdf", 400, "invalid", "resume", "type_mismatch"),
        ("zh-hans", {}, b"", 400, "invalid", "resume", "empty"),
        ("en", {"phone": "12"}, None, 400, "invalid", "phone", "phone"),
        ("en", {"consent_version": "1999-01"}, None, 409, "consent", None, None),
        ("zh-hans", {"consent_version": "1999-01"}, None, 409, "consent", None, None),
    ],
)
def test_the_same_bad_input_gets_the_same_code_and_sentence(
    client, settings_rates, campus, language, changes, resume_content, status, code, field, field_code
):
    prefix = "/zh-hans" if language == "zh-hans" else ""
    portal = client.post(
        f"{prefix}/jobs/{campus.pk}/apply/",
        {**_fields(**changes), "submission_key": "parity-1", "resume": _resume(resume_content)},
    )
    api = client.post(
        f"/api/public/requisitions/{campus.pk}/apply",
        {**_fields(**changes), "resume": _resume(resume_content), "language": language},
    )

    assert (portal.status_code, api.status_code) == (status, status)
    assert api.json()["code"] == code
    errors = portal.context["form"].errors.as_data()
    # The form's messages are lazy: read them in the language the page was shown in.
    with translation.override(language):
        if field is None:
            # A refusal of the application as a whole, at the top of the form.
            portal_top = errors["__all__"][0]
            assert portal_top.code == code
            assert str(portal_top.messages[0]) == api.json()["message"]
        else:
            portal_field = errors[field][0]
            assert portal_field.code == field_code
            assert [str(portal_field.messages[0])] == api.json()["errors"][field]
    if language == "zh-hans":
        assert not (api.json()["errors"].get(field) or [api.json()["message"]])[0].isascii()
    assert Application.objects.count() == 0


def test_the_campus_cap_is_refused_alike(client, settings_rates, drive, team, campus):
    # given: the person already holds the maximum number of active campus applications
    settings_rates.TALENTDRIVE = {**settings_rates.TALENTDRIVE, "CAMPUS_ACTIVE_APPLICATION_CAP": 1}
    other = make_requisition(
        drive=drive, team=team, channel="campus", area="multimodal-understanding", external_id="C-2"
    )
    application_submit(
        requisition_id=other.pk,
        applicant=graduate(email="li.lei@example.com", phone="13800138000"),
        resume=None,
        actor=TEST_ACTOR,
    )
    # when
    portal = client.post(
        f"/jobs/{campus.pk}/apply/", {**_fields(), "submission_key": "parity-cap", "resume": _resume()}
    )
    api = client.post(f"/api/public/requisitions/{campus.pk}/apply", {**_fields(), "resume": _resume()})
    # then
    assert (portal.status_code, api.status_code) == (409, 409)
    top = portal.context["form"].errors.as_data()["__all__"][0]
    assert (top.code, api.json()["code"]) == ("cap", "cap")
    assert str(top.messages[0]) == api.json()["message"]
    assert Application.objects.count() == 1


def test_a_closed_requisition_is_refused_by_both(client, settings_rates, requisition):
    requisition.status = "paused"
    requisition.save(update_fields=["status"])
    portal = client.post(f"/jobs/{requisition.pk}/apply/", {**_fields(), "resume": _resume()})
    api = client.post(f"/api/public/requisitions/{requisition.pk}/apply", {**_fields(), "resume": _resume()})
    # The site shows its page for a job that is gone; the API names the same refusal.
    assert (portal.status_code, api.status_code) == (410, 409)
    assert api.json()["code"] == "closed"
    assert Application.objects.count() == 0
