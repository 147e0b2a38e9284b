from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from talentdrive.plans.importing import plan_import
from talentdrive.plans.importing.rows import TableError, read_table
from talentdrive.plans.models import Drive, PlanLine, Requisition
from tests.actors import TEST_ACTOR

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CSV_TEXT = "external_id,city,channel,focus_area,team,target\nPL-1,上海,校园招聘,llm,core-training,3\n"


def table(content: bytes, filename: str = "plan.csv", max_rows: int = 100):
    return read_table(filename=filename, content=content, max_bytes=10_000_000, max_rows=max_rows)


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        CSV_TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"),
        CSV_TEXT.encode("gb18030"),
        CSV_TEXT.encode("utf-16"),
        CSV_TEXT.replace(",", ";").encode("utf-8"),
        CSV_TEXT.replace(",", "\t").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf16", "semicolon", "tab"],
)
def test_csv_encodings_and_delimiters_read_the_same(content):
    result = table(content)
    assert result.header[0] == "external_id"
    assert result.rows[0].values[1:3] == ("上海", "校园招聘")
    assert result.rows[0].number == 2


@pytest.mark.parametrize(
    ("content", "filename", "expected"),
    [
        (b"external_id,city\n", "plan.xlsx", "not an Excel workbook"),
        (b"a,b\nc,\x00d\n", "plan.csv", "NUL bytes"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "plan.xls", ".xls"),
        (b"PK\x03\x04not really a zip", "plan.xlsx", "damaged"),
        (b"", "plan.csv", "empty"),
        (b"\n\n", "plan.csv", "no header"),
        (b"%PDF-1.7\n" + b"x" * 100, "plan.csv", "application/pdf"),
    ],
)
def test_files_that_are_not_tables_are_refused_clearly(content, filename, expected):
    with pytest.raises(TableError, match=expected):
        table(content, filename)


def test_size_and_row_limits(settings, drive):
    with pytest.raises(TableError, match="more than 2 rows"):
        table(b"h\n1\n2\n3\n", max_rows=2)
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "IMPORT_MAX_BYTES": 20}
    report = plan_import(
        kind="plan", filename="plan.csv", content=CSV_TEXT.encode(), drive_code="ai-2026", actor=TEST_ACTOR
    )
    assert "the limit is 20 bytes" in report.errors[0].message
    assert PlanLine.objects.count() == 0


def test_xlsx_numbers_dates_and_row_numbers_as_the_sheet_shows_them():
    content = xlsx(
        [
            [None],
            ["external_id", "target", "when"],
            ["A", 3.0, dt.datetime(2027, 6, 30)],
            [None, None, None],
            ["B", 4, "2027-07-01"],
        ]
    )
    result = table(content, "whatever.bin")
    assert (result.kind, result.header_row) == ("xlsx", 2)
    assert [row.number for row in result.rows] == [3, 5]


def test_example_plan_imports_twice_with_the_same_rows(db):
    content = (EXAMPLES / "plan.xlsx").read_bytes()
    first = plan_import(kind="plan", filename="plan.xlsx", content=content, drive_code=None, actor=TEST_ACTOR)
    second = plan_import(
        kind="plan", filename="plan.xlsx", content=content, drive_code=None, actor=TEST_ACTOR
    )
    assert first.ok, first.errors
    assert (first.created, first.drive_created) == (10, True)
    assert (second.created, second.updated, second.unchanged, second.drive_created) == (0, 0, 10, False)
    drive = Drive.objects.get(code="example-2027")
    assert sum(drive.plan_lines.values_list("target", flat=True)) == drive.total_target
    requisitions = (EXAMPLES / "requisitions.xlsx").read_bytes()
    report = plan_import(
        kind="requisitions",
        filename="requisitions.xlsx",
        content=requisitions,
        drive_code=None,
        actor=TEST_ACTOR,
    )
    assert (report.created, report.errors) == (10, ())
    again = plan_import(
        kind="requisitions",
        filename="requisitions.xlsx",
        content=requisitions,
        drive_code=None,
        actor=TEST_ACTOR,
    )
    assert again.unchanged == 10


def test_example_bad_plan_reports_three_rows_and_writes_nothing(db):
    content = (EXAMPLES / "bad-plan.xlsx").read_bytes()
    report = plan_import(
        kind="plan", filename="bad-plan.xlsx", content=content, drive_code=None, actor=TEST_ACTOR
    )
    assert [(e.row, e.column) for e in report.errors] == [(4, "city"), (7, "target"), (10, "external_id")]
    assert not Drive.objects.filter(code="example-2027").exists()
    assert PlanLine.objects.count() == 0
    assert Requisition.objects.count() == 0


def test_shipped_examples_are_what_the_script_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_examples", EXAMPLES.parent / "scripts" / "make_examples.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("plan.xlsx", "requisitions.xlsx", "bad-plan.xlsx"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name
