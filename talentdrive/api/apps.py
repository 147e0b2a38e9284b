from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "talentdrive.api"
    label = "api"
