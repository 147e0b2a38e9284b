from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from talentdrive.cli import ALIASES
from talentdrive.plans.models import PlanLine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_talentdrive_import_and_export_map_to_these_commands():
    assert (ALIASES["import"], ALIASES["export"]) == ("td_import", "td_export")


def test_import_twice_then_export_and_reimport(db, tmp_path, capsys):
    call_command("td_import", "plan", str(EXAMPLES / "plan.xlsx"))
    assert "10 were created" in capsys.readouterr().out
    call_command("td_import", "plan", str(EXAMPLES / "plan.xlsx"))
    assert "0 were created, 0 were updated, 10 unchanged" in capsys.readouterr().out
    out = tmp_path / "plan.csv"
    call_command("td_export", "plan", "--drive", "example-2027", "-o", str(out))
    call_command("td_import", "plan", str(out), "--dry-run")
    assert "10 unchanged (dry run: nothing written)" in capsys.readouterr().out


def test_bad_file_prints_each_error_and_fails(db, capsys):
    with pytest.raises(CommandError, match="3 problem"):
        call_command("td_import", "plan", str(EXAMPLES / "bad-plan.xlsx"))
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        'row 4, column "city": unknown city "Shenzen" (known: beijing, guangzhou, hangzhou, shanghai)',
        'row 7, column "target": target cannot be negative (-2)',
        'row 10, column "external_id": duplicate id "EX-BJ-EXP-LLM" (first on row 2)',
    ]
    assert PlanLine.objects.count() == 0


def test_missing_file_and_unknown_drive_are_clear_errors(db, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("td_import", "plan", str(tmp_path / "nope.xlsx"))
    with pytest.raises(CommandError, match='unknown drive "nope"'):
        call_command("td_export", "plan", "--drive", "nope", "-o", str(tmp_path / "x.csv"))


def test_import_records_the_named_administrator(admin_user, recruiter, capsys):
    from talentdrive.audit.models import AuditEvent

    with pytest.raises(CommandError, match="not an administrator"):
        call_command("td_import", "plan", str(EXAMPLES / "plan.xlsx"), "--user", "recruiter")
    call_command("td_import", "plan", str(EXAMPLES / "plan.xlsx"), "--user", "admin")
    assert AuditEvent.objects.filter(action="plan_line.create", actor=admin_user).count() == 10
