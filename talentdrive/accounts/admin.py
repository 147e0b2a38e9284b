"""Admin for staff accounts and API tokens; tokens are shown by prefix and digest, never in full."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from talentdrive.accounts.models import ApiToken, User
from talentdrive.accounts.services import api_token_revoke
from talentdrive.audit.admin_mixins import AuditedAdmin


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ("username", "display_name", "email", "role", "is_staff", "is_active", "last_login")
    list_filter = ("role", "is_staff", "is_superuser", "is_active", "scope_teams", "scope_cities")
    search_fields = ("username", "display_name", "email", "first_name", "last_name")
    filter_horizontal = ("groups", "user_permissions", "scope_teams", "scope_cities")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Talent Drive", {"fields": ("role", "display_name", "language", "scope_teams", "scope_cities")}),
    )
    add_fieldsets = (
        *(DjangoUserAdmin.add_fieldsets or ()),
        ("Talent Drive", {"fields": ("role", "display_name")}),
    )


@admin.action(description="Revoke selected tokens")
def revoke_tokens(modeladmin: ApiTokenAdmin, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
    revoked = sum(
        api_token_revoke(token=token, actor=request.user)  # type: ignore[arg-type]
        for token in queryset.filter(revoked_at__isnull=True)
    )
    modeladmin.message_user(request, f"{revoked} token(s) revoked.", messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter), "created_at")
    search_fields = ("name", "prefix", "user__username", "user__display_name")
    list_select_related = ("user",)
    readonly_fields = ("user", "name", "prefix", "digest", "created_at", "last_used_at", "revoked_at")
    actions = [revoke_tokens]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Tokens are issued with `talentdrive token`, which shows the raw value once.
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Viewing only; the revoke action works on the changelist.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
