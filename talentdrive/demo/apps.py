from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "talentdrive.demo"
    label = "demo"
    verbose_name = "Demo drive"
