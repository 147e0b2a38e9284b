from django.contrib import admin

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.interviews.models import DriveInterviewSettings, InterviewPlan, InterviewRound


@admin.register(DriveInterviewSettings)
class DriveInterviewSettingsAdmin(AuditedAdmin):
    list_display = ("drive", "blind_review")


class InterviewRoundInline(admin.TabularInline):
    model = InterviewRound
    extra = 0
    filter_horizontal = ("interviewer_pool",)


@admin.register(InterviewPlan)
class InterviewPlanAdmin(AuditedAdmin):
    list_display = ("requisition", "created_at")
    inlines = [InterviewRoundInline]
    raw_id_fields = ("requisition",)
