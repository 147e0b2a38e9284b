"""Who is calling: a bearer token, the back office's session, or (for public reads) nobody."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from talentdrive.accounts.models import User
from talentdrive.accounts.services import api_token_authenticate
from talentdrive.api.schemas.errors import ApiError


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer td_…`` tokens created by an administrator (``talentdrive token create``)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


class OptionalStaffAuth(ApiTokenAuth):
    """Reads that the public may make too: staff by token or session, otherwise an anonymous caller.

    A token that is sent but wrong is refused rather than silently downgraded to the public view, so a
    misconfigured integration fails loudly instead of seeing fewer requisitions.
    """

    def __call__(self, request: HttpRequest) -> Any:
        if request.headers.get(self.header):
            user = super().__call__(request)
            if user is None:
                raise AuthenticationError(message="the bearer token is unknown or revoked")
            return user
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return AnonymousUser()


class StaffSessionAuth(SessionAuth):
    """The back office's session, CSRF-checked; a caller with no session is unauthenticated (401), not 403."""

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)


# Staff calls: a bearer token, or the signed-in session of the back office (CSRF-checked).
staff_auth = [ApiTokenAuth(), StaffSessionAuth()]
# Reads open to the public: anonymous callers get the public view.
reader_auth = [OptionalStaffAuth()]


def caller(request: HttpRequest) -> User | None:
    """The authenticated staff member, or None for an anonymous caller."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, User) else None


def staff_allowed(request: HttpRequest, rule: Callable[[Any], bool], refusal: str) -> User:
    """The authenticated staff member if the domain's access ``rule`` lets their role in, else 403
    with ``refusal`` (for endpoints behind ``staff_auth``, which has already answered 401)."""
    user = caller(request)
    assert user is not None
    if not rule(user):
        raise ApiError(403, refusal, code="forbidden")
    return user
