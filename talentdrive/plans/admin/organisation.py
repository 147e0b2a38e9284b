"""Admin for cities, focus areas, business groups, teams, drives and plan lines."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.plans.admin.base import ServiceWriteAdmin
from talentdrive.plans.models import (
    COMMITTED_STATUSES,
    BusinessGroup,
    Channel,
    City,
    Drive,
    FocusArea,
    PlanLine,
    Team,
)
from talentdrive.plans.services import (
    business_group_create,
    drive_upsert,
    plan_line_committed_headcount,
    plan_line_upsert,
    team_create,
)


@admin.register(City)
class CityAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_zh")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("drives",)


@admin.register(FocusArea)
class FocusAreaAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_zh", "position")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("plan_lines__drive",)


@admin.register(BusinessGroup)
class BusinessGroupAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_zh")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("teams__plan_lines__drive",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("code",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: BusinessGroup, form: Any, change: bool) -> None:
        if change:  # renaming; the code is read-only
            obj.save()
            return
        data = form.cleaned_data
        group = business_group_create(
            code=data["code"],
            name_zh=data["name_zh"],
            name_en=data["name_en"],
            actor=request.user,  # type: ignore[arg-type]
        )
        obj.pk = group.pk


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_zh", "group")
    search_fields = ("code", "name_en", "name_zh", "group__name_en", "group__name_zh")
    list_filter = ("group",)
    list_select_related = ("group",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("code",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: Team, form: Any, change: bool) -> None:
        if change:  # renaming or regrouping; the code is read-only
            obj.save()
            return
        data = form.cleaned_data
        team = team_create(
            code=data["code"],
            name_zh=data["name_zh"],
            name_en=data["name_en"],
            group=data["group"],
            actor=request.user,  # type: ignore[arg-type]
        )
        obj.pk = team.pk


class DriveAdminForm(forms.ModelForm):
    class Meta:
        model = Drive
        fields = (
            "code",
            "name_zh",
            "name_en",
            "total_target",
            "starts_on",
            "ends_on",
            "cities",
            "channels",
            "story_zh",
            "story_en",
        )

    def clean_channels(self) -> list[str]:
        channels = self.cleaned_data["channels"]
        if not isinstance(channels, list) or not channels or set(channels) - set(Channel.values):
            raise ValidationError(f'give a list of channel codes from {Channel.values}, e.g. ["campus"]')
        return channels


@admin.register(Drive)
class DriveAdmin(ServiceWriteAdmin):
    form = DriveAdminForm
    list_display = ("code", "name_en", "name_zh", "total_target", "starts_on", "ends_on")
    search_fields = ("code", "name_en", "name_zh")
    list_filter = ("cities", "starts_on")
    filter_horizontal = ("cities",)
    date_hierarchy = "starts_on"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("code",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: Drive, form: Any, change: bool) -> None:
        data = form.cleaned_data
        drive, _ = drive_upsert(
            code=obj.code,
            name_zh=data["name_zh"],
            name_en=data["name_en"],
            total_target=data["total_target"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            cities=data["cities"],
            channels=data["channels"],
            actor=request.user,  # type: ignore[arg-type]
        )
        # The story is portal copy rather than plan data; the service leaves it alone.
        Drive.objects.filter(pk=drive.pk).update(story_zh=data["story_zh"], story_en=data["story_en"])
        obj.pk = drive.pk


class PlanLineAdminForm(forms.ModelForm):
    class Meta:
        model = PlanLine
        fields = ("drive", "external_id", "city", "channel", "focus_area", "team", "target", "note")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        line = self.instance
        if line.pk is None or not line.requisitions.exists():
            return data
        for name in ("city", "channel", "focus_area", "team"):
            if name in data and data[name] != getattr(line, name):
                self.add_error(name, "This line already has requisitions, so its cell cannot change.")
        committed = plan_line_committed_headcount(plan_line=line)
        if data.get("target") is not None and data["target"] < committed:
            self.add_error(
                "target",
                f"{committed} people are already committed on this line's requisitions; "
                "close or shrink requisitions before lowering the target below that.",
            )
        return data


@admin.register(PlanLine)
class PlanLineAdmin(ServiceWriteAdmin):
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

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The service keys a line on its drive and external id.
        return ("drive", "external_id") if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: PlanLine, form: Any, change: bool) -> None:
        data = form.cleaned_data
        line, _ = plan_line_upsert(
            drive=obj.drive,
            external_id=obj.external_id,
            city=data["city"],
            channel=data["channel"],
            focus_area=data["focus_area"],
            team=data["team"],
            target=data["target"],
            note=data.get("note", ""),
            actor=request.user,  # type: ignore[arg-type]
        )
        obj.pk = line.pk
