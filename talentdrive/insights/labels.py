"""What the pipeline figures are called, in the reader's language (the page, the workbook, the email)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from talentdrive.pipeline.models import Source
from talentdrive.plans.models import Channel

KIND_LABELS = {
    "received": _("Applied"),
    "review": _("Screening and assessment"),
    "interview": _("Interviews"),
    "committee": _("Committee review"),
    "offer": _("Offer"),
    "hired": _("Hired"),
}
RISK_LABELS = {
    "quiet": _("No applicant has moved for %(days)s days."),
    "no_interviews": _("Open %(days)s days and nobody is past screening."),
    "no_applicants": _("Open %(days)s days without an applicant."),
    "low_acceptance": _("Only %(accepted)s of %(decided)s offers answered were accepted."),
}


def step_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def source_label(code: str) -> str:
    return str(Source(code).label) if code in Source.values else (code or "–")


def line_label(line: Any) -> str:
    channel = str(Channel(line.channel).label) if line.channel in Channel.values else line.channel
    return " · ".join([line.city.name, channel, line.focus_area.name, line.team.name])


def risk_label(risk: Any) -> str:
    return str(
        RISK_LABELS[risk.reason]
        % {
            "days": risk.days,
            "accepted": getattr(risk, "accepted", 0),
            "decided": getattr(risk, "decided", 0),
        }
    )


def channel_label(code: str) -> str:
    return str(Channel(code).label) if code in Channel.values else (code or "–")


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"
