"""The one vocabulary of domain errors: stable codes, messages in the reader's language, no fallback."""

from __future__ import annotations

import pytest
from django.utils import translation

from talentdrive.errors import DomainError, UnknownErrorCode
from talentdrive.pipeline.errors import (
    ApplicantInvalid,
    ApplicationInvalid,
    ApplicationRefused,
    ResumeRefused,
)


def test_an_unknown_code_is_a_bug_that_raises():
    with pytest.raises(UnknownErrorCode):
        ApplicationRefused("closd")
    with pytest.raises(UnknownErrorCode):
        ResumeRefused("virus")


def test_the_message_is_translated_where_it_is_shown_not_where_it_was_raised():
    with translation.override("en"):
        refused = ApplicationRefused("closed")
    with translation.override("zh-hans"):
        assert str(refused.message) == "该职位目前不接受申请。"
    with translation.override("en"):
        assert str(refused.message) == "This job is not taking applications."


def test_params_are_filled_in_the_translated_sentence():
    error = ApplicantInvalid(
        "graduation_window", field="graduation_date", params={"start": "2026-09", "end": "…"}
    )
    with translation.override("zh-hans"):
        assert "2026-09" in str(error.message) and not str(error.message).isascii()


@pytest.mark.parametrize(
    "error_class", [ApplicationRefused, ApplicantInvalid, ApplicationInvalid, ResumeRefused]
)
def test_every_code_has_a_chinese_message(error_class: type[DomainError]):
    with translation.override("zh-hans"):
        for code, message in error_class.messages.items():
            assert not str(message).isascii(), f"{error_class.__name__}.{code} is not translated"


def test_errors_are_domain_errors_with_a_code():
    group = ApplicationInvalid([ApplicantInvalid("required", field="school")])
    assert isinstance(group, DomainError)
    assert group.code == "invalid"
    assert [p.field for p in group.problems] == ["school"]
