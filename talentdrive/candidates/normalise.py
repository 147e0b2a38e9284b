"""Normalised contact details, the keys by which one person is recognised across applications."""

from __future__ import annotations

import phonenumbers


def normalise_email(raw: str) -> str:
    value = (raw or "").strip().lower()
    return value if "@" in value else ""


def normalise_phone(raw: str, default_region: str = "CN") -> str:
    """E.164 form of a phone number, or '' if it is not a valid number. Chinese numbers need no +86."""
    value = (raw or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, default_region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
