from django.apps import AppConfig


class HiringConfig(AppConfig):
    name = "talentdrive.hiring"
    label = "hiring"
