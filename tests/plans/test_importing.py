from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied

from talentdrive.audit.models import AuditEvent
from talentdrive.plans.importing import plan_import
from talentdrive.plans.models import BusinessGroup, PlanLine, Team
from talentdrive.plans.services import requisition_create
from tests.actors import TEST_ACTOR

HEADER = ["external_id", "city", "channel", "focus_area", "team", "target"]


def csv_bytes(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def run(
    content: bytes,
    *,
    drive_code: str | None = "ai-2026",
    dry_run: bool = False,
    actor=TEST_ACTOR,
    kind="plan",
):
    return plan_import(
        kind=kind, filename="plan.csv", content=content, drive_code=drive_code, actor=actor, dry_run=dry_run
    )


GOOD = [
    ["PL-1", "shanghai", "experienced", "llm", "core-training", 3],
    ["PL-2", "beijing", "campus", "agents", "core-training", 5],
]


def test_import_creates_lines_then_reimport_changes_nothing(drive, team):
    # when
    first = run(csv_bytes(GOOD))
    events_after_first = AuditEvent.objects.count()
    second = run(csv_bytes(GOOD))
    # then
    assert (first.created, first.updated, first.unchanged, first.errors) == (2, 0, 0, ())
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert PlanLine.objects.filter(drive=drive).count() == 2
    assert AuditEvent.objects.count() == events_after_first
    line = PlanLine.objects.get(external_id="PL-2")
    assert (line.city.code, line.channel, line.focus_area.code, line.target) == (
        "beijing",
        "campus",
        "agents",
        5,
    )


def test_changed_target_is_an_update_with_an_audit_event(drive, team):
    run(csv_bytes(GOOD))
    report = run(csv_bytes([GOOD[0][:5] + [4], GOOD[1]]))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert PlanLine.objects.get(external_id="PL-1").target == 4
    assert AuditEvent.objects.filter(action="plan_line.update").count() == 1


def test_chinese_headers_names_and_channel_words(drive, team):
    content = csv_bytes(
        [["PL-ZH", "上海", "校园招聘", "大模型研发与优化", "core-training", "7"]],
        header=["编号", "城市", "渠道", "方向", "团队", "目标人数"],
    )
    report = run(content)
    assert report.ok, report.errors
    line = PlanLine.objects.get(external_id="PL-ZH")
    assert (line.city.code, line.channel, line.focus_area.code, line.target) == (
        "shanghai",
        "campus",
        "llm",
        7,
    )


def test_every_bad_row_is_reported_and_nothing_is_written(drive, team):
    # given one good row among bad ones
    rows = [
        ["PL-OK", "shanghai", "experienced", "llm", "core-training", 3],
        ["PL-B1", "Shenzen", "experienced", "llm", "core-training", 3],
        ["PL-B2", "beijing", "experienced", "quantum", "core-training", 3],
        ["PL-B3", "beijing", "experienced", "llm", "no-such-team", 3],
        ["PL-B4", "beijing", "campus", "llm", "core-training", -1],
        ["PL-B5", "hangzhou", "campus", "llm", "core-training", "2.5"],
        ["PL-OK", "guangzhou", "campus", "llm", "core-training", 1],
        ["", "guangzhou", "experienced", "llm", "core-training", 1],
        ["PL-B6", "guangzhou", "part-time", "llm", "core-training", 1],
    ]
    events = AuditEvent.objects.count()
    # when
    report = run(csv_bytes(rows))
    # then
    found = [(e.row, e.column) for e in report.errors]
    assert found == [
        (3, "city"),
        (4, "focus_area"),
        (5, "team"),
        (6, "target"),
        (7, "target"),
        (8, "external_id"),
        (9, "external_id"),
        (10, "channel"),
    ]
    messages = [str(e) for e in report.errors]
    assert messages[0] == (
        'row 3, column "city": unknown city "Shenzen" (known: beijing, guangzhou, hangzhou, shanghai)'
    )
    assert "negative" in messages[3]
    assert "whole number" in messages[4]
    assert 'duplicate id "PL-OK" (first on row 2)' in messages[5]
    assert "required" in messages[6]
    assert not report.written
    assert PlanLine.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_target_below_committed_headcount_is_refused(plan_line):
    requisition_create(
        plan_line=plan_line,
        external_id="R-1",
        title_zh="甲",
        title_en="A",
        headcount=3,
        status="open",
        actor=TEST_ACTOR,
    )
    content = csv_bytes([["PL-SH-EXP-LLM", "shanghai", "experienced", "llm", "core-training", 2]])
    report = run(content)
    assert [(e.row, e.column) for e in report.errors] == [(2, "target")]
    assert "target exceeded" in report.errors[0].message
    assert "3 already committed" in report.errors[0].message
    plan_line.refresh_from_db()
    assert plan_line.target == 3


def test_unknown_team_is_created_when_the_row_names_it(drive):
    header = [
        *HEADER,
        "team_name_zh",
        "team_name_en",
        "business_group",
        "business_group_name_zh",
        "business_group_name_en",
    ]
    row = [
        "PL-G",
        "hangzhou",
        "experienced",
        "ai-hardware",
        "glasses",
        2,
        "智能眼镜",
        "Smart glasses",
        "hardware",
        "智能硬件",
        "Smart hardware",
    ]
    report = run(csv_bytes([row], header=header))
    assert report.ok, report.errors
    assert (report.teams_created, report.groups_created) == (1, 1)
    team = Team.objects.get(code="glasses")
    assert (team.name_en, team.group.code) == ("Smart glasses", "hardware")
    assert run(csv_bytes([row], header=header)).unchanged == 1
    assert BusinessGroup.objects.count() == 1


def test_unknown_business_group_without_names_is_an_error(drive):
    header = [*HEADER, "team_name_zh", "team_name_en", "business_group"]
    row = [
        "PL-G",
        "hangzhou",
        "experienced",
        "ai-hardware",
        "glasses",
        2,
        "智能眼镜",
        "Smart glasses",
        "hardware",
    ]
    report = run(csv_bytes([row], header=header))
    assert [(e.row, e.column) for e in report.errors] == [(2, "business_group")]
    assert not Team.objects.filter(code="glasses").exists()


def test_dry_run_reports_counts_and_writes_nothing(drive, team):
    report = run(csv_bytes(GOOD), dry_run=True)
    assert (report.created, report.dry_run, report.written) == (2, True, False)
    assert "would be created" in report.summary()
    assert PlanLine.objects.count() == 0


def test_missing_column_and_unknown_drive_are_reported(drive, team):
    report = run(csv_bytes([["PL-1", "shanghai", "experienced", "llm", "core-training"]], header=HEADER[:5]))
    assert [str(e) for e in report.errors] == ['row 1: required column "target" is missing']
    report = run(csv_bytes(GOOD), drive_code="no-such-drive")
    assert any("unknown drive" in e.message for e in report.errors)
    assert PlanLine.objects.count() == 0


def test_a_cell_already_planned_under_another_id_is_refused(plan_line):
    report = run(csv_bytes([["PL-NEW", "shanghai", "experienced", "llm", "core-training", 3]]))
    assert [(e.row, e.column) for e in report.errors] == [(2, "external_id")]
    assert "PL-SH-EXP-LLM" in report.errors[0].message


def test_only_administrators_may_import(drive, recruiter, admin_user, team):
    with pytest.raises(PermissionDenied):
        run(csv_bytes(GOOD), actor=recruiter)
    assert run(csv_bytes(GOOD), actor=admin_user).created == 2
    assert AuditEvent.objects.filter(action="plan_line.create", actor=admin_user).count() == 2
