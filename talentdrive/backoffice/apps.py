from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "talentdrive.backoffice"
    label = "backoffice"
