"""Admin for requisitions and plan overrides.

Requisitions are written only through the plan services, so the admin obeys the same plan limit and
leaves the same audit trail as the API and imports. Status changes are admin actions with a reason.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.plans import access as plans_access
from talentdrive.plans.admin.base import ServiceWriteAdmin
from talentdrive.plans.errors import PlanRuleError
from talentdrive.plans.models import (
    COMMITTED_STATUSES,
    PlanOverride,
    Requisition,
    RequisitionStatus,
)
from talentdrive.plans.services import (
    REQUISITION_FIELDS,
    PlanOverrideRequest,
    plan_line_committed_headcount,
    requisition_change_status,
    requisition_create,
    requisition_update,
)


class RequisitionAdminForm(forms.ModelForm):
    override_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Administrators only: the written reason for exceeding the plan line's target.",
    )
    # Set by RequisitionAdmin.get_form: whether the editing user may override the plan.
    may_override = False

    class Meta:
        model = Requisition
        fields = (
            "plan_line",
            "external_id",
            "status",
            "title_zh",
            "title_en",
            "description_zh",
            "description_en",
            "cities",
            "level",
            "headcount",
            "must_skills",
            "nice_skills",
            "domain",
            "min_degree",
            "min_years",
            "graduation_from",
            "graduation_to",
            "programme_eligible",
            "hiring_manager",
            "recruiters",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "cities" in self.fields:
            # The plan line's city is always added by the service; others are optional.
            self.fields["cities"].required = False
        status = self.fields.get("status")
        if status is not None:
            # A requisition starts as draft, open or paused; later moves are admin actions with a reason.
            starting = (RequisitionStatus.DRAFT, RequisitionStatus.OPEN, RequisitionStatus.PAUSED)
            status.choices = [choice for choice in RequisitionStatus.choices if choice[0] in starting]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        adding = self.instance.pk is None
        plan_line = data.get("plan_line") if adding else self.instance.plan_line
        headcount = data.get("headcount")
        if plan_line is None or headcount is None:
            return data
        external_id = data.get("external_id")
        if (
            adding
            and external_id
            and Requisition.objects.filter(drive_id=plan_line.drive_id, external_id=external_id).exists()
        ):
            self.add_error("external_id", f"{external_id} is already used by a requisition of this drive.")
        grows = (adding and data.get("status") in COMMITTED_STATUSES) or (
            not adding and self.instance.status in COMMITTED_STATUSES and headcount > self.instance.headcount
        )
        if not grows:
            return data
        committed = plan_line_committed_headcount(
            plan_line=plan_line, exclude_requisition_id=None if adding else self.instance.pk
        )
        if committed + headcount <= plan_line.target:
            return data
        reason = (data.get("override_reason") or "").strip()
        message = (
            f"Plan line {plan_line.external_id} has target {plan_line.target} and {committed} already "
            f"committed, so a headcount of {headcount} would exceed it."
        )
        if not self.may_override:
            self.add_error("headcount", message + " Only an administrator may override the plan.")
        elif not reason:
            self.add_error("headcount", message + " To override, give a written reason below.")
        return data


class ReasonActionForm(ActionForm):
    reason = forms.CharField(required=False, label="Reason", max_length=500)


def _status_action(status: str, label: str) -> Any:
    @admin.action(description=label, permissions=["change"])
    def action(modeladmin: RequisitionAdmin, request: HttpRequest, queryset: QuerySet[Requisition]) -> None:
        reason = request.POST.get("reason", "")
        changed, failures = 0, []
        for requisition in queryset:
            try:
                requisition_change_status(
                    requisition=requisition,
                    status=status,
                    actor=request.user,  # type: ignore[arg-type]
                    reason=reason,
                )
            except PlanRuleError as error:
                failures.append(f"{requisition.external_id}: {error.message}")
            except ValidationError as error:
                failures.append(f"{requisition.external_id}: {' '.join(error.messages)}")
            else:
                changed += 1
        if changed:
            modeladmin.message_user(request, f"{changed} requisition(s) now {status}.", messages.SUCCESS)
        for failure in failures[:20]:
            modeladmin.message_user(request, failure, messages.ERROR)

    action.__name__ = f"make_{status}"
    return action


@admin.register(Requisition)
class RequisitionAdmin(ServiceWriteAdmin):
    form = RequisitionAdminForm
    action_form = ReasonActionForm
    actions = [
        _status_action(RequisitionStatus.OPEN, "Open (or resume) selected requisitions"),
        _status_action(RequisitionStatus.PAUSED, "Pause selected requisitions (reason required)"),
        _status_action(RequisitionStatus.FILLED, "Mark selected requisitions filled"),
        _status_action(RequisitionStatus.CLOSED, "Close selected requisitions (reason required)"),
    ]
    list_display = (
        "external_id",
        "title_en",
        "title_zh",
        "city",
        "channel",
        "team",
        "headcount",
        "status",
        "domain",
        "programme_eligible",
        "hiring_manager",
    )
    list_filter = (
        "status",
        "plan_line__channel",
        "plan_line__city",
        "plan_line__focus_area",
        "plan_line__team",
        "domain",
        "programme_eligible",
        "level",
        "drive",
    )
    search_fields = ("external_id", "title_en", "title_zh")
    list_select_related = ("plan_line__city", "plan_line__team", "hiring_manager")
    autocomplete_fields = ("plan_line", "hiring_manager")
    filter_horizontal = ("cities", "recruiters")
    readonly_fields_on_change = ("plan_line", "external_id", "status")

    @admin.display(description="city", ordering="plan_line__city__code")
    def city(self, requisition: Requisition) -> str:
        return requisition.plan_line.city.name_en

    @admin.display(description="channel", ordering="plan_line__channel")
    def channel(self, requisition: Requisition) -> str:
        return requisition.plan_line.channel

    @admin.display(description="team", ordering="plan_line__team__code")
    def team(self, requisition: Requisition) -> str:
        return requisition.plan_line.team.name_en

    def get_readonly_fields(self, request: HttpRequest, obj: Requisition | None = None) -> Any:
        return self.readonly_fields_on_change if obj is not None else ()

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        form.may_override = plans_access.requisition_can_override_plan(request.user)  # type: ignore[attr-defined]
        return form

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Requisitions are closed, not deleted, so that their history stays whole.
        return False

    def save_model(self, request: HttpRequest, obj: Requisition, form: Any, change: bool) -> None:
        data = form.cleaned_data
        fields = {name: data[name] for name in REQUISITION_FIELDS if name in data}
        reason = (data.get("override_reason") or "").strip()
        override = PlanOverrideRequest(actor=request.user, reason=reason) if reason else None  # type: ignore[arg-type]
        if change:
            requisition_update(
                requisition=obj,
                actor=request.user,  # type: ignore[arg-type]
                headcount=data["headcount"],
                cities=data["cities"],
                recruiters=data["recruiters"],
                override=override,
                **fields,
            )
            return
        created = requisition_create(
            plan_line=data["plan_line"],
            external_id=data["external_id"],
            title_zh=data["title_zh"],
            title_en=data["title_en"],
            headcount=data["headcount"],
            cities=data["cities"],
            recruiters=data["recruiters"],
            status=data["status"],
            actor=request.user,  # type: ignore[arg-type]
            override=override,
            **{name: value for name, value in fields.items() if name not in ("title_zh", "title_en")},
        )
        obj.pk = created.pk
        obj.drive_id = created.drive_id


@admin.register(PlanOverride)
class PlanOverrideAdmin(AuditedAdmin):
    list_display = ("created_at", "plan_line", "requisition", "actor", "target", "committed_after")
    list_filter = ("plan_line__drive", "plan_line__city", "plan_line__channel", "plan_line__focus_area")
    search_fields = ("reason", "plan_line__external_id", "requisition__external_id", "actor__username")
    list_select_related = (
        "plan_line__city",
        "plan_line__focus_area",
        "plan_line__team",
        "requisition",
        "actor",
    )
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
