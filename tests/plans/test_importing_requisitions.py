from __future__ import annotations

import csv
import io

from talentdrive.accounts.models import Role, User
from talentdrive.audit.models import AuditEvent
from talentdrive.plans.importing import plan_import
from talentdrive.plans.models import PlanLine, Requisition, RequisitionStatus
from tests.actors import TEST_ACTOR

HEADER = ["external_id", "plan_line", "title_zh", "title_en", "headcount", "status"]


def csv_bytes(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def run(content: bytes, *, drive_code: str | None = "ai-2026", dry_run: bool = False):
    return plan_import(
        kind="requisitions",
        filename="requisitions.csv",
        content=content,
        drive_code=drive_code,
        actor=TEST_ACTOR,
        dry_run=dry_run,
    )


def test_requisitions_are_created_then_left_unchanged(plan_line):
    rows = [
        ["R-1", "PL-SH-EXP-LLM", "大模型算法工程师", "LLM engineer", 2, "open"],
        ["R-2", "pl-sh-exp-llm", "推理优化工程师", "Inference engineer", "", "draft"],
    ]
    first = run(csv_bytes(rows))
    second = run(csv_bytes(rows))
    assert (first.created, first.errors) == (2, ())
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    r1 = Requisition.objects.get(external_id="R-1")
    assert (r1.headcount, r1.status, r1.plan_line_id) == (2, "open", plan_line.pk)
    assert Requisition.objects.get(external_id="R-2").headcount == 1


def test_every_column_is_read(plan_line):
    manager = User.objects.create_user(username="mgr", role=Role.HIRING_MANAGER)
    User.objects.create_user(username="rec1", role=Role.RECRUITER)
    header = [
        "external_id",
        "drive",
        "city",
        "channel",
        "focus_area",
        "team",
        "title_zh",
        "title_en",
        "description_zh",
        "description_en",
        "level",
        "headcount",
        "must_skills",
        "nice_skills",
        "domain",
        "min_degree",
        "min_years",
        "graduation_from",
        "graduation_to",
        "programme_eligible",
        "status",
        "cities",
        "hiring_manager",
        "recruiters",
    ]
    row = [
        "R-9",
        "ai-2026",
        "上海",
        "社会招聘",
        "llm",
        "core-training",
        "医疗大模型专家",
        "Healthcare LLM scientist",
        "描述",
        "Description",
        "scientist",
        1,
        "rlhf; pytorch、llm-pretraining",
        "clinical-nlp",
        "Healthcare",
        "博士",
        3,
        "2026/09/01",
        "2027-06-30",
        "是",
        "open",
        "beijing, 杭州",
        "mgr",
        "rec1",
    ]
    report = run(csv_bytes([row], header=header), drive_code=None)
    assert report.ok, report.errors
    r = Requisition.objects.get(external_id="R-9")
    assert r.must_skills == ["rlhf", "pytorch", "llm-pretraining"]
    assert (r.domain, r.min_degree, r.min_years, r.level) == ("healthcare", "phd", 3, "scientist")
    assert (str(r.graduation_from), str(r.graduation_to), r.programme_eligible) == (
        "2026-09-01",
        "2027-06-30",
        True,
    )
    assert sorted(r.cities.values_list("code", flat=True)) == ["beijing", "hangzhou", "shanghai"]
    assert r.hiring_manager == manager
    assert list(r.recruiters.values_list("username", flat=True)) == ["rec1"]
    assert run(csv_bytes([row], header=header), drive_code=None).unchanged == 1


def test_target_exceeded_across_rows_of_one_file_writes_nothing(plan_line):
    # given a line with target 3 and two rows of 2 each
    rows = [
        ["R-1", "PL-SH-EXP-LLM", "甲", "A", 2, "open"],
        ["R-2", "PL-SH-EXP-LLM", "乙", "B", 2, "open"],
    ]
    events = AuditEvent.objects.count()
    report = run(csv_bytes(rows))
    assert [(e.row, e.column) for e in report.errors] == [(3, "headcount")]
    assert report.errors[0].message.startswith("target exceeded: Plan line PL-SH-EXP-LLM has a target of 3")
    assert Requisition.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_bad_values_are_each_reported(plan_line):
    header = [*HEADER, "graduation_from", "hiring_manager", "min_degree"]
    rows = [
        ["R-1", "PL-NOPE", "甲", "A", 1, "open", "", "", ""],
        ["R-2", "PL-SH-EXP-LLM", "乙", "B", 0, "open", "", "", ""],
        ["R-3", "PL-SH-EXP-LLM", "丙", "C", 1, "open", "2027-13-45", "", ""],
        ["R-4", "PL-SH-EXP-LLM", "丁", "D", 1, "open", "", "nobody", ""],
        ["R-5", "PL-SH-EXP-LLM", "戊", "", 1, "open", "", "", ""],
        ["R-6", "PL-SH-EXP-LLM", "己", "F", 1, "hiring", "", "", ""],
        ["R-7", "PL-SH-EXP-LLM", "庚", "G", 1, "open", "", "", "diploma"],
        ["R-8", "", "辛", "H", 1, "open", "", "", ""],
    ]
    report = run(csv_bytes(rows, header=header))
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "plan_line"),
        (3, "headcount"),
        (4, "graduation_from"),
        (5, "hiring_manager"),
        (6, "title_en"),
        (7, "status"),
        (8, "min_degree"),
        (9, "plan_line"),
    ]
    assert "YYYY-MM-DD" in report.errors[2].message
    assert Requisition.objects.count() == 0


def test_changes_go_through_the_services(plan_line):
    run(csv_bytes([["R-1", "PL-SH-EXP-LLM", "甲", "A", 1, "open"]]))
    report = run(csv_bytes([["R-1", "PL-SH-EXP-LLM", "甲", "A (renamed)", 2, "paused"]]))
    assert (report.updated, report.errors) == (1, ())
    r = Requisition.objects.get()
    assert (r.title_en, r.headcount, r.status) == ("A (renamed)", 2, RequisitionStatus.PAUSED)
    status_event = AuditEvent.objects.get(action="requisition.status", target_id=str(r.pk), data__to="paused")
    assert status_event.reason == "imported from requisitions.csv"
    # an impossible transition is a row error
    report = run(csv_bytes([["R-1", "PL-SH-EXP-LLM", "甲", "A (renamed)", 2, "draft"]]))
    assert [(e.row, e.column) for e in report.errors] == [(2, "status")]
    assert Requisition.objects.get().status == RequisitionStatus.PAUSED


def test_closed_requisition_is_created_as_draft_then_closed(plan_line):
    report = run(csv_bytes([["R-1", "PL-SH-EXP-LLM", "甲", "A", 3, "closed"]]))
    assert report.ok, report.errors
    assert Requisition.objects.get().status == RequisitionStatus.CLOSED
    # closed headcount does not count, so the whole target is still free
    assert run(csv_bytes([["R-2", "PL-SH-EXP-LLM", "乙", "B", 3, "open"]])).created == 1


def test_moving_to_another_plan_line_is_refused(plan_line):
    PlanLine.objects.create(
        drive=plan_line.drive,
        external_id="PL-OTHER",
        city=plan_line.city,
        channel="campus",
        focus_area=plan_line.focus_area,
        team=plan_line.team,
        target=5,
    )
    run(csv_bytes([["R-1", "PL-SH-EXP-LLM", "甲", "A", 1, "open"]]))
    report = run(csv_bytes([["R-1", "PL-OTHER", "甲", "A", 1, "open"]]))
    assert [(e.row, e.column) for e in report.errors] == [(2, "plan_line")]
    assert Requisition.objects.get().plan_line_id == plan_line.pk
