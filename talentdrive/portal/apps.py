from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "talentdrive.portal"
    label = "portal"
