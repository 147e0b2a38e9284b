from __future__ import annotations

import pytest
from django.core.management import call_command
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from talentdrive.accounts.models import ApiToken
from talentdrive.audit.models import AuditEvent
from talentdrive.plans.models import PlanOverride, Requisition, RequisitionStatus
from tests.actors import TEST_ACTOR

from .conftest import call

ROLES = ["anonymous", "interviewer", "other_recruiter", "recruiter", "admin"]


def new_requisition(external_id="R-NEW", **extra):
    return {
        "drive": "ai-2026",
        "plan_line": "PL-SH-EXP-LLM",
        "external_id": external_id,
        "title_zh": "推理优化工程师",
        "title_en": "Inference optimisation engineer",
        **extra,
    }


@pytest.mark.parametrize(
    ("who", "expected", "visible"),
    [
        ("anonymous", 401, None),
        ("interviewer", 403, None),
        # a recruiter sees the lines of their own scope only (team glasses / team of PL-SH-EXP-LLM)
        ("other_recruiter", 200, {"PL-SH-CAM-AGT"}),
        ("recruiter", 200, {"PL-SH-EXP-LLM"}),
        ("admin", 200, {"PL-SH-EXP-LLM", "PL-SH-CAM-AGT"}),
    ],
)
def test_plan_lines_matrix(client, tokens, requisitions, who, expected, visible):
    response = call(client, tokens, who, "get", "/api/plan-lines", {"drive": "ai-2026"})
    assert response.status_code == expected, response.content
    if expected == 200:
        lines = {line["external_id"]: line for line in response.json()}
        assert set(lines) == visible
        # the open requisition counts; the draft does not until it is opened
        if "PL-SH-EXP-LLM" in lines:
            assert lines["PL-SH-EXP-LLM"]["committed"] == 1
        if "PL-SH-CAM-AGT" in lines:
            assert lines["PL-SH-CAM-AGT"] == {
                **lines["PL-SH-CAM-AGT"],
                "target": 10,
                "committed": 4,
                "team": "glasses",
            }


@pytest.mark.parametrize("who", ROLES)
def test_drives_are_public(client, tokens, requisitions, who):
    listing = call(client, tokens, who, "get", "/api/drives")
    detail = call(client, tokens, who, "get", "/api/drives/ai-2026")
    assert listing.status_code == detail.status_code == 200
    assert detail.json()["planned"] == 13
    assert call(client, tokens, who, "get", "/api/drives/nope").status_code == 404


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        ("anonymous", {"R-OPEN", "R-CAMPUS"}),
        ("interviewer", set()),
        ("other_recruiter", {"R-CAMPUS"}),
        ("recruiter", {"R-OPEN", "R-DRAFT"}),
        ("admin", {"R-OPEN", "R-DRAFT", "R-CAMPUS"}),
    ],
)
def test_requisition_list_and_detail_matrix(client, tokens, requisitions, who, visible):
    response = call(client, tokens, who, "get", "/api/requisitions")
    assert response.status_code == 200
    body = response.json()
    assert {item["external_id"] for item in body["items"]} == visible
    assert body["count"] == len(visible)
    staff_fields = [item["recruiters"] for item in body["items"]]
    assert all((value is None) == (who == "anonymous") for value in staff_fields)
    for requisition in (requisitions["open"], requisitions["draft"], requisitions["campus"]):
        detail = call(client, tokens, who, "get", f"/api/requisitions/{requisition.pk}")
        assert detail.status_code == (200 if requisition.external_id in visible else 404)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 401), ("interviewer", 403), ("other_recruiter", 403), ("recruiter", 201), ("admin", 201)],
)
def test_create_matrix(client, tokens, requisitions, staff, who, expected):
    events = AuditEvent.objects.count()
    response = call(client, tokens, who, "post", "/api/requisitions", new_requisition())
    assert response.status_code == expected, response.content
    assert Requisition.objects.filter(external_id="R-NEW").exists() == (expected == 201)
    if expected == 201:
        body = response.json()
        assert (body["status"], body["headcount"], body["plan_line"], body["cities"]) == (
            "draft",
            1,
            "PL-SH-EXP-LLM",
            ["shanghai"],
        )
        assert (
            AuditEvent.objects.get(action="requisition.create", target_id=str(body["id"])).actor == staff[who]
        )
    else:
        assert response.json()["message"]
        assert AuditEvent.objects.count() == events


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 401), ("interviewer", 403), ("other_recruiter", 404), ("recruiter", 200), ("admin", 200)],
)
def test_update_and_status_matrix(client, tokens, requisitions, who, expected):
    url = f"/api/requisitions/{requisitions['draft'].pk}"
    patched = call(client, tokens, who, "patch", url, {"title_en": "Renamed", "must_skills": ["pytorch"]})
    moved = call(client, tokens, who, "post", f"{url}/status", {"status": "open"})
    assert (patched.status_code, moved.status_code) == (expected, expected)
    requisition = Requisition.objects.get(pk=requisitions["draft"].pk)
    if expected == 200:
        assert (requisition.title_en, requisition.must_skills, requisition.status) == (
            "Renamed",
            ["pytorch"],
            "open",
        )
        assert moved.json()["status"] == "open"
    else:
        assert (requisition.title_en, requisition.status) == ("Draft role", RequisitionStatus.DRAFT)


def test_plan_limit_is_a_409_with_figures_and_writes_nothing(client, tokens, requisitions):
    # given PL-SH-EXP-LLM has target 3 and 1 committed (the draft does not count)
    events = AuditEvent.objects.count()
    response = call(
        client,
        tokens,
        "recruiter",
        "post",
        "/api/requisitions",
        new_requisition(headcount=3, status="open"),
    )
    assert response.status_code == 409
    body = response.json()
    assert {k: body[k] for k in ("code", "field", "plan_line", "target", "committed", "requested")} == {
        "code": "plan_limit_exceeded",
        "field": "headcount",
        "plan_line": "PL-SH-EXP-LLM",
        "target": 3,
        "committed": 1,
        "requested": 3,
    }
    assert not Requisition.objects.filter(external_id="R-NEW").exists()
    assert AuditEvent.objects.count() == events
    # raising an existing requisition past the target is refused the same way
    url = f"/api/requisitions/{requisitions['open'].pk}"
    assert call(client, tokens, "recruiter", "patch", url, {"headcount": 4}).status_code == 409
    assert Requisition.objects.get(pk=requisitions["open"].pk).headcount == 1


def test_only_an_administrator_may_override_the_plan(client, tokens, requisitions, staff):
    payload = new_requisition(headcount=3, status="open", override_reason="CEO approved one more")
    assert call(client, tokens, "recruiter", "post", "/api/requisitions", payload).status_code == 403
    response = call(client, tokens, "admin", "post", "/api/requisitions", payload)
    assert response.status_code == 201, response.content
    override = PlanOverride.objects.get()
    assert (override.reason, override.committed_after, override.actor) == (
        "CEO approved one more",
        4,
        staff["admin"],
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"headcount": 0}, "headcount"),
        ({"cities": ["shenzhen"]}, "cities"),
        ({"hiring_manager": "nobody"}, "hiring_manager"),
        ({"level": "wizard"}, "level"),
        ({"graduation_from": "2027-13-01"}, "graduation_from"),
        ({"plan_line": "PL-NOPE"}, "plan_line"),
        ({"external_id": "R-OPEN"}, "external_id"),
    ],
)
def test_invalid_input_is_a_400_or_409_naming_the_field(client, tokens, requisitions, payload, field):
    response = call(client, tokens, "admin", "post", "/api/requisitions", new_requisition(**payload))
    assert response.status_code in (400, 409), response.content
    assert response.json()["field"] == field
    assert not Requisition.objects.filter(external_id="R-NEW").exists()


def test_opening_a_draft_beyond_the_target_needs_an_administrators_override(
    client, tokens, requisitions, staff
):
    # a draft of 3 on a line with target 3 and 1 committed: drafts do not count until opened
    created = call(client, tokens, "admin", "post", "/api/requisitions", new_requisition(headcount=3))
    assert created.status_code == 201, created.content
    url = f"/api/requisitions/{created.json()['id']}/status"
    refused = call(client, tokens, "recruiter", "post", url, {"status": "open"})
    assert (refused.status_code, refused.json()["code"]) == (409, "plan_limit_exceeded")
    reason = {"status": "open", "override_reason": "CEO approved two more"}
    assert call(client, tokens, "recruiter", "post", url, reason).status_code == 403
    opened = call(client, tokens, "admin", "post", url, reason)
    assert opened.status_code == 200, opened.content
    assert opened.json()["status"] == "open"
    override = PlanOverride.objects.get()
    assert (override.reason, override.committed_after, override.actor) == (
        "CEO approved two more",
        4,
        staff["admin"],
    )


def test_status_change_needs_a_reason_to_pause(client, tokens, requisitions, staff):
    url = f"/api/requisitions/{requisitions['open'].pk}/status"
    refused = call(client, tokens, "recruiter", "post", url, {"status": "paused"})
    assert (refused.status_code, refused.json()["field"]) == (400, "reason")
    accepted = call(client, tokens, "recruiter", "post", url, {"status": "paused", "reason": "budget review"})
    assert accepted.status_code == 200
    event = AuditEvent.objects.get(action="requisition.status", data__to="paused")
    assert (event.reason, event.actor) == ("budget review", staff["recruiter"])
    backwards = call(client, tokens, "recruiter", "post", url, {"status": "draft"})
    assert (backwards.status_code, backwards.json()["field"]) == (400, "status")


def test_filters_and_pagination(client, tokens, requisitions):
    def ids(**query):
        body = call(client, tokens, "admin", "get", "/api/requisitions", query).json()
        return sorted(item["external_id"] for item in body["items"]), body["count"]

    assert ids(city="shanghai", channel="campus") == (["R-CAMPUS"], 1)
    assert ids(channel="experienced") == (["R-DRAFT", "R-OPEN"], 2)
    assert ids(area="agents") == (["R-CAMPUS"], 1)
    assert ids(team="core-training", status="draft") == (["R-DRAFT"], 1)
    assert ids(q="pre-training") == (["R-OPEN"], 1)
    assert ids(q="智能体") == (["R-CAMPUS"], 1)
    assert ids(drive="other") == ([], 0)
    assert ids(city="beijing") == ([], 0)
    first = call(client, tokens, "admin", "get", "/api/requisitions", {"limit": 2}).json()
    second = call(client, tokens, "admin", "get", "/api/requisitions", {"limit": 2, "offset": 2}).json()
    assert (first["count"], len(first["items"]), len(second["items"])) == (3, 2, 1)
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})
    bad = call(client, tokens, "admin", "get", "/api/requisitions", {"limit": 1000})
    assert (bad.status_code, bad.json()["field"]) == (400, "limit")


def test_public_campus_search_in_shanghai_answers_json_without_credentials(requisitions):
    response = Client().get("/api/requisitions?city=shanghai&channel=campus")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert [item["title_zh"] for item in response.json()["items"]] == ["智能体应用工程师（校招）"]


def test_session_reads_and_csrf_checked_writes(requisitions, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff["recruiter"])
    listing = client.get("/api/requisitions")
    assert listing.json()["count"] == 2
    payload = new_requisition()
    refused = client.post("/api/requisitions", payload, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["message"]
    # a browser sends the CSRF cookie's value back as the X-CSRFToken header
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    accepted = client.post(
        "/api/requisitions", payload, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 201, accepted.content


def test_wrong_or_revoked_tokens_are_refused(client, tokens, requisitions, staff):
    assert call(client, tokens, "anonymous", "get", "/api/requisitions", {}).status_code == 200
    response = client.get("/api/requisitions", HTTP_AUTHORIZATION="Bearer td_wrong")
    assert response.status_code == 401
    ApiToken.objects.filter(user=staff["admin"]).update(revoked_at="2026-01-01T00:00:00Z")
    assert call(client, tokens, "admin", "get", "/api/plan-lines").status_code == 401


def test_openapi_and_docs_load(client):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in (
        "/api/drives",
        "/api/plan-lines",
        "/api/requisitions",
        "/api/requisitions/{requisition_id}/status",
    ):
        assert path in paths
    assert client.get("/api/docs").status_code == 200


def test_token_command_prints_a_working_token_once_and_revokes_it(client, staff, requisitions, capsys):
    call_command("token", "create", "rita", "--name", "HRIS sync")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("td_")
    assert client.get("/api/plan-lines", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    call_command("token", "revoke", raw[:11])
    assert client.get("/api/plan-lines", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert not ApiToken.objects.filter(digest=raw).exists()  # only the digest is stored


def test_listing_runs_a_fixed_number_of_queries(
    client, tokens, requisitions, staff, campus_line, django_assert_max_num_queries
):
    # given many more requisitions than the fixture's three
    from talentdrive.plans.services import requisition_create

    campus_line.target = 100
    campus_line.save()
    for n in range(30):
        requisition_create(
            plan_line=campus_line,
            external_id=f"R-BULK-{n}",
            title_zh="批量",
            title_en="Bulk",
            status="open",
            recruiters=[staff["other_recruiter"]],
            actor=TEST_ACTOR,
        )
    for who, expected in (("anonymous", 32), ("admin", 33)):  # the draft is not public
        with django_assert_max_num_queries(10):
            body = call(client, tokens, who, "get", "/api/requisitions", {"limit": 50}).json()
        assert len(body["items"]) == expected


def test_plan_lines_filter_by_cell(client, tokens, requisitions):
    response = call(client, tokens, "admin", "get", "/api/plan-lines", {"channel": "campus"})
    assert [line["external_id"] for line in response.json()] == ["PL-SH-CAM-AGT"]
    response = call(client, tokens, "admin", "get", "/api/plan-lines", {"city": "beijing"})
    assert response.json() == []
