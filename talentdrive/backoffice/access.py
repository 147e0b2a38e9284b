"""The back office's door: sign-in, the staff language, and asking the domain's access rules."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation

ResponseT = TypeVar("ResponseT", bound=HttpResponseBase)
Rule = Callable[[Any], bool]


def is_staff_member(user: Any) -> bool:
    """Any signed-in, active staff account: the home page and the language switch."""
    return bool(user.is_authenticated and user.is_active)


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


def staff_view(rule: Rule) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Anonymous visitors go to the login page; signed-in staff whom ``rule`` refuses get 403.

    ``rule`` is a question from a domain's access module (``plans.access.plan_can_read`` …); this
    module decides nothing itself."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @staff_language
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not rule(request.user):
                raise PermissionDenied("your role does not give access to this page")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
