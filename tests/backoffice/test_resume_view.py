"""The résumé beside the profile: PDF shown in the browser, other types downloaded, and only for staff
who may read this application."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentdrive.resumes.services import resume_attach, resume_parse
from tests.actors import TEST_ACTOR
from tests.factories import docx_bytes, make_application, make_candidate, make_requisition, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def requisition(drive, team, staff):
    requisition = make_requisition(drive=drive, team=team)
    requisition.recruiters.add(staff["recruiter"])
    return requisition


def _applied_with(requisition, filename, content):
    candidate = make_candidate(full_name="Li Lei")
    resume = resume_attach(candidate=candidate, filename=filename, content=content, actor=TEST_ACTOR)
    # parsing sniffs the type the file really has; the view trusts that, never the file name
    resume = resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    return make_application(requisition=requisition, candidate=candidate, resume=resume)


def test_a_pdf_is_shown_inline_and_only_framed_by_the_back_office(client, staff, requisition):
    application = _applied_with(requisition, "li-lei.pdf", pdf_bytes())
    client.force_login(staff["recruiter"])
    page = client.get(reverse("backoffice:application_detail", args=[application.pk])).content.decode()
    response = client.get(reverse("backoffice:application_resume", args=[application.pk]))
    assert 'class="resume-frame"' in page
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_docx_is_read_as_text_and_downloaded_never_rendered(client, staff, requisition):
    application = _applied_with(requisition, "han.docx", docx_bytes())
    client.force_login(staff["recruiter"])
    page = client.get(reverse("backoffice:application_detail", args=[application.pk])).content.decode()
    response = client.get(reverse("backoffice:application_resume", args=[application.pk]))
    assert 'class="resume-frame"' not in page
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(("role", "status"), [("other_recruiter", 404), ("interviewer", 403)])
def test_staff_who_may_not_read_the_application_get_nothing(client, staff, requisition, role, status):
    application = _applied_with(requisition, "li-lei.pdf", pdf_bytes())
    client.force_login(staff[role])
    response = client.get(reverse("backoffice:application_resume", args=[application.pk]))
    assert response.status_code == status


def test_an_erased_candidates_file_is_gone(client, staff, requisition):
    application = _applied_with(requisition, "li-lei.pdf", pdf_bytes())
    application.candidate.erased_at = application.created_at
    application.candidate.save(update_fields=["erased_at"])
    client.force_login(staff["recruiter"])
    assert client.get(reverse("backoffice:application_resume", args=[application.pk])).status_code == 404


def test_a_row_whose_file_is_gone_answers_not_found_not_an_error(client, staff, requisition):
    application = _applied_with(requisition, "li-lei.pdf", pdf_bytes())
    application.resume.file.delete(save=False)
    client.force_login(staff["recruiter"])
    assert client.get(reverse("backoffice:application_resume", args=[application.pk])).status_code == 404
