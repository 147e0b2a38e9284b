from __future__ import annotations

import pytest

from talentdrive.pipeline.services import application_submit
from tests.actors import TEST_ACTOR
from tests.factories import applicant


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pipeline/application/",
        "/admin/pipeline/application/?stage=applied&q=li.lei",
        "/admin/candidates/candidate/",
        "/admin/candidates/consentrecord/",
    ],
)
def test_admin_lists_open_for_administrators(client, admin_user, requisition, url):
    application_submit(requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR)
    client.force_login(admin_user)
    assert client.get(url).status_code == 200


def test_admin_pages_need_staff(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/admin/pipeline/application/").status_code == 302


def test_application_change_page_opens(client, admin_user, requisition):
    application = application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    ).application
    client.force_login(admin_user)
    assert client.get(f"/admin/pipeline/application/{application.pk}/change/").status_code == 200
    assert client.get(f"/admin/candidates/candidate/{application.candidate_id}/change/").status_code == 200
