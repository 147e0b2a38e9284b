from django.apps import AppConfig


class CampusConfig(AppConfig):
    name = "talentdrive.campus"
    label = "campus"
