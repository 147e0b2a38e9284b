"""Administrators register endpoints (the secret is shown on the endpoint's page) and read the
delivery log, from which they re-send. Nobody else sees either (``webhooks/access.py``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.webhooks.access import webhook_can_manage
from talentdrive.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from talentdrive.webhooks.selectors import webhook_deliveries_visible
from talentdrive.webhooks.services import webhook_delivery_resend, webhook_endpoint_secret_rotate


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every event, including those added later.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ("url", "description", "event_types", "active")


class AdministratorsOnly:
    """Webhook admin pages answer to administrators only, whatever Django permissions say."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return webhook_can_manage(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return webhook_can_manage(request.user)


@admin.action(description="Replace the secret of selected endpoints", permissions=["change"])
def rotate_secrets(
    modeladmin: WebhookEndpointAdmin, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]
) -> None:
    for endpoint in queryset:
        webhook_endpoint_secret_rotate(endpoint=endpoint, actor=request.user)  # type: ignore[arg-type]
    modeladmin.message_user(
        request, f"{len(queryset)} secret(s) replaced; give each receiver its new secret.", messages.WARNING
    )


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(AdministratorsOnly, AuditedAdmin):
    form = WebhookEndpointForm
    list_display = ("url", "description", "events", "active", "created_by", "created_at")
    list_filter = ("active",)
    search_fields = ("url", "description")
    list_select_related = ("created_by",)
    readonly_fields = ("secret", "created_by", "created_at")
    actions = [rotate_secrets]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return webhook_can_manage(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return webhook_can_manage(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return webhook_can_manage(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The secret is generated on save; the add form has nothing to show yet.
        return self.readonly_fields if obj is not None else ()

    @admin.display(description="events")
    def events(self, endpoint: WebhookEndpoint) -> str:
        return ", ".join(endpoint.event_types) if endpoint.event_types else "all"

    def save_model(self, request: HttpRequest, obj: WebhookEndpoint, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)

    def response_add(
        self, request: HttpRequest, obj: WebhookEndpoint, post_url_continue: Any = None
    ) -> HttpResponse:
        # To the endpoint's page, where the new secret is shown for the receiver's configuration.
        messages.info(request, "Configure the receiver with the secret shown below to verify signatures.")
        return HttpResponseRedirect(reverse("admin:webhooks_webhookendpoint_change", args=[obj.pk]))


@admin.action(description="Re-send selected deliveries", permissions=["resend"])
def resend_deliveries(
    modeladmin: WebhookDeliveryAdmin, request: HttpRequest, queryset: QuerySet[WebhookDelivery]
) -> None:
    copies = [
        webhook_delivery_resend(delivery=delivery, actor=request.user)  # type: ignore[arg-type]
        for delivery in queryset
    ]
    modeladmin.message_user(request, f"{len(copies)} deliveries queued again.", messages.SUCCESS)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = (
        "created_at", "event_type", "endpoint", "status", "attempts", "last_status_code",
        "next_attempt_at", "delivered_at", "event_id",
    )  # fmt: skip
    list_filter = ("status", "event_type", "endpoint", "created_at")
    search_fields = ("=event_id",)
    list_select_related = ("endpoint",)
    date_hierarchy = "created_at"
    actions = [resend_deliveries]
    readonly_fields = (
        "endpoint", "event_type", "event_id", "occurred_at", "payload", "status", "attempts",
        "next_attempt_at", "last_status_code", "last_error", "delivered_at", "resent_from", "created_at",
    )  # fmt: skip

    def get_queryset(self, request: HttpRequest) -> QuerySet[WebhookDelivery]:
        return webhook_deliveries_visible(user=request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # deliveries come from events

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the log is history; re-sending makes a new delivery

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_resend_permission(self, request: HttpRequest) -> bool:
        return webhook_can_manage(request.user)
