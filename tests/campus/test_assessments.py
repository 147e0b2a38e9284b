from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.assessments import (
    assessment_create,
    assessment_result_review,
    assessment_results_import,
)
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import AssessmentResult, ResultStatus
from talentdrive.pipeline.models import Application, RejectionReason, StageChange
from tests.factories import make_application, make_candidate, make_requisition

pytestmark = pytest.mark.django_db


@pytest.fixture
def campus_requisition(drive, team, staff):
    return make_requisition(
        drive=drive, team=team, channel="campus", external_id="CAMPUS-1", recruiters=[staff["recruiter"]]
    )


@pytest.fixture
def assessment(campus_requisition, drive, staff):
    return assessment_create(
        drive=drive,
        requisition=campus_requisition,
        name_en="Coding test",
        name_zh="编程笔试",
        pass_mark=Decimal(60),
        actor=staff["recruiter"],
    )


def _applicants(requisition, count, stage="online_assessment"):
    return [
        make_application(
            requisition=requisition,
            candidate=make_candidate(email=f"student{n}@example.edu"),
            stage=stage,
        )
        for n in range(count)
    ]


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_a_file_with_bad_rows_is_refused_whole_with_each_rows_error(assessment, campus_requisition, staff):
    # given four students at the assessment, one of whom would pass
    apps = _applicants(campus_requisition, 4)
    content = _csv(
        "email,score,coding,reasoning,completed at",
        "student0@example.edu,88,50,38,2026-10-12 14:30",
        "nobody@example.edu,70,,,",
        "student1@example.edu,120,,,",
        "STUDENT0@example.edu,75,,,",
        "student2@example.edu,abc,,,",
        "student3@example.edu,50,101,,",
    )
    # when
    report = assessment_results_import(
        assessment_id=assessment.pk, filename="results.csv", content=content, actor=staff["recruiter"]
    )
    # then every bad row is named, and nothing moved or was stored
    assert not report.ok
    by_row = {(error.row, error.column) for error in report.errors}
    assert (3, "email") in by_row  # unknown email
    assert (4, "score") in by_row  # out of range
    assert (5, "email") in by_row  # duplicate of row 2
    assert (6, "score") in by_row  # not a number
    assert (7, "coding") in by_row  # sub-score out of range
    assert 2 not in {error.row for error in report.errors}
    assert any("row 2" in error.message for error in report.errors if error.row == 5)
    assert AssessmentResult.objects.count() == 0
    assert set(Application.objects.values_list("stage", flat=True)) == {"online_assessment"}
    assert not StageChange.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.ASSESSMENT_IMPORT).exists()
    assert apps[0].version == Application.objects.get(pk=apps[0].pk).version


def test_a_clean_file_moves_exactly_the_passing_applicants(assessment, campus_requisition, staff):
    # given five students; the pass mark is 60
    apps = _applicants(campus_requisition, 5)
    scores = [95, 60, 59.5, 20, 72]
    lines = ["email,score,algorithms"] + [
        f"student{n}@example.edu,{score},{score / 2}" for n, score in enumerate(scores)
    ]
    # when
    report = assessment_results_import(
        assessment_id=assessment.pk, filename="results.csv", content=_csv(*lines), actor=staff["recruiter"]
    )
    # then 95, 60 and 72 move to the first technical round; 59.5 and 20 wait for review
    assert report.ok, report.errors
    assert (report.moved, report.queued) == (3, 2)
    stages = {app.pk: Application.objects.get(pk=app.pk).stage for app in apps}
    assert [stages[app.pk] for app in apps] == [
        "technical_1",
        "technical_1",
        "online_assessment",
        "online_assessment",
        "technical_1",
    ]
    pending = AssessmentResult.objects.filter(status=ResultStatus.PENDING)
    assert sorted(r.application_id for r in pending) == [apps[2].pk, apps[3].pk]
    assert not Application.objects.filter(stage="rejected").exists()
    assert AssessmentResult.objects.get(application=apps[0]).sub_scores == {"algorithms": 47.5}
    event = AuditEvent.objects.get(action=AuditAction.ASSESSMENT_IMPORT)
    assert event.data["moved"] == 3 and event.actor == staff["recruiter"]


def test_the_same_file_again_is_refused_as_already_imported(assessment, campus_requisition, staff):
    _applicants(campus_requisition, 1)
    content = _csv("email,score", "student0@example.edu,40")
    first = assessment_results_import(
        assessment_id=assessment.pk, filename="r.csv", content=content, actor=staff["recruiter"]
    )
    second = assessment_results_import(
        assessment_id=assessment.pk, filename="r.csv", content=content, actor=staff["recruiter"]
    )
    assert first.ok and not second.ok
    assert "already has a result" in second.errors[0].message
    assert AssessmentResult.objects.count() == 1


def test_xlsx_by_application_number_and_a_dry_run_writes_nothing(assessment, campus_requisition, staff):
    apps = _applicants(campus_requisition, 2)
    book = Workbook()
    sheet = book.active
    sheet.append(["申请编号", "总分"])
    sheet.append([apps[0].pk, 61])
    sheet.append([apps[1].pk, 10])
    buffer = io.BytesIO()
    book.save(buffer)
    report = assessment_results_import(
        assessment_id=assessment.pk,
        filename="results.xlsx",
        content=buffer.getvalue(),
        actor=staff["recruiter"],
        dry_run=True,
    )
    assert report.ok and (report.moved, report.queued) == (1, 1)
    assert AssessmentResult.objects.count() == 0
    assert Application.objects.get(pk=apps[0].pk).stage == "online_assessment"


def test_an_applicant_not_at_the_assessment_is_a_row_error(assessment, campus_requisition, staff):
    make_application(
        requisition=campus_requisition, candidate=make_candidate(email="early@example.edu"), stage="applied"
    )
    report = assessment_results_import(
        assessment_id=assessment.pk,
        filename="r.csv",
        content=_csv("email,score", "early@example.edu,90"),
        actor=staff["recruiter"],
    )
    assert not report.ok and report.errors[0].row == 2


def test_a_recruiter_out_of_scope_may_not_import(assessment, staff):
    with pytest.raises(CampusRefused):
        assessment_results_import(
            assessment_id=assessment.pk,
            filename="r.csv",
            content=b"email,score\n",
            actor=staff["other_recruiter"],
        )


def test_review_rejects_only_with_a_persons_reason_or_moves_on(assessment, campus_requisition, staff):
    apps = _applicants(campus_requisition, 2)
    assessment_results_import(
        assessment_id=assessment.pk,
        filename="r.csv",
        content=_csv("email,score", "student0@example.edu,10", "student1@example.edu,55"),
        actor=staff["recruiter"],
    )
    low, close = (AssessmentResult.objects.get(application=app) for app in apps)
    with pytest.raises(CampusRefused):
        assessment_result_review(result_id=low.pk, advance=False, actor=staff["recruiter"])
    reason = RejectionReason.objects.filter(active=True).first()
    assessment_result_review(result_id=low.pk, advance=False, reason=reason, actor=staff["recruiter"])
    assessment_result_review(result_id=close.pk, advance=True, actor=staff["recruiter"])
    assert Application.objects.get(pk=apps[0].pk).stage == "rejected"
    assert Application.objects.get(pk=apps[1].pk).stage == "technical_1"
    assert AuditEvent.objects.filter(action=AuditAction.ASSESSMENT_REVIEW).count() == 2
    with pytest.raises(CampusRefused):
        assessment_result_review(result_id=close.pk, advance=True, actor=staff["recruiter"])


def test_numbers_that_only_look_like_numbers_are_row_errors_not_a_crash(
    assessment, campus_requisition, staff
):
    _applicants(campus_requisition, 2)
    content = _csv(
        "application,email,score,duration",
        "²,,70,30",
        "99999999999999999999999,,70,30",
        ",student0@example.edu,70,1e30",
    )
    report = assessment_results_import(
        assessment_id=assessment.pk, filename="results.csv", content=content, actor=staff["recruiter"]
    )
    assert not report.ok
    by_row = {(error.row, error.column) for error in report.errors}
    assert {(2, "application"), (3, "application"), (4, "duration")} <= by_row
    assert AssessmentResult.objects.count() == 0


@pytest.mark.parametrize(
    "field, value",
    [("requisition", "abc"), ("requisition", "²"), ("pass_mark", "NaN"), ("max_score", "Infinity")],
)
def test_a_forged_new_assessment_form_gets_an_answer_not_a_server_error(client, drive, staff, field, value):
    from django.urls import reverse

    from talentdrive.campus.models import Assessment

    client.force_login(staff["admin"])
    form = {"drive": drive.code, "focus_area": "llm", "pass_mark": "60", "max_score": "100", field: value}
    response = client.post(reverse("backoffice:assessments"), form, follow=True)
    assert response.status_code == 200
    if field != "requisition":
        assert "must be numbers" in response.content.decode()
        assert not Assessment.objects.exists()


def test_leaders_read_assessments_without_the_form_to_create_one(client, staff):
    from django.urls import reverse

    client.force_login(staff["leadership"])
    page = client.get(reverse("backoffice:assessments")).content.decode()
    assert 'id="new-title"' not in page
    client.force_login(staff["recruiter"])
    assert 'id="new-title"' in client.get(reverse("backoffice:assessments")).content.decode()


def test_a_focus_area_import_knows_only_the_applicants_the_importer_may_change(
    drive, team, other_team, staff, campus_requisition
):
    # given a focus area's assessment spanning two teams' campus roles, each with a student at it
    from talentdrive.campus.selectors import assessment_list
    from tests.factories import seeded_area

    theirs = make_requisition(
        drive=drive, team=other_team, channel="campus", city="beijing", external_id="CAMPUS-OTHER",
        recruiters=[staff["other_recruiter"]],
    )  # fmt: skip
    shared = assessment_create(
        drive=drive, focus_area=seeded_area("llm"), name_en="LLM test", name_zh="大模型笔试",
        pass_mark=Decimal(60), actor=staff["admin"],
    )  # fmt: skip
    (mine,) = _applicants(campus_requisition, 1)
    stranger = make_application(
        requisition=theirs, candidate=make_candidate(email="elsewhere@example.edu"), stage="online_assessment"
    )
    # when our recruiter names the other team's student, by number and by email, even below the pass mark
    report = assessment_results_import(
        assessment_id=shared.pk,
        filename="r.csv",
        content=_csv("application,email,score", f"{stranger.pk},,12", ",elsewhere@example.edu,12"),
        actor=staff["recruiter"],
        dry_run=True,
    )
    # then both rows are unknown to the import, as if nobody had applied, and nothing is stored
    assert [(e.row, e.message) for e in report.errors] == [
        (2, f"no application {stranger.pk} in this assessment"),
        (3, "nobody with this email applied to a role of this assessment"),
    ]
    assert not AssessmentResult.objects.exists()
    # and the other team's results are not counted in our list
    assessment_results_import(
        assessment_id=shared.pk, filename="theirs.csv", content=_csv("email,score", "elsewhere@example.edu,12"),
        actor=staff["other_recruiter"],
    )  # fmt: skip
    assessment_results_import(
        assessment_id=shared.pk, filename="ours.csv", content=_csv("email,score", f"{mine.candidate.email},70"),
        actor=staff["recruiter"],
    )  # fmt: skip
    counted = assessment_list(user=staff["recruiter"]).get(pk=shared.pk)
    assert (counted.result_count, counted.pending_count) == (1, 0)
    assert assessment_list(user=staff["admin"]).get(pk=shared.pk).result_count == 2
