from __future__ import annotations

import pytest

from tests.factories import make_application, make_requisition

from .conftest import skill


@pytest.fixture
def pool(make_candidate):
    return make_candidate(
        skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")],
        degree="PhD",
        years=5,
        text="vLLM CUDA NeurIPS",
        publications=[{"venue": "NeurIPS", "top_venue": True}, {"venue": "ICML", "top_venue": True}],
    )


def test_ranked_list_fragment_shows_reasons(client, assigned_recruiter, requisition, pool):
    make_application(requisition=requisition, candidate=pool)
    client.force_login(assigned_recruiter)
    response = client.get(f"/staff/requisitions/{requisition.pk}/matching/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Candidate 1" in html
    assert "“vLLM”" in html  # the mention text behind the matched must-have
    assert "Talent programme" in html  # PhD with two top-venue papers


@pytest.mark.parametrize(
    ("who", "status"), [("interviewer", 403), ("other_team_recruiter", 404), ("admin_user", 200)]
)
def test_ranked_list_permissions(client, request, requisition, pool, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/staff/requisitions/{requisition.pk}/matching/").status_code == status


def test_ranked_list_requires_login(client, requisition):
    response = client.get(f"/staff/requisitions/{requisition.pk}/matching/")
    assert response.status_code == 302


def test_missing_must_haves_are_named(client, admin_user, requisition, pool, make_candidate):
    from talentdrive.taxonomy.model import load_taxonomy

    make_candidate(skills=[skill("asr", "ASR")], degree="bachelor", years=1)
    client.force_login(admin_user)
    html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    name = load_taxonomy().skills["llm-inference"].name_en
    # missing differs from matched in words and icon, not only in colour
    assert (
        f'class="chip match-missing"><span aria-hidden="true">✗</span> <span class="missing-label">missing:</span> {name}'
        in html
    )
    assert 'class="chip match-has"' in html


def test_mentions_equal_to_the_name_are_not_quoted_and_counts_are_plural_aware(
    client, admin_user, requisition, make_candidate
):
    make_candidate(
        skills=[skill("cuda", "CUDA"), skill("vllm", "vLLM")], text="CUDA vLLM",
        publications=[{"venue": "NeurIPS", "top_venue": True}],
    )  # fmt: skip
    client.force_login(admin_user)
    html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    assert "“CUDA”" not in html and "“vLLM”" in html
    assert "1 top-venue paper," in html and "0 top awards" in html


def test_ranked_list_says_when_the_first_index_is_being_built(
    client, admin_user, requisition, pool, settings, django_capture_on_commit_callbacks
):
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_SYNC_REBUILD_LIMIT": 0}
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks():
        html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    assert "being built for the first time" in html


def test_ranked_list_says_when_its_index_is_being_refreshed(
    client, admin_user, requisition, pool, make_candidate, built, django_capture_on_commit_callbacks
):
    built()
    make_candidate(skills=[skill("cuda", "CUDA")])
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks() as callbacks:
        html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    assert "The index is being refreshed" in html and len(callbacks) == 1


def test_sourcing_outside_ones_scope_ranks_everyone_but_names_only_ones_own(
    client, assigned_recruiter, admin_user, requisition, pool, make_candidate, drive, other_team
):
    # given: the pool candidate applied here; another, as strong, applied only to another team's role
    make_application(requisition=requisition, candidate=pool)
    stranger = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=5)
    make_application(
        requisition=make_requisition(drive=drive, team=other_team, external_id="X-1"), candidate=stranger
    )

    # when: the requisition's recruiter ranks the whole pool
    client.force_login(assigned_recruiter)
    html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()

    # then: both are ranked; only their own applicant is named, the other is a number, unnamed
    assert pool.full_name in html
    assert f"candidate #{stranger.pk}, not in your scope" in html
    assert stranger.full_name not in html and stranger.email not in html
    api = client.get(f"/api/matching/requisitions/{requisition.pk}/candidates").json()["matches"]
    assert {m["candidate_id"]: m["in_scope"] for m in api} == {pool.pk: True, stranger.pk: False}

    # and an administrator sees everyone
    client.force_login(admin_user)
    html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    assert pool.full_name in html and stranger.full_name in html


def test_the_requisitions_recruiter_invites_a_pool_candidate_to_apply(
    client,
    assigned_recruiter,
    requisition,
    pool,
    make_candidate,
    plan_line,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # given: one candidate applied here, another applied to a different role the recruiter can read
    make_application(requisition=requisition, candidate=pool)
    sourced = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=5)
    elsewhere = make_application(
        requisition=make_requisition(
            plan_line=plan_line, external_id="REQ-OTHER", recruiters=[assigned_recruiter]
        ),
        candidate=sourced,
    )
    client.force_login(assigned_recruiter)
    html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    assert html.count("Applied to this role") == 1 and html.count("Invite to apply") == 1
    # when: the recruiter invites the sourced candidate from the ranking
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/staff/applications/{elsewhere.pk}/fits/suggest/",
            {"requisition": requisition.pk, "back": "pool"},
        )
    # then: back to the requisition, and one invitation with this job's link went to the person
    assert response["Location"] == f"/staff/requisitions/{requisition.pk}/"
    assert [message.to for message in mailoutbox] == [[sourced.email]]
    assert f"/jobs/{requisition.pk}/" in mailoutbox[0].body


def test_skills_typed_on_the_form_as_names_in_either_language_rank(
    client, admin_user, requisition, pool, make_candidate
):
    from django.urls import reverse

    # given skills typed on the requisition form as names, Chinese and English, one the taxonomy lacks
    make_candidate(
        skills=[skill("cuda", "CUDA")], degree="master", years=3, text="CUDA kernels; Gephi graphs"
    )
    client.force_login(admin_user)
    url = reverse("backoffice:requisition_edit", args=[requisition.pk])
    form = {
        "title_zh": requisition.title_zh,
        "title_en": requisition.title_en,
        "level": requisition.level,
        "headcount": requisition.headcount,
        "must_skills": "CUDA, 分布式训练，Gephi",
        "nice_skills": "",
        "domain": "",
        "min_degree": "master",
        "min_years": 2,
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    requisition.refresh_from_db()
    assert requisition.must_skills == ["CUDA", "分布式训练", "Gephi"]
    # when the ranked list is opened, in either language
    html = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    client.cookies["django_language"] = "zh-hans"
    zh = client.get(f"/staff/requisitions/{requisition.pk}/matching/").content.decode()
    # then the names resolved through the taxonomy (shown by their names in the page's language), and
    # the one it lacks is a requirement matched as text, with a warning; nothing failed
    assert "unknown skill" not in html
    assert "missing:</span> distributed training" in html
    assert "分布式训练" in zh
    assert "Gephi" in html and "not in the skill taxonomy: matched as text" in html
