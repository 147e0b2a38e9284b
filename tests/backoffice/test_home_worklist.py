"""The home page of a recruiter or a hiring manager lists the open requisitions they work on and what waits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentdrive.pipeline.worklist import requisition_worklist
from tests.factories import make_application, make_requisition

pytestmark = pytest.mark.django_db


def test_the_worklist_counts_what_waits_on_each_requisition(drive, team, staff):
    mine = make_requisition(drive=drive, team=team, external_id="R-MINE", recruiters=[staff["recruiter"]])
    make_requisition(drive=drive, team=team, external_id="R-NOT-MINE")
    for stage in ("applied", "applied", "resume_screen", "rejected"):
        make_application(requisition=mine, stage=stage)
    rows = requisition_worklist(user=staff["recruiter"])
    assert [(r.requisition.external_id, r.waiting, r.active, r.moved_this_week) for r in rows] == [
        ("R-MINE", 2, 3, 4)
    ]


def test_a_hiring_manager_sees_their_requisitions_on_the_home_page(client, drive, team, staff):
    requisition = make_requisition(
        drive=drive, team=team, external_id="R-HM", hiring_manager=staff["hiring_manager"]
    )
    make_application(requisition=requisition)
    client.force_login(staff["hiring_manager"])
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "Your open requisitions" in page
    assert reverse("backoffice:requisition_applicants", args=[requisition.pk]) in page


def test_an_interviewer_has_no_worklist(client, staff):
    client.force_login(staff["interviewer"])
    assert client.get(reverse("backoffice:home")).context["worklist"] == []


def test_a_note_that_mentions_someone_reaches_their_home_page(client, drive, team, staff):
    from talentdrive.pipeline.notes import note_add

    requisition = make_requisition(
        drive=drive, team=team, external_id="R-HM", hiring_manager=staff["hiring_manager"],
        recruiters=[staff["recruiter"]],
    )  # fmt: skip
    application = make_application(requisition=requisition)
    note_add(
        candidate=application.candidate,
        application=application,
        body=f"@{staff['hiring_manager'].username} strong systems answers, please look",
        actor=staff["recruiter"],
    )
    client.force_login(staff["hiring_manager"])
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "Notes that mention you" in page and "strong systems answers" in page
