from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "talentdrive.accounts"
    label = "accounts"
