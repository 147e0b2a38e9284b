"""Defaults a production site is safe with: keys, email, demo accounts, sign-in throttling, headers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from talentdrive.serving.checks import email_is_delivered

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "TALENTDRIVE_ENV": "production",
    "ALLOWED_HOSTS": "talentdrive.example",
    "PATH": os.environ["PATH"],
}


def _settings_in_a_new_process(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import django; django.setup(); print('started')"
    environment = {**PRODUCTION, "DJANGO_SETTINGS_MODULE": "talentdrive.settings", **extra}
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )


@pytest.mark.slow
def test_production_refuses_the_public_development_key():
    from talentdrive import settings

    refused = _settings_in_a_new_process({"SECRET_KEY": settings._DEV_SECRET})
    accepted = _settings_in_a_new_process({"SECRET_KEY": "a-real-secret-" + "x" * 40})
    assert refused.returncode != 0 and "public development key" in refused.stderr
    assert accepted.returncode == 0 and "started" in accepted.stdout


def test_load_demo_refuses_to_run_in_production(settings):
    from talentdrive.plans.models import Drive

    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")
    assert not Drive.objects.exists()


@pytest.mark.parametrize(
    ("backend", "warned"),
    [
        ("django.core.mail.backends.console.EmailBackend", True),
        ("django.core.mail.backends.filebased.EmailBackend", True),
        ("django.core.mail.backends.smtp.EmailBackend", False),
    ],
)
def test_deploy_check_warns_about_email_that_is_never_delivered(backend, warned):
    with override_settings(EMAIL_BACKEND=backend):
        found = email_is_delivered(None)
    assert bool(found) == warned
    if warned:
        assert found[0].id == "talentdrive.W001"


@pytest.mark.parametrize(("address", "warned"), [("", True), ("https://jobs.example.com", False)])
def test_deploy_check_warns_when_emails_cannot_link_to_the_career_site(address, warned):
    from talentdrive.serving.checks import portal_address_is_set

    with override_settings(TALENTDRIVE_PORTAL_URL=address):
        found = portal_address_is_set(None)
    assert [warning.id for warning in found] == (["talentdrive.W002"] if warned else [])


def test_sign_in_is_locked_after_five_failures_even_with_the_right_password(client, settings):
    # given
    from talentdrive.accounts.models import Role, User

    User.objects.create_user("lead", password="lead-pass-123", role=Role.LEADERSHIP)
    url = reverse("backoffice:login")
    # when: wrong passwords up to the limit, then the right one
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, {"username": "lead", "password": "wrong"}).status_code == 200
    assert client.post(url, {"username": "lead", "password": "wrong"}).status_code == 429
    locked = client.post(url, {"username": "lead", "password": "lead-pass-123"})
    # then
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Sign-in locked" in locked.content.decode()


def test_the_admin_login_is_throttled_too(client, settings):
    from talentdrive.accounts.models import Role, User

    User.objects.create_user(
        "boss", password="boss-pass-123", role=Role.ADMIN, is_staff=True, is_superuser=True
    )
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "boss", "password": "wrong"})
    assert client.post("/admin/login/", {"username": "boss", "password": "boss-pass-123"}).status_code == 429


@pytest.mark.parametrize("path", ["/", "/staff/login/", "/api/requisitions"])
def test_pages_carry_a_content_security_policy_without_inline_scripts(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]


def test_an_offset_beyond_any_integer_is_a_client_error(client):
    response = client.get("/api/requisitions", {"offset": "9223372036854775808"})
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    ("backend", "warned"),
    [
        ("django_tasks.backends.immediate.ImmediateBackend", True),
        ("django_tasks_db.DatabaseBackend", False),
    ],
)
def test_deploy_check_warns_about_tasks_run_inside_requests(backend, warned):
    from talentdrive.serving.checks import tasks_run_off_the_request

    with override_settings(TASKS={"default": {"BACKEND": backend}}):
        found = tasks_run_off_the_request(None)
    assert [warning.id for warning in found] == (["talentdrive.W003"] if warned else [])


@pytest.mark.slow
def test_production_runs_tasks_on_the_database_queue_by_default():
    code = "import django; django.setup(); from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
    environment = {**PRODUCTION, "DJANGO_SETTINGS_MODULE": "talentdrive.settings", "SECRET_KEY": "s" * 50}
    production = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    development = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "talentdrive.settings"},
        capture_output=True,
        text=True,
    )
    assert production.stdout.strip() == "django_tasks_db.DatabaseBackend", production.stderr
    assert development.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend"


@pytest.mark.parametrize(("required", "warned"), [(False, True), (True, False)])
def test_deploy_check_warns_when_administrators_need_no_second_factor(required, warned):
    from talentdrive.serving.checks import administrators_use_a_second_factor

    with override_settings(TALENTDRIVE_ADMIN_SECOND_FACTOR=required):
        found = administrators_use_a_second_factor(None)
    assert [warning.id for warning in found] == (["talentdrive.W004"] if warned else [])


@pytest.mark.slow
def test_production_requires_a_second_factor_of_administrators_by_default():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.TALENTDRIVE_ADMIN_SECOND_FACTOR)"
    )
    environment = {**PRODUCTION, "DJANGO_SETTINGS_MODULE": "talentdrive.settings", "SECRET_KEY": "s" * 50}
    production = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert production.stdout.strip() == "True", production.stderr[-2000:]
