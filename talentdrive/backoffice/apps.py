from typing import Any

from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "talentdrive.backoffice"
    label = "backoffice"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from talentdrive.backoffice.second_factor import second_factor_note

        def note(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
            # Sign-ins without a request (a test client's force_login has one) owe nothing to note.
            if request is not None and hasattr(request, "session"):
                second_factor_note(request, user)

        user_logged_in.connect(note, dispatch_uid="backoffice.second_factor_note", weak=False)
