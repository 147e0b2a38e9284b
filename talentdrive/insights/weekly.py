"""The weekly report by email: the pipeline page's headline figures and its workbook, to the drive's leaders.

Each recipient gets the figures of the plan lines they may see, in their own language (``User.language``,
else the site's default, unless the sender asks for one language for all), through Django's email
backend; a mail server fault is counted, not raised, so one bad address does not stop the rest. Run it
weekly: ``manage.py send_weekly_report`` from cron, or ``weekly_report_task`` on the database queue.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
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
    offers = board.offers.total
    if offers.rate is not None:
        lines.append(
            _(
                "Offers: %(accepted)s accepted of %(decided)s answered (%(rate)s%%), %(out)s waiting for an answer."
            )
            % {
                "accepted": offers.accepted,
                "decided": offers.decided,
                "rate": round(100 * offers.rate),
                "out": offers.out,
            }
        )
    else:
        lines.append(_("Offers: none answered yet, %(out)s waiting for an answer.") % {"out": offers.out})
    lines.append(
        _("Interviewers at their weekly cap: %(full)s; scorecards late now: %(late)s.")
        % {"full": board.load.full, "late": board.load.late_now}
    )
    lines.append("")
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


def weekly_report_send(*, drive: Drive, language: str | None = None) -> tuple[int, int]:
    """Send the report to every leader, each in their language (or all in ``language``); answers
    (sent, failed)."""
    sent = failed = 0
    for user in weekly_report_recipients():
        with translation.override(language or user.language or settings.LANGUAGE_CODE):
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
