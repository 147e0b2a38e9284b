"""Emitting, delivering and retrying against a real HTTP receiver, with the clock injected."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.webhooks.core.payload import WebhookPayloadError
from talentdrive.webhooks.core.signing import webhook_signature_valid
from talentdrive.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from talentdrive.webhooks.services import (
    AttemptOutcome,
    webhook_deliveries_retry_due,
    webhook_delivery_attempt,
    webhook_event_emit,
)
from talentdrive.webhooks.tasks import webhook_delivery_task
from tests.actors import TEST_ACTOR

pytestmark = pytest.mark.usefixtures("no_proxy")

STAGE_CHANGED = {
    "application_id": 41,
    "requisition_id": 7,
    "from_stage_code": "applied",
    "to_stage_code": "tech_1",
}


def _emit(capture, event=WebhookEvent.APPLICATION_STAGE_CHANGED, payload=None):
    with capture(execute=True):
        return webhook_event_emit(event=event, payload=payload or STAGE_CHANGED, actor=TEST_ACTOR)


def test_a_receiver_that_fails_twice_gets_one_delivery_that_succeeds_on_the_third_attempt(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    # given: the receiver answers 500, 500, then 200
    receiver.script = [500, 500]
    # when: the event is emitted and committed, the first attempt runs at once (immediate backend)
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    delivery.refresh_from_db()
    # then: it failed and waits for the backoff
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.FAILED, 1, 500)
    first_retry_at = delivery.next_attempt_at
    assert first_retry_at - delivery.occurred_at >= dt.timedelta(seconds=30)
    # nothing is due before then
    assert webhook_deliveries_retry_due(now=first_retry_at - dt.timedelta(seconds=1)) == {}
    assert len(receiver.requests) == 1
    # when: the clock reaches each retry
    assert webhook_deliveries_retry_due(now=first_retry_at) == {"retry": 1}
    delivery.refresh_from_db()
    assert delivery.next_attempt_at - first_retry_at == dt.timedelta(seconds=60)  # doubled
    assert webhook_deliveries_retry_due(now=delivery.next_attempt_at) == {"succeeded": 1}
    # then: one delivery, succeeded after three attempts, never sent again
    delivery.refresh_from_db()
    assert WebhookDelivery.objects.count() == 1
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        DeliveryStatus.SUCCEEDED,
        3,
        200,
    )
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None
    assert webhook_deliveries_retry_due(now=timezone.now() + dt.timedelta(days=1)) == {}
    assert webhook_delivery_task.enqueue(delivery.pk).return_value == "skipped"
    assert len(receiver.requests) == 3
    assert len({request.headers["X-TalentDrive-Delivery"] for request in receiver.requests}) == 1
    assert receiver.requests[0].body == receiver.requests[2].body


def test_the_retry_command_sends_what_is_due_with_zero_backoff(
    settings, endpoint, receiver, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "WEBHOOK_BACKOFF_SECONDS": 0}
    receiver.script = [500, 503]
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    # when
    call_command("retry_due_webhooks")
    call_command("retry_due_webhooks")
    call_command("retry_due_webhooks")  # nothing left to do
    # then
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 3)
    assert len(receiver.requests) == 3


def test_the_receiver_gets_headers_whose_signature_verifies_and_a_tampered_body_does_not(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    (request,) = receiver.requests
    headers = request.headers
    assert headers["X-TalentDrive-Event"] == "application.stage_changed"
    assert headers["X-TalentDrive-Delivery"] == str(delivery.event_id)
    assert headers["Content-Type"] == "application/json"
    arguments = {"secret": endpoint.secret, "timestamp": headers["X-TalentDrive-Timestamp"]}
    signature = headers["X-TalentDrive-Signature"]
    assert webhook_signature_valid(**arguments, body=request.body, signature=signature, max_age_seconds=60)
    tampered = request.body.replace(b"tech_1", b"offer")
    assert not webhook_signature_valid(**arguments, body=tampered, signature=signature)
    assert not webhook_signature_valid(
        secret="not-the-secret", timestamp=arguments["timestamp"], body=request.body, signature=signature
    )
    assert json.loads(request.body) == {
        "id": str(delivery.event_id),
        "type": "application.stage_changed",
        "occurred_at": delivery.occurred_at.astimezone(dt.UTC).isoformat(),
        "data": STAGE_CHANGED,
    }


def test_a_payload_carries_no_personal_data(endpoint, receiver, django_capture_on_commit_callbacks):
    # when: a caller slips an email into the payload, nothing is stored or sent
    with pytest.raises(WebhookPayloadError):
        _emit(django_capture_on_commit_callbacks, payload={"application_id": 1, "candidate_email": "a@b.cn"})
    with pytest.raises(WebhookPayloadError):
        _emit(django_capture_on_commit_callbacks, payload={"candidate_id": "Wang Fang"})
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []
    # and what is sent holds identifiers, codes and timestamps only
    _emit(
        django_capture_on_commit_callbacks,
        WebhookEvent.APPLICATION_REJECTED,
        {"application_id": 1, "reason_code": "skills"},
    )
    data = json.loads(receiver.requests[0].body)["data"]
    assert all(key.endswith(("_id", "_ids", "_code", "_at")) for key in data)


def test_only_active_subscribed_endpoints_receive_an_event(
    receiver, admin_user, django_capture_on_commit_callbacks
):
    # given
    everything = WebhookEndpoint.objects.create(url=receiver.url + "/all")
    rejections = WebhookEndpoint.objects.create(
        url=receiver.url + "/rejections", event_types=["application.rejected"]
    )
    WebhookEndpoint.objects.create(url=receiver.url + "/off", active=False)
    # when
    created = _emit(
        django_capture_on_commit_callbacks, WebhookEvent.APPLICATION_CREATED, {"application_id": 5}
    )
    # then
    assert [delivery.endpoint for delivery in created] == [everything]
    assert [request.headers["X-TalentDrive-Event"] for request in receiver.requests] == [
        "application.created"
    ]
    assert not WebhookDelivery.objects.filter(endpoint=rejections).exists()
    # and the subscribed one gets its event
    _emit(django_capture_on_commit_callbacks, WebhookEvent.APPLICATION_REJECTED, {"application_id": 5})
    assert WebhookDelivery.objects.filter(endpoint=rejections).count() == 1
    assert len(receiver.requests) == 3


def test_emitting_is_audited_with_the_actor(endpoint, admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (delivery,) = webhook_event_emit(
            event="application.created", payload={"application_id": 1}, actor=admin_user
        )
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_QUEUE)
    assert (event.actor, event.target_id) == (admin_user, str(delivery.pk))
    assert event.data == {
        "event": "application.created",
        "event_id": str(delivery.event_id),
        "endpoint_id": endpoint.pk,
    }


def test_an_unknown_event_is_a_bug(endpoint):
    with pytest.raises(ValueError, match="unknown webhook event"):
        webhook_event_emit(event="application.teleported", payload={}, actor=TEST_ACTOR)
    assert not WebhookDelivery.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(receiver, no_proxy):
    WebhookEndpoint.objects.create(url=receiver.url)
    # when
    with pytest.raises(RuntimeError), transaction.atomic():
        webhook_event_emit(event="application.created", payload={"application_id": 9}, actor=TEST_ACTOR)
        raise RuntimeError("the change the event reports failed")
    # then
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []
    # and a committed one is sent, after the commit
    with transaction.atomic():
        webhook_event_emit(event="application.created", payload={"application_id": 9}, actor=TEST_ACTOR)
        assert receiver.requests == []
    assert len(receiver.requests) == 1


def test_a_delivery_is_dead_after_the_last_attempt(
    settings, endpoint, receiver, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "WEBHOOK_MAX_ATTEMPTS": 3, "WEBHOOK_BACKOFF_SECONDS": 0}
    receiver.script = [500] * 10
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    # when
    outcomes = [webhook_deliveries_retry_due() for _ in range(4)]
    # then
    assert outcomes == [{"retry": 1}, {"dead": 1}, {}, {}]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.DEAD, 3, None)
    assert delivery.last_error.startswith("HTTP 500")
    assert len(receiver.requests) == 3
    dead = AuditEvent.objects.get(action=AuditAction.WEBHOOK_DEAD)
    assert (dead.actor_name, dead.target_id, dead.data["attempts"]) == (
        "system:webhooks",
        str(delivery.pk),
        3,
    )


def test_an_unreachable_endpoint_is_retried(endpoint, receiver, django_capture_on_commit_callbacks):
    endpoint.url = "http://127.0.0.1:9/nothing-listens-here"
    endpoint.save()
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.FAILED, 1, None)
    assert delivery.last_error


def test_a_redirect_is_not_followed(endpoint, receiver, django_capture_on_commit_callbacks):
    receiver.script = [302]
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.FAILED, 302)
    assert len(receiver.requests) == 1


def test_a_switched_off_endpoint_gets_nothing_already_queued(endpoint, receiver):
    # given: queued, not yet sent (the commit callbacks are not run)
    (delivery,) = webhook_event_emit(
        event="application.withdrawn", payload={"application_id": 3}, actor=TEST_ACTOR
    )
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(active=False)
    # when
    outcome = webhook_delivery_attempt(delivery_id=delivery.pk)
    # then
    delivery.refresh_from_db()
    assert outcome == AttemptOutcome.DEAD
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DEAD, 0)
    assert receiver.requests == []


def test_a_claimed_delivery_is_not_sent_by_a_second_runner(endpoint, receiver):
    # given: one runner claimed the delivery and is still sending it
    (delivery,) = webhook_event_emit(
        event="application.created", payload={"application_id": 3}, actor=TEST_ACTOR
    )
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=now + dt.timedelta(seconds=60), attempts=1
    )
    # when
    outcome = webhook_delivery_attempt(delivery_id=delivery.pk, now=now)
    # then
    assert outcome == AttemptOutcome.SKIPPED
    assert receiver.requests == []


def test_a_deferring_backend_gets_the_retry_with_run_after(
    settings, endpoint, receiver, django_capture_on_commit_callbacks
):
    # given: the database task backend, which honours run_after
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    receiver.script = [500]
    (delivery,) = webhook_event_emit(
        event="application.created", payload={"application_id": 3}, actor=TEST_ACTOR
    )
    now = timezone.now()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        outcome = webhook_delivery_attempt(delivery_id=delivery.pk, now=now)
    # then: a task waits for the backoff
    assert outcome == AttemptOutcome.RETRY
    delivery.refresh_from_db()
    (queued,) = list(DBTaskResult.objects.all())
    assert queued.task_path.endswith("webhook_delivery_task")
    assert queued.run_after == delivery.next_attempt_at == now + dt.timedelta(seconds=30)


def test_the_verification_example_in_the_docs_accepts_a_real_delivery(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    # given: the receiver-side function docs/webhooks.md tells integrators to copy
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "webhooks.md").read_text()
    example = text.split("```python\n", 1)[1].split("# In a Django view", 1)[0]
    namespace: dict = {}
    exec(example, namespace)
    verify = namespace["talentdrive_signature_valid"]
    _emit(django_capture_on_commit_callbacks)
    (request,) = receiver.requests
    arguments = {
        "secret": endpoint.secret,
        "timestamp": request.headers["X-TalentDrive-Timestamp"],
        "signature": request.headers["X-TalentDrive-Signature"],
    }
    # then
    assert verify(**arguments, body=request.body)
    assert not verify(**arguments, body=request.body + b" ")


def test_an_answer_that_is_not_http_is_a_failure_to_retry(
    endpoint, receiver, django_capture_on_commit_callbacks
):
    from tests.webhooks.conftest import GARBAGE

    receiver.script = [GARBAGE]
    (delivery,) = _emit(django_capture_on_commit_callbacks)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.FAILED, 1, None)
    assert "BadStatusLine" in delivery.last_error
