"""Requests refused before any view reads them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class NulCharacterMiddleware:
    """A NUL character in the address or a query parameter is refused with 400, naming where it is.

    No field of the product holds one, PostgreSQL's text columns cannot store one (a query filtering on
    it fails inside the database), and Django's forms already refuse it in submitted fields; the
    address is the one input that reaches queries without a form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            return _refused("the address")
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return _refused(f"the query parameter {name.replace(chr(0), '')!r}")
        return self.get_response(request)


def _refused(where: str) -> HttpResponse:
    return HttpResponseBadRequest(
        f"A NUL character is not allowed in {where}.", content_type="text/plain; charset=utf-8"
    )
