from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "talentdrive.audit"
    label = "audit"
