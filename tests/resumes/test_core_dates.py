"""Date shapes resumes use, and years of experience from overlapping periods."""

from __future__ import annotations

from datetime import date

import pytest

from talentdrive.resumes.core.dates import find_point, find_ranges, years_from_intervals


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("2019.09-2023.06", "2019-09", "2023-06", False),
        ("2019.9 - 2023.6", "2019-09", "2023-06", False),
        ("2019年9月 – 至今", "2019-09", None, True),
        ("2020年9月-2023年6月", "2020-09", "2023-06", False),
        ("Sep 2019 – Present", "2019-09", None, True),
        ("September 2019 to June 2021", "2019-09", "2021-06", False),
        ("Sept. 2019 - now", "2019-09", None, True),
        ("09/2019 - 06/2021", "2019-09", "2021-06", False),
        ("2019/09 ~ 2020/01", "2019-09", "2020-01", False),
        ("2019-09 – 2021-03", "2019-09", "2021-03", False),
        ("2018 - 2020", "2018", "2020", False),
        ("2021.07 — 现在", "2021-07", None, True),
        ("2017年 - 2021年", "2017", "2021", False),
        ("2016-2022", "2016", "2022", False),
        # With a day, as a JSON Resume theme prints its dates: the day is read and dropped.
        ("2016-03-01 - 2016-10-21", "2016-03", "2016-10", False),
        ("2019年9月1日 - 2020年6月30日", "2019-09", "2020-06", False),
        ("09/01/2019 – present", "2019-09", None, True),
    ],
)
def test_date_range_shapes(text, start, end, current):
    ranges = find_ranges(f"清华大学 {text} 本科")

    assert len(ranges) == 1
    found = ranges[0]
    assert (found.start, found.end, found.current) == (start, end, current)
    assert f"清华大学 {text} 本科"[found.start_offset : found.end_offset].startswith(text[:4])


@pytest.mark.parametrize(
    "line", ["Brightlane, llc 2004-02-01 —", "Brightlane 2004.02 ~", "Brightlane Feb 2004 -"]
)
def test_a_start_and_a_dash_closing_the_line_is_still_going(line):
    ranges = find_ranges(line)

    assert [(found.start[:4], found.end, found.current) for found in ranges] == [("2004", None, True)]


def test_a_dash_inside_a_line_opens_no_range():
    assert find_ranges("Revenue grew 2004 - and then fell") == []


@pytest.mark.parametrize("text", ["GPA 3.8/4.0", "138-0013-8000", "page 12 of 30", "version 1.2-3.4"])
def test_non_dates_are_not_ranges(text):
    assert find_ranges(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("毕业时间：2023.06", "2023-06"),
        ("Expected 06/2025", "2025-06"),
        ("May 2024", "2024-05"),
        ("class of 2022", "2022"),
    ],
)
def test_single_dates(text, value):
    assert find_point(text) == value


def test_years_count_overlapping_periods_once():
    # given: 2018-01..2019-12 and 2019-07..2020-12 overlap for six months; a current job from 2022-01
    intervals = [("2018-01", "2019-12", False), ("2019-07", "2020-12", False), ("2022-01", None, True)]

    # when
    years = years_from_intervals(intervals, date(2023, 12, 15))

    # then: 2018-01..2020-12 (36 months, end month included) and 2022-01 up to 2023-12 (23 months)
    assert years == 4.9


def test_years_ignore_reversed_and_future_periods():
    assert (
        years_from_intervals([("2021-06", "2020-01", False), ("2030-01", None, True)], date(2024, 1, 1))
        == 0.0
    )


def test_bare_years_count_from_january():
    assert years_from_intervals([("2018", "2020", False)], date(2024, 1, 1)) == 2.1


def test_back_to_back_periods_leave_no_gap():
    intervals = [("2019-07", "2022-04", False), ("2022-05", None, True)]
    assert years_from_intervals(intervals, date(2026, 11, 25)) == 7.3


def test_a_season_is_a_range_of_its_months():
    found = find_ranges("Research Intern, Amazon Alexa   Summer 2018")
    assert [(r.start, r.end, r.current) for r in found] == [("2018-06", "2018-08", False)]
