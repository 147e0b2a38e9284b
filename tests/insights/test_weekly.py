"""The leaders' weekly email: figures as each may see them, in the language asked for, with the workbook."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.factories import make_application, make_requisition

pytestmark = pytest.mark.django_db


def test_leaders_get_the_weekly_report_with_its_workbook(drive, team, staff, mailoutbox):
    make_application(requisition=make_requisition(drive=drive, team=team))
    staff["leadership"].email = "lead@example.com"
    staff["leadership"].save(update_fields=["email"])
    staff["recruiter"].email = "rita@example.com"
    staff["recruiter"].save(update_fields=["email"])
    call_command("send_weekly_report", drive=drive.code, language="zh-hans")
    to = sorted(address for message in mailoutbox for address in message.to)
    assert "lead@example.com" in to and "rita@example.com" not in to
    message = next(m for m in mailoutbox if m.to == ["lead@example.com"])
    assert message.subject.startswith("每周报告") and "漏斗" in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".xlsx") and content[:2] == b"PK"


def test_each_leader_reads_the_report_in_their_own_language_from_the_task(drive, team, staff, mailoutbox):
    from talentdrive.insights.tasks import weekly_report_task

    make_application(requisition=make_requisition(drive=drive, team=team))
    for role, email, language in (
        ("leadership", "lead@example.com", "zh-hans"),
        ("admin", "ada@example.com", "en"),
    ):
        staff[role].email, staff[role].language = email, language
        staff[role].save(update_fields=["email", "language"])
    result = weekly_report_task.enqueue(drive.code).return_value
    assert result == {"sent": 2, "failed": 0}
    chinese = next(m for m in mailoutbox if m.to == ["lead@example.com"])
    english = next(m for m in mailoutbox if m.to == ["ada@example.com"])
    assert chinese.subject.startswith("每周报告") and "录用通知" in chinese.body
    assert (
        english.subject.startswith("Weekly report") and "Offers: none answered yet, 0 waiting" in english.body
    )
    assert "Interviewers at their weekly cap: 0; scorecards late now: 0." in english.body
