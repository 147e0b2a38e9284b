"""The HTTP POST of one delivery, with the standard library: no redirects, a short timeout."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class PostResult:
    status_code: int | None  # None when no HTTP answer came (refused, timed out, bad TLS)
    error: str  # empty on a 2xx answer

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect is an answer other than 2xx: following it would re-send the body, signature included,
    # to a host the administrator never registered.
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def webhook_post(*, url: str, body: bytes, headers: dict[str, str], timeout: float) -> PostResult:
    """POST ``body`` to ``url``; answer the status code, or why there was none. Never raises for HTTP."""
    if not url.startswith(("http://", "https://")):
        return PostResult(None, "only http and https URLs are delivered to")
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 (scheme checked above)
    try:
        with _opener.open(request, timeout=timeout) as response:
            return PostResult(response.status, "")
    except urllib.error.HTTPError as error:
        return PostResult(error.code, f"HTTP {error.code} {error.reason}"[:200])
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", error)
        return PostResult(None, f"{type(error).__name__}: {reason}"[:200])
