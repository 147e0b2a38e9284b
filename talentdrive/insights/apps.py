from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "talentdrive.insights"
    label = "insights"
