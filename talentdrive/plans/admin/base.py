"""The base for admins whose saves go through a plan service."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from talentdrive.plans.errors import PlanRuleError


class ServiceWriteAdmin(admin.ModelAdmin):
    """A model admin whose saves call a plan service, which also sets many-to-many fields."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, PlanRuleError):
            # A concurrent write changed the plan between the form's check and the locked write;
            # validating again now reports it on the form instead of failing the request.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
