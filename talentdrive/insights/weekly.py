"""The weekly report by email: the pipeline page's headline figures and its workbook, to the drive's leaders.

Each recipient gets the figures of the plan lines they may see, in the language asked for, through
Django's email backend; a mail server fault is counted, not raised, so one bad address does not stop
the rest. Run it weekly (``manage.py send_weekly_report``) from cron or a scheduler.
"""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from talentdrive.accounts.models import Role, User
from talentdrive.insights.forecast import plan_forecast
from talentdrive.insights.labels import risk_label, step_label
from talentdrive.insights.pipeline import pipeline_dashboard
from talentdrive.insights.workbook import dashboard_workbook
from talentdrive.plans.models import Drive

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def weekly_report_recipients() -> list[User]:
    """The drive's leaders: leadership and administrators with an email address."""
    return [
        user
        for user in User.objects.filter(is_active=True).exclude(email="").order_by("pk")
        if user.is_drive_admin or user.role == Role.LEADERSHIP
    ]


def weekly_report_text(*, user: User, drive: Drive) -> tuple[str, str, bytes]:
    """Subject, body and workbook of the report as ``user`` may see it, in the active language."""
    board = pipeline_dashboard(user=user, drive=drive)
    forecast = plan_forecast(user=user, drive=drive)
    lines = [
        _("Target %(target)s, hired %(hired)s, still to hire %(remaining)s.")
        % {
            "target": forecast.drive.target,
            "hired": forecast.drive.hired,
            "remaining": forecast.drive.remaining,
        },
        "",
        _("Funnel:"),
        *(f"  {step_label(step.kind)}: {step.reached}" for step in board.funnel),
        "",
    ]
    if forecast.drive.likely is not None:
        lines.append(
            _("At the pace so far the plan fills by %(likely)s (8 in 10: %(low)s to %(high)s).")
            % {"likely": forecast.drive.likely, "low": forecast.drive.low, "high": forecast.drive.high or "–"}
        )
    else:
        lines.append(_("At the pace so far the plan does not fill within two years."))
    if board.at_risk:
        lines += ["", _("Requisitions at risk:")]
        lines += [
            f"  {r.requisition.external_id} {r.requisition.title}: {risk_label(r)}"
            for r in board.at_risk[:10]
        ]
    subject = _("Weekly report: %(drive)s") % {"drive": drive.name}
    return subject, "\n".join(lines) + "\n", dashboard_workbook(board, forecast)


def weekly_report_send(*, drive: Drive, language: str) -> tuple[int, int]:
    """Send the report to every leader; answers (sent, failed)."""
    sent = failed = 0
    for user in weekly_report_recipients():
        with translation.override(language):
            subject, body, workbook = weekly_report_text(user=user, drive=drive)
        message = EmailMessage(subject, body, to=[user.email])
        message.attach(f"pipeline-{drive.code}.xlsx", workbook, XLSX)
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            failed += 1
            logger.warning("weekly report to user %s not sent: %s", user.pk, type(error).__name__)
        else:
            sent += 1
    return sent, failed
