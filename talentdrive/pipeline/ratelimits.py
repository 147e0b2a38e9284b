"""Per-address and per-email limits on applying (django-ratelimit, counted in the cache).

One place for every way in (the portal's form, its status-link form, the public API), so a client
cannot get round the limit by switching from one to the other: the counters are shared.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from talentdrive.candidates.normalise import normalise_email


def _email_key(group: str, request: HttpRequest) -> str:
    return normalise_email(request.POST.get("email", "")) or "no-email"


def apply_is_limited(request: HttpRequest, *, email: str | None = None) -> bool:
    """Count this attempt and say whether the client or the email address is over its limit."""
    by_ip = is_ratelimited(
        request,
        group="portal.apply.ip",
        key="ip",
        rate=settings.TALENTDRIVE.get("APPLY_RATE_PER_IP", "30/m"),
        method="POST",
        increment=True,
    )
    if email is not None:
        normalised = normalise_email(email) or "no-email"

        def key(group: str, request: HttpRequest) -> str:
            return normalised

    else:
        key = _email_key
    by_email = is_ratelimited(
        request,
        group="portal.apply.email",
        key=key,
        rate=settings.TALENTDRIVE.get("APPLY_RATE_PER_EMAIL", "10/h"),
        method="POST",
        increment=True,
    )
    return bool(by_ip or by_email)
