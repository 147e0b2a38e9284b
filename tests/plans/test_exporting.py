from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook

from talentdrive.accounts.models import Role, User
from talentdrive.plans.exporting import PLAN_EXPORT_COLUMNS, REQUISITION_EXPORT_COLUMNS, plan_export
from talentdrive.plans.importing import plan_import
from talentdrive.plans.models import BusinessGroup, Drive, PlanLine, Requisition, Team
from talentdrive.plans.services import requisition_change_status, requisition_create
from tests.actors import TEST_ACTOR


@pytest.fixture
def populated(plan_line):
    manager = User.objects.create_user(username="mgr", role=Role.HIRING_MANAGER)
    recruiters = [User.objects.create_user(username=name, role=Role.RECRUITER) for name in ("rec-b", "rec-a")]
    beijing = plan_line.city.__class__.objects.get(code="beijing")
    requisition_create(
        plan_line=plan_line,
        external_id="R-1",
        title_zh="医疗大模型专家",
        title_en='=Healthcare, "LLM" scientist',
        description_en="line one\nline two",
        headcount=2,
        cities=[beijing],
        recruiters=recruiters,
        status="open",
        actor=TEST_ACTOR,
        must_skills=["rlhf", "pytorch"],
        nice_skills=["clinical-nlp"],
        domain="healthcare",
        min_degree="phd",
        min_years=3,
        graduation_from=dt.date(2026, 9, 1),
        graduation_to=dt.date(2027, 6, 30),
        programme_eligible=True,
        hiring_manager=manager,
        level="scientist",
    )
    closed = requisition_create(
        plan_line=plan_line, external_id="R-2", title_zh="乙", title_en="B", actor=TEST_ACTOR
    )
    requisition_change_status(requisition=closed, status="closed", actor=TEST_ACTOR, reason="merged")
    return plan_line


def reimport(kind: str, content: bytes, file_format: str):
    return plan_import(
        kind=kind, filename=f"export.{file_format}", content=content, drive_code=None, actor=TEST_ACTOR
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_reimports_unchanged(populated, file_format):
    drive = populated.drive
    plan = plan_export(kind="plan", drive=drive, file_format=file_format)
    requisitions = plan_export(kind="requisitions", drive=drive, file_format=file_format)
    plan_report = reimport("plan", plan, file_format)
    requisition_report = reimport("requisitions", requisitions, file_format)
    assert (plan_report.unchanged, plan_report.errors, plan_report.drive_updated) == (1, (), False)
    assert (requisition_report.unchanged, requisition_report.updated, requisition_report.errors) == (2, 0, ())


def test_export_restores_everything_into_an_empty_database(populated):
    # given a plan and requisitions exported, then the drive and its organisation removed
    drive = populated.drive
    plan = plan_export(kind="plan", drive=drive, file_format="xlsx")
    requisitions = plan_export(kind="requisitions", drive=drive, file_format="xlsx")
    before = plan_export(kind="requisitions", drive=drive, file_format="csv")
    Requisition.objects.all().delete()
    PlanLine.objects.all().delete()
    Drive.objects.all().delete()
    Team.objects.all().delete()
    BusinessGroup.objects.all().delete()
    # when
    plan_report = reimport("plan", plan, "xlsx")
    requisition_report = reimport("requisitions", requisitions, "xlsx")
    # then
    assert (plan_report.created, plan_report.drive_created, plan_report.teams_created) == (1, True, 1)
    assert (requisition_report.created, requisition_report.errors) == (2, ())
    restored = Drive.objects.get(code="ai-2026")
    assert plan_export(kind="requisitions", drive=restored, file_format="csv") == before


def test_export_columns_and_values(populated):
    content = plan_export(kind="requisitions", drive=None, file_format="xlsx")
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == REQUISITION_EXPORT_COLUMNS
    first = dict(zip(rows[0], rows[1], strict=True))
    # a title that looks like a formula stays text
    assert first["title_en"] == '=Healthcare, "LLM" scientist'
    assert (first["must_skills"], first["cities"], first["recruiters"]) == (
        "rlhf, pytorch",
        "beijing, shanghai",
        "rec-a, rec-b",
    )
    assert dict(zip(rows[0], rows[2], strict=True))["status"] == "closed"
    plan_csv = plan_export(kind="plan", drive=None, file_format="csv")
    assert plan_csv.startswith(b"\xef\xbb\xbf" + ",".join(PLAN_EXPORT_COLUMNS).encode())


def test_same_data_exports_to_the_same_bytes(populated):
    first = plan_export(kind="plan", drive=populated.drive, file_format="xlsx")
    assert plan_export(kind="plan", drive=populated.drive, file_format="xlsx") == first
    # no save-time stamp inside, so exports a second apart are equal too
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml")
    assert b"2026-01-01T00:00:00Z</dcterms:modified>" in core
