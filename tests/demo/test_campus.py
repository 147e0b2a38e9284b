"""The demo's campus season: loaded after the demo people, through the campus services only."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.interview_days import interview_day_plan
from talentdrive.campus.models import (
    Assessment,
    AssessmentImport,
    AssessmentResult,
    CampusTalk,
    InterviewDay,
    ResultStatus,
    TalkAttribution,
    TalkRegistration,
)
from talentdrive.demo.campus.load import demo_campus_load
from talentdrive.demo.campus.talks import TALKS
from talentdrive.demo.load import demo_drive_load
from talentdrive.demo.people.load import demo_people_load
from talentdrive.pipeline.models import Application, StageChange
from talentdrive.pipeline.models_rollups import ApplicationTally
from talentdrive.pipeline.rollups import rollups_rebuild
from talentdrive.plans.models import Drive, FocusArea

SIZE = 400
SEED = 7


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo drive, SIZE people and the campus season, loaded once and rolled back afterwards."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_drive_load()
            demo_people_load(seed=SEED, size=SIZE, build_index=False)
            yield demo_campus_load(seed=SEED)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def season(loaded, db):
    return loaded


def _events(action: str) -> Counter[str]:
    return Counter(AuditEvent.objects.filter(action=action).values_list("target_id", flat=True))


def _snapshot() -> dict[str, object]:
    return {
        "talks": sorted(CampusTalk.objects.values_list("school", "title_en", "starts_at")),
        "registrations": sorted(
            TalkRegistration.objects.values_list("email", "talk__school", "checked_in_at")
        ),
        "results": sorted(AssessmentResult.objects.values_list("application_id", "score", "status")),
        "stages": sorted(Application.objects.values_list("pk", "stage", "source")),
        "days": list(InterviewDay.objects.values_list("name", "dates")),
        "events": AuditEvent.objects.count(),
    }


@pytest.mark.slow
def test_talks_in_every_city_past_with_check_ins_and_upcoming_with_a_few_registrations(season):
    assert season.created
    talks = list(CampusTalk.objects.all())
    assert len(talks) == season.talks == len(TALKS)
    per_city = Counter(talk.city.code for talk in talks)
    assert set(per_city) == {"beijing", "shanghai", "hangzhou", "guangzhou"}
    assert all(2 <= n <= 3 for n in per_city.values())
    past = [talk for talk in talks if talk.is_over]
    upcoming = [talk for talk in talks if not talk.is_over]
    assert len(past) == season.past_talks and past and upcoming
    for talk in talks:
        assert talk.title_en and talk.title_zh and talk.title_en != talk.title_zh
        registrations = talk.registrations.all()
        checked = [r for r in registrations if r.checked_in_at is not None]
        if talk.is_over:
            assert len(registrations) >= 30 and len(checked) > 0.7 * len(registrations)
            assert all(r.registered_at < talk.starts_at and r.checked_in_at <= talk.ends_at for r in checked)
        else:
            assert 1 <= len(registrations) <= 10 and not checked
    assert TalkRegistration.objects.count() == season.registrations
    assert TalkRegistration.objects.exclude(checked_in_at=None).count() == season.checked_in


@pytest.mark.slow
def test_every_talk_registration_and_check_in_left_its_audit_event(season):
    talks = _events(AuditAction.CAMPUS_TALK_CREATE)
    assert set(talks) == {str(pk) for pk in CampusTalk.objects.values_list("pk", flat=True)}
    registered = _events(AuditAction.CAMPUS_TALK_REGISTER)
    assert set(registered) == {str(pk) for pk in TalkRegistration.objects.values_list("pk", flat=True)}
    checked = _events(AuditAction.CAMPUS_TALK_CHECK_IN)
    assert set(checked) == {
        str(pk) for pk in TalkRegistration.objects.exclude(checked_in_at=None).values_list("pk", flat=True)
    }
    assert max([*talks.values(), *registered.values(), *checked.values()]) == 1
    # dated like the talks: nothing in the audit trail happens after the load
    assert not AuditEvent.objects.filter(created_at__gt=timezone.now()).exists()


@pytest.mark.slow
def test_some_applications_came_from_a_past_talk_in_their_city(season):
    attributions = list(TalkAttribution.objects.select_related("application", "registration__talk"))
    assert len(attributions) == season.attributed > 0
    attributed = _events(AuditAction.CAMPUS_TALK_ATTRIBUTE)
    assert set(attributed) == {str(a.application_id) for a in attributions}
    for attribution in attributions:
        talk = attribution.registration.talk
        application = attribution.application
        assert talk.is_over and application.created_at > talk.ends_at
        assert attribution.registration.email == application.candidate.email
        cities = Application.objects.filter(candidate=application.candidate).values_list(
            "requisition__cities__code", flat=True
        )
        assert talk.city.code in cities
        assert application.source in ("campus_talk", "kiosk", "referral")


@pytest.mark.slow
def test_assessments_per_campus_focus_area_with_results_imported_through_the_service(season):
    drive = Drive.objects.get()
    areas = FocusArea.objects.filter(plan_lines__drive=drive, plan_lines__channel="campus").distinct()
    assessments = Assessment.objects.all()
    assert sorted(a.focus_area_id for a in assessments) == sorted(area.pk for area in areas)
    assert set(_events(AuditAction.ASSESSMENT_CREATE)) == {str(a.pk) for a in assessments}
    assert set(_events(AuditAction.ASSESSMENT_IMPORT)) == {
        str(pk) for pk in AssessmentImport.objects.values_list("pk", flat=True)
    }
    results = AssessmentResult.objects.select_related("application", "assessment")
    assert results.count() == season.results > 0
    moved = results.filter(status=ResultStatus.MOVED)
    pending = results.filter(status=ResultStatus.PENDING)
    assert moved.count() == season.moved > 0 and pending.count() == season.queued > 0
    for result in results:
        assert result.passed == (result.score >= result.assessment.pass_mark)
    # the passing ones were moved on by the pipeline's move service; the others wait at the assessment
    assert all(r.application.stage != "online_assessment" for r in moved)
    assert {r.application.stage for r in pending} == {"online_assessment"}
    passed_moves = StageChange.objects.filter(
        application__in=[r.application for r in moved], from_stage="online_assessment", to_stage="technical_1"
    )
    assert passed_moves.count() == moved.count()
    # and some applicants are still sitting the assessment: their results are not in yet
    waiting = Application.objects.filter(stage="online_assessment", requisition__status="open")
    assert waiting.count() > pending.count()


@pytest.mark.slow
def test_the_pipeline_roll_ups_agree_with_a_rebuild_after_the_campus_season(season):
    def tallies():
        return sorted(ApplicationTally.objects.filter(count__gt=0).values_list(
            "requisition_id", "source", "kind", "furthest", "committee", "count"
        ))  # fmt: skip

    kept = tallies()
    with transaction.atomic():
        rollups_rebuild(drive=Drive.objects.get())
        assert tallies() == kept
        transaction.set_rollback(True)


@pytest.mark.slow
def test_a_hangzhou_interview_day_next_week_waits_to_be_planned_and_plans_everyone(season):
    day = InterviewDay.objects.get()
    assert day.city.code == "hangzhou" and len(day.dates) == 2 and not day.assignments.exists()
    assert 4 <= day.rooms.count() <= 6 and day.interviewers.count() >= 4
    assert all(entry.windows for entry in day.interviewers.all())
    today = timezone.localdate()
    assert all(0 < (timezone.datetime.fromisoformat(iso).date() - today).days <= 10 for iso in day.dates)
    assert set(_events(AuditAction.INTERVIEW_DAY_CREATE)) == {str(day.pk)}
    assert (
        season.day_candidates
        == Application.objects.filter(requisition__in=day.requisitions.all(), stage="technical_1").count()
        > 0
    )
    # when the Hangzhou recruiter presses "Plan the interview day"
    recruiter = User.objects.get(username="recruiter.devices")
    with transaction.atomic():
        outcome = interview_day_plan(day_id=day.pk, actor=recruiter, time_limit=3)
        transaction.set_rollback(True)
    assert outcome.saved and outcome.unplaced == 0 and outcome.placed == season.day_candidates


@pytest.mark.slow
def test_loading_again_changes_nothing(season):
    before = _snapshot()
    again = demo_campus_load(seed=SEED)
    assert not again.created
    assert (again.talks, again.registrations, again.results, again.interview_days) == (
        season.talks, season.registrations, season.results, season.interview_days,
    )  # fmt: skip
    out = StringIO()
    call_command("load_demo", "--campus", stdout=out)
    assert "campus season is already loaded" in out.getvalue()
    assert f"{season.talks} campus talks" in out.getvalue()
    assert _snapshot() == before


@pytest.mark.slow
def test_loading_emails_nobody(season, mailoutbox, django_capture_on_commit_callbacks):
    with transaction.atomic():
        CampusTalk.objects.all().delete()
        Assessment.objects.all().delete()
        InterviewDay.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True):
            assert demo_campus_load(seed=SEED).created
        assert not TalkRegistration.objects.exclude(ticket_sent_at=None).exists()
        transaction.set_rollback(True)
    assert mailoutbox == []
