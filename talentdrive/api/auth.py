from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from talentdrive.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer td_…`` tokens created by an administrator (``talentdrive token create``)."""

    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


# Staff calls: a bearer token, or the signed-in session of the back office (CSRF-checked by ninja).
staff_auth = [ApiTokenAuth(), django_auth]
