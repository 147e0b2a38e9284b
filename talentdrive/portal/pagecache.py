"""Whole-page caching for the public pages every visitor sees alike.

Job search, job pages and the home page hold no per-visitor data (no form token, no session), so
the rendered bytes can be reused for everyone asking the same URL in the same language. A short
lifetime keeps a newly opened or closed job from being hidden or shown for long.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

PAGE_SECONDS = 30


def cached_page(
    request: HttpRequest, render: Callable[[], HttpResponse], *, seconds: int = PAGE_SECONDS
) -> HttpResponse:
    """Serve the cached bytes of this GET, or render, store (200s only) and serve them."""
    if request.method != "GET":
        return render()
    variant = "htmx" if request.headers.get("HX-Request") else "page"
    raw = f"{request.get_host()}|{get_language()}|{variant}|{request.get_full_path()}"
    key = "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        response = HttpResponse(content, content_type=content_type)
    else:
        response = render()
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]), seconds)
    # Intermediaries must not mix languages or the htmx fragment with the full page.
    response["Vary"] = "HX-Request, Accept-Language"
    return response
