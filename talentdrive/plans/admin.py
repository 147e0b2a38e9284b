"""Admin for the plan: organisation, drives, plan lines and requisitions.

Requisitions are written only through the plan services, so the admin obeys the same plan limit and
leaves the same audit trail as the API and imports. Status changes are admin actions with a reason.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse

from talentdrive.plans.models import (
    COMMITTED_STATUSES,
    BusinessGroup,
    City,
    Drive,
    FocusArea,
    PlanLine,
    PlanOverride,
    Requisition,
    RequisitionStatus,
    Team,
)
from talentdrive.plans.services import (
    REQUISITION_FIELDS,
    PlanOverrideRequest,
    plan_line_committed_headcount,
    requisition_change_status,
    requisition_create,
    requisition_update,
)


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("drives",)


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh", "position")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("plan_lines__drive",)


@admin.register(BusinessGroup)
class BusinessGroupAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("teams__plan_lines__drive",)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh", "group")
    search_fields = ("code", "name_en", "name_zh", "group__name_en", "group__name_zh")
    list_filter = ("group",)
    list_select_related = ("group",)


@admin.register(Drive)
class DriveAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh", "total_target", "starts_on", "ends_on")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("cities", "starts_on")
    filter_horizontal = ("cities",)
    date_hierarchy = "starts_on"


class PlanLineAdminForm(forms.ModelForm):
    class Meta:
        model = PlanLine
        fields = ("drive", "external_id", "city", "channel", "focus_area", "team", "target", "note")

    def clean_target(self) -> int:
        target: int = self.cleaned_data["target"]
        if self.instance.pk:
            committed = plan_line_committed_headcount(plan_line=self.instance)
            if target < committed:
                raise ValidationError(
                    f"{committed} people are already committed on this line's requisitions; "
                    "close or shrink requisitions before lowering the target below that."
                )
        return target


@admin.register(PlanLine)
class PlanLineAdmin(admin.ModelAdmin):
    form = PlanLineAdminForm
    list_display = ("external_id", "drive", "city", "channel", "focus_area", "team", "target", "committed")
    list_filter = ("drive", "channel", "city", "focus_area", "team__group", "team")
    search_fields = ("external_id", "team__name_en", "team__name_zh", "focus_area__name_en", "note")
    list_select_related = ("drive", "city", "focus_area", "team")

    def get_queryset(self, request: HttpRequest) -> QuerySet[PlanLine]:
        # The select_related also serves the requisition form's autocomplete, which ignores
        # list_select_related and renders each line's city, area and team.
        committed = Sum("requisitions__headcount", filter=Q(requisitions__status__in=COMMITTED_STATUSES))
        return (
            super()
            .get_queryset(request)
            .select_related("drive", "city", "focus_area", "team")
            .annotate(committed_headcount=Coalesce(committed, 0))
        )

    @admin.display(description="committed", ordering="committed_headcount")
    def committed(self, line: Any) -> int:
        return int(line.committed_headcount)


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
        grows = adding or (self.instance.status in COMMITTED_STATUSES and headcount > self.instance.headcount)
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
class RequisitionAdmin(admin.ModelAdmin):
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
        form.may_override = bool(  # type: ignore[attr-defined]
            getattr(request.user, "is_drive_admin", False)
        )
        return form

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Requisitions are closed, not deleted, so that their history stays whole.
        return False

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError:
            # A concurrent write used the headroom between the form's check and the locked write;
            # validating again now reports it on the form instead of failing the request.
            return super().changeform_view(request, object_id, form_url, extra_context)

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

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # The services already set cities and recruiters; only inline formsets remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(PlanOverride)
class PlanOverrideAdmin(admin.ModelAdmin):
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
