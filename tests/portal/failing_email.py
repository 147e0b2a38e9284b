"""An email backend whose mail server is down."""

from __future__ import annotations

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class DownEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


class HeaderRefusingEmailBackend(BaseEmailBackend):
    """A backend that refuses a header, as Django does for a line break in one."""

    def send_messages(self, email_messages):
        from django.core.mail import BadHeaderError

        raise BadHeaderError("Header values can't contain newlines")
