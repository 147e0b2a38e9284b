"""A requisition with an application at its first technical round, and the people to interview it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

import pytest

from talentdrive.accounts.models import Role, User
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import Requisition
from tests import factories

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in December 2026, Shanghai time (the 7th is a Monday)."""
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


@dataclass
class Room:
    requisition: Requisition
    application: Application
    recruiter: User
    interviewers: list[User]
    staff: dict[str, User]


@pytest.fixture
def room(drive, team, staff) -> Room:
    requisition = factories.make_requisition(
        drive=drive, team=team, external_id="R-INT", hiring_manager=staff["hiring_manager"]
    )
    candidate = factories.make_candidate(full_name="李雷", email="li.lei@example.test")
    application = factories.make_application(
        requisition=requisition,
        candidate=candidate,
        stage="technical_1",
        language="zh-hans",
        school="清华大学",
    )
    second = factories.make_staff(Role.INTERVIEWER, username="iris", email="iris@example.test")
    staff["interviewer"].email = "ivan@example.test"
    staff["interviewer"].save(update_fields=["email"])
    return Room(requisition, application, staff["recruiter"], [staff["interviewer"], second], staff)
