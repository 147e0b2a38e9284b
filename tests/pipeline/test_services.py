from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from talentdrive.audit.models import AuditEvent
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.errors import ApplicationRefused, ResumeRefused
from talentdrive.pipeline.models import Application, Stage, StageChange
from talentdrive.pipeline.services import application_submit, application_withdraw, candidate_erase
from talentdrive.plans.models import RequisitionStatus
from talentdrive.resumes.models import Resume
from tests.actors import TEST_ACTOR
from tests.factories import applicant, graduate, pdf_bytes, resume_upload


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_submit_creates_application_with_consent_resume_and_audit(requisition):
    # when
    outcome = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(referral_code=" REF-42 ", preferred_cities=("beijing",)),
        resume=resume_upload(),
        idempotency_key="k-1",
        actor=TEST_ACTOR,
    )
    # then
    application = outcome.application
    assert outcome.created
    assert application.stage == Stage.APPLIED
    assert application.referral_code == "REF-42"
    assert application.preferred_cities == ["beijing"]
    assert application.consent.version == "2026-09"
    assert application.consent.text.startswith("I agree")
    assert application.resume is not None and default_storage.exists(application.resume.file.name)
    assert AuditEvent.objects.filter(action="application.submit", target_id=str(application.pk)).exists()


def test_repeated_idempotency_key_returns_the_same_application(requisition):
    first = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(),
        resume=resume_upload(),
        idempotency_key="same",
        actor=TEST_ACTOR,
    )
    again = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(),
        resume=resume_upload(),
        idempotency_key="same",
        actor=TEST_ACTOR,
    )
    assert again.application.pk == first.application.pk
    assert not again.created
    assert Application.objects.count() == 1


def test_reapplying_with_another_key_is_answered_not_duplicated(requisition):
    first = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(),
        resume=None,
        idempotency_key="a",
        actor=TEST_ACTOR,
    )
    # the same person, spelled differently
    second = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(email=" LI.LEI@Example.com ", phone="+86 138 0013 8000"),
        resume=None,
        idempotency_key="b",
        actor=TEST_ACTOR,
    )
    assert second.already_applied and not second.created
    assert second.application.pk == first.application.pk
    assert Candidate.objects.count() == 1
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (RequisitionStatus.PAUSED, "closed"),
        (RequisitionStatus.CLOSED, "closed"),
        # A draft was never public: as for a number that does not exist.
        (RequisitionStatus.DRAFT, "not_found"),
    ],
)
def test_requisition_not_open_refuses_and_writes_nothing(requisition, status, code):
    requisition.status = status
    requisition.save()
    with pytest.raises(ApplicationRefused) as refused:
        application_submit(
            requisition_id=requisition.pk, applicant=applicant(), resume=resume_upload(), actor=TEST_ACTOR
        )
    assert refused.value.code == code
    assert Application.objects.count() == 0
    assert Candidate.objects.count() == 0
    assert Resume.objects.count() == 0


@override_settings(TALENTDRIVE={"CAMPUS_ACTIVE_APPLICATION_CAP": 2, "UPLOAD_MAX_BYTES": 10 * 1024 * 1024})
def test_campus_cap_counts_active_applications_only(campus_requisitions):
    first, second, third, _ = campus_requisitions
    a = application_submit(
        requisition_id=first.pk, applicant=graduate(), resume=None, actor=TEST_ACTOR
    ).application
    application_submit(requisition_id=second.pk, applicant=graduate(), resume=None, actor=TEST_ACTOR)
    with pytest.raises(ApplicationRefused) as refused:
        application_submit(requisition_id=third.pk, applicant=graduate(), resume=None, actor=TEST_ACTOR)
    assert refused.value.code == "cap"
    assert Application.objects.count() == 2
    # a withdrawn application frees a place
    application_withdraw(application=a, actor=TEST_ACTOR)
    assert application_submit(
        requisition_id=third.pk, applicant=graduate(), resume=None, actor=TEST_ACTOR
    ).created


def test_cap_does_not_apply_to_experienced_roles(requisition, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "CAMPUS_ACTIVE_APPLICATION_CAP": 0}
    assert application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    ).created


def test_missing_consent_refuses(requisition):
    with pytest.raises(ApplicationRefused):
        application_submit(
            requisition_id=requisition.pk,
            applicant=applicant(consent_version=""),
            resume=None,
            actor=TEST_ACTOR,
        )
    assert Application.objects.count() == 0


def test_disguised_file_is_rejected_before_anything_is_stored(requisition):
    with pytest.raises(ResumeRefused) as rejected:
        application_submit(
            requisition_id=requisition.pk,
            applicant=applicant(),
            resume=resume_upload(b"MZ\x90\x00 not a pdf", filename="cv.pdf"),
            actor=TEST_ACTOR,
        )
    assert rejected.value.code == "type_mismatch"
    assert Candidate.objects.count() == 0


def test_withdraw_records_and_refuses_twice(requisition):
    application = application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    ).application
    application_withdraw(application=application, actor=TEST_ACTOR)
    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN and application.withdrawn_at is not None
    assert (
        AuditEvent.objects.filter(action="application.withdraw", target_id=str(application.pk)).count() == 1
    )
    with pytest.raises(ApplicationRefused):
        application_withdraw(application=application, actor=TEST_ACTOR)


def test_a_candidate_who_withdrew_may_apply_again_to_the_same_job(requisition):
    # given a withdrawn application
    first = application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    ).application
    application_withdraw(application=first, actor=TEST_ACTOR, reason="took another offer")
    # when the same person applies again, with a new résumé
    again = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(),
        resume=resume_upload(pdf_bytes(text="second thoughts")),
        actor=TEST_ACTOR,
    )
    # then the same application starts over, on the timeline, with the new résumé
    assert again.created and not again.already_applied
    assert again.application.pk == first.pk
    again.application.refresh_from_db()
    assert (again.application.stage, again.application.withdrawn_at) == (Stage.APPLIED, None)
    assert again.application.resume is not None
    moves = list(StageChange.objects.filter(application=first).values_list("from_stage", "to_stage"))
    assert moves == [("applied", "withdrawn"), ("withdrawn", "applied")]


def test_erase_removes_personal_data_and_files_but_keeps_counts(
    requisition, django_capture_on_commit_callbacks
):
    outcome = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(school="Tsinghua", referral_code="R1"),
        resume=resume_upload(pdf_bytes(text="unique erase me")),
        actor=TEST_ACTOR,
    )
    file_name = outcome.application.resume.file.name
    candidate = outcome.application.candidate
    # when
    with django_capture_on_commit_callbacks(execute=True):
        candidate_erase(candidate=candidate, actor=TEST_ACTOR)
    # then
    candidate.refresh_from_db()
    assert (candidate.full_name, candidate.email, candidate.phone) == ("", "", "")
    assert candidate.erased_at is not None
    assert not Resume.objects.filter(candidate=candidate).exists()
    assert not default_storage.exists(file_name)
    application = Application.objects.get(pk=outcome.application.pk)
    assert application.stage == Stage.WITHDRAWN
    assert (application.school, application.referral_code) == ("", "")
    assert Application.objects.filter(requisition=requisition).count() == 1
    assert AuditEvent.objects.filter(action="candidate.erase").count() == 1


def test_same_email_after_erasure_is_a_new_person(requisition):
    first = application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    ).application
    candidate_erase(candidate=first.candidate, actor=TEST_ACTOR)
    again = application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    )
    assert again.created
    assert again.application.candidate_id != first.candidate_id


def test_a_parse_failure_is_recorded_and_keeps_the_application(
    requisition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome = application_submit(
            requisition_id=requisition.pk, applicant=applicant(), resume=resume_upload(), actor=TEST_ACTOR
        )
    # the file vanishes between intake and parsing (a storage fault)
    default_storage.delete(outcome.application.resume.file.name)
    for callback in callbacks:
        callback()
    resume = Resume.objects.get(pk=outcome.application.resume_id)
    assert resume.parse_status == "failed"
    assert resume.parse_error
    assert Application.objects.filter(pk=outcome.application.pk, stage=Stage.APPLIED).exists()


def test_a_readable_resume_is_parsed_at_intake(requisition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = application_submit(
            requisition_id=requisition.pk, applicant=applicant(), resume=resume_upload(), actor=TEST_ACTOR
        )
    resume = Resume.objects.get(pk=outcome.application.resume_id)
    assert resume.parse_status == "parsed"
    assert resume.parsed_at is not None


def test_a_key_reused_for_another_requisition_is_refused(requisition, drive, team):
    from tests.factories import make_requisition

    other = make_requisition(drive=drive, team=team, external_id="REQ-2")
    application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(),
        resume=None,
        idempotency_key="k",
        actor=TEST_ACTOR,
    )
    with pytest.raises(ApplicationRefused) as refused:
        application_submit(
            requisition_id=other.pk, applicant=applicant(), resume=None, idempotency_key="k", actor=TEST_ACTOR
        )
    assert refused.value.code == "idempotency_key_reused"
    assert Application.objects.count() == 1


def test_a_key_reused_for_another_applicant_is_refused_and_erasure_drops_the_fingerprint(requisition):
    def submit(email: str):
        return application_submit(
            requisition_id=requisition.pk,
            applicant=applicant(email=email, phone=""),
            resume=None,
            idempotency_key="kiosk-1",
            actor=TEST_ACTOR,
        )

    first = submit("li.lei@example.com")
    stored = first.application.idempotency_fingerprint
    assert len(stored) == 64 and "li.lei" not in stored
    assert submit("LI.LEI@example.com ").application.pk == first.application.pk
    with pytest.raises(ApplicationRefused) as refused:
        submit("han.meimei@example.com")
    assert refused.value.code == "idempotency_key_reused"
    assert Application.objects.count() == 1
    candidate_erase(candidate=first.application.candidate, actor=TEST_ACTOR)
    assert Application.objects.get().idempotency_fingerprint == ""
