"""Every refusal in the one error vocabulary reads as a sentence in both languages."""

from __future__ import annotations

import importlib

import pytest
from django.utils import translation

from talentdrive.errors import DomainError, UnknownErrorCode

# Importing the domains' services brings in every error class they raise.
for module in (
    "talentdrive.plans.services",
    "talentdrive.pipeline.services",
    "talentdrive.interviews.services",
    "talentdrive.interviews.scorecards",
    "talentdrive.offers.services",
):
    importlib.import_module(module)


def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_all_subclasses(sub)]
    return found


ERROR_CLASSES = [cls for cls in _all_subclasses(DomainError) if cls.messages]


def test_the_plans_and_the_pipeline_speak_it():
    names = {cls.__name__ for cls in ERROR_CLASSES}
    assert {"PlanRuleError", "PlanLimitExceeded", "StatusTransitionError", "ApplicationRefused"} <= names
    assert {"InterviewRefused", "ScorecardRefused"} <= names


@pytest.mark.parametrize("error_class", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_code_has_a_chinese_sentence(error_class):
    with translation.override("zh-hans"):
        for code, message in error_class.messages.items():
            assert not str(message).isascii(), f"{error_class.__name__}.{code} is not translated"


def test_the_message_follows_the_language_where_it_is_shown():
    from talentdrive.plans.errors import StatusTransitionError

    error = StatusTransitionError("reason_missing", field="reason", params={"status": "paused"})
    with translation.override("en"):
        assert str(error.message) == "Moving a requisition to paused needs a reason."
    with translation.override("zh-hans"):
        assert str(error.message) == "将职位改为“paused”需要填写理由。"


def test_an_unknown_code_is_a_bug_not_a_fallback():
    from talentdrive.plans.errors import PlanRuleError

    with pytest.raises(UnknownErrorCode):
        PlanRuleError("no_such_rule")
