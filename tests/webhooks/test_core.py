"""The pure core: signatures, backoff and the payload rule."""

from __future__ import annotations

import pytest

from talentdrive.webhooks.core.backoff import webhook_retry_delay
from talentdrive.webhooks.core.payload import WebhookPayloadError, webhook_payload_check
from talentdrive.webhooks.core.signing import webhook_signature, webhook_signature_valid

SECRET = "s3cret-for-tests"
BODY = b'{"data":{"application_id":7},"id":"e1","type":"application.created"}'


def test_a_signature_verifies_with_its_secret():
    signature = webhook_signature(secret=SECRET, timestamp="1700000000", body=BODY)
    assert signature.startswith("sha256=") and len(signature) == len("sha256=") + 64
    assert webhook_signature_valid(secret=SECRET, timestamp="1700000000", body=BODY, signature=signature)


@pytest.mark.parametrize(
    ("secret", "timestamp", "body", "signature_of"),
    [
        (SECRET, "1700000000", BODY.replace(b"7", b"8"), "original"),  # tampered body
        (SECRET, "1700000001", BODY, "original"),  # another timestamp
        ("another-secret", "1700000000", BODY, "original"),
        (SECRET, "1700000000", BODY, "bare hex"),  # no sha256= prefix
        (SECRET, "1700000000", BODY, "garbage"),
    ],
)
def test_a_bad_signature_is_detected(secret, timestamp, body, signature_of):
    good = webhook_signature(secret=SECRET, timestamp="1700000000", body=BODY)
    signature = {"original": good, "bare hex": good.removeprefix("sha256="), "garbage": "sha256=zz ü"}[
        signature_of
    ]
    assert not webhook_signature_valid(secret=secret, timestamp=timestamp, body=body, signature=signature)


def test_an_old_timestamp_is_refused_when_an_age_is_given():
    signature = webhook_signature(secret=SECRET, timestamp="1700000000", body=BODY)
    kwargs = {"secret": SECRET, "timestamp": "1700000000", "body": BODY, "signature": signature}
    assert webhook_signature_valid(**kwargs, max_age_seconds=300, now=1700000299)
    assert not webhook_signature_valid(**kwargs, max_age_seconds=300, now=1700000301)


def test_backoff_doubles_from_the_base_up_to_the_cap():
    delays = [webhook_retry_delay(attempts=n, base_seconds=30, cap_seconds=300) for n in range(1, 7)]
    assert delays == [30, 60, 120, 240, 300, 300]
    assert webhook_retry_delay(attempts=4, base_seconds=0, cap_seconds=300) == 0


@pytest.mark.parametrize(
    "payload",
    [
        {"application_id": 12, "requisition_id": "R-SH-001", "candidate_id": 3},
        {"application_id": 12, "from_stage_code": "applied", "to_stage_code": "tech_1"},
        {
            "application_ids": [1, 2, 3],
            "reason_code": "not_a_fit",
            "occurred_at": "2026-12-07T03:00:00+00:00",
        },
        {"offer_id": None},
    ],
)
def test_identifiers_codes_and_timestamps_pass(payload):
    webhook_payload_check(payload)


@pytest.mark.parametrize(
    "payload",
    [
        {"candidate_name": "Li Wei"},
        {"email": "li.wei@example.com"},
        {"candidate_id": "li.wei@example.com"},
        {"candidate_id": "Li Wei"},
        {"phone_code": "+86 138 0013 8000"},
        {"to_stage_code": "王伟"},
        {"application_ids": ["ok", "not ok"]},
        {"decided_at": "yesterday"},
        {"application_id": True},
        {"note": "anything free-text"},
    ],
)
def test_personal_data_has_no_way_into_a_payload(payload):
    with pytest.raises(WebhookPayloadError):
        webhook_payload_check(payload)
