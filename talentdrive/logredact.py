"""No personal data in logs: a filter for Django's logging and the same rule for gunicorn's access log.

A status link is a key to a person's applications (read, withdraw, erase), and Django logs the path of
every 404 and 403 (``django.request``), as gunicorn's access log does of every request; email
addresses reach messages through exceptions. Both are replaced before a line is written.
"""

from __future__ import annotations

import logging
import re

# /status/<token>/..., /applied/<token>/ with or without a language prefix; the token is the secret.
_LINK_TOKEN = re.compile(r"(/(?:status|applied)/)(?!\s)[^/\s?#\"']+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def redact(text: str) -> str:
    """``text`` with status-link tokens and email addresses replaced."""
    if "/" not in text and "@" not in text:
        return text
    return _EMAIL.sub("<email>", _LINK_TOKEN.sub(r"\1<token>", text))


class RedactPersonalData(logging.Filter):
    """Rewrites each record's message through ``redact``; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record is logged as it is
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
