"""Who may open which back-office page. Object-level checks stay in the domain selectors."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation

from talentdrive.accounts.models import Role

ResponseT = TypeVar("ResponseT", bound=HttpResponseBase)

ALL_STAFF: frozenset[str] = frozenset(Role.values)
PLAN_READERS: frozenset[str] = frozenset({Role.ADMIN, Role.LEADERSHIP, Role.RECRUITER})
REQUISITION_READERS: frozenset[str] = frozenset(
    {Role.ADMIN, Role.LEADERSHIP, Role.RECRUITER, Role.HIRING_MANAGER}
)
REQUISITION_CREATORS: frozenset[str] = frozenset({Role.ADMIN, Role.RECRUITER})
IMPORTERS: frozenset[str] = frozenset({Role.ADMIN})


def has_role(user: Any, roles: Collection[str]) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_drive_admin:
        return True
    return user.role in roles


def staff_language(view: Callable[..., ResponseT]) -> Callable[..., ResponseT]:
    """Use the visitor's chosen language on back-office pages.

    The portal's ``i18n_patterns`` leave the default language unprefixed, which makes LocaleMiddleware
    pin every unprefixed path, /staff/ included, to LANGUAGE_CODE; the staff pages have no prefix, so
    they take the language from the switcher's cookie or the browser instead.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> ResponseT:
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def staff_view(
    roles: Collection[str],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Anonymous visitors go to the login page; signed-in staff without the role get 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @staff_language
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_role(request.user, roles):
                raise PermissionDenied("your role does not give access to this page")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
