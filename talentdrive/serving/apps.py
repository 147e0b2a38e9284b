from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "talentdrive.serving"
    label = "serving"
    verbose_name = "Serving"
