"""The second-factor door in front of every signed-in request (back office, admin, API session).

At sign-in the session notes what its user owes (``accounts.two_factor.second_factor_owed``): nothing, a
code from their authenticator, or an enrolment (an administrator where ``TALENTDRIVE_ADMIN_SECOND_FACTOR``
is on). Until it is paid, the session reaches only that page, signing out and the language switch: the
back office and the admin redirect to the page, the API treats the session as no session at all (401
where staff are needed). Noting it at sign-in keeps the check off every later request's database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from talentdrive.accounts.two_factor import second_factor_owed

SESSION_KEY = "second_factor_owed"
VERIFY, ENROL, NOTHING = "verify", "enrol", ""
PAGES = {VERIFY: "backoffice:two_factor_verify", ENROL: "backoffice:two_factor"}
ALWAYS_OPEN = ("backoffice:logout", "set_language")


def second_factor_note(request: HttpRequest, user: Any) -> None:
    """Record in the session what ``user``, just signed in, owes (``user_logged_in`` receiver)."""
    owed = second_factor_owed(user)
    request.session[SESSION_KEY] = VERIFY if owed.verify else ENROL if owed.enrol else NOTHING


def second_factor_paid(request: HttpRequest) -> None:
    """The session passed its second factor (or enrolled one)."""
    request.session[SESSION_KEY] = NOTHING


def session_owes(request: HttpRequest) -> str:
    user = request.user
    if not user.is_authenticated:
        return NOTHING
    if SESSION_KEY not in request.session:  # a session from before this door existed
        second_factor_note(request, user)
    return str(request.session[SESSION_KEY])


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        owed = session_owes(request)
        request.second_factor_owed = owed  # type: ignore[attr-defined]
        if not owed:
            return self.get_response(request)
        page = PAGES[owed]
        open_paths = {reverse(name) for name in (*ALWAYS_OPEN, page)}
        if request.path in open_paths or request.path.startswith("/static/"):
            return self.get_response(request)
        if request.path.startswith("/staff/") or request.path.startswith("/admin/"):
            return HttpResponseRedirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")
        # The API and the public site: the session counts for nothing until the second factor is given.
        request.user = AnonymousUser()
        return self.get_response(request)
