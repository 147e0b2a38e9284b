from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from talentdrive.insights.core.progress import Figures
from talentdrive.insights.selectors import UnknownDimension, drive_headlines, progress_report
from talentdrive.plans.models import Drive


def by_key(report):
    return {row.member.key: row.figures for row in report.rows}


def test_progress_by_city_matches_hand_count(progress_plan):
    # when
    report = progress_report(
        user=progress_plan.users["leadership"], drive=progress_plan.drive, group_by="city"
    )
    # then: see tests/factories.py, make_progress_plan, for the arithmetic
    assert [row.member.key for row in report.rows] == ["beijing", "shanghai"]
    assert by_key(report) == {
        "shanghai": Figures(target=9, open=5, draft=1, paused=1, filled=0, hired=4),
        "beijing": Figures(target=8, open=2, draft=0, paused=0, filled=2, hired=2),
    }
    assert report.totals == Figures(target=17, open=7, draft=1, paused=1, filled=2, hired=6)
    assert report.totals.uncovered == 17 - 11
    assert report.next_dimension == "channel"
    assert report.scoped is False


def test_hires_are_counted_per_line_whatever_the_requisition_status(progress_plan):
    report = progress_report(user=progress_plan.users["admin"], drive=progress_plan.drive, group_by="team")
    # R3 is closed but its hire happened: it counts. The interview-stage application does not.
    assert by_key(report)["core-training"].hired == 4
    assert by_key(report)["health"].hired == 2


def test_drill_down_into_a_city_breaks_it_down_by_channel(progress_plan):
    report = progress_report(
        user=progress_plan.users["leadership"],
        drive=progress_plan.drive,
        group_by="channel",
        filters={"city": "shanghai"},
    )
    assert by_key(report) == {
        "experienced": Figures(target=5, open=2, draft=1, hired=3),
        "campus": Figures(target=4, open=3, paused=1, hired=1),
    }
    assert [row.member.key for row in report.rows] == ["experienced", "campus"]
    assert report.totals == Figures(target=9, open=5, draft=1, paused=1, hired=4)
    assert report.filters == (("city", "shanghai"),)
    assert report.next_dimension == "area"


def test_deepest_drill_down_leaves_no_next_dimension(progress_plan):
    report = progress_report(
        user=progress_plan.users["leadership"],
        drive=progress_plan.drive,
        group_by="team",
        filters={"city": "beijing", "channel": "campus", "area": "llm"},
    )
    assert by_key(report) == {"health": Figures(target=2)}
    assert report.next_dimension is None


def test_cross_tab_has_cells_and_column_totals(progress_plan):
    report = progress_report(
        user=progress_plan.users["admin"], drive=progress_plan.drive, group_by="city", across="channel"
    )
    assert [column.key for column in report.columns] == ["experienced", "campus"]
    rows = {row.member.key: row.cells for row in report.rows}
    assert rows["beijing"] == (Figures(target=6, open=2, filled=2, hired=2), Figures(target=2))
    assert rows["shanghai"] == (
        Figures(target=5, open=2, draft=1, hired=3),
        Figures(target=4, open=3, paused=1, hired=1),
    )
    assert report.column_totals == (
        Figures(target=11, open=4, draft=1, filled=2, hired=5),
        Figures(target=6, open=3, paused=1, hired=1),
    )
    assert sum(report.column_totals, Figures()) == report.totals


def test_recruiter_sees_only_their_scope(progress_plan):
    report = progress_report(
        user=progress_plan.users["health_recruiter"], drive=progress_plan.drive, group_by="team"
    )
    assert by_key(report) == {"health": Figures(target=8, open=2, filled=2, hired=2)}
    assert report.scoped is True


def test_recruiter_of_another_team_sees_nothing_of_this_plan(progress_plan):
    report = progress_report(
        user=progress_plan.users["other_recruiter"], drive=progress_plan.drive, group_by="city"
    )
    assert report.rows == ()
    assert report.totals == Figures()


def test_recruiter_assigned_to_a_requisition_sees_its_line(progress_plan):
    progress_plan.requisitions["R6"].recruiters.add(progress_plan.users["other_recruiter"])
    report = progress_report(
        user=progress_plan.users["other_recruiter"], drive=progress_plan.drive, group_by="city"
    )
    assert by_key(report) == {"beijing": Figures(target=6, open=2, filled=2, hired=2)}


@pytest.mark.parametrize("role", ["interviewer"])
def test_other_roles_are_forbidden(progress_plan, role):
    with pytest.raises(PermissionDenied):
        progress_report(user=progress_plan.users[role], drive=progress_plan.drive)


def test_unknown_dimension_is_refused(progress_plan):
    with pytest.raises(UnknownDimension):
        progress_report(user=progress_plan.users["admin"], drive=progress_plan.drive, group_by="salary")
    with pytest.raises(UnknownDimension):
        progress_report(
            user=progress_plan.users["admin"], drive=progress_plan.drive, filters={"salary": "high"}
        )


def test_progress_is_a_bounded_number_of_queries(progress_plan, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        progress_report(
            user=progress_plan.users["admin"], drive=progress_plan.drive, group_by="area", across="team"
        )


def test_headlines_per_drive(progress_plan):
    headlines = drive_headlines(user=progress_plan.users["admin"], drives=Drive.objects.all())
    assert headlines[progress_plan.drive.pk] == Figures(
        target=17, open=7, draft=1, paused=1, filled=2, hired=6
    )
    assert headlines[progress_plan.other_drive.pk] == Figures(target=100, open=5, hired=1)
