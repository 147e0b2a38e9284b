from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "talentdrive.serving"
    label = "serving"
    verbose_name = "Serving"

    def ready(self) -> None:
        from talentdrive.serving import checks  # noqa: F401 - registers the deployment checks
