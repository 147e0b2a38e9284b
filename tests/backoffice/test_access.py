"""Sign-in, and what a refused change leaves behind (the permission matrix: tests/test_permission_matrix.py)."""

from __future__ import annotations

from django.urls import reverse


def test_only_allowed_status_posts_change_anything(client, world):
    client.force_login(world.users["other_recruiter"])
    client.post(
        reverse("backoffice:requisition_status", args=[world.requisitions["R1"].pk]),
        {"status": "paused", "reason": "x"},
    )
    world.requisitions["R1"].refresh_from_db()
    assert world.requisitions["R1"].status == "open"


def test_login_and_logout(client, world):
    response = client.post(
        reverse("backoffice:login"), {"username": "lead", "password": "lead-pass-123"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("backoffice:home")
    assert "AI hiring drive 2026" in response.content.decode()
    response = client.post(reverse("backoffice:logout"))
    assert response.status_code == 302
    assert client.get(reverse("backoffice:home")).status_code == 302


def test_bad_password_is_refused(client, world):
    response = client.post(reverse("backoffice:login"), {"username": "lead", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
