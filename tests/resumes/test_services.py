"""Resume services: files stored by content hash, parsing that records failures and never deletes."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from talentdrive.audit.models import AuditEvent
from talentdrive.candidates.models import Candidate
from talentdrive.resumes.models import ParseStatus, Resume
from talentdrive.resumes.services import (
    content_sha256,
    parse_content,
    resume_attach,
    resume_ingest_parsed,
    resume_parse,
)
from talentdrive.resumes.tasks import parse_resume_task
from tests.actors import TEST_ACTOR

from .core_samples import EN_RESUME, text_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "resumes"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def candidate(db) -> Candidate:
    return Candidate.objects.create(email="wang.siyuan@example.com", full_name="王思远")


def test_attach_stores_the_file_under_its_hash_once(candidate, recruiter):
    content = (FIXTURES / "zh03_campus_icpc.txt").read_bytes()
    # when the same bytes are attached twice under different names
    first = resume_attach(candidate=candidate, filename="王思远-简历.txt", content=content, actor=recruiter)
    second = resume_attach(candidate=candidate, filename="resume (1).txt", content=content, actor=recruiter)
    # then there is one pending resume, named by hash and candidate, not by the candidate's file name
    sha = content_sha256(content)
    assert first.pk == second.pk
    assert first.parse_status == ParseStatus.PENDING
    assert first.file.name == f"resumes/{sha[:2]}/{sha}-{candidate.pk}"
    assert default_storage.open(first.file.name).read() == content
    assert AuditEvent.objects.filter(action="resume.attach", target_id=str(first.pk)).count() == 1


def test_parse_fills_the_profile(candidate):
    content = (FIXTURES / "en12_finance_ds.txt").read_bytes()
    resume = resume_attach(candidate=candidate, filename="cv.txt", content=content, actor=TEST_ACTOR)
    parsed = resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    assert parsed.parse_status == ParseStatus.PARSED
    assert parsed.profile["emails"] == ["ethan.davis@example.com"]
    assert parsed.language == "en"
    assert parsed.content_type == "text/plain"
    assert "Lakeshore Capital Management" in parsed.text
    assert parsed.parsed_at is not None


def test_a_failed_parse_keeps_the_resume_and_its_file(candidate):
    # given binary garbage that claims to be a PDF
    garbage = b"%PDF-1.7\n" + bytes(range(256)) * 8
    resume = resume_attach(candidate=candidate, filename="cv.pdf", content=garbage, actor=TEST_ACTOR)
    # when it is parsed
    parsed = resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    # then it is marked failed with a reason, and nothing is deleted
    assert parsed.parse_status == ParseStatus.FAILED
    assert parsed.parse_error
    assert parsed.profile == {}
    assert Resume.objects.filter(pk=resume.pk).exists()
    assert default_storage.exists(parsed.file.name)
    assert AuditEvent.objects.filter(action="resume.parse_failed", target_id=str(resume.pk)).exists()


def test_the_parse_task_parses_by_id(candidate):
    content = (FIXTURES / "zh15_nlp_campus_noi.txt").read_bytes()
    resume = resume_attach(candidate=candidate, filename="cv.txt", content=content, actor=TEST_ACTOR)
    result = parse_resume_task.enqueue(resume.pk)
    resume.refresh_from_db()
    assert resume.parse_status == ParseStatus.PARSED
    assert result.return_value == ParseStatus.PARSED


def test_the_parse_task_reports_a_missing_file_as_a_failure(candidate):
    resume = resume_attach(candidate=candidate, filename="cv.txt", content=b"hello", actor=TEST_ACTOR)
    default_storage.delete(resume.file.name)
    parse_resume_task.enqueue(resume.pk)
    resume.refresh_from_db()
    assert resume.parse_status == ParseStatus.FAILED
    assert "cannot be read" in resume.parse_error


def test_ingest_dedups_candidates_by_normalised_contact(db):
    content = (FIXTURES / "zh03_campus_icpc.txt").read_bytes()
    other = content.replace(b"2022.09 - 2026.06", b"2022.09 - 2026.07")
    for body in (content, other):
        resume_ingest_parsed(
            filename="cv.txt",
            content=body,
            sha256=content_sha256(body),
            outcome=parse_content(body, "cv.txt"),
            actor=TEST_ACTOR,
        )
    candidate = Candidate.objects.get()
    assert candidate.phone == "+8618610102233"
    assert candidate.full_name == "王思远"
    assert candidate.resumes.count() == 2


def test_ingest_refuses_a_profile_without_contact_details(db):
    content = "李雷\n教育背景\n清华大学 计算机 本科 2015.09-2019.06\n".encode()
    with pytest.raises(ValueError, match="no email address or phone number"):
        resume_ingest_parsed(
            filename="cv.txt",
            content=content,
            sha256=content_sha256(content),
            outcome=parse_content(content, "cv.txt"),
            actor=TEST_ACTOR,
        )
    assert not Candidate.objects.exists()
    assert not Resume.objects.exists()


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("admin", True),
        ("leadership", True),
        ("recruiter", True),
        ("hiring_manager", True),
        ("interviewer", False),
    ],
)
def test_who_may_read_resumes(candidate, role, allowed):
    from django.core.exceptions import PermissionDenied

    from talentdrive.accounts.models import User
    from talentdrive.resumes.selectors import resume_get, resume_list_for_candidate

    user = User.objects.create_user(username=f"u-{role}", password="pass-123456", role=role)
    resume = resume_attach(candidate=candidate, filename="cv.txt", content=b"hello", actor=TEST_ACTOR)
    if allowed:
        assert resume_get(user=user, resume_id=resume.pk) == resume
        assert list(resume_list_for_candidate(user=user, candidate=candidate)) == [resume]
    else:
        with pytest.raises(PermissionDenied):
            resume_get(user=user, resume_id=resume.pk)


def test_a_file_over_the_configured_size_limit_fails_with_the_reason(candidate, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "UPLOAD_MAX_BYTES": 500}
    content = (FIXTURES / "en12_finance_ds.txt").read_bytes()
    assert len(content) > 500
    resume = resume_attach(candidate=candidate, filename="cv.txt", content=content, actor=TEST_ACTOR)
    parsed = resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    assert parsed.parse_status == ParseStatus.FAILED
    assert "limit" in parsed.parse_error


def test_parse_applies_the_configured_page_limit(candidate, settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "RESUME_MAX_PAGES": 2}
    resume = resume_attach(
        candidate=candidate, filename="cv.pdf", content=text_pdf(EN_RESUME, pages=3), actor=TEST_ACTOR
    )
    parsed = resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    assert parsed.parse_status == ParseStatus.FAILED
    assert parsed.parse_error == "3 pages, more than the limit of 2"


def test_ingest_prefers_the_email_match_over_a_phone_match(db):
    # given two people: one with a phone only, one with an email only
    by_phone = Candidate.objects.create(phone="+8613912345678", full_name="甲")
    by_email = Candidate.objects.create(email="yi@example.com", full_name="乙")
    body = "乙\nyi@example.com\n+86 139 1234 5678\n技能: Python\n".encode()
    warnings: list[str] = []
    # when a file carries the second one's email and the first one's phone
    resume = resume_ingest_parsed(
        filename="cv.txt",
        content=body,
        sha256=content_sha256(body),
        outcome=parse_content(body, "cv.txt"),
        warnings=warnings,
        actor=TEST_ACTOR,
    )
    # then it belongs to the email's owner, and the phone's holder (no email of its own) is reported
    assert resume.candidate_id == by_email.pk
    assert warnings == [
        f"phone already held by candidate {by_phone.pk}: stored as candidate {by_email.pk} without it"
    ]
