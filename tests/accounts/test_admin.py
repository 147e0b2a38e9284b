from __future__ import annotations

import pytest
from django.urls import reverse

from talentdrive.accounts.models import Role
from talentdrive.accounts.services import api_token_create
from talentdrive.plans.models import City
from tests.actors import TEST_ACTOR


@pytest.fixture
def logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


def test_user_changelist_filters_by_role(logged_in, recruiter):
    response = logged_in.get(reverse("admin:accounts_user_changelist"), {"role__exact": Role.RECRUITER})
    assert [user.username for user in response.context["cl"].result_list] == ["recruiter"]


def test_user_change_form_edits_role_and_scope(logged_in, recruiter):
    url = reverse("admin:accounts_user_change", args=[recruiter.pk])
    page = logged_in.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert {"role", "display_name", "scope_teams", "scope_cities"} <= set(form.fields)
    shanghai = City.objects.get(code="shanghai")
    data = {
        "username": "recruiter",
        "role": Role.HIRING_MANAGER,
        "display_name": "Recruiter One",
        "scope_cities": [shanghai.pk],
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    response = logged_in.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    recruiter.refresh_from_db()
    assert recruiter.role == Role.HIRING_MANAGER
    assert list(recruiter.scope_cities.all()) == [shanghai]


def test_token_detail_shows_digest_read_only(logged_in, recruiter):
    token, raw = api_token_create(user=recruiter, name="ci", actor=TEST_ACTOR)
    url = reverse("admin:accounts_apitoken_change", args=[token.pk])
    response = logged_in.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert token.digest in body
    assert raw not in body
    logged_in.post(url, {"name": "renamed"})
    token.refresh_from_db()
    assert token.name == "ci"


def test_revoke_action_revokes_tokens(logged_in, recruiter):
    token, _ = api_token_create(user=recruiter, name="ci", actor=TEST_ACTOR)
    response = logged_in.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke_tokens", "_selected_action": [token.pk], "index": 0},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_non_staff_users_cannot_open_the_admin(client, recruiter):
    client.force_login(recruiter)
    response = client.get(reverse("admin:plans_requisition_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
