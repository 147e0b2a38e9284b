"""Suggesting another open role to a candidate: one invitation email with the job's link, in their
language; the person decides whether to apply, so nothing else is written for them."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.correspondence import candidate_role_suggest
from talentdrive.pipeline.errors import RoleSuggestionRefused
from talentdrive.pipeline.models import Application, CandidateEmail, EmailTemplate
from talentdrive.pipeline.selectors import candidate_timeline
from tests.factories import make_application, make_candidate, make_requisition

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TALENTDRIVE_PORTAL_URL = "https://careers.example/"


@pytest.fixture
def rejected(drive, team, staff):
    """An application rejected for one role, whose recruiter is ``staff["recruiter"]``."""
    requisition = make_requisition(
        drive=drive, team=team, external_id="REQ-REJ", recruiters=[staff["recruiter"]]
    )
    candidate = make_candidate(email="li.lei@example.com", full_name="Li Lei")
    return make_application(requisition=requisition, candidate=candidate, stage="rejected", language="en")


@pytest.fixture
def other(drive, team, staff):
    """Another open role the same recruiter may read."""
    return make_requisition(
        drive=drive,
        team=team,
        external_id="REQ-FIT",
        title_en="Inference optimisation engineer",
        title_zh="推理优化工程师",
        recruiters=[staff["recruiter"]],
    )


def suggest(application, requisition, actor, capture):
    with capture(execute=True):
        return candidate_role_suggest(application=application, requisition=requisition, actor=actor)


def test_the_shipped_template_is_valid_in_both_languages():
    template = EmailTemplate.objects.get(code="role_suggestion")
    template.full_clean()
    assert template.kind == "other" and "{suggested_job_url}" in template.body_zh


def test_suggesting_a_role_sends_one_invitation_with_the_job_link_at_once(
    rejected, other, staff, django_capture_on_commit_callbacks
):
    # when
    email = suggest(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks)
    # then
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["li.lei@example.com"]
    assert "Inference optimisation engineer" in message.subject
    assert f"https://careers.example/jobs/{other.pk}/" in message.body
    assert "entirely up to you" in message.body
    email.refresh_from_db()
    assert (email.status, email.suggested_requisition_id, email.application_id) == (
        "sent",
        other.pk,
        rejected.pk,
    )
    # consent: nothing is created on the person's behalf
    assert not Application.objects.filter(requisition=other).exists()
    event = AuditEvent.objects.get(action=AuditAction.CANDIDATE_ROLE_SUGGEST)
    assert event.actor == staff["recruiter"]
    assert event.data == {
        "application": rejected.pk,
        "candidate": rejected.candidate_id,
        "requisition": other.pk,
    }


def test_a_chinese_applicant_gets_the_chinese_invitation(
    rejected, other, staff, django_capture_on_commit_callbacks
):
    Application.objects.filter(pk=rejected.pk).update(language="zh-hans")
    rejected.refresh_from_db()
    suggest(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert "推理优化工程师" in message.subject
    assert "是否申请完全由您决定" in message.body
    assert f"https://careers.example/zh-hans/jobs/{other.pk}/" in message.body


def test_the_same_role_is_suggested_once(rejected, other, staff, django_capture_on_commit_callbacks):
    suggest(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks)
    with pytest.raises(RoleSuggestionRefused) as refused:
        suggest(rejected, other, staff["admin"], django_capture_on_commit_callbacks)
    assert refused.value.code == "already_suggested"
    assert CandidateEmail.objects.count() == 1 and len(mail.outbox) == 1
    assert AuditEvent.objects.filter(action=AuditAction.CANDIDATE_ROLE_SUGGEST).count() == 1


def _refused(application, requisition, actor, capture) -> str:
    with pytest.raises(RoleSuggestionRefused) as refused:
        suggest(application, requisition, actor, capture)
    # then nothing was written and nothing sent
    assert not CandidateEmail.objects.exists() and mail.outbox == []
    assert not AuditEvent.objects.filter(action=AuditAction.CANDIDATE_ROLE_SUGGEST).exists()
    return refused.value.code


def test_an_erased_candidate_is_not_written_to(rejected, other, staff, django_capture_on_commit_callbacks):
    Candidate.objects.filter(pk=rejected.candidate_id).update(erased_at=timezone.now(), email="")
    code = _refused(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks)
    assert code == "erased"


def test_a_candidate_without_an_address_is_refused(
    rejected, other, staff, django_capture_on_commit_callbacks
):
    Candidate.objects.filter(pk=rejected.candidate_id).update(email="", phone="13900139001")
    assert _refused(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks) == "no_address"


@pytest.mark.parametrize("status", ["closed", "paused", "filled", "draft"])
def test_a_role_not_taking_applications_is_refused(
    rejected, other, staff, status, django_capture_on_commit_callbacks
):
    type(other).objects.filter(pk=other.pk).update(status=status)
    assert _refused(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks) == "not_open"


def test_a_role_already_applied_for_is_refused(rejected, other, staff, django_capture_on_commit_callbacks):
    make_application(requisition=other, candidate=rejected.candidate, stage="rejected")
    code = _refused(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks)
    assert code == "already_applied"


@pytest.mark.parametrize("who", ["other_recruiter", "leadership", "interviewer"])
def test_who_may_not_move_the_application_may_not_suggest(
    rejected, other, staff, who, django_capture_on_commit_callbacks
):
    assert _refused(rejected, other, staff[who], django_capture_on_commit_callbacks) == "not_allowed"


def test_a_role_the_recruiter_cannot_read_is_refused(
    rejected, other_team, drive, staff, django_capture_on_commit_callbacks
):
    elsewhere = make_requisition(drive=drive, team=other_team, area="agents", external_id="REQ-ELSEWHERE")
    code = _refused(rejected, elsewhere, staff["recruiter"], django_capture_on_commit_callbacks)
    assert code == "not_allowed"


def test_without_a_portal_address_the_invitation_is_refused(
    rejected, other, staff, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE_PORTAL_URL = ""
    assert _refused(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks) == "no_portal"


def test_the_invitation_is_on_the_candidate_timeline(
    rejected, other, staff, django_capture_on_commit_callbacks
):
    suggest(rejected, other, staff["recruiter"], django_capture_on_commit_callbacks)
    emails = [
        e
        for e in candidate_timeline(user=staff["recruiter"], candidate=rejected.candidate)
        if e.kind == "email"
    ]
    assert len(emails) == 1 and "Inference optimisation engineer" in emails[0].text
    assert emails[0].actor == staff["recruiter"].get_username()


def test_other_emails_leave_the_suggestion_placeholders_empty(rejected):
    from talentdrive.pipeline.correspondence import candidate_email_values

    values = candidate_email_values(application=rejected, language="en")
    assert values["suggested_job"] == "" and values["suggested_job_url"] == ""


def test_an_invitation_waits_for_the_rejection_still_in_its_quiet_period(
    drive, team, staff, other, mailoutbox, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from talentdrive.pipeline.correspondence import candidate_emails_send_due
    from talentdrive.pipeline.models import RejectionReason
    from talentdrive.pipeline.moves import application_reject
    from talentdrive.pipeline.selectors import email_template_choices

    requisition = make_requisition(
        drive=drive, team=team, external_id="REQ-FIRST", recruiters=[staff["recruiter"]]
    )
    application = make_application(
        requisition=requisition, candidate=make_candidate(email="wang@example.com")
    )
    with django_capture_on_commit_callbacks(execute=True):
        application_reject(
            application_id=application.pk,
            reason=RejectionReason.objects.get(code="skills"),
            actor=staff["recruiter"],
            expected_version=0,
            email_template=email_template_choices().get(code="rejection_default"),
        )
    application.refresh_from_db()
    email = suggest(application, other, staff["recruiter"], django_capture_on_commit_callbacks)
    # nothing goes before the rejection; then the rejection first, the invitation after it
    assert email.send_after > application.candidate_emails.get(kind="rejection").send_after
    assert mailoutbox == []
    candidate_emails_send_due(now=timezone.now() + dt.timedelta(minutes=40))
    # sent oldest first: the rejection, then the invitation
    rejection = application.candidate_emails.get(kind="rejection")
    assert [m.subject for m in mailoutbox] == [
        rejection.subject,
        email.__class__.objects.get(pk=email.pk).subject,
    ]
