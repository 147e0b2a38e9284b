"""Every back-office view and every API operation, against every kind of visitor.

The routes come from the URL configuration and the OpenAPI document, so a new view or endpoint
without a row in the tables below fails ``test_every_route_has_a_row``. The rules themselves live in
the domains' access modules (``plans/access.py``, ``matching/access.py`` …); this test pins what
they answer, as a recruiting team would expect.

Visitors: anonymous; a candidate holding their status link (sent as a bearer token to the API and
as nothing else to the back office, which has no candidate accounts); an interviewer; a recruiter
in scope (team core-training, where R1 is); a recruiter out of scope (team glasses); the hiring
manager of R1; leadership; an administrator.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from talentdrive.accounts.services import api_token_create
from talentdrive.api.main import api
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.tokens import status_token_make
from talentdrive.interviews.models import Interview, Scorecard
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import Requisition
from talentdrive.resumes.models import ParseStatus, Resume
from tests.actors import TEST_ACTOR

VISITORS = (
    "anonymous",
    "candidate",
    "interviewer",
    "recruiter",
    "other_recruiter",
    "hiring_manager",
    "leadership",
    "admin",
)
STAFF = VISITORS[2:]

# Back office: route name -> (method, statuses in VISITORS order). 302 for a visitor who is not
# signed in means "to the login page"; after a permitted POST, 302 is the redirect to the result.
BACKOFFICE = {
    "login": ("get", [200, 200, 302, 302, 302, 302, 302, 302]),
    "logout": ("post", [302, 302, 302, 302, 302, 302, 302, 302]),
    # every staff member may turn on a second factor; the code page has nothing to ask of one without it
    "two_factor": ("get", [302, 302, 200, 200, 200, 200, 200, 200]),
    "two_factor_verify": ("get", [302, 302, 302, 302, 302, 302, 302, 302]),
    "home": ("get", [302, 302, 200, 200, 200, 200, 200, 200]),
    "progress": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "progress_csv": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "dashboard": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "dashboard_xlsx": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    # without ?table= a permitted reader is told which tables there are (400); the others never get that far
    "dashboard_csv": ("get", [302, 302, 403, 400, 400, 400, 400, 400]),
    # counts of what applicants volunteered about their group: leadership and administrators only
    "oversight": ("get", [302, 302, 403, 403, 403, 403, 200, 200]),
    "requisition_list": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "requisition_new": ("get", [302, 302, 403, 200, 200, 403, 403, 200]),
    "requisition_detail": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "requisition_edit": ("get", [302, 302, 403, 200, 404, 200, 403, 200]),
    "requisition_status": ("post", [302, 302, 403, 302, 404, 302, 403, 302]),
    "requisition_matching": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    # the scorecards side by side and batch offers: whoever reads the requisition, never an interviewer
    "requisition_calibration": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "import": ("get", [302, 302, 403, 403, 403, 403, 403, 200]),
    "import_commit": ("post", [302, 302, 403, 403, 403, 403, 403, 302]),
    "export": ("get", [302, 302, 403, 403, 403, 403, 200, 200]),
    # the workspace: applicants are seen through the requisitions a user may read; moving them is for
    # the requisition's recruiters, its hiring manager and administrators (leadership is refused with a
    # message on the same page, so its POSTs also answer with the redirect back)
    "requisition_applicants": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "requisition_applicants_bulk": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    # an interviewer opens the applications assigned to them (the matrix's interviewer interviews R1's
    # first applicant), as a reduced page without moves or contact details
    "application_detail": ("get", [302, 302, 200, 200, 404, 200, 200, 200]),
    "application_move": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "application_reject": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "application_reopen": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "application_withdraw": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "application_note": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    # the résumé file beside the profile (the matrix's application has a stored PDF)
    "application_resume": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    # candidates: search, tags, duplicates. Search is for the roles that read candidates (within their
    # applications, so the recruiter out of scope gets an empty page); duplicates and merging for
    # administrators and recruiters (an empty POST is refused with a message on the page); tags as notes
    # (leadership is told it may not, on the page)
    "candidates": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "candidate_duplicates": ("get", [302, 302, 403, 200, 200, 403, 403, 200]),
    "candidate_merge": ("post", [302, 302, 403, 302, 302, 403, 403, 302]),
    "candidate_merge_decide": ("post", [302, 302, 403, 302, 302, 403, 403, 302]),
    "application_tag_add": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "application_tag_remove": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    # other open roles that fit the application's candidate (ranking), and inviting them to apply to one
    # (refused with a message on the page for leadership, who may not move the application)
    "application_fits": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "application_fits_suggest": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    # interviews: scheduling, moving and cancelling from the application page for whoever may move the
    # application (the matrix's empty form, and leadership, are refused with a message on the page);
    # the scorecard form for anyone who reads the interview (only an assigned interviewer may submit);
    # the scorecards side by side for the roles that read the application in full
    "interview_schedule": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "interview_reschedule": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "interview_cancel": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    # offering times for the candidate to choose, and withdrawing them: as scheduling
    "interview_slots_offer": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "interview_slots_withdraw": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "scorecard_form": ("get", [302, 302, 200, 200, 404, 200, 200, 200]),
    "application_scorecards": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    # offers: drafting is for R1's recruiter, its hiring manager and administrators; the offer buttons
    # answer a refusal with a message on the application page (302), so only reading them is gated; the
    # offer is pending at its hiring manager's step; "my approvals" is for the roles that approve
    "application_offer_new": ("get", [302, 302, 403, 200, 404, 200, 403, 200]),
    "offer_submit": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "offer_approve": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "offer_send": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "offer_rescind": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "offer_letter": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "my_approvals": ("get", [302, 302, 403, 403, 403, 200, 200, 200]),
    # campus: online assessments for recruiters, hiring managers and (reading) leadership (R1's assessment
    # is read by those who read R1); importing and deciding answer a refusal with a message on the page (302)
    "assessments": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "assessment_detail": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "assessment_commit": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    "assessment_result_decide": ("post", [302, 302, 403, 302, 404, 302, 302, 302]),
    # campus talks: recruiters (whatever their scope: a talk is a school's, not a team's) and administrators;
    # leadership reads the list with its counts
    "talks": ("get", [302, 302, 403, 200, 200, 403, 200, 200]),
    "talk_detail": ("get", [302, 302, 403, 200, 200, 403, 403, 200]),
    "talk_check_in": ("post", [302, 302, 403, 200, 200, 403, 403, 200]),
    "talk_export": ("get", [302, 302, 403, 200, 200, 403, 403, 200]),
    # interview days: read by leadership and administrators, and by recruiters and hiring managers who read
    # every requisition of the day (R1's day is "not found" for the recruiter out of scope, whose list is
    # empty); changed by administrators and recruiters who may change every requisition of the day (in the
    # services, below in the API rows)
    "interview_days": ("get", [302, 302, 403, 200, 200, 200, 200, 200]),
    "interview_day_detail": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
    "interview_day_print": ("get", [302, 302, 403, 200, 404, 200, 200, 200]),
}
ROUTE_ARGUMENTS = {
    "requisition_detail",
    "requisition_edit",
    "requisition_status",
    "requisition_matching",
    "requisition_calibration",
    "requisition_applicants",
    "requisition_applicants_bulk",
}
APPLICATION_ROUTES = {
    "application_detail",
    "application_move",
    "application_reject",
    "application_reopen",
    "application_withdraw",
    "application_note",
    "application_resume",
    "application_tag_add",
    "application_tag_remove",
    "application_fits",
    "application_fits_suggest",
    "interview_schedule",
    "interview_slots_offer",
    "application_scorecards",
    "application_offer_new",  # offers
}
INTERVIEW_ROUTES = {"interview_reschedule", "interview_cancel", "scorecard_form"}
ASSESSMENT_ROUTES = {"assessment_detail", "assessment_commit"}
TALK_ROUTES = {"talk_detail", "talk_check_in", "talk_export"}
DAY_ROUTES = {"interview_day_detail", "interview_day_print"}
OFFER_ROUTES = {"offer_submit", "offer_approve", "offer_send", "offer_rescind", "offer_letter"}  # offers

# API: (method, OpenAPI path) -> statuses in VISITORS order.
PUBLIC = [200] * len(VISITORS)
API = {
    ("get", "/api/drives"): PUBLIC,
    ("get", "/api/drives/{code}"): PUBLIC,
    ("get", "/api/plan-lines"): [401, 401, 403, 200, 200, 200, 200, 200],
    # the pipeline page's figures, for whoever reads the plan (each for the plan lines they see)
    ("get", "/api/insights/pipeline"): [401, 401, 403, 200, 200, 200, 200, 200],
    # the screening oversight counts volunteered group data: leadership and administrators only
    ("get", "/api/insights/oversight"): [401, 401, 403, 403, 403, 403, 200, 200],
    ("get", "/api/insights/oversight/{requisition_id}"): [401, 401, 403, 403, 403, 403, 200, 200],
    # open requisitions are public; staff see theirs (an interviewer none, so R1 is "not found")
    ("get", "/api/requisitions"): [200, 401, 200, 200, 200, 200, 200, 200],
    ("get", "/api/requisitions/{requisition_id}"): [200, 401, 404, 200, 404, 200, 200, 200],
    ("post", "/api/requisitions"): [401, 401, 403, 201, 403, 403, 403, 201],
    ("patch", "/api/requisitions/{requisition_id}"): [401, 401, 403, 200, 404, 200, 403, 200],
    ("post", "/api/requisitions/{requisition_id}/status"): [401, 401, 403, 200, 404, 200, 403, 200],
    ("get", "/api/public/requisitions"): PUBLIC,
    ("get", "/api/public/requisitions/{requisition_id}"): PUBLIC,
    # no sign-in gate: an empty body is refused for what it lacks, whoever sends it
    ("post", "/api/public/requisitions/{requisition_id}/apply"): [400] * len(VISITORS),
    ("get", "/api/matching/requisitions/{requisition_id}/candidates"): [
        401,
        401,
        403,
        200,
        404,
        200,
        200,
        200,
    ],
    ("get", "/api/matching/candidates/{candidate_id}/requisitions"): [401, 401, 403, 200, 200, 200, 200, 200],
    # applications API: read through the requisitions a user may read (an interviewer none until interviews
    # assign them, refused as in the back office); changing the stage is for R1's recruiter, its hiring
    # manager and administrators, and leadership, who may read it, is refused (403) rather than "not found"
    ("get", "/api/applications"): [401, 401, 403, 200, 200, 200, 200, 200],
    ("get", "/api/applications/{application_id}"): [401, 401, 403, 200, 404, 200, 200, 200],
    ("post", "/api/applications/{application_id}/move"): [401, 401, 403, 200, 404, 200, 403, 200],
    ("post", "/api/applications/{application_id}/reject"): [401, 401, 403, 200, 404, 200, 403, 200],
    ("post", "/api/applications/{application_id}/reopen"): [401, 401, 403, 200, 404, 200, 403, 200],
    ("post", "/api/applications/{application_id}/withdraw"): [401, 401, 403, 200, 404, 200, 403, 200],
    ("get", "/api/applications/{application_id}/notes"): [401, 401, 403, 200, 404, 200, 200, 200],
    # a note is not a stage change: whoever may read the application may add one, as in the back office
    ("post", "/api/applications/{application_id}/notes"): [401, 401, 403, 201, 404, 201, 201, 201],
    ("get", "/api/candidates/{candidate_id}"): [401, 401, 403, 200, 404, 200, 200, 200],
    ("get", "/api/rejection-reasons"): [401, 401, 200, 200, 200, 200, 200, 200],
    # interviews and scorecards: the interviewer reads the interview assigned to them and their own
    # scorecard; the others read through the applications they may read
    ("get", "/api/interviews"): [401, 401, 200, 200, 200, 200, 200, 200],
    ("get", "/api/interviews/{interview_id}"): [401, 401, 200, 200, 404, 200, 200, 200],
    ("get", "/api/scorecards"): [401, 401, 200, 200, 200, 200, 200, 200],
    ("get", "/api/scorecards/{scorecard_id}"): [401, 401, 200, 200, 404, 200, 200, 200],
    # offers: read as their applications; approving is for the current step's approver (R1's hiring
    # manager: an administrator stands in only when a requisition has none), sending for whoever drafts
    ("get", "/api/offers"): [401, 401, 403, 200, 200, 200, 200, 200],
    ("get", "/api/offers/{offer_id}"): [401, 401, 403, 200, 404, 200, 200, 200],
    ("post", "/api/offers/{offer_id}/approve"): [401, 401, 403, 403, 404, 200, 403, 403],
    ("post", "/api/offers/{offer_id}/send"): [401, 401, 403, 200, 404, 200, 403, 200],
    # calibration: whoever reads the requisition; batch offers: whoever may draft them (leaders read only)
    ("get", "/api/requisitions/{requisition_id}/calibration"): [401, 401, 403, 200, 404, 200, 200, 200],
    ("post", "/api/requisitions/{requisition_id}/offers/batch"): [401, 401, 403, 201, 404, 201, 403, 201],
    # campus: assessments as in the back office; a results file without rows is refused as a whole (422)
    ("get", "/api/assessments"): [401, 401, 403, 200, 200, 200, 200, 200],
    ("post", "/api/assessments/{assessment_id}/results"): [401, 401, 403, 422, 404, 422, 403, 422],
    ("get", "/api/public/campus-talks"): PUBLIC,
    ("post", "/api/public/campus-talks/{talk_id}/registrations"): [202] * len(VISITORS),
    ("get", "/api/campus-talks"): [401, 401, 403, 200, 200, 403, 403, 200],
    ("get", "/api/campus-talks/{talk_id}/registrations"): [401, 401, 403, 200, 200, 403, 403, 200],
    ("post", "/api/campus-talks/{talk_id}/check-in"): [401, 401, 403, 200, 200, 403, 403, 200],
    ("get", "/api/campus-talks/{talk_id}/attendance"): [401, 401, 403, 200, 200, 403, 403, 200],
    # interview days: read as in the back office (R1's day is "not found" out of scope)
    ("get", "/api/interview-days"): [401, 401, 403, 200, 200, 200, 200, 200],
    ("get", "/api/interview-days/{day_id}/plan"): [401, 401, 403, 200, 404, 200, 200, 200],
    # planning a day without interviewers answers 200 with nothing saved; the others find nothing to
    # book, nobody to drop and no interview to move (409) once the caller may change the day; R1's hiring
    # manager and leadership read the day but may not change it (403)
    ("post", "/api/interview-days/{day_id}/plan"): [401, 401, 403, 200, 404, 403, 403, 200],
    ("post", "/api/interview-days/{day_id}/book"): [401, 401, 403, 409, 404, 403, 403, 409],
    ("post", "/api/interview-days/{day_id}/replan"): [401, 401, 403, 409, 404, 403, 403, 409],
    ("post", "/api/interview-days/{day_id}/move"): [401, 401, 403, 409, 404, 403, 403, 409],
}
# The body of each applications API write that a permitted visitor's call succeeds with, on R1's
# application at technical_1 (version 0); reopening first closes it.
APPLICATION_BODIES = {
    "move": {"to_stage": "technical_2", "expected_version": 0},
    "reject": {"reason": "skills", "expected_version": 0},
    "reopen": {"expected_version": 0},
    "withdraw": {"note": "by phone", "expected_version": 0},
    "notes": {"body": "seen at the matrix"},
}


def _backoffice_routes() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace == "backoffice" and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def _api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(method, path) for path, operations in schema["paths"].items() for method in operations}


def test_every_route_has_a_row():
    assert _backoffice_routes() == set(BACKOFFICE), "a back-office view without a row in BACKOFFICE"
    assert _api_operations() == set(API), "an API operation without a row in API"


@pytest.fixture
def world(progress_plan, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "resumes" / "00").mkdir(parents=True)
    (tmp_path / "media" / "resumes" / "00" / "matrix").write_bytes(b"LLM PyTorch")
    world = progress_plan
    # Ranking needs a requisition in taxonomy ids and a candidate with a parsed profile.
    Requisition.objects.filter(pk=world.requisitions["R1"].pk).update(must_skills=["llm", "pytorch"])
    candidate = Candidate.objects.filter(applications__requisition=world.requisitions["R1"]).first()
    resume = Resume.objects.create(
        candidate=candidate,
        file="resumes/00/matrix",
        original_name="resume.txt",
        sha256="0" * 64,
        size=100,
        parse_status=ParseStatus.PARSED,
        parsed_at=timezone.now(),
        text="LLM PyTorch",
        profile={
            "skills": [{"id": "llm", "name": "LLM", "mentions": [{"text": "LLM", "span": [0, 3]}]}],
            "education": [{"degree": "master", "school": "Zhejiang University", "end": "2020"}],
            "years_experience": 3,
            "domains": [],
            "publications": [],
            "awards": [],
        },
    )
    # the application the workspace routes open carries a stored résumé file
    application = world.requisitions["R1"].applications.order_by("pk").first()
    if application.candidate_id != candidate.pk:
        resume.pk, resume.candidate, resume.sha256 = None, application.candidate, "1" * 64
        resume.save()
    application.resume = resume
    application.save(update_fields=["resume"])
    # the interviewer interviewed that applicant an hour ago and handed in a scorecard
    interview = Interview.objects.create(
        application=application,
        stage_code="technical_1",
        starts_at=timezone.now() - dt.timedelta(hours=2),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    interview.interviewers.set([world.users["interviewer"]])
    Scorecard.objects.create(
        interview=interview,
        interviewer=world.users["interviewer"],
        ratings={"coding": {"rating": 3, "notes": ""}},
        recommendation="yes",
        submitted_at=timezone.now(),
    )
    return world


def _matrix_offer(world, *, approved: bool = False):
    """An offer for R1's application at technical_1, pending at its hiring manager's step; ``approved``:
    through the chain, with the application at the HR interview so sending may move it to the offer."""
    from talentdrive.offers.services import (
        offer_approve,
        offer_draft,
        offer_submit,
        requisition_offer_commitment,
    )
    from talentdrive.plans.models import Requisition

    application = world.requisitions["R1"].applications.get(stage="technical_1")
    # Room on R1 for one more offer (the world's hires may already cover its headcount).
    covered = requisition_offer_commitment(requisition=world.requisitions["R1"])
    Requisition.objects.filter(pk=world.requisitions["R1"].pk).update(headcount=covered + 1)
    today = timezone.localdate()
    offer = offer_draft(
        application_id=application.pk,
        level="engineer",
        salary=400_000,
        start_date=today + dt.timedelta(days=60),
        city=world.requisitions["R1"].plan_line.city,
        expires_on=today + dt.timedelta(days=14),
        actor=TEST_ACTOR,
    )
    offer_submit(offer_id=offer.pk, actor=TEST_ACTOR)
    if approved:
        offer_approve(offer_id=offer.pk, actor=TEST_ACTOR)
        offer_approve(offer_id=offer.pk, actor=TEST_ACTOR)
        Application.objects.filter(pk=application.pk).update(stage="hr_interview")
    return offer


def _matrix_slot_offer(world):
    """Times offered for R1's application at technical_1 (written directly: the matrix is about who
    reaches the withdrawal, not about calendars)."""
    from talentdrive.interviews.models import SlotOffer

    application = world.requisitions["R1"].applications.get(stage="technical_1")
    start = timezone.now() + dt.timedelta(days=3)
    return SlotOffer.objects.create(
        application=application, stage_code="technical_1", starts=[start.isoformat()], duration_minutes=60
    )


def _matrix_assessment(world):
    """An assessment of R1 (written directly: the matrix is about who reaches it)."""
    from talentdrive.campus.models import Assessment

    return Assessment.objects.create(
        drive=world.drive, requisition=world.requisitions["R1"], name_en="Test", name_zh="笔试", pass_mark=60
    )


def _matrix_assessment_result(world):
    from talentdrive.campus.models import AssessmentImport, AssessmentResult

    assessment = _matrix_assessment(world)
    application = world.requisitions["R1"].applications.order_by("pk").first()
    source = AssessmentImport.objects.create(assessment=assessment, filename="r.csv", sha256="0" * 64)
    return AssessmentResult.objects.create(
        assessment=assessment,
        application=application,
        source=source,
        score=10,
        passed=False,
        status="pending",
    )


def _matrix_talk(world):
    """A campus talk with one registration (through the services: the matrix checks in its ticket)."""
    from talentdrive.audit.actors import PUBLIC
    from talentdrive.campus.talks import talk_create, talk_register
    from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION

    start = timezone.now() + dt.timedelta(days=2)
    talk = talk_create(
        drive=world.drive,
        city=world.requisitions["R1"].plan_line.city,
        school="Fudan University",
        title_en="Campus talk",
        title_zh="宣讲会",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        venue="Hall 1",
        capacity=100,
        language="zh-hans",
        actor=world.users["admin"],
    )
    talk_register(
        talk_id=talk.pk,
        full_name="Wang Fang",
        email="wang.fang@example.edu",
        school="Fudan University",
        graduation_year=timezone.localdate().year + 1,
        consent_version=CURRENT_CONSENT_VERSION,
        language="zh-hans",
        ticket_base_url="http://testserver/",
        actor=PUBLIC,
    )
    return talk


def _matrix_day(world):
    """An interview day of R1 without interviewers (written directly: the matrix is about who reaches it)."""
    from talentdrive.campus.models import InterviewDay, InterviewDayRoom

    day = InterviewDay.objects.create(
        drive=world.drive,
        city=world.requisitions["R1"].plan_line.city,
        name="Matrix day",
        dates=[(timezone.localdate() + dt.timedelta(days=10)).isoformat()],
        stage_codes=["technical_1", "technical_2"],
    )
    day.requisitions.set([world.requisitions["R1"]])
    InterviewDayRoom.objects.create(day=day, name="Room 1", capacity=2)
    return day


def _matrix_talk_code() -> str:
    from talentdrive.campus.models import TalkRegistration

    return TalkRegistration.objects.get(email="wang.fang@example.edu").ticket_code


def _candidate_token(world) -> str:
    return status_token_make(candidate=Candidate.objects.filter(applications__isnull=False).first())


def _sign_in(client, world, visitor: str) -> None:
    if visitor in STAFF:
        client.force_login(world.users[visitor])


@pytest.mark.parametrize(
    ("route", "visitor", "expected"),
    [
        pytest.param(route, visitor, statuses[index], id=f"{route}-{visitor}")
        for route, (_, statuses) in BACKOFFICE.items()
        for index, visitor in enumerate(VISITORS)
    ],
)
def test_backoffice(client, world, route, visitor, expected):
    # given
    method, _ = BACKOFFICE[route]
    _sign_in(client, world, visitor)
    if visitor == "candidate":
        # the candidate has just used their status link on the portal, in the same browser
        client.get(reverse("portal:status", kwargs={"token": _candidate_token(world)}))
    args = [world.requisitions["R1"].pk] if route in ROUTE_ARGUMENTS else []
    if route in APPLICATION_ROUTES:
        args = [world.requisitions["R1"].applications.order_by("pk").first().pk]
    if route in INTERVIEW_ROUTES:
        args = [Interview.objects.get().pk]
    if route in OFFER_ROUTES:
        args = [_matrix_offer(world).pk]
    if route == "interview_slots_withdraw":
        args = [_matrix_slot_offer(world).pk]
    if route in ASSESSMENT_ROUTES:
        args = [_matrix_assessment(world).pk]
    if route == "assessment_result_decide":
        args = [_matrix_assessment_result(world).pk]
    if route in TALK_ROUTES:
        args = [_matrix_talk(world).pk]
    if route in DAY_ROUTES:
        args = [_matrix_day(world).pk]
    url = reverse(f"backoffice:{route}", args=args)
    # when
    if route == "talk_check_in":
        response = client.post(url, {"code": _matrix_talk_code()})
    elif method == "post":
        response = client.post(url, {"status": "paused", "reason": "budget review"})
    else:
        response = client.get(url)
    # then
    assert response.status_code == expected
    if expected == 302 and visitor in ("anonymous", "candidate") and route != "logout":
        assert response["Location"].startswith(reverse("backoffice:login"))


def _api_request(client, world, method: str, path: str, headers: dict[str, str]):
    requisition = world.requisitions["R1"]
    candidate = Candidate.objects.filter(applications__requisition=requisition).first()
    application = requisition.applications.get(stage="technical_1")
    url = (
        path.replace("{code}", world.drive.code)
        .replace("{requisition_id}", str(requisition.pk))
        .replace("{candidate_id}", str(candidate.pk))
        .replace("{application_id}", str(application.pk))
        .replace("{interview_id}", str(Interview.objects.get().pk))
        .replace("{scorecard_id}", str(Scorecard.objects.get().pk))
    )
    if "{assessment_id}" in path:
        url = url.replace("{assessment_id}", str(_matrix_assessment(world).pk))
        upload = SimpleUploadedFile("results.csv", b"email,score\n", content_type="text/csv")
        return client.post(url, {"file": upload}, headers=headers)
    if "{day_id}" in path:
        url = url.replace("{day_id}", str(_matrix_day(world).pk))
        bodies = {
            "plan": {"time_limit": 1},
            "book": {},
            "replan": {"interviewer_id": 0},
            "move": {
                "assignment_id": 0,
                "starts_at": timezone.now().isoformat(),
                "interviewer_id": 0,
                "room_id": 0,
            },
        }
        if method == "post":
            body = bodies[path.rsplit("/", 1)[-1]]
            return client.post(url, body, content_type="application/json", headers=headers)
        return client.get(url, headers=headers)
    if "{talk_id}" in path:
        url = url.replace("{talk_id}", str(_matrix_talk(world).pk))
        if path.endswith("/registrations") and method == "post":
            body = {
                "full_name": "Li Lei",
                "email": "li.lei@example.edu",
                "school": "Fudan University",
                "graduation_year": timezone.localdate().year + 1,
                "consent_version": "2026-09",
            }
            return client.post(url, body, content_type="application/json", headers=headers)
        if path.endswith("/check-in"):
            body = {"code": _matrix_talk_code()}
            return client.post(url, body, content_type="application/json", headers=headers)
        return client.get(url, headers=headers)
    if "{offer_id}" in path:
        offer = _matrix_offer(world, approved=path.endswith("/send"))
        url = url.replace("{offer_id}", str(offer.pk))
        if method == "post":
            return client.post(url, {}, content_type="application/json", headers=headers)
        return client.get(url, headers=headers)
    if path.endswith("/offers/batch"):
        from talentdrive.offers.services import requisition_offer_commitment

        # the applicant at technical_1, interviewed yesterday (a row of the calibration), with room on R1
        interviewed = application
        Interview.objects.create(
            application=application,
            stage_code="technical_1",
            starts_at=timezone.now() - dt.timedelta(days=1),
            ends_at=timezone.now() - dt.timedelta(days=1, hours=-1),
        ).interviewers.set([world.users["interviewer"]])
        covered = requisition_offer_commitment(requisition=requisition)
        type(requisition).objects.filter(pk=requisition.pk).update(headcount=covered + 1)
        today = timezone.localdate()
        body = {
            "application_ids": [interviewed.pk],
            "level": application.requisition.level,
            "salary": 600_000,
            "start_date": (today + dt.timedelta(days=60)).isoformat(),
            "city": requisition.plan_line.city.code,
            "expires_on": (today + dt.timedelta(days=14)).isoformat(),
        }
        return client.post(url, body, content_type="application/json", headers=headers)
    if method == "post" and "{application_id}" in path:
        action = path.rsplit("/", 1)[-1]
        if action == "reopen":
            Application.objects.filter(pk=application.pk).update(stage="rejected")
        return client.post(url, APPLICATION_BODIES[action], content_type="application/json", headers=headers)
    if (method, path) == ("post", "/api/requisitions"):
        body = {
            "drive": world.drive.code,
            "plan_line": "L1",
            "external_id": "R-MATRIX",
            "title_zh": "推理工程师",
            "title_en": "Inference engineer",
            "headcount": 1,
        }
        return client.post(url, body, content_type="application/json", headers=headers)
    if method == "patch":
        return client.patch(
            url, {"title_en": "Role R1, renamed"}, content_type="application/json", headers=headers
        )
    if path.endswith("/status"):
        body = {"status": "paused", "reason": "budget review"}
        return client.post(url, body, content_type="application/json", headers=headers)
    if method == "post":
        return client.post(url, {}, headers=headers)
    return client.get(url, headers=headers)


@pytest.mark.parametrize(
    ("operation", "visitor", "expected"),
    [
        pytest.param(operation, visitor, statuses[index], id=f"{operation[0]} {operation[1]}-{visitor}")
        for operation, statuses in API.items()
        for index, visitor in enumerate(VISITORS)
    ],
)
def test_api(client, world, operation, visitor, expected):
    # given: staff call with their API token, the candidate with their status link as a bearer token
    headers: dict[str, str] = {}
    if visitor in STAFF:
        _, raw = api_token_create(user=world.users[visitor], name="matrix", actor=TEST_ACTOR)
        headers["Authorization"] = f"Bearer {raw}"
    elif visitor == "candidate":
        headers["Authorization"] = f"Bearer {_candidate_token(world)}"
    # when
    response = _api_request(client, world, *operation, headers)
    # then
    assert response.status_code == expected, response.content[:300]
