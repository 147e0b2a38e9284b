from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "talentdrive.matching"
    label = "matching"
