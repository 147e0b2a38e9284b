"""Which language a visitor reads the portal in.

English pages have no prefix (``/jobs/``), Chinese ones do (``/zh-hans/jobs/``). An unprefixed entry
page is where a visitor arrives from a search engine, a poster or a typed address: there the choice
they made with the language switch (a cookie) decides, else their browser's languages
(``Accept-Language``); a Chinese browser is sent to the Chinese page. A prefixed page is always served
in its own language, so a shared link shows what its sender saw.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, get_language_from_request

View = Callable[..., HttpResponse]


def preferred_language(request: HttpRequest) -> str:
    """The switch's remembered choice, else the browser's best supported language, else English."""
    return get_language_from_request(request, check_path=False)


def language_redirect(request: HttpRequest) -> HttpResponse | None:
    """Where an unprefixed GET should go for a visitor who prefers another language; None to stay."""
    if request.method not in ("GET", "HEAD") or request.headers.get("HX-Request"):
        return None
    if get_language_from_path(request.path_info):
        return None
    language = preferred_language(request)
    if language == settings.LANGUAGE_CODE:
        return None
    target = translate_url(request.get_full_path(), language)
    if target == request.get_full_path():
        return None
    response = HttpResponseRedirect(target)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    response["Cache-Control"] = "private, no-cache"
    return response


def negotiated(view: View) -> View:
    """An entry page that follows the visitor's language (see the module's docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        redirect = language_redirect(request)
        if redirect is not None:
            return redirect
        response = view(request, *args, **kwargs)
        if not get_language_from_path(request.path_info):
            # The unprefixed page's answer depends on these; caches must not hand it to the wrong reader.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return wrapper


def language_choose(request: HttpRequest, code: str) -> HttpResponse:
    """The language switch: remember the choice in the language cookie, then show the page in it.

    A plain link rather than a form, so that whole-page caching (no form token) and pages without
    JavaScript keep working; the cookie only records a preference."""
    supported = dict(settings.LANGUAGES)
    if code not in supported:
        code = settings.LANGUAGE_CODE
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = "/"
    response = HttpResponseRedirect(translate_url(target, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 60 * 60,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    response["Cache-Control"] = "no-store"
    return response
