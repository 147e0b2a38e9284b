"""The applications API: scope per role, filters and pages, stage changes with their refusals, notes,
candidates (erased ones too), and bad input named by its field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from talentdrive.api.applications import MOVE_REFUSALS
from talentdrive.api.main import api
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.pipeline.errors import MoveRefused
from talentdrive.pipeline.models import Application, Note, RejectionReason, StageChange, StageDefinition
from talentdrive.pipeline.moves import application_reject
from talentdrive.pipeline.services import candidate_erase
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_candidate, make_requisition, make_resume, parsed_profile

ROLES = ["anonymous", "interviewer", "recruiter", "other_recruiter", "hiring_manager", "leadership", "admin"]


@pytest.fixture
def world(drive, team, other_team, staff):
    """R-A (experienced, ``team``, managed by the hiring manager, in the recruiter's scope) with Li Lei
    (applied, from the portal) and Han Meimei (technical_1, a referral); R-B (campus, ``other_team``, the
    other recruiter's) with Li Lei again."""
    req_a = make_requisition(
        drive=drive, team=team, external_id="R-A", hiring_manager=staff["hiring_manager"]
    )
    req_b = make_requisition(drive=drive, team=other_team, channel="campus", area="agents", external_id="R-B")
    li = make_candidate(email="li.lei@example.com", full_name="Li Lei", phone="+8613800138000")
    han = make_candidate(email="han@example.com", full_name="Han Meimei")
    make_resume(candidate=li, profile=parsed_profile(skills=[{"id": "pytorch", "name": "PyTorch"}]))
    return {
        "req_a": req_a,
        "req_b": req_b,
        "li": li,
        "han": han,
        "a1": make_application(requisition=req_a, candidate=li, source="portal"),
        "a2": make_application(requisition=req_a, candidate=han, stage="technical_1", source="referral"),
        "b1": make_application(requisition=req_b, candidate=li, source="portal"),
    }


def get(client, tokens, who, url, data=None, **extra):
    if who != "anonymous":
        extra["HTTP_AUTHORIZATION"] = f"Bearer {tokens[who]}"
    return client.get(url, data or {}, **extra)


def post(client, tokens, who, url, body, **extra):
    if who != "anonymous":
        extra["HTTP_AUTHORIZATION"] = f"Bearer {tokens[who]}"
    return client.post(url, body, content_type="application/json", **extra)


# --- scope ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected", "visible"),
    [
        ("anonymous", 401, None),
        # interviewers see only the applications they are assigned to, and nothing assigns them yet
        ("interviewer", 403, None),
        ("recruiter", 200, {"a1", "a2"}),
        ("other_recruiter", 200, {"b1"}),
        ("hiring_manager", 200, {"a1", "a2"}),
        ("leadership", 200, {"a1", "a2", "b1"}),
        ("admin", 200, {"a1", "a2", "b1"}),
    ],
)
def test_list_and_detail_show_only_what_the_role_may_read(client, tokens, world, who, expected, visible):
    # when
    response = get(client, tokens, who, "/api/applications")
    # then
    assert response.status_code == expected, response.content
    if expected != 200:
        assert response.json()["code"] in ("unauthenticated", "forbidden")
        return
    ids = {key: world[key].pk for key in ("a1", "a2", "b1")}
    assert {item["id"] for item in response.json()["items"]} == {ids[key] for key in visible}
    assert response.json()["count"] == len(visible)
    for key, pk in ids.items():
        detail = get(client, tokens, who, f"/api/applications/{pk}")
        assert detail.status_code == (200 if key in visible else 404)
        notes = get(client, tokens, who, f"/api/applications/{pk}/notes")
        assert notes.status_code == (200 if key in visible else 404)


def test_detail_shows_stage_transitions_version_requisition_and_timeline(client, tokens, world, staff):
    # given: a move with a note, a note on the application and one on the person
    a1 = world["a1"]
    post(client, tokens, "recruiter", f"/api/applications/{a1.pk}/move",
         {"to_stage": "resume_screen", "expected_version": 0, "note": "strong CV"})  # fmt: skip
    post(client, tokens, "recruiter", f"/api/applications/{a1.pk}/notes", {"body": "call on Monday @hana"})
    Note.objects.create(candidate=world["li"], author=staff["admin"], body="about the person")
    # when
    body = get(client, tokens, "hiring_manager", f"/api/applications/{a1.pk}").json()
    # then
    assert body["stage"] == {
        "code": "resume_screen",
        "name": "Résumé screen",
        "name_en": "Résumé screen",
        "name_zh": "简历筛选",
        "kind": "review",
    }
    assert (body["version"], body["candidate_id"], body["can_move"]) == (1, world["li"].pk, True)
    assert [stage["code"] for stage in body["transitions"]] == ["technical_1"]
    assert body["requisition"]["external_id"] == "R-A" and body["requisition"]["channel"] == "experienced"
    timeline = [(entry["kind"], entry["actor"], entry["note"]) for entry in body["timeline"]]
    assert timeline == [
        ("applied", "", ""),
        ("stage", "rita", "strong CV"),
        ("note", "rita", "call on Monday @hana"),
        ("note", "ada", "about the person"),
    ]
    assert body["timeline"][1]["to_stage"]["code"] == "resume_screen"
    # the same person's application on R-B is not this application's history
    assert all(entry["application_id"] in (a1.pk, None) for entry in body["timeline"])


def test_stage_names_follow_the_request_language(client, tokens, world):
    body = get(client, tokens, "admin", f"/api/applications/{world['a2'].pk}", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert body.json()["stage"]["name"] == "技术一面"
    reasons = get(client, tokens, "admin", "/api/rejection-reasons", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert {"code": "skills", "name": "技能与职位要求不匹配"}.items() <= reasons[0].items()


def test_leadership_reads_but_is_offered_no_transitions(client, tokens, world):
    body = get(client, tokens, "leadership", f"/api/applications/{world['a1'].pk}").json()
    assert (body["can_move"], body["transitions"]) == (False, [])


# --- filters and pages ---------------------------------------------------------------------------


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_filters(client, tokens, world):
    a1, a2, b1 = world["a1"], world["a2"], world["b1"]
    Application.objects.filter(pk=a1.pk).update(stage_changed_at=timezone.now() - dt.timedelta(days=3))
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()

    def ids(**query):
        return set(_ids(get(client, tokens, "admin", "/api/applications", query)))

    assert ids(requisition=world["req_a"].pk) == {a1.pk, a2.pk}
    assert ids(stage="technical_1") == {a2.pk}
    assert ids(source="referral") == {a2.pk}
    assert ids(candidate=world["li"].pk) == {a1.pk, b1.pk}
    assert ids(updated_since=since) == {a2.pk, b1.pk}
    assert ids(q="han") == {a2.pk}
    assert ids(q="li.lei@example") == {a1.pk, b1.pk}
    assert ids(requisition=world["req_a"].pk, stage="applied") == {a1.pk}


def test_ordering_and_pagination(client, tokens, world):
    listed = _ids(get(client, tokens, "admin", "/api/applications", {"ordering": "id"}))
    assert listed == sorted(listed)
    assert _ids(get(client, tokens, "admin", "/api/applications", {"ordering": "-id"})) == listed[::-1]
    page = get(
        client, tokens, "admin", "/api/applications", {"ordering": "id", "limit": 2, "offset": 1}
    ).json()
    assert (page["count"], page["limit"], page["offset"]) == (3, 2, 1)
    assert [item["id"] for item in page["items"]] == listed[1:]
    beyond = get(client, tokens, "admin", "/api/applications", {"offset": 1_000_000}).json()
    assert (beyond["count"], beyond["items"]) == (3, [])


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 1_000_001}, "offset"),
        ({"requisition": "abc"}, "requisition"),
        ({"candidate": "9" * 30}, "candidate"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"ordering": "candidate__email"}, "ordering"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_list_parameters_are_named(client, tokens, world, query, field):
    response = get(client, tokens, "admin", "/api/applications", query)
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == ("invalid", field)


def test_listing_does_not_query_per_row(client, tokens, drive, team, world, django_assert_max_num_queries):
    # given: a drive with a flow of its own for one channel, and applications across requisitions
    StageDefinition.objects.create(
        drive=drive,
        channel="campus",
        code="applied",
        kind="received",
        position=0,
        name_en="In",
        name_zh="收到",
    )
    for number in range(12):
        channel = "campus" if number % 2 else "experienced"
        requisition = make_requisition(drive=drive, team=team, channel=channel, external_id=f"R-{number}")
        make_application(requisition=requisition)

    def queries(limit):
        with CaptureQueriesContext(connection) as captured:
            assert len(_ids(get(client, tokens, "recruiter", "/api/applications", {"limit": limit}))) == limit
        return len(captured)

    # then: one page of 2 and one of 14 cost the same: the token, the recruiter's scope (teams, cities),
    # the count, the page with its candidates and requisitions, and the flows (stages, extra moves)
    assert queries(2) == queries(14)
    with django_assert_max_num_queries(8):
        page = get(client, tokens, "recruiter", "/api/applications", {"limit": 14}).json()
    names = {(item["requisition"]["channel"], item["stage"]["name"]) for item in page["items"]}
    assert names == {("campus", "In"), ("experienced", "Applied"), ("experienced", "Technical interview 1")}


# --- stage changes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 401),
        ("interviewer", 403),
        ("other_recruiter", 404),
        ("leadership", 403),
        ("recruiter", 200),
        ("hiring_manager", 200),
        ("admin", 200),
    ],
)
def test_who_may_move(client, tokens, world, staff, who, expected):
    # given
    a1 = world["a1"]
    events = AuditEvent.objects.count()
    # when
    response = post(client, tokens, who, f"/api/applications/{a1.pk}/move",
                    {"to_stage": "resume_screen", "expected_version": 0})  # fmt: skip
    # then
    assert response.status_code == expected, response.content
    a1.refresh_from_db()
    if expected == 200:
        assert (response.json()["stage"]["code"], response.json()["version"]) == ("resume_screen", 1)
        assert StageChange.objects.get(application=a1).actor == staff[who]
        assert (
            AuditEvent.objects.get(action=AuditAction.APPLICATION_MOVE, target_id=str(a1.pk)).actor
            == staff[who]
        )
    else:
        assert (a1.stage, a1.version) == ("applied", 0)
        assert not StageChange.objects.filter(application=a1).exists()
        assert AuditEvent.objects.count() == events


def test_a_stale_version_is_a_conflict_naming_the_stage_and_who(client, tokens, world):
    # given: the hiring manager moved it after the recruiter loaded version 0
    a1 = world["a1"]
    first = post(client, tokens, "hiring_manager", f"/api/applications/{a1.pk}/move",
                 {"to_stage": "resume_screen", "expected_version": 0})  # fmt: skip
    assert first.status_code == 200
    # when
    response = post(client, tokens, "recruiter", f"/api/applications/{a1.pk}/reject",
                    {"reason": "skills", "expected_version": 0})  # fmt: skip
    # then
    assert response.status_code == 409
    body = response.json()
    assert (body["code"], body["field"], body["stage"], body["version"]) == (
        "moved_meanwhile",
        "expected_version",
        "resume_screen",
        1,
    )
    assert "Résumé screen" in body["message"] and "hana" in body["message"]
    a1.refresh_from_db()
    assert (a1.stage, StageChange.objects.filter(application=a1).count()) == ("resume_screen", 1)
    # and in Chinese for a Chinese client
    chinese = post(client, tokens, "recruiter", f"/api/applications/{a1.pk}/reject",
                   {"reason": "skills", "expected_version": 0}, HTTP_ACCEPT_LANGUAGE="zh-hans")  # fmt: skip
    assert "简历筛选" in chinese.json()["message"]


@pytest.mark.parametrize(
    ("to_stage", "status", "code"),
    [
        ("technical_2", 422, "skips_ahead"),
        ("applied", 422, "same_stage"),
        ("rejected", 422, "use_reject"),
        ("no_such_stage", 400, "unknown_stage"),
    ],
)
def test_refused_moves_name_the_rule_and_write_nothing(client, tokens, world, to_stage, status, code):
    a1 = world["a1"]
    response = post(client, tokens, "recruiter", f"/api/applications/{a1.pk}/move",
                    {"to_stage": to_stage, "expected_version": 0})  # fmt: skip
    assert response.status_code == status, response.content
    assert (response.json()["code"], response.json()["field"]) == (code, "to_stage")
    assert response.json()["message"]
    a1.refresh_from_db()
    assert (a1.stage, a1.version) == ("applied", 0)
    assert not StageChange.objects.filter(application=a1).exists()


def test_reject_reopen_and_withdraw(client, tokens, world):
    a2 = world["a2"]
    url = f"/api/applications/{a2.pk}"
    # an unknown reason, and a retired one, are refused for the reason field
    unknown = post(client, tokens, "recruiter", f"{url}/reject", {"reason": "vibes", "expected_version": 0})
    assert (unknown.status_code, unknown.json()["field"]) == (400, "reason")
    assert "vibes" in unknown.json()["message"]
    RejectionReason.objects.filter(code="duplicate").update(active=False)
    retired = post(
        client, tokens, "recruiter", f"{url}/reject", {"reason": "duplicate", "expected_version": 0}
    )
    assert (retired.status_code, retired.json()["code"], retired.json()["field"]) == (
        400,
        "reason_retired",
        "reason",
    )
    # rejected with a reason
    rejected = post(client, tokens, "recruiter", f"{url}/reject",
                    {"reason": "interview", "expected_version": 0, "note": "weak on systems"})  # fmt: skip
    assert rejected.status_code == 200
    assert (rejected.json()["stage"]["code"], rejected.json()["rejection_reason"]) == (
        "rejected",
        "interview",
    )
    assert rejected.json()["active"] is False and rejected.json()["transitions"] == []
    # reopened where it was closed from
    reopened = post(client, tokens, "recruiter", f"{url}/reopen", {"expected_version": 1})
    assert (reopened.status_code, reopened.json()["stage"]["code"], reopened.json()["version"]) == (
        200,
        "technical_1",
        2,
    )
    again = post(client, tokens, "recruiter", f"{url}/reopen", {"expected_version": 2})
    assert (again.status_code, again.json()["code"]) == (422, "not_closed")
    # a withdrawal says how the candidate withdrew
    missing = post(client, tokens, "recruiter", f"{url}/withdraw", {"expected_version": 2})
    blank = post(client, tokens, "recruiter", f"{url}/withdraw", {"expected_version": 2, "note": "  "})
    assert (missing.status_code, missing.json()["field"]) == (400, "note")
    assert (blank.status_code, blank.json()["code"], blank.json()["field"]) == (400, "note_missing", "note")
    withdrawn = post(
        client, tokens, "recruiter", f"{url}/withdraw", {"expected_version": 2, "note": "by phone"}
    )
    assert (withdrawn.status_code, withdrawn.json()["stage"]["code"]) == (200, "withdrawn")
    assert [
        entry["to_stage"]["code"] for entry in withdrawn.json()["timeline"] if entry["kind"] == "stage"
    ] == [
        "rejected",
        "technical_1",
        "withdrawn",
    ]


def test_every_move_refusal_has_a_status():
    assert set(MOVE_REFUSALS) == MoveRefused.codes()


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/applications/abc", None, "application_id"),
        ("/api/applications/0", None, "application_id"),
        (f"/api/applications/{'9' * 25}", None, "application_id"),
        ("/api/applications/١٢", None, "application_id"),
        ("/api/candidates/abc", None, "candidate_id"),
        ("/api/applications/{a1}/move", {"to_stage": "resume_screen"}, "expected_version"),
        (
            "/api/applications/{a1}/move",
            {"to_stage": "resume_screen", "expected_version": -1},
            "expected_version",
        ),
        ("/api/applications/{a1}/move", {"expected_version": 0}, "to_stage"),
        ("/api/applications/{a1}/move", {"to_stage": "x", "expected_version": "new"}, "expected_version"),
        ("/api/applications/{a1}/reject", {"expected_version": 0}, "reason"),
        ("/api/applications/{a1}/notes", {}, "body"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, tokens, world, url, body, field):
    url = url.replace("{a1}", str(world["a1"].pk))
    response = get(client, tokens, "admin", url) if body is None else post(client, tokens, "admin", url, body)
    assert response.status_code == 400, response.content
    assert (response.json()["code"], response.json()["field"]) == ("invalid", field)
    assert Application.objects.get(pk=world["a1"].pk).version == 0


# --- notes ---------------------------------------------------------------------------------------


def test_notes_are_added_with_mentions_and_listed(client, tokens, world, staff):
    # given
    a1, b1 = world["a1"], world["b1"]
    Note.objects.create(candidate=world["li"], application=b1, author=staff["admin"], body="on R-B")
    # when
    added = post(client, tokens, "hiring_manager", f"/api/applications/{a1.pk}/notes",
                 {"body": "  Strong on PyTorch, @rita please schedule  "})  # fmt: skip
    # then
    assert added.status_code == 201, added.content
    assert {key: added.json()[key] for key in ("application_id", "author", "body", "mentions")} == {
        "application_id": a1.pk,
        "author": "hana",
        "body": "Strong on PyTorch, @rita please schedule",
        "mentions": ["rita"],
    }
    assert AuditEvent.objects.filter(action=AuditAction.NOTE_ADD, actor=staff["hiring_manager"]).count() == 1
    listed = get(client, tokens, "recruiter", f"/api/applications/{a1.pk}/notes").json()
    # the note on the person's other application (R-B) is not listed with this one
    assert [note["body"] for note in listed] == ["Strong on PyTorch, @rita please schedule"]


def test_an_empty_note_is_refused_and_nothing_written(client, tokens, world):
    response = post(client, tokens, "recruiter", f"/api/applications/{world['a1'].pk}/notes", {"body": "   "})
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == ("empty", "body")
    assert not Note.objects.exists()


# --- candidates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected", "applications"),
    [
        ("anonymous", 401, None),
        ("interviewer", 403, None),
        ("recruiter", 200, {"a1"}),
        ("other_recruiter", 200, {"b1"}),
        ("hiring_manager", 200, {"a1"}),
        ("leadership", 200, {"a1", "b1"}),
        ("admin", 200, {"a1", "b1"}),
    ],
)
def test_a_candidate_with_the_applications_the_caller_may_read(
    client, tokens, world, who, expected, applications
):
    response = get(client, tokens, who, f"/api/candidates/{world['li'].pk}")
    assert response.status_code == expected, response.content
    if expected != 200:
        return
    body = response.json()
    assert (body["full_name"], body["email"], body["phone"], body["erased"]) == (
        "Li Lei",
        "li.lei@example.com",
        "+8613800138000",
        False,
    )
    assert body["profile"]["skills"] == ["PyTorch"]
    assert body["profile"]["education"][0]["school"] == "Zhejiang University"
    assert {item["id"] for item in body["applications"]} == {world[key].pk for key in applications}


def test_a_candidate_without_a_visible_application_is_not_found(client, tokens, world):
    # Han applied only to R-A: the other recruiter cannot tell them from a missing number
    assert get(client, tokens, "other_recruiter", f"/api/candidates/{world['han'].pk}").status_code == 404
    assert get(client, tokens, "admin", "/api/candidates/999999").status_code == 404
    lonely = make_candidate(email="nobody@example.com")
    assert get(client, tokens, "admin", f"/api/candidates/{lonely.pk}").status_code == 404


def test_an_erased_candidate_reads_without_personal_data_and_is_not_reopened(client, tokens, world):
    # given
    candidate_erase(candidate=world["li"], actor=TEST_ACTOR)
    a1 = Application.objects.get(pk=world["a1"].pk)
    # when
    person = get(client, tokens, "admin", f"/api/candidates/{world['li'].pk}").json()
    listed = get(client, tokens, "admin", "/api/applications", {"candidate": world["li"].pk}).json()
    reopened = post(client, tokens, "admin", f"/api/applications/{a1.pk}/reopen",
                    {"expected_version": a1.version})  # fmt: skip
    # then
    assert (person["erased"], person["full_name"], person["email"], person["phone"], person["profile"]) == (
        True,
        "",
        "",
        "",
        None,
    )
    assert {
        (item["candidate_name"], item["candidate_erased"], item["stage"]["code"]) for item in listed["items"]
    } == {("", True, "withdrawn")}
    assert (reopened.status_code, reopened.json()["code"]) == (422, "erased")
    assert Application.objects.get(pk=a1.pk).stage == "withdrawn"
    # and the erased person is not found by name any more
    assert get(client, tokens, "admin", "/api/applications", {"q": "Li Lei"}).json()["count"] == 0


def test_rejection_reasons_list_the_active_ones(client, tokens, world):
    RejectionReason.objects.filter(code="duplicate").update(active=False)
    response = get(client, tokens, "interviewer", "/api/rejection-reasons")
    codes = [reason["code"] for reason in response.json()]
    assert response.status_code == 200
    assert codes[0] == "skills" and "duplicate" not in codes and "other" in codes
    assert get(client, tokens, "anonymous", "/api/rejection-reasons").status_code == 401


def test_a_rejection_made_elsewhere_shows_its_reason_code(client, tokens, world, staff):
    reason = RejectionReason.objects.get(code="experience")
    application_reject(application_id=world["a2"].pk, reason=reason, actor=staff["admin"], expected_version=0)
    body = get(client, tokens, "recruiter", f"/api/applications/{world['a2'].pk}").json()
    assert body["timeline"][-1]["rejection_reason"] == "experience"


def test_openapi_lists_the_endpoints_with_summaries(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    ours = {path: operations for path, operations in paths.items() if "applications" in path}
    ours["/api/candidates/{candidate_id}"] = paths["/api/candidates/{candidate_id}"]
    ours["/api/rejection-reasons"] = paths["/api/rejection-reasons"]
    assert len(ours) == 9
    assert all(operation.get("summary") for operations in ours.values() for operation in operations.values())
    assert api.get_openapi_schema()  # builds without the test client too


def test_refusals_read_in_the_request_language(client, tokens, world):
    zh = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
    missing = get(client, tokens, "other_recruiter", f"/api/applications/{world['a1'].pk}", **zh)
    role = get(client, tokens, "interviewer", "/api/applications", **zh)
    reason = post(client, tokens, "admin", f"/api/applications/{world['a1'].pk}/reject",
                  {"reason": "vibes", "expected_version": 0}, **zh)  # fmt: skip
    assert missing.json()["message"] == f"申请 {world['a1'].pk} 不存在，或您无权查看。"
    assert role.json()["message"] == "您的角色无权查看申请。"
    assert reason.json()["message"].startswith("没有代码为 vibes 的淘汰原因")


def test_rejecting_with_an_email_template_shows_the_email_on_the_timeline_and_reopening_still_answers(
    client, tokens, world
):
    url = f"/api/applications/{world['a2'].pk}"
    bad = post(client, tokens, "recruiter", f"{url}/reject",
               {"reason": "skills", "expected_version": 0, "email_template": "nope"})  # fmt: skip
    assert (bad.status_code, bad.json()["field"]) == (400, "email_template")
    rejected = post(client, tokens, "recruiter", f"{url}/reject",
                    {"reason": "skills", "expected_version": 0, "email_template": "rejection_default"})  # fmt: skip
    assert rejected.status_code == 200
    emails = [entry for entry in rejected.json()["timeline"] if entry["kind"] == "email"]
    assert len(emails) == 1 and emails[0]["status"] == "scheduled"
    # the application with an email on its timeline still reads and moves (it once answered 500)
    reopened = post(client, tokens, "recruiter", f"{url}/reopen", {"expected_version": 1})
    assert reopened.status_code == 200
    assert [e["status"] for e in reopened.json()["timeline"] if e["kind"] == "email"] == ["cancelled"]
