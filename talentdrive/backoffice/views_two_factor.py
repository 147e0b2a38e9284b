"""Two-factor sign-in pages: enrolling an authenticator app, backup codes, and the code after the password."""

from __future__ import annotations

from base64 import b32encode

import django_otp
import segno
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from talentdrive.accounts.two_factor import (
    SecondFactorError,
    backup_codes_replace,
    second_factor_disable,
    second_factor_enabled,
    second_factor_required,
    second_factor_verify,
    totp_enrolment_confirm,
    totp_enrolment_start,
)
from talentdrive.backoffice.access import staff_language
from talentdrive.backoffice.second_factor import second_factor_paid


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("backoffice:home")


def _qr_svg(uri: str) -> SafeString:
    # segno writes the SVG from the URI alone (no user input reaches it but the username, which the
    # otpauth URI has already percent-encoded); an inline SVG needs no script and no data: image.
    svg = segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff", title=_("QR code"))
    return mark_safe(svg)  # noqa: S308


@staff_language
@require_http_methods(["GET", "POST"])
def two_factor_settings(request: HttpRequest) -> HttpResponse:
    """Turn two-factor sign-in on (scan, then confirm with a code), make new backup codes, or turn it off."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(f"{reverse('backoffice:login')}?next={request.path}")
    user = request.user
    context: dict[str, object] = {"nav": "two_factor", "required": second_factor_required(user)}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                device, codes = totp_enrolment_confirm(
                    user=user,  # type: ignore[arg-type]
                    token=request.POST.get("token", ""),
                    actor=user,  # type: ignore[arg-type]
                )
                django_otp.login(request, device)
                second_factor_paid(request)
                context["backup_codes"] = codes
                context["just_enabled"] = True
            elif action == "backup_codes" and second_factor_enabled(user):
                context["backup_codes"] = backup_codes_replace(user=user, actor=user)  # type: ignore[arg-type]
            elif action == "disable" and second_factor_enabled(user):
                second_factor_disable(user=user, actor=user)  # type: ignore[arg-type]
                context["just_disabled"] = True
        except SecondFactorError as error:
            context["error"] = error.message
    enabled = second_factor_enabled(user)
    context["enabled"] = enabled
    if not enabled:
        device = totp_enrolment_start(user=user)  # type: ignore[arg-type]
        context["qr"] = _qr_svg(device.config_url)
        context["otpauth_uri"] = device.config_url
        context["secret"] = b32encode(device.bin_key).decode("ascii")
    return render(request, "backoffice/two_factor.html", context)


@staff_language
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The code after the password: from the authenticator app, or one backup code."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("backoffice:login"))
    user = request.user
    if getattr(request, "second_factor_owed", "") != "verify":
        return HttpResponseRedirect(_next_url(request))
    error = ""
    if request.method == "POST":
        device = second_factor_verify(user=user, token=request.POST.get("token", ""))  # type: ignore[arg-type]
        if device is not None:
            django_otp.login(request, device)
            second_factor_paid(request)
            return HttpResponseRedirect(_next_url(request))
        error = _(
            "That code is not right, or there were too many wrong codes: wait a moment and try the code "
            "your app shows now, or a backup code."
        )
    return render(
        request,
        "backoffice/two_factor_verify.html",
        {"error": error, "next": _next_url(request)},
    )
