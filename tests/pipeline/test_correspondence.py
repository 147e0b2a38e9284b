"""Candidate emails from the administrators' templates: scheduled by a move, sent by a task after the
commit (a rejection after its quiet period), rendered in the application's language, logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.correspondence import (
    candidate_email_cancel,
    candidate_emails_send_due,
)
from talentdrive.pipeline.errors import CandidateEmailRefused
from talentdrive.pipeline.models import (
    Application,
    CandidateEmail,
    CandidateEmailStatus,
    EmailTemplate,
    RejectionReason,
)
from talentdrive.pipeline.moves import application_move, application_reject, application_reopen
from talentdrive.pipeline.selectors import candidate_timeline, email_template_choices
from talentdrive.pipeline.services import candidate_erase
from talentdrive.pipeline.tasks import candidate_email_send_task
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_candidate, make_requisition

pytestmark = pytest.mark.django_db

QUIET = dt.timedelta(minutes=30)


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = QUIET.total_seconds() / 60
    settings.TALENTDRIVE_PORTAL_URL = "https://careers.example/"


@pytest.fixture
def requisition(drive, team, staff):
    requisition = make_requisition(drive=drive, team=team, channel="campus", area="agents")
    requisition.recruiters.add(staff["recruiter"])
    return requisition


@pytest.fixture
def application(requisition):
    candidate = make_candidate(email="li.lei@example.com", full_name="Li Lei")
    return make_application(requisition=requisition, candidate=candidate, language="en")


@pytest.fixture
def reason():
    reason, _ = RejectionReason.objects.get_or_create(
        code="skills", defaults={"name_en": "Skills", "name_zh": "技能不匹配"}
    )
    return reason


def template(code: str) -> EmailTemplate:
    return EmailTemplate.objects.get(code=code)


def reject(application, actor, reason, email_template=None):
    return application_reject(
        application_id=application.pk,
        reason=reason,
        actor=actor,
        expected_version=None,
        email_template=email_template,
    )


def reopen(application, actor):
    return application_reopen(application_id=application.pk, actor=actor, expected_version=None)


def later(delta: dt.timedelta = QUIET + dt.timedelta(seconds=1)) -> dt.datetime:
    return timezone.now() + delta


# -- templates ---------------------------------------------------------------------------------------------


def test_the_shipped_templates_are_valid_in_both_languages():
    codes = set(EmailTemplate.objects.values_list("code", flat=True))
    assert {"rejection_default", "rejection_after_interview", "stage_moved"} <= codes
    for shipped in EmailTemplate.objects.all():
        shipped.full_clean()
        assert not shipped.subject_zh.isascii() and not shipped.body_zh.isascii()
    assert [t.code for t in email_template_choices()] == ["rejection_default", "rejection_after_interview"]


def test_an_unknown_placeholder_is_refused_naming_it_and_its_field():
    draft = template("rejection_default")
    draft.body_zh = "{candidat_name}，您好"
    with pytest.raises(ValidationError) as refused:
        draft.full_clean()
    errors = refused.value.message_dict
    assert list(errors) == ["body_zh"]
    assert "{candidat_name} in body_zh is not a placeholder" in errors["body_zh"][0]
    assert "{candidate_name}" in errors["body_zh"][0]  # the allowed ones are listed


def test_broken_braces_are_refused():
    draft = template("rejection_default")
    draft.subject_en = "Your application for {job_title"
    with pytest.raises(ValidationError) as refused:
        draft.full_clean()
    assert "The braces in subject_en do not pair up" in refused.value.message_dict["subject_en"][0]


# -- rejection: quiet period, language, undo --------------------------------------------------------------


def test_a_rejection_email_waits_for_its_quiet_period_then_goes_in_english(
    application, staff, reason, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
    # then: scheduled, nothing sent yet, not even by a due run before its time
    email = CandidateEmail.objects.get(application=application)
    assert (email.status, email.address, email.created_by) == ("scheduled", "li.lei@example.com", "rita")
    assert email.send_after >= timezone.now() + QUIET - dt.timedelta(minutes=1)
    assert candidate_emails_send_due() == {}
    assert mail.outbox == []

    # when the quiet period is over
    assert candidate_emails_send_due(now=later()) == {"sent": 1}
    # then
    message = mail.outbox[0]
    assert message.to == ["li.lei@example.com"]
    assert message.subject == "Your application for LLM training engineer"
    assert message.body.startswith("Dear Li Lei,")
    assert "Thank you for your interest in Flagship AI app" in message.body
    email.refresh_from_db()
    assert (email.status, email.subject, email.body) == ("sent", message.subject, message.body)
    assert email.sent_at is not None
    assert AuditEvent.objects.filter(
        action=AuditAction.CANDIDATE_EMAIL_SCHEDULE, target_id=str(email.pk)
    ).exists()


def test_a_chinese_applicant_gets_the_chinese_email(requisition, staff, reason, settings):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    candidate = make_candidate(email="han.meimei@example.com", full_name="韩梅梅")
    application = make_application(requisition=requisition, candidate=candidate, language="zh-hans")
    reject(application, staff["recruiter"], reason, template("rejection_after_interview"))
    candidate_emails_send_due()
    message = mail.outbox[0]
    assert message.subject == "大模型训练工程师职位面试结果通知"
    assert message.body.startswith("韩梅梅，您好：")
    assert "感谢您对旗舰 AI 应用的关注" in message.body
    assert CandidateEmail.objects.get().language == "zh-hans"


def test_reopening_in_the_quiet_period_cancels_the_email(
    application, staff, reason, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
        reopen(application, staff["recruiter"])
    email = CandidateEmail.objects.get()
    assert (email.status, email.cancel_reason) == ("cancelled", "undone")
    # then: the due run after the quiet period sends nothing
    assert candidate_emails_send_due(now=later()) == {}
    assert mail.outbox == []
    assert AuditEvent.objects.filter(
        action=AuditAction.CANDIDATE_EMAIL_CANCEL, target_id=str(email.pk)
    ).exists()


def test_a_sent_email_cannot_be_cancelled(
    application, staff, reason, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    assert email.status == "sent"
    with pytest.raises(CandidateEmailRefused) as refused:
        candidate_email_cancel(email_id=email.pk, actor=staff["recruiter"])
    assert refused.value.code == "not_pending"
    # and reopening after it went leaves the log as it was
    reopen(application, staff["recruiter"])
    email.refresh_from_db()
    assert email.status == "sent"


def test_a_recruiter_out_of_scope_cannot_cancel(application, staff, reason):
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    with pytest.raises(CandidateEmailRefused) as refused:
        candidate_email_cancel(email_id=email.pk, actor=staff["other_recruiter"])
    assert refused.value.code == "not_allowed"
    email.refresh_from_db()
    assert email.status == "scheduled"
    assert not AuditEvent.objects.filter(action=AuditAction.CANDIDATE_EMAIL_CANCEL).exists()


def test_rejecting_without_a_template_sends_nothing(application, staff, reason):
    reject(application, staff["recruiter"], reason)
    assert not CandidateEmail.objects.exists()
    assert candidate_emails_send_due(now=later()) == {}
    assert mail.outbox == []


# -- moves, tasks, refusals --------------------------------------------------------------------------------


def test_a_move_with_a_template_emails_at_once_with_the_stage_and_status_link(
    application, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application_move(
            application_id=application.pk,
            to_stage="online_assessment",
            actor=staff["recruiter"],
            expected_version=0,
            email_template=template("stage_moved"),
        )
    message = mail.outbox[0]
    assert "has moved on to the next step: Online assessment." in message.body
    assert "https://careers.example/status/" in message.body
    assert CandidateEmail.objects.get().status == "sent"


def test_the_task_run_twice_sends_once(
    application, staff, reason, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        reject(application, staff["recruiter"], reason, template("rejection_default"))
    assert len(mail.outbox) == 1
    email = CandidateEmail.objects.get()
    # when: a retry, a second worker
    assert candidate_email_send_task.call(email.pk) == "skipped"
    for callback in callbacks:
        callback()
    assert candidate_emails_send_due(now=later()) == {}
    # then
    assert len(mail.outbox) == 1


def test_a_deferring_backend_is_given_the_end_of_the_quiet_period(
    application, staff, reason, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    [queued] = candidate_email_send_task.get_backend().results
    assert (queued.args, queued.task.run_after) == ([email.pk], email.send_after)
    assert mail.outbox == []


def test_a_template_that_does_not_fit_refuses_the_move_and_writes_nothing(application, staff, reason):
    # given: a stage-change template offered for a rejection
    with pytest.raises(CandidateEmailRefused) as refused:
        reject(application, staff["recruiter"], reason, template("stage_moved"))
    # then
    assert refused.value.code == "template_kind"
    application.refresh_from_db()
    assert (application.stage, application.version) == ("applied", 0)
    assert not CandidateEmail.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.APPLICATION_REJECT).exists()


def test_a_retired_template_is_refused(application, staff, reason):
    retired = template("rejection_default")
    EmailTemplate.objects.filter(pk=retired.pk).update(active=False)
    retired.refresh_from_db()
    with pytest.raises(CandidateEmailRefused) as refused:
        reject(application, staff["recruiter"], reason, retired)
    assert refused.value.code == "template_retired"
    assert not CandidateEmail.objects.exists()


def test_a_rolled_back_rejection_sends_nothing(
    application, staff, reason, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0

    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
        raise Abort
    assert callbacks == []
    assert not CandidateEmail.objects.exists()
    assert mail.outbox == []


# -- who gets nothing, and faults --------------------------------------------------------------------------


def test_an_erased_candidate_gets_no_email(application, staff, reason):
    Candidate.objects.filter(pk=application.candidate_id).update(erased_at=timezone.now())
    application.refresh_from_db()
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    assert (email.status, email.cancel_reason, email.address) == ("cancelled", "erased", "")
    assert candidate_emails_send_due(now=later()) == {}
    assert mail.outbox == []


def test_erasure_in_the_quiet_period_cancels_and_forgets_the_address(application, staff, reason):
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    candidate_erase(candidate=application.candidate, actor=TEST_ACTOR)
    email = CandidateEmail.objects.get()
    assert (email.status, email.cancel_reason, email.address) == ("cancelled", "erased", "")
    assert candidate_emails_send_due(now=later()) == {}
    assert mail.outbox == []


def test_a_candidate_without_an_email_address_gets_none(requisition, staff, reason):
    application = make_application(
        requisition=requisition, candidate=make_candidate(email="", phone="13900139001")
    )
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    assert (email.status, email.cancel_reason) == ("cancelled", "no_address")
    assert candidate_emails_send_due(now=later()) == {}
    assert mail.outbox == []


def test_a_line_break_in_the_job_title_stays_out_of_the_headers(
    drive, team, staff, reason, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    requisition = make_requisition(
        drive=drive, team=team, external_id="REQ-NL", title_en="LLM engineer\r\nBcc: someone@example.com"
    )
    application = make_application(requisition=requisition, candidate=make_candidate(email="a@example.com"))
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["admin"], reason, template("rejection_default"))
    [message] = mail.outbox
    assert message.subject == "Your application for LLM engineer Bcc: someone@example.com"
    assert message.recipients() == ["a@example.com"]
    assert "\n" not in message.message()["Subject"]


def test_a_mail_server_fault_is_recorded_and_a_later_run_sends_it(
    application, staff, reason, settings, django_capture_on_commit_callbacks
):
    # given: the mail server is down when the email is sent
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    settings.EMAIL_BACKEND = "tests.portal.failing_email.DownEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    assert (email.status, email.attempts, email.last_error, email.sent_at) == (
        "failed",
        1,
        "SMTPServerDisconnected",
        None,
    )
    assert mail.outbox == []
    # the retry is not due at once
    assert candidate_emails_send_due() == {}
    # when: the server is back and the retry is due
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert candidate_emails_send_due(now=later(dt.timedelta(minutes=6))) == {"sent": 1}
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 2)


def test_a_template_broken_past_the_admin_sends_nothing(application, staff, reason):
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    EmailTemplate.objects.filter(code="rejection_default").update(body_en="Dear {candidate.__class__}")
    assert candidate_emails_send_due(now=later()) == {"cancelled": 1}
    assert CandidateEmail.objects.get().cancel_reason == "template_invalid"
    assert mail.outbox == []


def test_the_command_sends_what_is_due(application, staff, reason, settings):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = -1  # already due: the command is what sends it
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    assert CandidateEmail.objects.get().status == "scheduled"  # the immediate backend defers nothing
    call_command("send_due_candidate_emails")
    assert len(mail.outbox) == 1
    assert CandidateEmail.objects.get().status == CandidateEmailStatus.SENT


# -- the timeline and the admin ----------------------------------------------------------------------------


def test_the_timeline_shows_the_email_and_its_status(client, application, staff, reason):
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    entries = [
        e
        for e in candidate_timeline(user=staff["recruiter"], candidate=application.candidate)
        if e.kind == "email"
    ]
    assert [(e.text, e.status, e.actor) for e in entries] == [("Rejection", "scheduled", "rita")]
    client.force_login(staff["recruiter"])
    page = client.get(reverse("backoffice:application_detail", args=[application.pk])).content.decode()
    assert "Email to the candidate from rita: “Rejection”" in page and "(Scheduled)" in page
    client.cookies["django_language"] = "zh-hans"
    page = client.get(reverse("backoffice:application_detail", args=[application.pk])).content.decode()
    assert "rita 发给候选人的邮件：“淘汰通知”" in page and "（待发送）" not in page and "(待发送)" in page


def test_the_admin_shows_a_placeholder_error_on_the_field_and_saves_nothing(client, admin_user):
    client.force_login(admin_user)
    form = {
        "code": "offer_call",
        "kind": "other",
        "stage_kind": "",
        "name_en": "Offer call",
        "name_zh": "录用沟通",
        "subject_en": "About {job_title}",
        "body_en": "Dear {candidate_name}",
        "subject_zh": "关于{job_title}",
        "body_zh": "{candidate_name}，您好：{salary}",
        "active": "on",
        "position": "0",
    }
    response = client.post(reverse("admin:pipeline_emailtemplate_add"), form)
    assert response.status_code == 200
    assert "{salary} in body_zh is not a placeholder" in response.content.decode()
    assert not EmailTemplate.objects.filter(code="offer_call").exists()
    assert not AuditEvent.objects.filter(action=AuditAction.ADMIN_ADD).exists()

    response = client.post(
        reverse("admin:pipeline_emailtemplate_add"), {**form, "body_zh": "{candidate_name}，您好"}
    )
    assert response.status_code == 302
    added = EmailTemplate.objects.get(code="offer_call")
    assert AuditEvent.objects.filter(action=AuditAction.ADMIN_ADD, target_id=str(added.pk)).exists()


def test_the_email_log_is_read_only_and_filters_by_status(client, admin_user, application, staff, reason):
    reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    client.force_login(admin_user)
    assert (
        client.get(reverse("admin:pipeline_candidateemail_changelist"), {"status": "scheduled"}).status_code
        == 200
    )
    assert client.get(reverse("admin:pipeline_candidateemail_change", args=[email.pk])).status_code == 200
    assert client.get(reverse("admin:pipeline_candidateemail_add")).status_code == 403
    assert Application.objects.filter(pk=application.pk, stage="rejected").exists()


def test_a_header_the_mail_layer_refuses_is_recorded_as_a_failed_send(
    application, staff, reason, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE_REJECTION_QUIET_MINUTES = 0
    settings.EMAIL_BACKEND = "tests.portal.failing_email.HeaderRefusingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        reject(application, staff["recruiter"], reason, template("rejection_default"))
    email = CandidateEmail.objects.get()
    assert (email.status, email.last_error) == ("failed", "BadHeaderError")
