from django.contrib import admin

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.campus.models import (
    Assessment,
    CampusTalk,
    InterviewDay,
    InterviewDayInterviewer,
    InterviewDayRoom,
)


class InterviewDayRoomInline(admin.TabularInline):
    model = InterviewDayRoom
    extra = 0


class InterviewDayInterviewerInline(admin.TabularInline):
    model = InterviewDayInterviewer
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(InterviewDay)
class InterviewDayAdmin(AuditedAdmin):
    list_display = ["name", "city", "drive"]
    filter_horizontal = ["requisitions"]
    inlines = [InterviewDayRoomInline, InterviewDayInterviewerInline]
    exclude = ["last_plan"]


@admin.register(CampusTalk)
class CampusTalkAdmin(AuditedAdmin):
    list_display = ["title_en", "school", "city", "starts_at", "capacity", "published"]


@admin.register(Assessment)
class AssessmentAdmin(AuditedAdmin):
    list_display = ["name_en", "requisition", "focus_area", "pass_mark"]
