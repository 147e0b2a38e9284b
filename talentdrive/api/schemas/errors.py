"""One JSON error shape for the API: a message a person can act on, a code, and the field at fault."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


class ErrorOut(Schema):
    message: str
    code: str
    field: str | None = None
    errors: dict[str, list[str]] | None = None


class PlanLimitOut(ErrorOut):
    plan_line: str
    target: int
    committed: int
    requested: int


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, *, code: str, field: str | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"message": message, "code": code, "field": field, **extra}


def _field(location: list[Any]) -> str | None:
    """The input at fault: the last name after where it was sent (``body`` with the handler's body
    parameter, ``query``, ``path``), so a field may itself be called ``body`` (a note's text)."""
    names = [str(part) for part in location if isinstance(part, str)]
    if names[:1] == ["body"]:
        names = names[2:]
    elif names[:1] and names[0] in {"query", "path", "header", "cookie", "form", "file"}:
        names = names[1:]
    return names[-1] if names else None


def install_error_handlers(api: NinjaAPI) -> None:
    """Answer validation (400), authentication (401) and permission (403) failures in the shape above."""

    def api_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, exc.body, status=exc.status)

    def validation(request: HttpRequest, exc: Any) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field(list(error.get("loc", ()))) or "request", []).append(
                str(error.get("msg"))
            )
        field, messages = next(iter(errors.items()), ("request", ["invalid request"]))
        body = {
            "message": f"{field}: {messages[0]}",
            "code": "invalid",
            "field": None if field == "request" else field,
            "errors": errors,
        }
        return api.create_response(request, body, status=400)

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        message = exc.message if exc.message != "Unauthorized" else "authentication required"
        body = {
            "message": f"{message}: send 'Authorization: Bearer <token>' (talentdrive token create) or sign in",
            "code": "unauthenticated",
            "field": None,
        }
        return api.create_response(request, body, status=401)

    def forbidden(request: HttpRequest, exc: Any) -> HttpResponse:
        message = str(exc) or "you may not do this"
        return api.create_response(
            request, {"message": message, "code": "forbidden", "field": None}, status=403
        )

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        message = exc.message
        if exc.status_code == 403 and "CSRF" in message:
            message = "CSRF check failed: send the X-CSRFToken header with a session, or use a bearer token"
        body = {"message": message, "code": "forbidden" if exc.status_code == 403 else "error", "field": None}
        return api.create_response(request, body, status=exc.status_code)

    api.add_exception_handler(ApiError, api_error)
    api.add_exception_handler(NinjaValidationError, validation)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(AuthorizationError, forbidden)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(HttpError, http_error)
