"""What a webhook payload may hold: identifiers, codes and timestamps, never personal data.

Payloads leave the system for whatever the endpoint's owner runs, and the delivery log keeps them
after a candidate's erasure, so the rule is by key name, checked when the event is emitted:

* ``…_id``: an integer, or an identifier string (letters, digits, ``-_.:``, at most 64 characters);
* ``…_ids``: a list of those;
* ``…_code``: a code string of the same shape (a stage code, a rejection reason code);
* ``…_at``: an ISO 8601 date-time string.

A name, an email address or a phone number has no key it could travel under: a name has spaces or
letters outside the identifier shape, an email has ``@``, a formatted phone ``+`` or spaces.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

_TOKEN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class WebhookPayloadError(ValueError):
    """A payload broke the rule above: a bug in the caller, not a refusal a user can correct."""


def _is_token(value: Any) -> bool:
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def _is_id(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or _is_token(value)


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def webhook_payload_check(payload: Mapping[str, Any]) -> None:
    """Raise ``WebhookPayloadError`` naming the first key whose name or value breaks the rule."""
    if not isinstance(payload, Mapping):
        raise WebhookPayloadError("a payload is a mapping of keys to values")
    for key, value in payload.items():
        if not isinstance(key, str):
            raise WebhookPayloadError(f"payload key {key!r} is not a string")
        if key.endswith("_ids"):
            valid = isinstance(value, list) and all(_is_id(item) for item in value)
        elif key.endswith("_id"):
            valid = value is None or _is_id(value)
        elif key.endswith("_code"):
            valid = value is None or _is_token(value)
        elif key.endswith("_at"):
            valid = value is None or _is_timestamp(value)
        else:
            raise WebhookPayloadError(f"payload key {key!r} must end in _id, _ids, _code or _at")
        if not valid:
            raise WebhookPayloadError(f"payload value of {key!r} is not an identifier, code or timestamp")
