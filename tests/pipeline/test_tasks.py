"""The confirmation email: queued in the submission's transaction, sent once after the commit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from talentdrive.pipeline.models import Application, ConfirmationEmail
from talentdrive.pipeline.services import application_submit
from talentdrive.pipeline.tasks import application_confirmation_email_task
from tests.actors import TEST_ACTOR
from tests.factories import applicant


@pytest.fixture(autouse=True)
def _mail(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def submit(requisition, **changes):
    return application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(**changes),
        resume=None,
        confirmation_base_url="https://careers.example/",
        actor=TEST_ACTOR,
    )


def test_the_confirmation_is_sent_once_after_the_commit(requisition, django_capture_on_commit_callbacks):
    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome = submit(requisition)
    # then: nothing is sent before the commit
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["li.lei@example.com"]
    assert "https://careers.example/status/" in message.body
    assert ConfirmationEmail.objects.get(application=outcome.application).sent_at is not None

    # and a second run of the task (a retry, a second worker) sends nothing more
    assert application_confirmation_email_task.call(outcome.application.pk) == 0
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_a_rolled_back_submission_sends_nothing(requisition, django_capture_on_commit_callbacks):
    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        submit(requisition)
        raise Abort
    assert callbacks == []
    assert mail.outbox == []
    assert Application.objects.count() == 0
    assert ConfirmationEmail.objects.count() == 0


def test_applying_again_sends_a_confirmation_that_says_so(requisition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(requisition)
    with django_capture_on_commit_callbacks(execute=True):
        again = submit(requisition, email="LI.LEI@example.com")
    assert again.already_applied
    assert len(mail.outbox) == 2
    assert "already applied" in mail.outbox[1].body
    assert ConfirmationEmail.objects.filter(sent_at__isnull=False).count() == 2


def test_a_chinese_applicant_gets_a_chinese_email(requisition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(requisition, language="zh-hans")
    assert requisition.title_zh in mail.outbox[0].subject
    assert "https://careers.example/zh-hans/status/" in mail.outbox[0].body


def test_a_mail_server_fault_is_recorded_and_the_next_run_sends_it(
    requisition, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.portal.failing_email.DownEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        outcome = submit(requisition)
    owed = ConfirmationEmail.objects.get()
    assert (owed.sent_at, owed.failed_at is not None) == (None, True)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert application_confirmation_email_task.call(outcome.application.pk) == 1
    assert application_confirmation_email_task.call(outcome.application.pk) == 0
    assert len(mail.outbox) == 1


def test_no_confirmation_without_a_site_address_or_an_email(requisition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application_submit(
            requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
        )
        submit(requisition, email="", phone="13900139001", name="Han Meimei")
    assert ConfirmationEmail.objects.count() == 0
    assert mail.outbox == []
