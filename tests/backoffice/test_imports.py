from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from talentdrive.plans.models import PlanLine

GOOD = (
    "external_id,city,channel,focus_area,team,target\n"
    "IMP-1,hangzhou,experienced,llm,core-training,4\n"
    "IMP-2,guangzhou,campus,agents,health,7\n"
)
BAD = (
    "external_id,city,channel,focus_area,team,target\n"
    "IMP-1,atlantis,experienced,llm,core-training,4\n"
    "IMP-2,guangzhou,campus,agents,health,-3\n"
)


@pytest.fixture(autouse=True)
def pending_files_in_tmp(settings, tmp_path):
    # Checked files wait under VAR_DIR/imports; keep them out of the working tree.
    settings.VAR_DIR = tmp_path


def upload(client, content: str, name: str = "plan.csv"):
    return client.post(
        reverse("backoffice:import"),
        {"kind": "plan", "drive": "ai-2026", "file": SimpleUploadedFile(name, content.encode(), "text/csv")},
    )


def test_dry_run_then_commit(client, progress_plan):
    client.force_login(progress_plan.users["admin"])
    # when: the file is checked
    response = upload(client, GOOD)
    html = response.content.decode()
    # then: the report says what would happen and nothing is written yet
    assert response.status_code == 200
    assert "2 row(s) read from plan.csv: 2 would be created" in html
    assert not PlanLine.objects.filter(external_id__startswith="IMP-").exists()
    token = client.session["backoffice.pending_import"]["token"]
    # when: the checked file is imported
    response = client.post(reverse("backoffice:import_commit"), {"token": token})
    # then
    assert response.status_code == 200
    assert "2 were created" in response.content.decode()
    assert PlanLine.objects.filter(external_id__startswith="IMP-").count() == 2
    assert "backoffice.pending_import" not in client.session
    # a second commit has nothing to import
    again = client.post(reverse("backoffice:import_commit"), {"token": token}, follow=True)
    assert "Nothing is waiting to be imported" in again.content.decode()
    assert PlanLine.objects.filter(external_id__startswith="IMP-").count() == 2


def test_bad_rows_are_reported_with_row_and_column_and_cannot_be_committed(client, progress_plan):
    client.force_login(progress_plan.users["admin"])
    html = upload(client, BAD).content.decode()
    assert "nothing was written" in html
    assert 'name="token"' not in html
    assert '<td class="num">2</td><td>city</td>' in html
    assert '<td class="num">3</td><td>target</td>' in html
    assert not PlanLine.objects.filter(external_id__startswith="IMP-").exists()


def test_a_file_that_is_not_a_table_is_explained(client, progress_plan):
    client.force_login(progress_plan.users["admin"])
    html = upload(client, "%PDF-1.4 not a table", name="plan.xlsx").content.decode()
    assert "not an Excel workbook" in html


def test_shipped_example_workbook_imports_once_and_then_changes_nothing(client, admin_user):
    from pathlib import Path

    workbook = (Path(__file__).resolve().parents[2] / "examples" / "plan.xlsx").read_bytes()
    client.force_login(admin_user)

    def check():
        upload = SimpleUploadedFile(
            "plan.xlsx", workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        return client.post(reverse("backoffice:import"), {"kind": "plan", "drive": "", "file": upload})

    # given: the drive is named in the workbook itself
    assert "would be created" in check().content.decode()
    token = client.session["backoffice.pending_import"]["token"]
    client.post(reverse("backoffice:import_commit"), {"token": token})
    lines = PlanLine.objects.count()
    assert lines > 0
    # when: the same workbook is checked again
    html = check().content.decode()
    # then: every row is already there
    assert f"{lines} unchanged" in html
    assert "0 would be created, 0 would be updated" in html


def test_export_round_trips_through_the_import_page(client, progress_plan):
    import csv
    import io

    client.force_login(progress_plan.users["admin"])
    response = client.get(reverse("backoffice:export"), {"kind": "plan", "drive": "ai-2026", "format": "csv"})
    assert response.status_code == 200
    assert 'filename="plan-ai-2026.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row["external_id"] for row in rows) == ["L1", "L2", "L3", "L4"]
    # when: the exported file is checked on the import page
    html = upload(client, response.content.decode("utf-8-sig"), name="plan-ai-2026.csv").content.decode()
    # then: nothing would change
    assert "4 row(s) read from plan-ai-2026.csv: 0 would be created, 0 would be updated, 4 unchanged" in html


def test_export_as_xlsx_and_unknown_kind(client, progress_plan):
    client.force_login(progress_plan.users["leadership"])
    response = client.get(reverse("backoffice:export"), {"kind": "requisitions", "format": "xlsx"})
    assert response.status_code == 200
    assert response.content[:4] == b"PK\x03\x04"
    assert client.get(reverse("backoffice:export"), {"kind": "salaries"}).status_code == 404


def test_checked_files_left_behind_are_removed_later(client, progress_plan, tmp_path):
    import os
    import time

    stale = tmp_path / "imports" / "abandoned"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    old = time.time() - 2 * 24 * 3600
    os.utime(stale, (old, old))
    client.force_login(progress_plan.users["admin"])
    upload(client, GOOD)
    assert not stale.exists()
    assert len(list((tmp_path / "imports").iterdir())) == 1  # the file just checked
