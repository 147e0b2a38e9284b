from __future__ import annotations

from talentdrive.insights.core.progress import (
    Figures,
    GroupedFigures,
    Member,
    assemble,
    csv_rows,
    next_dimension,
)


def test_figures_add_and_derive():
    figures = Figures(target=10, open=3, draft=1) + Figures(paused=2, filled=1, hired=4)
    assert figures == Figures(target=10, open=3, draft=1, paused=2, filled=1, hired=4)
    assert figures.committed == 7
    assert figures.uncovered == 3
    assert figures.hired_percent == 40.0
    assert Figures().hired_percent == 0.0
    assert Figures(target=1, open=3).uncovered == 0


def test_next_dimension_skips_filtered_and_wraps():
    assert next_dimension(group_by="city", filtered=[]) == "channel"
    assert next_dimension(group_by="channel", filtered=["city"]) == "area"
    assert next_dimension(group_by="team", filtered=[]) == "city"
    assert next_dimension(group_by="team", filtered=["city", "channel", "area"]) is None


def test_assemble_orders_rows_and_keeps_unordered_members():
    a, b, c = Member("a", "A"), Member("b", "B"), Member("c", "C")
    grouped = [
        GroupedFigures(row=b, column=None, figures=Figures(target=2)),
        GroupedFigures(row=a, column=None, figures=Figures(target=1)),
        GroupedFigures(row=b, column=None, figures=Figures(hired=1)),
        GroupedFigures(row=c, column=None, figures=Figures(open=5)),
    ]
    report = assemble(group_by="city", across=None, filters={}, grouped=grouped, row_order=[b, a])
    assert [row.member.key for row in report.rows] == ["b", "a", "c"]
    assert report.rows[0].figures == Figures(target=2, hired=1)
    assert report.totals == Figures(target=3, open=5, hired=1)


def test_csv_rows_have_header_rows_and_total():
    grouped = [GroupedFigures(row=Member("x", "X"), column=None, figures=Figures(target=4, hired=1))]
    table = csv_rows(assemble(group_by="team", across=None, filters={}, grouped=grouped, row_order=[]))
    assert table[0][:3] == ["team", "label", "target"]
    assert table[1] == ["x", "X", 4, 0, 0, 0, 0, 1, 4, 25.0]
    assert table[-1] == ["total", "", 4, 0, 0, 0, 0, 1, 4, 25.0]
