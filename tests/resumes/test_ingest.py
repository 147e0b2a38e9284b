"""``talentdrive ingest DIR``: parallel, resumable by content hash, every bad file reported with its reason."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from talentdrive.audit.models import AuditEvent
from talentdrive.candidates.models import Candidate
from talentdrive.resumes.models import ParseStatus, Resume
from tests.actors import TEST_ACTOR

from .core_samples import text_pdf

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
GOOD = ["zh01_llm_phd.pdf", "zh02_training_infra.docx", "en03_speech_phd.txt", "mx07_ai_hardware_html.html"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def inbox(tmp_path) -> Path:
    """Four good resumes (one in a subfolder, one copied twice), a broken PDF and an unreadable file."""
    inbox = tmp_path / "inbox"
    (inbox / "batch-2").mkdir(parents=True)
    for name in GOOD[:3]:
        shutil.copy(FIXTURES / name, inbox / name)
    shutil.copy(FIXTURES / GOOD[3], inbox / "batch-2" / GOOD[3])
    shutil.copy(FIXTURES / GOOD[0], inbox / "batch-2" / "copy-of-zh01.pdf")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(512))
    (inbox / "no-contact.txt").write_text(
        "李雷\n教育背景\n清华大学 计算机 本科 2015.09-2019.06\n", encoding="utf-8"
    )
    return inbox


def _run_ingest(directory: Path, failures: Path, *extra: str, workers: int = 1) -> tuple[str, str, int]:
    """Standard output, standard error and the exit status of one ingest run."""
    out, err = StringIO(), StringIO()
    arguments = [str(directory), "--workers", str(workers), "--failures", str(failures), *extra]
    try:
        call_command("ingest", *arguments, stdout=out, stderr=err)
    except SystemExit as exit_:
        return out.getvalue(), err.getvalue(), int(exit_.code or 0)
    return out.getvalue(), err.getvalue(), 0


def _ingest(directory: Path, failures: Path, workers: int = 1) -> str:
    return _run_ingest(directory, failures, workers=workers)[0]


def _failures(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {Path(row["path"]).name: row["error"] for row in csv.DictReader(handle)}


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_ingest_creates_candidates_and_reports_bad_files(inbox, tmp_path):
    report = tmp_path / "failures.csv"
    output = _ingest(inbox, report, workers=2)
    # each good file is one candidate with one parsed resume; the copy is skipped
    assert Resume.objects.count() == 4
    assert Candidate.objects.count() == 4
    assert set(Resume.objects.values_list("parse_status", flat=True)) == {ParseStatus.PARSED}
    assert Candidate.objects.filter(email="zhang.xiaowen@example.com", phone="+8613800138000").exists()
    # the bad files are listed with a reason
    failures = _failures(report)
    assert set(failures) == {"broken.pdf", "no-contact.txt"}
    assert "no email address or phone number" in failures["no-contact.txt"]
    assert failures["broken.pdf"]
    assert "7 files: 4 stored, 1 already stored, 2 failed" in output


@pytest.mark.django_db(transaction=True)
def test_every_copy_of_a_bad_file_is_reported_and_copies_of_a_good_one_are_stored_once(inbox, tmp_path):
    # given: the broken PDF twice more under other names, and the good copy still there
    shutil.copy(inbox / "broken.pdf", inbox / "broken-again.pdf")
    shutil.copy(inbox / "broken.pdf", inbox / "batch-2" / "broken-3.pdf")
    report = tmp_path / "failures.csv"

    # when
    output = _ingest(inbox, report)

    # then: each bad file is listed with the reason, and the copy of the good one counts as stored
    failures = _failures(report)
    assert set(failures) == {"broken.pdf", "broken-again.pdf", "broken-3.pdf", "no-contact.txt"}
    assert failures["broken-again.pdf"] == failures["broken-3.pdf"] == failures["broken.pdf"]
    assert Resume.objects.count() == 4
    assert "9 files: 4 stored, 1 already stored, 4 failed" in output


@pytest.mark.django_db(transaction=True)
def test_a_copy_is_stored_when_the_first_file_fails_for_a_reason_of_its_own(tmp_path, monkeypatch):
    from django.db import OperationalError

    from talentdrive.resumes.ingest import directory

    # given: one resume under two names, and a database that refuses the first write
    folder = tmp_path / "two"
    folder.mkdir()
    shutil.copy(FIXTURES / GOOD[2], folder / "a.txt")
    shutil.copy(FIXTURES / GOOD[2], folder / "b.txt")
    real_write = directory.resume_ingest_parsed
    calls = []

    def flaky_write(**arguments):
        calls.append(arguments["filename"])
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real_write(**arguments)

    monkeypatch.setattr(directory, "resume_ingest_parsed", flaky_write)

    # when
    report = directory.ingest_directory(folder, workers=1, max_bytes=10_000_000, actor=TEST_ACTOR)

    # then: the failure was the first path's, not its bytes', so the copy is stored
    assert calls == ["a.txt", "b.txt"]
    assert [Path(path).name for path, _reason in report.failures] == ["a.txt"]
    assert report.failures[0][1] == "database error: OperationalError"
    assert (report.stored, report.skipped) == (1, 0)
    assert Resume.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_rerun_skips_everything_stored(inbox, tmp_path):
    _ingest(inbox, tmp_path / "first.csv")
    stored = set(Resume.objects.values_list("pk", "sha256"))
    # when the same folder is ingested again, this time reporting into the folder itself
    output = _ingest(inbox, inbox / "second.jsonl")
    # then nothing new is stored, and the bad files are reported again (as JSON Lines this time)
    assert set(Resume.objects.values_list("pk", "sha256")) == stored
    assert "7 files: 0 stored, 5 already stored, 2 failed" in output
    lines = [json.loads(line) for line in (inbox / "second.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {Path(line["path"]).name for line in lines} == {"broken.pdf", "no-contact.txt"}
    # and a third run does not take the report lying in the folder for a resume
    assert "7 files: 0 stored, 5 already stored, 2 failed" in _ingest(inbox, inbox / "second.jsonl")


@pytest.mark.django_db(transaction=True)
def test_the_same_person_in_two_files_is_one_candidate(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = (FIXTURES / "zh15_nlp_campus_noi.txt").read_text(encoding="utf-8")
    (inbox / "a.txt").write_text(text, encoding="utf-8")
    # the same person, a later version of the resume, phone written differently
    (inbox / "b.txt").write_text(
        text.replace("131-2345-6789", "+86 13123456789") + "\n更新于 2026 年\n", encoding="utf-8"
    )
    _ingest(inbox, tmp_path / "failures.csv")
    assert Candidate.objects.count() == 1
    assert Resume.objects.count() == 2


def _resume_body(index: int) -> str:
    # Distinct people, except that every tenth file is a second resume of the previous person.
    person = index - 1 if index % 10 == 0 else index
    return (
        f"Candidate {person:04d}\nperson{person:04d}@example.com\n+86 139 {person:04d} {person:04d}\n"
        f"Experience\nEngineer, Example Corp {index}, Jan 2020 - Present\nSkills: Python, PyTorch\n"
    )


def _count(database: Path, sql: str) -> int:
    with sqlite3.connect(database) as connection:
        try:
            return int(connection.execute(sql).fetchone()[0])
        except sqlite3.OperationalError:
            return 0  # tables not created yet


@pytest.mark.slow
def test_killed_midway_and_restarted_ingests_each_file_exactly_once(tmp_path):
    # given 400 resumes and a fresh SQLite database of its own (the ingest runs in a separate process)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for index in range(1, 401):
        (inbox / f"resume-{index:04d}.txt").write_text(_resume_body(index), encoding="utf-8")
    (inbox / "garbage.pdf").write_bytes(b"\x00\xff" * 300)
    database = tmp_path / "ingest.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "talentdrive.settings",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    command = [*manage, "ingest", str(inbox), "--workers", "1", "--failures", str(tmp_path / "failures.csv")]
    # when the first run is killed with SIGKILL once it has stored some resumes
    first = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while first.poll() is None and _count(database, "SELECT COUNT(*) FROM resumes_resume") < 50:
            time.sleep(0.02)
    finally:
        if first.poll() is None:
            first.send_signal(signal.SIGKILL)
        first.wait()
    stored_before_restart = _count(database, "SELECT COUNT(*) FROM resumes_resume")
    assert stored_before_restart < 400, "the first run finished before it could be killed"
    # and the ingest is started again
    restart = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert restart.returncode == 1, "a failed file makes the run exit 1"
    assert b"1 file(s) failed" in restart.stderr
    # then every good file is stored exactly once, and people are not duplicated
    assert _count(database, "SELECT COUNT(*) FROM resumes_resume") == 400
    assert _count(database, "SELECT COUNT(DISTINCT sha256) FROM resumes_resume") == 400
    assert _count(database, "SELECT COUNT(*) FROM candidates_candidate") == 400 - 40
    assert _count(database, "SELECT COUNT(*) FROM resumes_resume WHERE parse_status != 'parsed'") == 0
    assert set(_failures(tmp_path / "failures.csv")) == {"garbage.pdf"}


def test_the_worker_side_imports_no_django():
    # Workers are spawned interpreters that never set Django up; importing their module must not need it.
    code = "import sys, talentdrive.resumes.ingest.worker; print(sorted(m for m in sys.modules if m.startswith('django')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_run_with_failed_files_exits_1_after_storing_the_good_ones(inbox, tmp_path):
    report = tmp_path / "failures.csv"
    output, errors, status = _run_ingest(inbox, report, workers=2)
    assert status == 1
    assert Resume.objects.count() == 4
    assert report.exists()
    assert f"2 file(s) failed; see {report}" in errors
    # a clean folder exits 0
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(FIXTURES / GOOD[2], clean / GOOD[2])
    assert _run_ingest(clean, tmp_path / "clean.csv")[2] == 0


def _shared_phone_body(name: str, email: str) -> str:
    return (
        f"{name}\n{email}\n+86 139 1234 5678\n"
        "Experience\nEngineer, Example Corp, Jan 2020 - Present\nSkills: Python, PyTorch\n"
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])  # 2 spawns processes
def test_people_sharing_a_phone_with_different_emails_stay_apart(tmp_path, workers):
    # given three people, three emails, one phone (a family or office line), and a second resume of the first
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    people = [
        ("Alice Zhang", "alice@example.com"),
        ("Bob Li", "bob@example.com"),
        ("Carol Wu", "carol@example.com"),
    ]
    for index, (name, email) in enumerate(people):
        (inbox / f"{index}.txt").write_text(_shared_phone_body(name, email), encoding="utf-8")
    (inbox / "3.txt").write_text(
        _shared_phone_body("Alice Zhang", "alice@example.com") + "Go\n", encoding="utf-8"
    )
    # when the folder is ingested
    output, errors, status = _run_ingest(inbox, tmp_path / "failures.csv", workers=workers)
    # then each person is a candidate with their own email; the phone stays with the first file's person
    assert status == 0
    assert sorted(Candidate.objects.values_list("email", flat=True)) == [email for _, email in people]
    holder = Candidate.objects.get(phone="+8613912345678")
    assert (holder.email, holder.full_name) == ("alice@example.com", "Alice Zhang")
    assert Resume.objects.filter(candidate=holder).count() == 2
    # and each conflict is audited (ids only) and reported as a warning
    conflicts = AuditEvent.objects.filter(action="candidate.phone_conflict")
    assert conflicts.count() == 2
    assert {event.data["phone_holder_id"] for event in conflicts} == {holder.pk}
    assert "2 warning(s)" in output
    assert errors.count(f"phone already held by candidate {holder.pk}") == 2
    assert "bob@example.com" not in errors


@pytest.mark.django_db(transaction=True)
def test_the_page_and_size_limits_apply_to_ingest(tmp_path, settings):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    body = "Ada Example\nada@example.com\nExperience\nEngineer, Example Corp, Jan 2020 - Present\n"
    (inbox / "three-pages.pdf").write_bytes(text_pdf(body, pages=3))
    (inbox / "big.txt").write_text(body + "x" * 3_000_000, encoding="utf-8")
    # the configured page limit is used by default
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "RESUME_MAX_PAGES": 2}
    _, _, status = _run_ingest(inbox, tmp_path / "first.csv", "--max-bytes", str(2 * 1024 * 1024))
    failures = _failures(tmp_path / "first.csv")
    assert status == 1
    assert "more than the limit of 2" in failures["three-pages.pdf"]
    assert failures["big.txt"] == "2.9 MB, more than the 2 MB limit"
    # and the options override it
    _, _, status = _run_ingest(inbox, tmp_path / "second.csv", "--max-pages", "3", "--max-bytes", "4000000")
    assert status == 0
    assert Resume.objects.count() == 2
