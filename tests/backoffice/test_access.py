"""Sign-in, and what a refused change leaves behind (the permission matrix: tests/test_permission_matrix.py)."""

from __future__ import annotations

from django.urls import reverse


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
