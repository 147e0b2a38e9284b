"""The parse budget is read on an injected clock, so a test decides when it runs out."""

from __future__ import annotations

import time

import pytest

from talentdrive.resumes.core import Limits, parse_document
from talentdrive.resumes.core.deadline import Deadline
from talentdrive.resumes.core.model import ParseFailure
from tests.clocks import TickingClock, frozen_clock

from .core_samples import EN_RESUME, text_pdf


def test_the_budget_runs_out_at_the_first_check_past_it():
    # given a budget of 2.5 s on a clock that moves 1 s per reading (created at 0)
    deadline = Deadline(2.5, clock=TickingClock())
    # when / then: the readings at 1 and 2 are within it, the one at 3 is past it
    deadline.check("first")
    deadline.check("second")
    with pytest.raises(ParseFailure) as raised:
        deadline.check("third")
    assert (raised.value.code, raised.value.message) == ("timeout", "gave up after 2.5 s (third)")


def test_a_budget_ends_strictly_after_it_is_used_up():
    # On a clock that never moves even a zero budget is never passed: expiry is strictly later.
    Deadline(0, clock=frozen_clock).check("any")


def test_production_reads_the_monotonic_clock():
    assert Deadline(1).clock is time.monotonic


def test_a_pdf_runs_out_of_time_between_pages():
    # given a 3-page PDF and a budget that allows the first checks only
    clock = TickingClock()
    content = text_pdf(EN_RESUME, pages=3)
    # when
    result = parse_document(content, "cv.pdf", limits=Limits(timeout_seconds=2), clock=clock)
    # then: pages 1 and 2 are read, the check before page 3 stops the parse
    assert (result.profile, result.code) == (None, "timeout")
    assert result.error == "gave up after 2 s (page 3)"


def test_a_frozen_clock_never_stops_a_parse():
    result = parse_document(
        text_pdf(EN_RESUME, pages=2), "cv.pdf", limits=Limits(timeout_seconds=0), clock=frozen_clock
    )
    assert result.ok and result.pages == 2


HOSTILE_AT = b"@" * 200_000


def test_the_email_scan_of_a_text_of_at_signs_stops_at_the_deadline():
    # given: 200 KB of "@" (which took seconds in the email scan) and a budget the earlier stages leave
    # a few readings of
    result = parse_document(HOSTILE_AT, "at.txt", limits=Limits(timeout_seconds=5), clock=TickingClock())
    # then: the scan itself reads the clock and gives up inside it, not after it
    assert (result.profile, result.code) == (None, "timeout")
    assert result.error == "gave up after 5 s (email addresses)"


def test_the_email_scan_reads_the_clock_once_per_slice():
    from talentdrive.resumes.core.contacts import find_emails

    # The number of readings is the number of 16 KB slices: each slice costs bounded work.
    clock = TickingClock()
    assert find_emails(HOSTILE_AT.decode(), deadline=Deadline(1000, clock=clock)) == []
    assert clock.readings == 1 + 13


def test_a_text_of_at_signs_parses_when_time_allows():
    result = parse_document(HOSTILE_AT, "at.txt", clock=frozen_clock)
    assert result.ok and result.profile is not None and result.profile.emails == ()
