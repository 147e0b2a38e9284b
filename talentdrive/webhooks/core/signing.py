"""Signing a webhook body, and checking a signature as a receiver does.

The signature is ``sha256=`` and the hex HMAC-SHA256, keyed with the endpoint's secret, of the
timestamp header, a full stop and the raw body: ``f"{timestamp}.{body}"``. Signing the timestamp
with the body lets a receiver refuse an old message replayed with a valid signature.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_PREFIX = "sha256="


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """The ``X-TalentDrive-Signature`` header value for ``body`` sent at ``timestamp``."""
    message = _as_bytes(timestamp) + b"." + body
    digest = hmac.new(_as_bytes(secret), message, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def webhook_signature_valid(
    *,
    secret: str,
    timestamp: str,
    body: bytes | str,
    signature: str,
    max_age_seconds: float | None = None,
    now: float | None = None,
) -> bool:
    """True when ``signature`` is the one ``secret`` gives for ``timestamp`` and ``body``.

    ``body`` must be the raw bytes received, before any JSON parsing. The comparison takes constant
    time. With ``max_age_seconds``, a timestamp further than that from ``now`` (the Unix time, read
    from the clock when not given) is refused too, which defeats replays of captured messages.
    """
    expected = webhook_signature(secret=secret, timestamp=timestamp, body=_as_bytes(body))
    if not hmac.compare_digest(expected.encode("ascii"), _as_bytes(signature)):
        return False
    if max_age_seconds is None:
        return True
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    current = time.time() if now is None else now
    return abs(current - sent_at) <= max_age_seconds
