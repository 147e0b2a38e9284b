"""Every back-office view against every kind of visitor."""

from __future__ import annotations

import pytest
from django.urls import reverse

ROLES = ["anonymous", "interviewer", "other_recruiter", "recruiter", "leadership", "admin", "hiring_manager"]

# view name, method, needs the requisition R1 (team core-training, managed by "hiring_manager"),
# expected status per role in ROLES order
MATRIX = {
    "home": ("get", False, [302, 200, 200, 200, 200, 200, 200]),
    "progress": ("get", False, [302, 403, 200, 200, 200, 200, 403]),
    "progress_csv": ("get", False, [302, 403, 200, 200, 200, 200, 403]),
    "requisition_list": ("get", False, [302, 403, 200, 200, 200, 200, 200]),
    "requisition_new": ("get", False, [302, 403, 200, 200, 403, 200, 403]),
    "requisition_detail": ("get", True, [302, 403, 404, 200, 200, 200, 200]),
    "requisition_edit": ("get", True, [302, 403, 404, 200, 403, 200, 200]),
    "requisition_status": ("post", True, [302, 403, 404, 302, 403, 302, 302]),
    "import": ("get", False, [302, 403, 403, 403, 403, 200, 403]),
    "import_commit": ("post", False, [302, 403, 403, 403, 403, 302, 403]),
    "export": ("get", False, [302, 403, 403, 403, 200, 200, 403]),
}

CASES = [
    pytest.param(view, role, expected[index], id=f"{view}-{role}")
    for view, (_, _, expected) in MATRIX.items()
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("view", "role", "expected"), CASES)
def test_permission_matrix(client, progress_plan, view, role, expected):
    # given
    method, needs_requisition, _ = MATRIX[view]
    if role != "anonymous":
        client.force_login(progress_plan.users[role])
    args = [progress_plan.requisitions["R1"].pk] if needs_requisition else []
    url = reverse(f"backoffice:{view}", args=args)
    # when
    if method == "post":
        response = client.post(url, {"status": "paused", "reason": "budget review"})
    else:
        response = client.get(url)
    # then
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(reverse("backoffice:login"))


def test_only_allowed_status_posts_change_anything(client, progress_plan):
    client.force_login(progress_plan.users["other_recruiter"])
    client.post(
        reverse("backoffice:requisition_status", args=[progress_plan.requisitions["R1"].pk]),
        {"status": "paused", "reason": "x"},
    )
    progress_plan.requisitions["R1"].refresh_from_db()
    assert progress_plan.requisitions["R1"].status == "open"


def test_login_and_logout(client, progress_plan):
    response = client.post(
        reverse("backoffice:login"), {"username": "lead", "password": "lead-pass-123"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("backoffice:home")
    assert "AI hiring drive 2026" in response.content.decode()
    response = client.post(reverse("backoffice:logout"))
    assert response.status_code == 302
    assert client.get(reverse("backoffice:home")).status_code == 302


def test_bad_password_is_refused(client, progress_plan):
    response = client.post(reverse("backoffice:login"), {"username": "lead", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
