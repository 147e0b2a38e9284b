"""Parsing in a child process that the operating system limits: CPU time, memory and wall time."""

from __future__ import annotations

import os

import pytest

from talentdrive.resumes.ingest.sandbox import (
    LimitExceeded,
    ProcessLimits,
    parse_content_limited,
    run_limited,
)
from talentdrive.resumes.models import ParseStatus
from talentdrive.resumes.services import resume_attach, resume_parse
from tests.actors import TEST_ACTOR
from tests.factories import make_candidate

from .core_samples import EN_RESUME
from .sandbox_work import allocate_too_much, answer, niceness, sleep_forever, spin_forever

TIGHT = ProcessLimits(cpu_seconds=1, memory_bytes=128 * 1024 * 1024, wall_seconds=20)


def test_a_child_answers_what_the_work_returns():
    assert run_limited(answer, limits=TIGHT) == 42


def test_a_child_runs_at_a_lower_priority_than_the_process_asking():
    assert run_limited(niceness, limits=TIGHT) == min(os.nice(0) + TIGHT.niceness, 19)


@pytest.mark.slow
def test_a_child_spinning_on_the_cpu_is_stopped_by_the_kernel_at_its_cpu_limit():
    with pytest.raises(LimitExceeded) as stopped:
        run_limited(spin_forever, limits=TIGHT)
    assert stopped.value.reason == "cpu"
    assert "1 s of CPU time" in str(stopped.value)


def test_a_child_allocating_beyond_its_memory_limit_is_refused_the_memory():
    with pytest.raises(LimitExceeded) as stopped:
        run_limited(allocate_too_much, limits=TIGHT)
    assert stopped.value.reason == "memory"


@pytest.mark.slow
def test_a_child_blocked_without_using_cpu_is_killed_at_the_wall_clock_limit():
    with pytest.raises(LimitExceeded) as stopped:
        run_limited(sleep_forever, limits=ProcessLimits(cpu_seconds=5, wall_seconds=0.5))
    assert stopped.value.reason == "wall"


def test_the_hostile_at_signs_file_is_refused_inside_the_child():
    outcome = parse_content_limited(b"@" * 200_000, "at.txt", limits=TIGHT)
    assert outcome.profile is None or outcome.profile.get("emails") == []


def test_a_real_resume_parses_the_same_in_the_child_as_in_the_process():
    from talentdrive.resumes.ingest.worker import parse_content

    content = EN_RESUME.encode()
    assert parse_content_limited(content, "cv.txt", limits=TIGHT) == parse_content(content, "cv.txt")


def test_a_stored_resume_whose_parse_runs_out_of_memory_is_failed_with_the_reason(db, settings, tmp_path):
    # given: a deployment that gives a parse almost no memory beyond what the child starts with
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "PARSE_ISOLATED": True, "PARSE_MEMORY_MB": 1}
    candidate = make_candidate()
    resume = resume_attach(
        candidate=candidate, filename="cv.txt", content=(EN_RESUME * 3000).encode(), actor=TEST_ACTOR
    )
    # when
    parsed = resume_parse(resume_id=resume.pk, actor=TEST_ACTOR)
    # then: the resume is failed with a reason, nothing parsed is stored, and the next parse with a
    # normal budget succeeds
    assert parsed.parse_status == ParseStatus.FAILED
    assert parsed.parse_error
    assert parsed.profile in ({}, None)
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "PARSE_MEMORY_MB": 768}
    assert resume_parse(resume_id=resume.pk, actor=TEST_ACTOR).parse_status == ParseStatus.PARSED
