"""Résumé files: one person's erasure never deletes another's file, and the integrity check."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from talentdrive.pipeline.services import application_submit, candidate_erase
from talentdrive.resumes import services as resume_services
from talentdrive.resumes.models import Resume
from tests.actors import TEST_ACTOR
from tests.factories import applicant, make_requisition, pdf_bytes, resume_upload

SAME_BYTES = pdf_bytes(text="the very same file, sent by two people")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_erasing_one_person_while_another_uploads_the_same_bytes_keeps_the_others_file(
    drive, team, monkeypatch, django_capture_on_commit_callbacks
):
    # given: A applied with a file
    requisition = make_requisition(drive=drive, team=team)
    a = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(),
        resume=resume_upload(SAME_BYTES),
        actor=TEST_ACTOR,
    ).application

    # when: B uploads the same bytes, and A's erasure commits after B's file is stored but before
    # B's row exists (the interleaving that lost B's file in 6 of 80 races)
    store = resume_services._store_file

    def store_then_erase_a(**kwargs):
        name = store(**kwargs)
        with django_capture_on_commit_callbacks(execute=True):
            candidate_erase(candidate=a.candidate, actor=TEST_ACTOR)
        return name

    monkeypatch.setattr(resume_services, "_store_file", store_then_erase_a)
    b = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(email="han@example.com", phone="13900139001", name="Han Meimei"),
        resume=resume_upload(SAME_BYTES),
        actor=TEST_ACTOR,
    ).application

    # then: B's résumé has its file, with B's bytes; A's rows are gone
    assert not Resume.objects.filter(candidate=a.candidate).exists()
    b_file = Resume.objects.get(candidate=b.candidate).file.name
    assert default_storage.exists(b_file)
    assert default_storage.open(b_file).read() == SAME_BYTES
    assert call_command_report() == ([], [])


def test_erasure_keeps_a_file_from_before_per_person_names_while_another_row_names_it(
    requisition_pair, django_capture_on_commit_callbacks
):
    first, second = requisition_pair
    legacy = "resumes/ab/legacy-shared"
    default_storage.save(legacy, ContentFile(b"bytes"))
    Resume.objects.filter(pk__in=[first.resume_id, second.resume_id]).update(file=legacy)
    with django_capture_on_commit_callbacks(execute=True):
        candidate_erase(candidate=first.candidate, actor=TEST_ACTOR)
    assert default_storage.exists(legacy)
    with django_capture_on_commit_callbacks(execute=True):
        candidate_erase(candidate=second.candidate, actor=TEST_ACTOR)
    assert not default_storage.exists(legacy)


@pytest.fixture
def requisition_pair(drive, team):
    requisition = make_requisition(drive=drive, team=team)
    return [
        application_submit(
            requisition_id=requisition.pk,
            applicant=applicant(email=f"p{n}@example.com", phone=f"1390013900{n}", name=f"Person {n}"),
            resume=resume_upload(pdf_bytes(text=f"person {n}")),
            actor=TEST_ACTOR,
        ).application
        for n in range(2)
    ]


def call_command_report(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("resume_files_check", *args, stdout=out)
    except SystemExit as exit_:
        assert exit_.code == 1
    lines = out.getvalue().splitlines()
    rows = [line.split("#")[1] for line in lines if line.startswith("row without file")]
    files = [line.split(": ")[1] for line in lines if line.startswith("file without row")]
    return rows, files


def test_the_check_reports_rows_without_files_and_files_without_rows_and_deletes_nothing(requisition_pair):
    # given: one row whose file went missing and one file no row names
    first, _second = requisition_pair
    default_storage.delete(first.resume.file.name)
    default_storage.save("resumes/zz/stray", ContentFile(b"stray"))
    # when
    rows, files = call_command_report()
    # then: both are reported, by id and stored name only, and nothing is deleted
    assert (rows, files) == ([str(first.resume_id)], ["resumes/zz/stray"])
    assert default_storage.exists("resumes/zz/stray")
    assert Resume.objects.filter(pk=first.resume_id).exists()


def test_the_check_deletes_only_settled_orphans_when_asked(requisition_pair):
    default_storage.save("resumes/zz/stray", ContentFile(b"stray"))
    call_command_report("--delete-orphans")
    # a file written a moment ago may be an upload whose row is on its way
    assert default_storage.exists("resumes/zz/stray")


def test_the_periodic_task_keeps_what_it_found_for_administrators(requisition_pair, client, staff):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from talentdrive.resumes.models import ResumeFilesCheck
    from talentdrive.resumes.tasks import resume_files_check_task

    # given: one row whose file went missing and one file no row names
    first, second = requisition_pair
    default_storage.delete(first.resume.file.name)
    stray = default_storage.save("resumes/zz/stray", ContentFile(b"stray"))
    # when: the scheduled task runs
    result = resume_files_check_task.enqueue()
    # then: both are kept as one run, and nothing was deleted
    check = ResumeFilesCheck.objects.get()
    assert result.return_value["check"] == check.pk
    assert check.rows_without_files == [first.resume.pk]
    assert check.files_without_rows == [stray]
    assert not check.all_well
    assert default_storage.exists(stray) and default_storage.exists(second.resume.file.name)
    # and the administrators' home page says so, with a link to the run; a recruiter sees nothing of it
    client.force_login(staff["admin"])
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "data-files-check" in page
    assert reverse("admin:resumes_resumefilescheck_change", args=[check.pk]) in page
    assert client.get(reverse("admin:resumes_resumefilescheck_change", args=[check.pk])).status_code == 200
    client.force_login(staff["recruiter"])
    assert "data-files-check" not in client.get(reverse("backoffice:home")).content.decode()
    # when the files are put right, the next run is clean and the warning goes
    default_storage.delete(stray)
    Resume.objects.filter(pk=first.resume.pk).delete()
    resume_files_check_task.enqueue()
    assert ResumeFilesCheck.objects.order_by("-pk").first().all_well
    client.force_login(staff["admin"])
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "data-files-check" not in page
    # and a check that stopped running is noticed after two days
    ResumeFilesCheck.objects.update(checked_at=timezone.now() - timedelta(days=3))
    assert "data-files-check-overdue" in client.get(reverse("backoffice:home")).content.decode()


def test_the_command_keeps_its_run_too(requisition_pair):
    from talentdrive.resumes.models import ResumeFilesCheck

    call_command_report()
    check = ResumeFilesCheck.objects.get()
    assert check.all_well and check.ran_by == "system:manage.py"
