"""The placeholder core: what a template may contain, and filling it without ``str.format``."""

from __future__ import annotations

import pytest

from talentdrive.pipeline.core.placeholders import (
    MALFORMED,
    NOT_PLAIN,
    UNKNOWN,
    PlaceholderProblem,
    placeholder_problems,
    placeholders_fill,
    subject_line,
)


def test_known_placeholders_and_literal_braces_pass():
    fields = {"subject_en": "Your {job_title}", "body_en": "Dear {candidate_name}, {{not a placeholder}}"}
    assert placeholder_problems(fields) == []


def test_an_unknown_placeholder_is_named_with_its_field():
    problems = placeholder_problems({"subject_en": "Hi {candidate_name}", "body_zh": "{candidat_name}，您好"})
    assert problems == [PlaceholderProblem("body_zh", UNKNOWN, "candidat_name")]


@pytest.mark.parametrize("text", ["Dear {candidate_name", "Dear candidate_name}", "{", "a } b"])
def test_unpaired_braces_are_a_problem(text):
    assert placeholder_problems({"body_en": text}) == [PlaceholderProblem("body_en", MALFORMED)]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("{candidate_name.__class__}", "candidate_name.__class__"),
        ("{job_title[0]}", "job_title[0]"),
        ("{job_title!r}", "job_title!r"),
        ("{job_title:>99999999}", "job_title:>99999999"),
        ("{}", ""),
        ("{0}", "0"),
    ],
)
def test_anything_beyond_a_bare_name_is_refused(text, shown):
    # Attribute and index access would reach beyond the values given; a width could fill memory.
    assert placeholder_problems({"body_en": text}) == [PlaceholderProblem("body_en", NOT_PLAIN, shown)]


def test_a_vocabulary_can_be_narrowed():
    assert placeholder_problems({"body_en": "{status_url}"}, allowed=("job_title",)) == [
        PlaceholderProblem("body_en", UNKNOWN, "status_url")
    ]


def test_filling_puts_values_in_and_keeps_literal_braces():
    text = "Dear {candidate_name}, about {job_title}: {{braces}} stay"
    values = {"candidate_name": "Li Lei", "job_title": "{company} engineer"}
    # A value that looks like a placeholder is not filled again.
    assert placeholders_fill(text, values) == "Dear Li Lei, about {company} engineer: {braces} stay"


def test_filling_agrees_with_str_format_on_plain_templates():
    text = "{candidate_name}，您好：感谢您对{company}的关注。{{}}"
    values = {"candidate_name": "韩梅梅", "company": "示例公司"}
    assert placeholders_fill(text, values) == text.format(**values)


def test_a_subject_is_one_line():
    assert (
        subject_line("LLM engineer\r\nBcc: someone@example.com\n") == "LLM engineer Bcc: someone@example.com"
    )
    assert len(subject_line("x" * 1000)) == 255
