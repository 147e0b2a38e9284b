"""The language the API answers in: the client's ``Accept-Language``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils import translation

View = TypeVar("View", bound=Callable[..., Any])


def in_request_language(view: View) -> View:
    """Answer in the client's language (``Accept-Language``): stage and reason names, refusals. The API's
    paths carry no language prefix, so the locale middleware would otherwise leave every answer in English.

    Apply it to a router as a view decorator (``router.add_decorator(in_request_language, mode="view")``):
    it then wraps validation and the error handlers too; on a single handler it would hide the handler's
    module from django-ninja's reading of its type hints."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        with translation.override(translation.get_language_from_request(request)):
            return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
