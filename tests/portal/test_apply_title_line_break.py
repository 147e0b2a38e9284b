"""A line break in a job title never turns applying into an error page."""

from __future__ import annotations

import pytest
from django.core import mail

from talentdrive.pipeline.models import Application, ConfirmationEmail
from talentdrive.plans.models import Requisition
from tests.portal.test_api import body


@pytest.fixture
def broken_title(requisition):
    # A title saved before titles were checked (or through the database): "\n" inside both languages.
    Requisition.objects.filter(pk=requisition.pk).update(
        title_en="Research engineer\nBcc: everyone@example.com", title_zh="研究工程师\r\n多模态"
    )
    return requisition


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_applying_to_a_job_whose_title_has_a_line_break_is_received_and_confirmed(
    client, broken_title, language
):
    # when
    response = client.post(f"/api/public/requisitions/{broken_title.pk}/apply", body(language=language))
    # then: received, and the confirmation went out with a one-line subject and no added header
    assert response.status_code == 202
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0].message()
    assert "\n" not in mail.outbox[0].subject and "\r" not in mail.outbox[0].subject
    assert message["Bcc"] is None and mail.outbox[0].bcc == []


def test_the_career_site_form_answers_the_same(client, broken_title):
    from tests.portal.test_apply import form_data

    response = client.post(f"/jobs/{broken_title.pk}/apply/", form_data())
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_a_header_the_mail_layer_refuses_is_a_failed_send_not_a_500(client, settings, requisition):
    settings.EMAIL_BACKEND = "tests.portal.failing_email.HeaderRefusingEmailBackend"
    response = client.post(f"/api/public/requisitions/{requisition.pk}/apply", body())
    assert response.status_code == 202
    confirmation = ConfirmationEmail.objects.get()
    assert confirmation.sent_at is None and confirmation.failed_at is not None
