"""Other open roles that fit a (rejected) candidate, and inviting them to apply to one."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.models import Application, CandidateEmail
from tests.factories import make_application, make_candidate, make_requisition, make_resume, parsed_profile

pytestmark = pytest.mark.django_db

SKILLS = ["pytorch", "distributed-training"]


@pytest.fixture(autouse=True)
def match_storage(settings, tmp_path):
    """A match index of this test's own, in a temporary storage."""
    from talentdrive.matching import store

    settings.STORAGES = {
        **settings.STORAGES,
        store.STORAGE_ALIAS: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "matching")},
        },
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TALENTDRIVE_PORTAL_URL = "https://careers.example/"
    store.reset()
    yield
    store.reset()


def _role(drive, team, external_id, **extra):
    extra.setdefault("must_skills", SKILLS)
    extra.setdefault("nice_skills", [])
    return make_requisition(drive=drive, team=team, external_id=external_id, **extra)


@pytest.fixture
def roles(drive, team, other_team, staff):
    """The role the candidate was rejected for, one that fits, one closed and one out of the recruiter's
    scope (both fit as well)."""
    recruiters = [staff["recruiter"]]
    return {
        "applied": _role(drive, team, "REQ-APPLIED", recruiters=recruiters, title_en="Training engineer"),
        "fit": _role(drive, team, "REQ-FIT", recruiters=recruiters, title_en="Inference engineer"),
        "closed": _role(
            drive, team, "REQ-CLOSED", recruiters=recruiters, status="closed", title_en="Old role"
        ),
        "elsewhere": _role(drive, other_team, "REQ-ELSEWHERE", area="agents", title_en="Glasses engineer"),
    }


@pytest.fixture
def rejected(roles):
    candidate = make_candidate(full_name="Chen Jing", email="chen@example.com")
    entries = [
        {"id": s, "name": s, "mentions": [{"text": f"built with {s}", "span": [0, 1]}]} for s in SKILLS
    ]
    make_resume(candidate=candidate, profile=parsed_profile(skills=entries, degree="phd", years=6))
    return make_application(requisition=roles["applied"], candidate=candidate, stage="rejected")


def _listed(response) -> list[str]:
    return [requisition.external_id for requisition, *_ in response.context["rows"]]


def test_the_page_lists_open_roles_that_fit_and_says_why(client, staff, rejected):
    client.force_login(staff["recruiter"])
    response = client.get(reverse("backoffice:application_fits", args=[rejected.pk]))
    assert response.status_code == 200
    # not the role applied for, nor a closed one, nor one outside the recruiter's scope
    assert _listed(response) == ["REQ-FIT"]
    requisition, city, match, sentences, suggested_at = response.context["rows"][0]
    assert city.code == "shanghai" and match.score > 0 and suggested_at is None
    assert sentences[0].startswith("Meets 2 of 2 must-haves")
    page = response.content.decode()
    assert "Inference engineer" in page and "Suggest this role" in page


def test_what_is_left_out_for_the_recruiter_is_there_for_whoever_may_see_it(client, staff, rejected):
    client.force_login(staff["admin"])
    response = client.get(reverse("backoffice:application_fits", args=[rejected.pk]))
    assert sorted(_listed(response)) == ["REQ-ELSEWHERE", "REQ-FIT"]


def test_the_page_reads_in_chinese(client, staff, rejected):
    client.force_login(staff["recruiter"])
    client.cookies["django_language"] = "zh-hans"
    response = client.get(reverse("backoffice:application_fits", args=[rejected.pk]))
    page = response.content.decode()
    assert "推荐此职位" in page and "博士" in " ".join(response.context["rows"][0][3])


def test_the_query_count_does_not_grow_with_the_roles_listed(
    client, staff, drive, team, rejected, django_assert_max_num_queries
):
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:application_fits", args=[rejected.pk])
    client.get(url)  # the first build of the index
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(3):
        _role(drive, team, f"REQ-MORE-{n}", recruiters=[staff["recruiter"]])
    client.get(url)  # the index notices nothing: the candidate side is unchanged
    with CaptureQueriesContext(connection) as four:
        response = client.get(url)
    assert len(_listed(response)) == 4
    assert len(four) == len(one)


def test_suggesting_a_role_emails_the_candidate_and_is_not_repeated(
    client, staff, roles, rejected, django_capture_on_commit_callbacks
):
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:application_fits_suggest", args=[rejected.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"requisition": roles["fit"].pk}, follow=True)
    assert "invitation to apply for Inference engineer" in response.content.decode()
    assert len(mail.outbox) == 1 and f"/jobs/{roles['fit'].pk}/" in mail.outbox[0].body
    # the row now says it was suggested, with no button
    rows = response.context["rows"]
    assert rows[0][4] is not None and "Suggest this role" not in response.content.decode()
    # a second post (another tab) is refused with a sentence, and nothing more is sent
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"requisition": roles["fit"].pk}, follow=True)
    assert "already been suggested" in response.content.decode()
    assert len(mail.outbox) == 1 and CandidateEmail.objects.count() == 1
    assert not Application.objects.filter(requisition=roles["fit"]).exists()


def test_a_role_outside_the_scope_cannot_be_posted(client, staff, roles, rejected):
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:application_fits_suggest", args=[rejected.pk]),
        {"requisition": roles["elsewhere"].pk},
        follow=True,
    )
    assert "Choose a role to suggest." in response.content.decode()
    assert not CandidateEmail.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("raw", ["", "abc", "9" * 30, "٣"])
def test_a_forged_role_id_is_refused_with_a_sentence(client, staff, rejected, raw):
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:application_fits_suggest", args=[rejected.pk]), {"requisition": raw}, follow=True
    )
    assert "Choose a role to suggest." in response.content.decode()
    assert not CandidateEmail.objects.exists()


def test_an_erased_candidate_gets_a_sentence_and_no_button(client, staff, rejected):
    Candidate.objects.filter(pk=rejected.candidate_id).update(erased_at=timezone.now(), email="")
    client.force_login(staff["recruiter"])
    response = client.get(reverse("backoffice:application_fits", args=[rejected.pk]))
    page = response.content.decode()
    assert "personal data were erased" in page and "Suggest this role" not in page


def test_without_a_parsed_resume_the_page_says_so(client, staff, roles):
    application = make_application(requisition=roles["applied"], stage="rejected")
    make_resume()  # the index has someone in it
    client.force_login(staff["recruiter"])
    response = client.get(reverse("backoffice:application_fits", args=[application.pk]))
    assert response.status_code == 200 and "no parsed resume" in response.context["error"]


def test_the_application_page_points_to_other_roles_prominently_once_rejected(client, staff, roles, rejected):
    client.force_login(staff["recruiter"])
    fits = reverse("backoffice:application_fits", args=[rejected.pk])
    page = client.get(reverse("backoffice:application_detail", args=[rejected.pk])).content.decode()
    assert "This candidate may fit other open roles" in page and fits in page
    Application.objects.filter(pk=rejected.pk).update(stage="applied")
    page = client.get(reverse("backoffice:application_detail", args=[rejected.pk])).content.decode()
    assert "This candidate may fit other open roles" not in page
    assert "Other open roles that fit this candidate" in page and fits in page
