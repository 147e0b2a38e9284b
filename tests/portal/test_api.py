"""The public API at /api/public/: open requisitions and idempotent applying."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.pipeline.models import Application
from tests.factories import make_requisition, pdf_bytes


def body(**changes):
    data = {
        "full_name": "Wang Fang",
        "email": "wang.fang@example.com",
        "phone": "+86 139 0013 9000",
        "consent": "true",
        "consent_version": CURRENT_CONSENT_VERSION,
        "source": "kiosk",
        "resume": SimpleUploadedFile("cv.pdf", pdf_bytes()),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_list_open_requisitions_with_portal_filters(client, drive, team, requisition):
    make_requisition(
        drive=drive, team=team, external_id="GZ", city="guangzhou", channel="campus", level="graduate"
    )
    make_requisition(drive=drive, team=team, external_id="X", status="closed")
    everything = client.get("/api/public/requisitions").json()
    assert everything["count"] == 2
    campus = client.get("/api/public/requisitions?channel=campus&city=guangzhou").json()
    assert [item["external_id"] for item in campus["items"]] == ["GZ"]
    assert {f["value"]: f["count"] for f in campus["facets"]["channel"]} == {
        "experienced": 0,
        "campus": 1,
    } or {f["value"]: f["count"] for f in campus["facets"]["channel"]} == {"campus": 1}


def test_detail_of_open_requisition_410_for_one_no_longer_open_and_404_for_a_draft(
    client, drive, team, requisition
):
    closed = make_requisition(drive=drive, team=team, external_id="X", status="closed")
    draft = make_requisition(drive=drive, team=team, external_id="D", status="draft")
    detail = client.get(f"/api/public/requisitions/{requisition.pk}").json()
    assert detail["must_skills"] == ["PyTorch", "distributed training"]

    gone = client.get(f"/api/public/requisitions/{closed.pk}", headers={"Accept-Language": "zh-hans"})
    assert gone.status_code == 410
    assert gone.json()["code"] == "closed" and gone.json()["message"] == "该职位目前不接受申请。"

    for number in (draft.pk, 999_999):
        missing = client.get(f"/api/public/requisitions/{number}")
        assert missing.status_code == 404
        assert missing.json() == {
            "code": "not_found",
            "message": "There is no requisition with this number.",
            "errors": {},
        }


def test_apply_answers_received_and_the_same_for_a_repeated_key(client, requisition):
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    first = client.post(url, body(), headers={"Idempotency-Key": "kiosk-7-0001"})
    assert first.status_code == 202
    assert first.json()["received"] is True
    again = client.post(url, body(), headers={"Idempotency-Key": "kiosk-7-0001"})
    assert (again.status_code, again.json()) == (202, first.json())
    assert Application.objects.count() == 1
    assert Application.objects.get().source == "kiosk"
    assert len(mail.outbox) == 1


def test_apply_without_key_by_the_same_person_is_not_duplicated(client, requisition):
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    first = client.post(url, body())
    second = client.post(url, body())
    assert (second.status_code, second.json()) == (first.status_code, first.json())
    assert Application.objects.count() == 1


def test_a_second_application_never_reveals_the_first_ones_stage(client, requisition):
    # given: a candidate who applied and has reached the offer stage
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    first = client.post(url, body())
    Application.objects.update(stage="offer")

    # when: a stranger who knows the address applies with it, in both languages
    second = client.post(
        url, body(resume=SimpleUploadedFile("mine.pdf", pdf_bytes(text="Someone else - office software")))
    )
    chinese = client.post(url, body(language="zh-hans"))

    # then: the answer is the first one's, with nothing about the application on file
    assert (second.status_code, second.json()) == (first.status_code, first.json())
    assert set(second.json()) == {"received", "message"}
    assert "offer" not in second.content.decode().lower()
    assert chinese.status_code == 202 and not chinese.json()["message"].isascii()
    assert Application.objects.get().stage == "offer"


def test_invalid_fields_are_reported_per_field(client, requisition):
    response = client.post(
        f"/api/public/requisitions/{requisition.pk}/apply", body(email="nope", consent=None)
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"email", "consent"}
    assert Application.objects.count() == 0


def test_the_longest_keys_are_kept_whole(client, requisition):
    # Two 100-character keys that differ only at the end belong to two submissions.
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    first_key, second_key = "k" * 99 + "1", "k" * 99 + "2"
    first = client.post(url, body(), headers={"Idempotency-Key": first_key})
    second = client.post(
        url,
        body(full_name="Han Meimei", email="han.meimei@example.com", phone="+86 139 0013 9001"),
        headers={"Idempotency-Key": second_key},
    )
    assert (first.status_code, second.status_code) == (202, 202)
    assert Application.objects.count() == 2
    again = client.post(url, body(), headers={"Idempotency-Key": first_key})
    assert again.status_code == 202
    assert Application.objects.count() == 2


def test_overlong_idempotency_key_is_refused(client, requisition):
    response = client.post(
        f"/api/public/requisitions/{requisition.pk}/apply", body(), headers={"Idempotency-Key": "k" * 101}
    )
    assert response.status_code == 400
    assert Application.objects.count() == 0


@pytest.mark.parametrize("status", ["paused", "closed"])
def test_apply_to_closed_requisition_is_refused(client, requisition, status):
    requisition.status = status
    requisition.save()
    response = client.post(f"/api/public/requisitions/{requisition.pk}/apply", body())
    assert response.status_code == 409
    assert Application.objects.count() == 0


def test_openapi_documents_the_apply_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    paths = [p for p in schema["paths"] if p.endswith("/apply")]
    assert paths
    operation = schema["paths"][paths[0]]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]


def test_apply_in_chinese_sends_a_chinese_email(client, requisition):
    response = client.post(f"/api/public/requisitions/{requisition.pk}/apply", body(language="zh-hans"))
    assert response.status_code == 202
    assert requisition.title_zh in mail.outbox[0].subject
    assert "/zh-hans/status/" in mail.outbox[0].body


def test_a_retry_with_the_key_is_answered_even_if_the_body_was_lost(client, requisition):
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    first = client.post(url, body(), headers={"Idempotency-Key": "kiosk-retry"})
    retry = client.post(url, {}, headers={"Idempotency-Key": "kiosk-retry"})
    assert (retry.status_code, retry.json()) == (202, first.json())
    # the same key for another requisition is not a retry
    other = make_requisition(drive=requisition.drive, team=requisition.plan_line.team, external_id="REQ-9")
    clash = client.post(
        f"/api/public/requisitions/{other.pk}/apply", body(), headers={"Idempotency-Key": "kiosk-retry"}
    )
    assert clash.status_code == 422
    assert clash.json()["code"] == "idempotency_key_reused"
    assert Application.objects.count() == 1


def test_the_same_key_with_another_applicant_is_refused_not_swallowed(client, requisition):
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    first = client.post(url, body(), headers={"Idempotency-Key": "kiosk-shared"})
    assert first.status_code == 202
    other_person = body(full_name="Li Lei", email="li.lei@example.com", phone="+86 139 0013 9001")
    clash = client.post(url, other_person, headers={"Idempotency-Key": "kiosk-shared"})
    assert clash.status_code == 422
    assert clash.json()["code"] == "idempotency_key_reused"
    assert "Idempotency-Key" in clash.json()["message"]
    # the same key and the same body (email case and spaces aside) is still a retry
    again = client.post(
        url, body(email=" Wang.Fang@Example.com "), headers={"Idempotency-Key": "kiosk-shared"}
    )
    assert (again.status_code, again.json()) == (202, first.json())
    assert Application.objects.count() == 1
    stored = Application.objects.get().idempotency_fingerprint
    assert len(stored) == 64 and "wang" not in stored


def test_api_errors_are_sentences_in_the_requests_language(client, requisition):
    url = f"/api/public/requisitions/{requisition.pk}/apply"
    consent = client.post(url, body(consent_version="1999-01"))
    assert consent.status_code == 409
    assert consent.json()["code"] == "consent"
    assert consent.json()["message"].startswith("The consent version is not current")
    chinese = client.post(url, body(consent_version="1999-01"), headers={"Accept-Language": "zh-Hans"})
    assert chinese.json()["message"].startswith("同意书版本不是最新版本")
    # the form field wins over the header
    invalid = client.post(
        url, body(email="not-an-email", language="zh-hans"), headers={"Accept-Language": "en"}
    )
    assert invalid.status_code == 400
    assert invalid.json()["message"] == "部分字段缺失或无效，详见 errors。"
    assert not invalid.json()["errors"]["email"][0].isascii()
    missing = client.post("/api/public/requisitions/999999/apply", body())
    assert missing.json() == {
        "code": "not_found",
        "message": "There is no requisition with this number.",
        "errors": {},
    }


def test_closed_requisition_refusal_is_translated(client, requisition):
    requisition.status = "paused"
    requisition.save(update_fields=["status"])
    response = client.post(
        f"/api/public/requisitions/{requisition.pk}/apply", body(), headers={"Accept-Language": "zh-Hans"}
    )
    assert response.status_code == 409
    assert response.json()["message"] == "该职位目前不接受申请。"
