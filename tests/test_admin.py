from __future__ import annotations

import pytest
from django.urls import reverse

from talentdrive.accounts.models import Role, User
from talentdrive.accounts.services import api_token_create
from talentdrive.audit.models import AuditEvent
from talentdrive.plans.models import (
    City,
    Drive,
    FocusArea,
    PlanLine,
    PlanOverride,
    Requisition,
    RequisitionStatus,
    Team,
)
from talentdrive.plans.services import PlanOverrideRequest, requisition_create
from tests.actors import TEST_ACTOR

ROWS = 12


@pytest.fixture
def admin_client_logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def populated(drive, team, plan_line, admin_user):
    """Enough rows of every model that a query per row would show in the query count."""
    areas = list(FocusArea.objects.all())
    cities = list(City.objects.all())
    lines = [plan_line]
    for index in range(ROWS):
        other_team = Team.objects.create(
            code=f"team-{index}", group=team.group, name_zh=f"团队{index}", name_en=f"Team {index}"
        )
        lines.append(
            PlanLine.objects.create(
                drive=drive,
                external_id=f"PL-{index}",
                city=cities[index % len(cities)],
                channel="campus" if index % 2 else "experienced",
                focus_area=areas[index % len(areas)],
                team=other_team,
                target=5,
            )
        )
    for index, line in enumerate(lines[1:]):
        manager = User.objects.create_user(username=f"hm-{index}", role=Role.HIRING_MANAGER)
        requisition_create(
            plan_line=line,
            external_id=f"R-{index}",
            title_zh=f"算法工程师{index}",
            title_en=f"Algorithm engineer {index}",
            headcount=2,
            hiring_manager=manager,
            status=RequisitionStatus.OPEN,
            actor=admin_user,
            domain="healthcare" if index % 3 == 0 else "",
        )
        requisition_create(
            plan_line=line,
            external_id=f"R-X{index}",
            title_zh="超额岗位",
            title_en="Over target",
            headcount=4,
            status=RequisitionStatus.OPEN,
            actor=admin_user,
            override=PlanOverrideRequest(actor=admin_user, reason=f"approved by leadership {index}"),
        )
        api_token_create(user=manager, name=f"token {index}", actor=TEST_ACTOR)
    return lines


CHANGELISTS = [
    ("accounts", "user"),
    ("accounts", "apitoken"),
    ("audit", "auditevent"),
    ("plans", "city"),
    ("plans", "focusarea"),
    ("plans", "businessgroup"),
    ("plans", "team"),
    ("plans", "drive"),
    ("plans", "planline"),
    ("plans", "requisition"),
    ("plans", "planoverride"),
]


@pytest.mark.parametrize(("app", "model"), CHANGELISTS)
def test_changelists_answer_with_bounded_queries(
    admin_client_logged_in, populated, django_assert_max_num_queries, app, model
):
    url = reverse(f"admin:{app}_{model}_changelist")
    # A query per row would pass the bound: every model with related columns has ROWS rows or more.
    with django_assert_max_num_queries(15):
        response = admin_client_logged_in.get(url)
    # then
    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model"), CHANGELISTS)
def test_changelist_search_answers(admin_client_logged_in, populated, app, model):
    response = admin_client_logged_in.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "1"})
    assert response.status_code == 200


def test_requisition_changelist_filters_and_search(admin_client_logged_in, populated):
    url = reverse("admin:plans_requisition_changelist")
    response = admin_client_logged_in.get(url, {"domain": "healthcare", "q": "Algorithm"})
    assert response.status_code == 200
    shown = response.context["cl"].result_list
    assert {requisition.external_id for requisition in shown} == {"R-0", "R-3", "R-6", "R-9"}
    response = admin_client_logged_in.get(url, {"plan_line__channel": "campus", "status__exact": "open"})
    assert all(
        r.plan_line.channel == "campus" and r.status == "open" for r in response.context["cl"].result_list
    )


def test_plan_line_changelist_shows_committed_headcount(admin_client_logged_in, populated):
    response = admin_client_logged_in.get(reverse("admin:plans_planline_changelist"), {"q": "PL-0"})
    (line,) = response.context["cl"].result_list
    assert line.committed_headcount == 6  # 2 within target and 4 by override


def _requisition_form(plan_line, **overrides):
    data = {
        "plan_line": plan_line.pk,
        "external_id": "R-ADMIN",
        "status": "open",
        "title_zh": "多模态算法工程师",
        "title_en": "Multimodal algorithm engineer",
        "description_zh": "",
        "description_en": "",
        "level": "engineer",
        "headcount": 1,
        "must_skills": '["pytorch"]',
        "nice_skills": "[]",
        "domain": "",
        "min_degree": "none",
        "min_years": 0,
        "graduation_from": "",
        "graduation_to": "",
        "hiring_manager": "",
        "override_reason": "",
    }
    data.update(overrides)
    return data


def test_admin_create_beyond_target_shows_error_and_writes_nothing(admin_client_logged_in, plan_line):
    url = reverse("admin:plans_requisition_add")
    events_before = AuditEvent.objects.count()
    # when: the line's target is 3
    response = admin_client_logged_in.post(url, _requisition_form(plan_line, headcount=4))
    # then
    assert response.status_code == 200
    assert "would exceed" in response.content.decode()
    assert response.context["adminform"].form.errors["headcount"]
    assert not Requisition.objects.exists()
    assert AuditEvent.objects.count() == events_before
    assert not PlanOverride.objects.exists()


def test_admin_create_within_target_goes_through_the_service(admin_client_logged_in, admin_user, plan_line):
    response = admin_client_logged_in.post(
        reverse("admin:plans_requisition_add"), _requisition_form(plan_line, headcount=3)
    )
    assert response.status_code == 302
    requisition = Requisition.objects.get(external_id="R-ADMIN")
    assert requisition.headcount == 3
    assert requisition.must_skills == ["pytorch"]
    assert list(requisition.cities.values_list("code", flat=True)) == ["shanghai"]
    event = AuditEvent.objects.get(action="requisition.create", target_id=str(requisition.pk))
    assert event.actor == admin_user


def test_admin_override_with_reason_is_recorded(admin_client_logged_in, admin_user, plan_line):
    response = admin_client_logged_in.post(
        reverse("admin:plans_requisition_add"),
        _requisition_form(plan_line, headcount=5, override_reason="Leadership added two research hires"),
    )
    assert response.status_code == 302
    override = PlanOverride.objects.get()
    assert override.actor == admin_user
    assert override.reason == "Leadership added two research hires"
    assert override.committed_after == 5


def test_staff_without_admin_role_cannot_override(client, plan_line):
    # given: a staff member who may add requisitions but is not a drive administrator
    from django.contrib.auth.models import Permission

    staff = User.objects.create_user(username="staff", role=Role.RECRUITER, is_staff=True)
    staff.user_permissions.set(
        Permission.objects.filter(codename__in=["add_requisition", "view_requisition"])
    )
    client.force_login(staff)
    # when
    response = client.post(
        reverse("admin:plans_requisition_add"),
        _requisition_form(plan_line, headcount=5, override_reason="because"),
    )
    # then
    assert response.status_code == 200
    assert "Only an administrator" in response.content.decode()
    assert not Requisition.objects.exists()


def test_admin_duplicate_external_id_is_a_form_error(admin_client_logged_in, plan_line):
    url = reverse("admin:plans_requisition_add")
    assert admin_client_logged_in.post(url, _requisition_form(plan_line)).status_code == 302
    response = admin_client_logged_in.post(url, _requisition_form(plan_line))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["external_id"]
    assert Requisition.objects.count() == 1


def test_admin_edit_goes_through_update_service_and_enforces_target(admin_client_logged_in, plan_line):
    admin_client_logged_in.post(reverse("admin:plans_requisition_add"), _requisition_form(plan_line))
    requisition = Requisition.objects.get()
    url = reverse("admin:plans_requisition_change", args=[requisition.pk])
    data = _requisition_form(plan_line, headcount=2, title_en="Renamed engineer")
    # when
    response = admin_client_logged_in.post(url, data)
    # then
    assert response.status_code == 302
    requisition.refresh_from_db()
    assert (requisition.headcount, requisition.title_en) == (2, "Renamed engineer")
    event = AuditEvent.objects.get(action="requisition.update", target_id=str(requisition.pk))
    assert event.data["headcount"] == [1, 2]
    # and growing past the target is refused
    response = admin_client_logged_in.post(url, _requisition_form(plan_line, headcount=4))
    assert response.status_code == 200
    requisition.refresh_from_db()
    assert requisition.headcount == 2


def test_status_action_needs_reason_and_records_it(admin_client_logged_in, admin_user, plan_line):
    requisition = requisition_create(
        plan_line=plan_line,
        external_id="R-1",
        title_zh="岗位",
        title_en="Role",
        status="open",
        actor=admin_user,
    )
    url = reverse("admin:plans_requisition_changelist")
    action = {"action": "make_paused", "_selected_action": [requisition.pk], "index": 0}
    # when: no reason
    admin_client_logged_in.post(url, {**action, "reason": ""})
    requisition.refresh_from_db()
    assert requisition.status == "open"
    # when: with a reason
    admin_client_logged_in.post(url, {**action, "reason": "Budget review"})
    requisition.refresh_from_db()
    assert requisition.status == "paused"
    event = AuditEvent.objects.get(action="requisition.status", target_id=str(requisition.pk))
    assert (event.reason, event.actor) == ("Budget review", admin_user)


def test_requisitions_cannot_be_deleted_in_admin(admin_client_logged_in, admin_user, plan_line):
    requisition = requisition_create(
        plan_line=plan_line, external_id="R-1", title_zh="岗位", title_en="Role", actor=admin_user
    )
    response = admin_client_logged_in.post(reverse("admin:plans_requisition_delete", args=[requisition.pk]))
    assert response.status_code == 403
    assert Requisition.objects.filter(pk=requisition.pk).exists()


def test_plan_line_target_cannot_drop_below_committed(admin_client_logged_in, admin_user, plan_line):
    requisition_create(
        plan_line=plan_line,
        external_id="R-1",
        title_zh="岗位",
        title_en="Role",
        headcount=3,
        status=RequisitionStatus.OPEN,
        actor=admin_user,
    )
    url = reverse("admin:plans_planline_change", args=[plan_line.pk])
    data = {
        "drive": plan_line.drive_id,
        "external_id": plan_line.external_id,
        "city": plan_line.city_id,
        "channel": plan_line.channel,
        "focus_area": plan_line.focus_area_id,
        "team": plan_line.team_id,
        "target": 2,
        "note": "",
    }
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    plan_line.refresh_from_db()
    assert plan_line.target == 3


@pytest.mark.parametrize(
    ("app", "model"), [("audit", "auditevent"), ("plans", "planoverride"), ("accounts", "apitoken")]
)
def test_history_and_tokens_cannot_be_added_in_admin(admin_client_logged_in, app, model):
    response = admin_client_logged_in.get(reverse(f"admin:{app}_{model}_add"))
    assert response.status_code == 403


def test_audit_event_detail_is_read_only(admin_client_logged_in, admin_user, plan_line):
    requisition = requisition_create(
        plan_line=plan_line, external_id="R-1", title_zh="岗位", title_en="Role", actor=admin_user
    )
    event = AuditEvent.objects.get(target_id=str(requisition.pk))
    url = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert admin_client_logged_in.get(url).status_code == 200
    admin_client_logged_in.post(url, {"action": "tampered"})
    event.refresh_from_db()
    assert event.action == "requisition.create"


def _plan_line_form(plan_line, **overrides):
    data = {
        "drive": plan_line.drive_id,
        "external_id": "PL-NEW",
        "city": plan_line.city_id,
        "channel": "campus",
        "focus_area": plan_line.focus_area_id,
        "team": plan_line.team_id,
        "target": 7,
        "note": "",
    }
    data.update(overrides)
    return data


def test_plan_line_add_and_change_go_through_the_service(admin_client_logged_in, admin_user, plan_line):
    response = admin_client_logged_in.post(reverse("admin:plans_planline_add"), _plan_line_form(plan_line))
    assert response.status_code == 302
    line = PlanLine.objects.get(external_id="PL-NEW")
    assert AuditEvent.objects.get(action="plan_line.create", target_id=str(line.pk)).actor == admin_user
    url = reverse("admin:plans_planline_change", args=[line.pk])
    response = admin_client_logged_in.post(url, _plan_line_form(plan_line, target=9))
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.target == 9
    event = AuditEvent.objects.get(action="plan_line.update", target_id=str(line.pk))
    assert event.data["target"] == [7, 9]


def test_plan_line_cell_is_locked_once_it_has_requisitions(admin_client_logged_in, admin_user, plan_line):
    requisition_create(
        plan_line=plan_line, external_id="R-1", title_zh="岗位", title_en="Role", actor=admin_user
    )
    url = reverse("admin:plans_planline_change", args=[plan_line.pk])
    response = admin_client_logged_in.post(
        url, _plan_line_form(plan_line, channel="campus", target=plan_line.target)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["channel"]
    plan_line.refresh_from_db()
    assert plan_line.channel == "experienced"
    assert not AuditEvent.objects.filter(action="plan_line.update").exists()


def test_drive_add_goes_through_the_service_and_checks_channels(admin_client_logged_in, admin_user):
    shanghai = City.objects.get(code="shanghai")
    data = {
        "code": "drive-2027",
        "name_zh": "2027 招聘",
        "name_en": "Drive 2027",
        "total_target": 50,
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "cities": [shanghai.pk],
        "channels": '["radio"]',
        "story_zh": "",
        "story_en": "A smaller drive.",
    }
    url = reverse("admin:plans_drive_add")
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["channels"]
    response = admin_client_logged_in.post(url, {**data, "channels": '["campus"]'})
    assert response.status_code == 302
    drive = Drive.objects.get(code="drive-2027")
    assert list(drive.cities.all()) == [shanghai]
    assert drive.story_en == "A smaller drive."
    assert AuditEvent.objects.get(action="drive.create", target_id=str(drive.pk)).actor == admin_user


def test_team_add_goes_through_the_service(admin_client_logged_in, team):
    response = admin_client_logged_in.post(
        reverse("admin:plans_team_add"),
        {"code": "glasses-speech", "name_zh": "语音", "name_en": "Speech", "group": team.group_id},
    )
    assert response.status_code == 302
    created = Team.objects.get(code="glasses-speech")
    assert AuditEvent.objects.filter(action="team.create", target_id=str(created.pk)).exists()


def test_admin_pages_render(admin_client_logged_in, admin_user, plan_line):
    requisition = requisition_create(
        plan_line=plan_line, external_id="R-1", title_zh="岗位", title_en="Role", actor=admin_user
    )
    urls = [
        reverse("admin:index"),
        reverse("admin:plans_requisition_add"),
        reverse("admin:plans_requisition_change", args=[requisition.pk]),
        reverse("admin:plans_planline_change", args=[plan_line.pk]),
        reverse("admin:plans_drive_change", args=[plan_line.drive_id]),
        reverse("admin:accounts_user_add"),
        reverse("admin:autocomplete")
        + "?app_label=plans&model_name=requisition&field_name=plan_line&term=PL",
    ]
    for url in urls:
        assert admin_client_logged_in.get(url).status_code == 200, url
