from django.contrib import admin

from talentdrive.audit.admin_mixins import AuditedAdmin
from talentdrive.offers.models import ApprovalStep, Offer, OfferApproval, OfferLetterTemplate, SalaryBand


@admin.register(SalaryBand)
class SalaryBandAdmin(AuditedAdmin):
    list_display = ("city", "level", "salary_min", "salary_max")
    list_filter = ("city", "level")


@admin.register(ApprovalStep)
class ApprovalStepAdmin(AuditedAdmin):
    list_display = ("position", "name_en", "name_zh", "approver", "condition", "active")
    list_editable = ("active",)


@admin.register(OfferLetterTemplate)
class OfferLetterTemplateAdmin(AuditedAdmin):
    list_display = ("name", "active", "updated_at")


class OfferApprovalInline(admin.TabularInline):
    model = OfferApproval
    extra = 0
    can_delete = False
    readonly_fields = ("position", "approver", "name_en", "status", "decided_by", "decided_at", "reason")
    fields = readonly_fields


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    """Read-only: offers change through their services (the back office, the portal, the API)."""

    list_display = ("pk", "requisition", "status", "level", "expires_on", "created_at")
    list_filter = ("status", "level")
    inlines = [OfferApprovalInline]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
