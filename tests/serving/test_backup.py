"""Back up, lose the database and the files, restore: the same rows and the same files come back."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from talentdrive.candidates.models import Candidate
from talentdrive.resumes.models import Resume
from talentdrive.resumes.services import resume_attach
from talentdrive.serving.backup import media_hashes, table_counts
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_candidate, make_requisition

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def site(settings, tmp_path, plan_line):
    settings.MEDIA_ROOT = tmp_path / "media"
    requisition = make_requisition(plan_line=plan_line)
    for number in range(3):
        candidate = make_candidate(full_name=f"候选人{number}")
        resume = resume_attach(
            candidate=candidate, filename="cv.txt", content=f"résumé {number}".encode(), actor=TEST_ACTOR
        )
        make_application(candidate=candidate, requisition=requisition, resume=resume)
    return settings.MEDIA_ROOT


def _lose_everything(media_root) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
    shutil.rmtree(media_root)


def test_a_restore_brings_back_every_row_and_every_file(site, tmp_path):
    # given: a backup of a site with candidates, applications and résumé files
    rows, files = table_counts(), media_hashes()
    assert rows["candidates_candidate"] == 3 and len(files) == 3
    call_command("backup", str(tmp_path / "backup"))
    # when the database and the files are lost, then restored
    _lose_everything(site)
    assert not site.exists()
    call_command("restore", str(tmp_path / "backup"), "--yes")
    # then
    assert table_counts() == rows
    assert media_hashes() == files
    resume = Resume.objects.get(candidate=Candidate.objects.get(full_name="候选人1"))
    assert resume.file.read() == "résumé 1".encode()


def test_a_backup_goes_into_a_new_folder_and_a_restore_needs_a_yes(site, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "used"))
    call_command("backup", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path / "used"), "--yes")
