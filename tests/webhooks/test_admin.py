"""The admin: administrators register endpoints and see their secrets, read the log and re-send."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from talentdrive.accounts.models import Role
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.webhooks.access import webhook_can_manage
from talentdrive.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from talentdrive.webhooks.services import webhook_event_emit
from tests import factories
from tests.actors import TEST_ACTOR

pytestmark = pytest.mark.usefixtures("no_proxy")

PAGES = {
    "endpoints": ("admin:webhooks_webhookendpoint_changelist", ()),
    "new endpoint": ("admin:webhooks_webhookendpoint_add", ()),
    "deliveries": ("admin:webhooks_webhookdelivery_changelist", ()),
}


@pytest.fixture
def delivery(endpoint) -> WebhookDelivery:
    (queued,) = webhook_event_emit(
        event="application.rejected", payload={"application_id": 8}, actor=TEST_ACTOR
    )
    WebhookDelivery.objects.filter(pk=queued.pk).update(
        status=DeliveryStatus.DEAD, attempts=5, next_attempt_at=None
    )
    return queued


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("role", "superuser", "status"),
    [
        (Role.ADMIN, True, 200),
        (Role.ADMIN, False, 200),  # the role, not Django's superuser flag, is what counts
        (Role.LEADERSHIP, False, 403),
        (Role.RECRUITER, False, 403),
        (Role.HIRING_MANAGER, False, 403),
        (Role.INTERVIEWER, False, 403),
    ],
)
def test_only_administrators_reach_the_webhook_pages(client, db, page, role, superuser, status):
    # given: staff with every Django permission on webhooks, which the access rule overrides
    user = factories.make_staff(role, is_staff=True, is_superuser=superuser)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="webhooks"))
    client.force_login(user)
    name, args = PAGES[page]
    # when
    response = client.get(reverse(name, args=args))
    # then
    assert response.status_code == status
    assert webhook_can_manage(user) is (status == 200)


def test_anonymous_visitors_go_to_the_login_page(client, db):
    response = client.get(reverse("admin:webhooks_webhookdelivery_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_creating_an_endpoint_shows_its_secret_and_is_audited(client, admin_user, receiver):
    client.force_login(admin_user)
    # when
    response = client.post(
        reverse("admin:webhooks_webhookendpoint_add"),
        {
            "url": receiver.url,
            "description": "HRIS",
            "event_types": ["application.created", "application.rejected"],
            "active": "on",
        },
        follow=True,
    )
    # then
    endpoint = WebhookEndpoint.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:webhooks_webhookendpoint_change", args=[endpoint.pk]
    )
    assert len(endpoint.secret) >= 40
    assert endpoint.secret in response.content.decode()
    assert endpoint.event_types == ["application.created", "application.rejected"]
    assert endpoint.created_by == admin_user
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_ADD, target_id=str(endpoint.pk))
    assert event.actor == admin_user and endpoint.secret not in str(event.data)


def test_an_endpoint_url_must_be_http_or_https(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:webhooks_webhookendpoint_add"), {"url": "ftp://files.example.com/in", "active": "on"}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"]
    assert not WebhookEndpoint.objects.exists()


def test_the_delivery_log_filters_and_searches(client, admin_user, delivery, django_assert_max_num_queries):
    client.force_login(admin_user)
    url = reverse("admin:webhooks_webhookdelivery_changelist")
    for index in range(10):
        webhook_event_emit(event="application.created", payload={"application_id": index}, actor=TEST_ACTOR)
    # when / then
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200
    dead = client.get(url, {"status__exact": "dead"}).context["cl"].result_list
    assert [row.pk for row in dead] == [delivery.pk]
    rejected = client.get(url, {"event_type__exact": "application.rejected"}).context["cl"].result_list
    assert [row.pk for row in rejected] == [delivery.pk]
    found = client.get(url, {"q": str(delivery.event_id)}).context["cl"].result_list
    assert [row.pk for row in found] == [delivery.pk]
    assert client.get(url, {"q": "not-a-uuid"}).status_code == 200


def test_an_administrator_re_sends_a_delivery_and_it_is_audited(
    client, admin_user, delivery, receiver, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:webhooks_webhookdelivery_changelist"),
            {"action": "resend_deliveries", "_selected_action": [delivery.pk]},
        )
    # then: a new delivery of the same event, sent; the dead one stays as it ended
    assert response.status_code == 302
    copy = WebhookDelivery.objects.get(resent_from=delivery)
    assert (copy.status, copy.attempts, copy.event_id) == (DeliveryStatus.SUCCEEDED, 1, delivery.event_id)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DEAD
    (request,) = receiver.requests
    assert request.headers["X-TalentDrive-Delivery"] == str(delivery.event_id)
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_RESEND)
    assert (event.actor, event.target_id, event.data["resent_from"]) == (
        admin_user,
        str(copy.pk),
        delivery.pk,
    )


def test_staff_who_are_not_administrators_cannot_re_send(client, db, delivery, receiver):
    # given
    recruiter = factories.make_staff(Role.RECRUITER, is_staff=True)
    recruiter.user_permissions.set(Permission.objects.filter(content_type__app_label="webhooks"))
    client.force_login(recruiter)
    # when
    response = client.post(
        reverse("admin:webhooks_webhookdelivery_changelist"),
        {"action": "resend_deliveries", "_selected_action": [delivery.pk]},
    )
    # then
    assert response.status_code == 403
    assert not WebhookDelivery.objects.filter(resent_from=delivery).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.WEBHOOK_RESEND).exists()
    assert receiver.requests == []


def test_an_administrator_replaces_a_secret_and_it_is_audited_without_the_secret(
    client, admin_user, endpoint
):
    client.force_login(admin_user)
    old_secret = endpoint.secret
    # when
    response = client.post(
        reverse("admin:webhooks_webhookendpoint_changelist"),
        {"action": "rotate_secrets", "_selected_action": [endpoint.pk]},
    )
    # then
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.secret != old_secret and len(endpoint.secret) >= 40
    event = AuditEvent.objects.get(action=AuditAction.WEBHOOK_SECRET_ROTATE)
    assert (event.actor, event.target_id) == (admin_user, str(endpoint.pk))
    assert old_secret not in str(event.data) and endpoint.secret not in str(event.data)
