"""Offer acceptance, decline reasons and interviewer load, counted by hand on constructed rows."""

from __future__ import annotations

import datetime as dt

from talentdrive.insights.core.load import InterviewRow, interviewer_load
from talentdrive.insights.core.offers import OfferRow, acceptance, decline_reasons

MONDAY = dt.datetime(2026, 9, 7, tzinfo=dt.UTC)  # the current week starts here
NOW = MONDAY + dt.timedelta(days=2)  # Wednesday
DAY = dt.timedelta(days=1)


def test_acceptance_reads_against_offers_answered_or_lapsed():
    rows = [
        *[OfferRow("accepted", "campus")] * 3,
        OfferRow("declined", "campus", "Another offer"),
        OfferRow("expired", "experienced"),
        OfferRow("accepted", "experienced"),
        OfferRow("sent", "experienced"),  # no answer yet: not counted
        OfferRow("rescinded", "campus"),  # our decision: not counted
        OfferRow("draft", "campus"),
        OfferRow("pending_approval", "campus"),
    ]
    total, by_channel = acceptance(rows)
    # given 4 accepted, 1 declined, 1 expired: 4 / 6
    assert (total.accepted, total.declined, total.expired, total.decided) == (4, 1, 1, 6)
    assert total.rate == 4 / 6
    assert (total.out, total.in_progress) == (1, 2)
    campus, experienced = by_channel
    assert (campus.key, campus.rate) == ("campus", 3 / 4)
    assert (experienced.key, experienced.rate) == ("experienced", 1 / 2)


def test_no_answer_yet_is_no_rate_rather_than_zero():
    total, _ = acceptance([OfferRow("sent"), OfferRow("draft")])
    assert total.rate is None


def test_decline_reasons_count_the_same_words_together_most_frequent_first():
    rows = [
        OfferRow("declined", reason="Another offer."),
        OfferRow("declined", reason="  another   OFFER "),
        OfferRow("declined", reason="薪资低于预期。"),
        OfferRow("declined", reason="薪资低于预期"),
        OfferRow("declined", reason="Relocation"),
        OfferRow("declined", reason="Another offer"),
        OfferRow("expired", reason="not a decline"),
    ]
    reasons = decline_reasons(rows)
    assert [(r.reason, r.count) for r in reasons] == [
        ("Another offer.", 3),
        ("薪资低于预期。", 2),
        ("Relocation", 1),
    ]
    assert len(decline_reasons(rows, limit=1)) == 1


def _part(interviewer: int, starts: dt.datetime, scorecard: dt.datetime | None = None) -> InterviewRow:
    return InterviewRow(interviewer, starts, starts + dt.timedelta(hours=1), scorecard)


def test_interviewer_load_per_week_against_the_cap_with_late_scorecards():
    rows = [
        # interviewer 1: three this week (Monday's ended two days ago without a scorecard: late),
        # one next week, four in the four weeks before (two of their scorecards came after a day)
        _part(1, MONDAY),
        _part(1, MONDAY + DAY * 2, None),  # today, not over yet
        _part(1, MONDAY + DAY * 4),
        _part(1, MONDAY + DAY * 8),
        _part(1, MONDAY - DAY * 3, MONDAY - DAY * 3 + dt.timedelta(hours=5)),  # in time
        _part(1, MONDAY - DAY * 10, MONDAY - DAY * 8),  # two days after: late
        _part(1, MONDAY - DAY * 20, MONDAY - DAY * 18),  # late
        _part(1, MONDAY - DAY * 27, MONDAY - DAY * 27 + dt.timedelta(hours=2)),
        _part(1, MONDAY - DAY * 40, MONDAY - DAY * 40 + dt.timedelta(hours=2)),  # before the four weeks
        # interviewer 2: one last week, its scorecard missing for nine days
        _part(2, MONDAY - DAY * 7),
    ]
    one, two = interviewer_load(rows, week_start=MONDAY, now=NOW, cap=3, late_after=DAY, past_weeks=4)
    assert one.interviewer_id == 1
    assert (one.this_week, one.next_week, one.weekly_average, one.cap, one.full) == (3, 1, 1.0, 3, True)
    # late now: only Monday's (today's has not ended a day ago, Friday's is to come)
    assert (one.late_now, one.handed_in_late, one.scorecards) == (1, 2, 5)
    assert (two.this_week, two.weekly_average, two.late_now, two.full) == (0, 0.25, 1, False)
