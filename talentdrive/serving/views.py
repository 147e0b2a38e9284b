"""Liveness for load balancers: the smallest answer a Django process gives, touching no database."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 "ok" while the process serves requests; also the baseline of the portal benchmarks."""
    return HttpResponse(b"ok", content_type="text/plain")
