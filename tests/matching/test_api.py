from __future__ import annotations

import pytest

from talentdrive.plans.models import Requisition

from .conftest import skill


@pytest.fixture
def pool(make_candidate):
    strong = make_candidate(
        skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=5, text="vLLM CUDA 推理"
    )
    weak = make_candidate(
        skills=[skill("asr", "speech recognition", "语音识别")], degree="bachelor", years=1, text="语音识别"
    )
    return strong, weak


def _url(requisition: Requisition) -> str:
    return f"/api/matching/requisitions/{requisition.pk}/candidates"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("interviewer", 403),
        ("other_team_recruiter", 404),
        ("assigned_recruiter", 200),
        ("admin_user", 200),
    ],
)
def test_candidates_for_requisition_permission_matrix(client, request, requisition, pool, who, status):
    # given
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    # when
    response = client.get(_url(requisition))
    # then
    assert response.status_code == status, response.content
    if status == 200:
        assert [m["candidate_id"] for m in response.json()["matches"]][0] == pool[0].pk


def test_candidates_for_requisition_explains_the_top_match(client, admin_user, requisition, pool):
    client.force_login(admin_user)
    body = client.get(_url(requisition), {"k": 5}).json()
    top = body["matches"][0]
    assert top["rank"] == 1
    assert {s["skill_id"]: s["via"] for s in top["matched_must"]} == {"llm-inference": "vllm", "cuda": "cuda"}
    assert top["matched_must"][0]["mentions"] == ["vLLM"]
    assert top["missing_must"] == []
    assert {c["name"] for c in top["components"]} >= {"must", "nice", "degree", "years", "research", "text"}
    second = body["matches"][1]
    assert set(second["missing_must"]) == {"llm-inference", "cuda"}
    assert body["considered"] == 2


def test_hard_degree_rule_filters(client, admin_user, requisition, pool):
    client.force_login(admin_user)
    body = client.get(_url(requisition), {"hard": ["degree"]}).json()
    assert [m["candidate_id"] for m in body["matches"]] == [pool[0].pk]
    assert body["eligible"] == 1


def test_hard_rules_may_be_comma_separated(client, admin_user, requisition, pool):
    client.force_login(admin_user)
    body = client.get(_url(requisition), {"hard": "degree,years"}).json()
    assert [m["candidate_id"] for m in body["matches"]] == [pool[0].pk]
    assert client.get(_url(requisition), {"hard": "degree,height"}).status_code == 400


def test_a_skill_the_taxonomy_lacks_does_not_stop_ranking_requisitions(client, admin_user, requisition, pool):
    # given a name typed on the requisition that the taxonomy does not know
    Requisition.objects.filter(pk=requisition.pk).update(must_skills=["no-such-skill"])
    client.force_login(admin_user)
    # when
    body = client.get(f"/api/matching/candidates/{pool[0].pk}/requisitions").json()
    # then the requisition is still ranked for the candidate
    assert [m["requisition_id"] for m in body["matches"]] == [requisition.pk]


def test_unknown_hard_rule_is_a_400(client, admin_user, requisition, pool):
    client.force_login(admin_user)
    response = client.get(_url(requisition), {"hard": ["height"]})
    assert response.status_code == 400
    assert response.json()["field"] == "hard"


def test_a_skill_the_taxonomy_lacks_is_ranked_as_text_with_a_warning(client, admin_user, requisition, pool):
    Requisition.objects.filter(pk=requisition.pk).update(must_skills=["no-such-skill", "CUDA"])
    client.force_login(admin_user)
    response = client.get(_url(requisition))
    assert response.status_code == 200
    body = response.json()
    assert body["matches"]
    assert any("no-such-skill" in warning and "matched as text" in warning for warning in body["warnings"])


def test_requisition_without_requirements_falls_back_with_a_warning(client, admin_user, requisition, pool):
    Requisition.objects.filter(pk=requisition.pk).update(
        must_skills=[], nice_skills=[], min_degree="none", min_years=0, title_en="Engineer", title_zh="工程师",
        description_en="We hire people who care",
    )  # fmt: skip
    client.force_login(admin_user)
    body = client.get(_url(requisition)).json()
    assert any("text relevance" in warning for warning in body["warnings"])
    # Still a ranked list, not an empty one, and the warning says what the order rests on.
    assert len(body["matches"]) == 2


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("interviewer", 403), ("assigned_recruiter", 200), ("admin_user", 200)],
)
def test_requisitions_for_candidate_permission_matrix(client, request, requisition, pool, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(f"/api/matching/candidates/{pool[0].pk}/requisitions")
    assert response.status_code == status, response.content
    if status == 200:
        body = response.json()
        assert [r["requisition_id"] for r in body["matches"]] == [requisition.pk]
        assert body["candidate_id"] == pool[0].pk and body["warnings"] == [] and body["index_stale"] is False


def test_requisitions_for_candidate_hides_requisitions_out_of_scope(
    client, other_team_recruiter, requisition, pool
):
    client.force_login(other_team_recruiter)
    response = client.get(f"/api/matching/candidates/{pool[0].pk}/requisitions")
    assert response.status_code == 200
    assert response.json()["matches"] == []


def test_unknown_candidate_is_a_404(client, admin_user, pool):
    client.force_login(admin_user)
    assert client.get("/api/matching/candidates/999999/requisitions").status_code == 404


def test_requisitions_for_candidate_leaves_out_roles_already_applied_to(
    client, admin_user, requisition, pool
):
    from talentdrive.pipeline.models import Application

    Application.objects.create(candidate=pool[0], requisition=requisition, stage="rejected")
    client.force_login(admin_user)
    url = f"/api/matching/candidates/{pool[0].pk}/requisitions"
    assert client.get(url).json()["matches"] == []
    assert [r["requisition_id"] for r in client.get(url, {"include_applied": "true"}).json()["matches"]] == [
        requisition.pk
    ]


@pytest.mark.parametrize("who", ["interviewer", "other_team_recruiter"])
def test_a_refused_caller_builds_nothing(client, request, requisition, pool, who):
    from talentdrive.matching.models import IndexBuild

    client.force_login(request.getfixturevalue(who))
    assert client.get(_url(requisition)).status_code in (403, 404)
    assert not IndexBuild.objects.exists()


def test_a_big_first_build_answers_503_while_it_is_made(
    client, admin_user, requisition, pool, settings, django_capture_on_commit_callbacks
):
    from talentdrive.matching.models import IndexBuild

    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_SYNC_REBUILD_LIMIT": 1}
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.get(_url(requisition))
    assert response.status_code == 503 and response.json()["code"] == "index_building"
    assert len(callbacks) == 1 and not IndexBuild.objects.exists()
    callbacks[0]()  # the worker makes the first build
    assert client.get(_url(requisition)).status_code == 200


def test_a_stale_answer_says_so_and_asks_for_one_rebuild(
    client, admin_user, requisition, pool, make_candidate, built, django_capture_on_commit_callbacks
):
    build = built()
    newcomer = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=9)
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks() as callbacks:
        first = client.get(_url(requisition)).json()
        again = client.get(f"/api/matching/candidates/{pool[0].pk}/requisitions").json()
    assert first["index_stale"] and again["index_stale"]
    assert newcomer.pk not in [m["candidate_id"] for m in first["matches"]]
    assert len(callbacks) == 1
    build.refresh_from_db()
    assert build.refresh_requested_at is not None
    callbacks[0]()  # the task runs
    fresh = client.get(_url(requisition)).json()
    assert not fresh["index_stale"] and newcomer.pk in [m["candidate_id"] for m in fresh["matches"]]
