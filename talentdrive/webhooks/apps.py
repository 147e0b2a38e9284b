from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "talentdrive.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
