"""Writes outside the services' own paths are audited too: the admin, and API tokens."""

import pytest
from django.urls import reverse

from talentdrive.accounts.models import ApiToken, Role, User
from talentdrive.accounts.services import api_token_create, api_token_revoke
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import Candidate
from tests.actors import TEST_ACTOR

pytestmark = pytest.mark.django_db


def test_a_team_renamed_in_the_admin_is_audited_with_the_field_names(client, admin_user, team):
    # given
    client.force_login(admin_user)
    url = reverse("admin:plans_team_change", args=[team.pk])
    data = {
        "code": team.code,
        "group": team.group_id,
        "name_zh": team.name_zh,
        "name_en": "Flagship training",
    }
    # when
    response = client.post(url, data)
    # then
    assert response.status_code == 302, response.content[:500]
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_CHANGE, target_type="plans.team")
    assert event.actor == admin_user
    assert event.data == {"fields": ["Name (English)"]}


def test_a_candidates_name_corrected_in_the_admin_is_audited_without_the_name(client, admin_user):
    candidate = Candidate.objects.create(full_name="Li Lei", email="li.lei@example.com")
    client.force_login(admin_user)
    url = reverse("admin:candidates_candidate_change", args=[candidate.pk])
    response = client.post(url, {"full_name": "Li Lei (李雷)", "location": "", "consents-TOTAL_FORMS": "0",
                                 "consents-INITIAL_FORMS": "0", "consents-MIN_NUM_FORMS": "0",
                                 "consents-MAX_NUM_FORMS": "1000"})  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_CHANGE, target_type="candidates.candidate")
    assert event.target_id == str(candidate.pk)
    assert "Li Lei" not in str(event.data) and "李雷" not in str(event.data)


def test_tokens_are_audited_when_created_and_revoked_once():
    # given
    user = User.objects.create_user("integration", role=Role.RECRUITER)
    # when
    token, _ = api_token_create(user=user, name="HRIS sync", actor=TEST_ACTOR)
    first = api_token_revoke(token=token, actor=TEST_ACTOR)
    second = api_token_revoke(token=token, actor=TEST_ACTOR)
    # then
    assert (first, second) == (True, False)
    actions = list(
        AuditEvent.objects.filter(target_type="accounts.apitoken").values_list("action", flat=True)
    )
    assert sorted(actions) == sorted([AuditAction.API_TOKEN_CREATE, AuditAction.API_TOKEN_REVOKE])
    assert ApiToken.objects.get().revoked_at is not None
