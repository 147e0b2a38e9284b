from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "talentdrive.offers"
    label = "offers"
