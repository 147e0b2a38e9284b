"""The campus rules hold for every caller of ``application_submit``, not only behind the portal's form."""

from __future__ import annotations

import datetime as dt

import pytest

from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.errors import ApplicationInvalid, ResumeRefused
from talentdrive.pipeline.intake import ResumeUpload
from talentdrive.pipeline.models import Application, ConfirmationEmail
from talentdrive.pipeline.rules import ApplicationRules, applicant_problems, resume_check
from talentdrive.pipeline.services import application_submit
from talentdrive.resumes.models import Resume
from tests.actors import TEST_ACTOR
from tests.factories import applicant, graduate, resume_upload


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def campus(campus_requisitions):
    requisition = campus_requisitions[0]
    requisition.graduation_from = dt.date(2026, 9, 1)
    requisition.graduation_to = dt.date(2027, 8, 31)
    requisition.save(update_fields=["graduation_from", "graduation_to"])
    return requisition


def _refusal(requisition, details) -> ApplicationInvalid:
    with pytest.raises(ApplicationInvalid) as refused:
        application_submit(
            requisition_id=requisition.pk,
            applicant=details,
            resume=resume_upload(),
            confirmation_base_url="http://testserver/",
            actor=TEST_ACTOR,
        )
    return refused.value


def _nothing_written() -> None:
    assert Application.objects.count() == 0
    assert Candidate.objects.count() == 0
    assert Resume.objects.count() == 0
    assert ConfirmationEmail.objects.count() == 0


def test_a_campus_role_called_directly_requires_the_education(campus):
    # when: a caller without the portal's form leaves the education out
    refused = _refusal(campus, applicant())

    # then: every missing detail is named, and nothing is stored
    assert refused.code == "invalid"
    assert {(p.field, p.code) for p in refused.problems} == {
        ("school", "required"),
        ("degree", "required"),
        ("graduation_date", "required"),
    }
    _nothing_written()


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"graduation_date": dt.date(2024, 6, 30)}, "graduation_date", "graduation_window"),
        ({"graduation_date": dt.date(2027, 9, 1)}, "graduation_date", "graduation_window"),
        ({"graduation_date": dt.date(1027, 6, 30)}, "graduation_date", "graduation_date_range"),
        ({"degree": "kindergarten"}, "degree", "invalid_choice"),
        ({"school": "   "}, "school", "required"),
    ],
)
def test_a_campus_role_called_directly_checks_window_and_degree(campus, changes, field, code):
    refused = _refusal(campus, graduate(**changes))
    assert [(p.field, p.code) for p in refused.problems] == [(field, code)]
    _nothing_written()


def test_the_window_message_names_the_months(campus):
    refused = _refusal(campus, graduate(graduation_date=dt.date(2024, 6, 30)))
    assert str(refused.problems[0].message) == "This campus role is for graduates from 2026-09 to 2027-08."


def test_a_graduate_inside_the_window_is_accepted(campus):
    outcome = application_submit(
        requisition_id=campus.pk, applicant=graduate(), resume=None, actor=TEST_ACTOR
    )
    assert outcome.created
    assert outcome.application.school == "Sun Yat-sen University"


def test_an_experienced_role_asks_for_no_education(requisition):
    assert application_submit(
        requisition_id=requisition.pk, applicant=applicant(), resume=None, actor=TEST_ACTOR
    ).created


def test_rules_of_a_role_without_a_window():
    rules = ApplicationRules(campus=True)
    assert rules.required_fields == ("school", "degree", "graduation_date")
    problems = applicant_problems(
        rules=rules, school="PKU", degree="phd", graduation_date=dt.date(2031, 6, 30)
    )
    assert problems == []
    assert ApplicationRules(campus=False).required_fields == ()


def test_resume_refusals_fill_in_the_configured_limits(settings):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "UPLOAD_MAX_BYTES": 2 * 1024 * 1024}
    with pytest.raises(ResumeRefused) as refused:
        resume_check(ResumeUpload(filename="cv.pdf", content=b"%PDF" + b"0" * (3 * 1024 * 1024)))
    assert refused.value.code == "too_large"
    assert refused.value.field == "resume"
    assert "larger than 2 MB" in str(refused.value.message)
