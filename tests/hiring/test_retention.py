"""Retention: after a drive's period, exactly the people who did not join and did not consent to the
talent pool are erased; everyone else is left as they were."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from talentdrive.candidates.models import Candidate
from talentdrive.hiring.retention import retention_apply
from talentdrive.hiring.tasks import retention_apply_task
from talentdrive.pipeline.models import Stage
from talentdrive.resumes.services import resume_attach
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_candidate, make_drive, make_requisition

pytestmark = pytest.mark.django_db

TODAY = dt.date(2027, 6, 1)


@pytest.fixture
def world(settings, tmp_path, team):
    """Drive ``ended`` closed on 2027-01-31 with 90 days of retention (past on TODAY), ``running`` ends
    later, ``kept`` ended long ago but has no retention period."""
    settings.MEDIA_ROOT = tmp_path / "media"
    drives = {
        "ended": make_drive(
            code="ended", starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2027, 1, 31), retention_days=90
        ),
        "running": make_drive(code="running", ends_on=dt.date(2027, 12, 31), retention_days=90),
        "kept": make_drive(code="kept", starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 6, 30)),
    }
    requisitions = {
        code: make_requisition(drive=drive, team=team, external_id=f"R-{code}")
        for code, drive in drives.items()
    }

    def person(name, *applications, talent_pool=False):
        candidate = make_candidate(full_name=name)
        if talent_pool:
            candidate.talent_pool_consent_at = dt.datetime(2026, 7, 1, tzinfo=dt.UTC)
            candidate.save()
        for code, stage in applications:
            make_application(candidate=candidate, requisition=requisitions[code], stage=stage)
        return candidate

    people = {
        "rejected": person("甲", ("ended", Stage.REJECTED)),
        "withdrawn": person("乙", ("ended", Stage.WITHDRAWN)),
        "pool": person("丙", ("ended", Stage.REJECTED), talent_pool=True),
        "hired": person("丁", ("ended", Stage.HIRED)),
        "also_running": person("戊", ("ended", Stage.REJECTED), ("running", Stage.APPLIED)),
        "no_period": person("己", ("kept", Stage.REJECTED)),
        "never_applied": person("庚"),
    }
    resume = resume_attach(candidate=people["withdrawn"], filename="cv.txt", content=b"cv", actor=TEST_ACTOR)
    return people, resume.file.name


def names():
    return dict(Candidate.objects.values_list("pk", "full_name"))


def test_exactly_the_people_due_are_erased_and_the_rest_left_untouched(
    world, django_capture_on_commit_callbacks
):
    people, resume_file = world
    before = names()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        report = retention_apply(today=TODAY, actor=TEST_ACTOR)
    # then
    due = {people["rejected"].pk, people["withdrawn"].pk}
    assert set(report.erased) == due
    assert report.expired_drives == ("ended",)
    assert (report.kept_talent_pool, report.kept_hired) == (1, 1)
    after = names()
    assert {pk for pk, name in after.items() if name == ""} == due
    assert {pk: name for pk, name in after.items() if pk not in due} == {
        pk: name for pk, name in before.items() if pk not in due
    }
    assert Candidate.objects.filter(pk__in=due, erased_at__isnull=False).count() == 2
    assert not default_storage.exists(resume_file)
    # and a second run has nobody left to erase
    assert retention_apply(today=TODAY, actor=TEST_ACTOR).erased == ()


def test_nobody_is_due_the_day_the_period_ends(world):
    assert retention_apply(today=dt.date(2027, 5, 1), actor=TEST_ACTOR).erased == ()


def test_a_dry_run_reports_and_erases_nobody(world, capsys):
    people, _ = world
    before = names()
    call_command("apply_retention", "--dry-run", "--today", TODAY.isoformat())
    out = capsys.readouterr().out
    assert f"due: candidate #{people['rejected'].pk}" in out
    assert "2 due, 1 kept (talent pool consent), 1 kept (hired)" in out
    assert names() == before
    # the report names no one: ids and counts only
    assert "甲" not in out


def test_the_scheduled_task_erases_the_same_people(world):
    people, _ = world
    # the task judges by today's date; run it on a day the period has passed by moving the drive's end
    from talentdrive.plans.models import Drive

    Drive.objects.filter(code="ended").update(starts_on=dt.date(2019, 9, 1), ends_on=dt.date(2020, 1, 31))
    outcome = retention_apply_task.enqueue()
    assert outcome.status == "SUCCESSFUL"
    assert set(outcome.return_value["erased"]) == {people["rejected"].pk, people["withdrawn"].pk}
