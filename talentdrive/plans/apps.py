from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "talentdrive.plans"
    label = "plans"
