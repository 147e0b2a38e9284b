"""Two-factor sign-in: a staff member with an authenticator reaches no staff page, admin page or API
operation on their session until they give a code; administrators must enrol where it is required."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from talentdrive.accounts.models import Role
from talentdrive.accounts.two_factor import (
    BACKUP_CODE_COUNT,
    SecondFactorError,
    second_factor_disable,
    totp_enrolment_confirm,
    totp_enrolment_start,
)
from talentdrive.audit.models import AuditAction, AuditEvent
from tests.factories import make_staff

PASSWORD = "a-long-password-123"


def code_for(device: TOTPDevice, *, offset: int = 0) -> str:
    """The six digits the user's app shows now (``offset`` steps later for a second, unused code)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{value:0{device.digits}d}"


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = totp_enrolment_start(user=user)
    return totp_enrolment_confirm(user=user, token=code_for(device), actor=user)


def sign_in(client, user) -> None:
    response = client.post(reverse("backoffice:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def recruiter_2fa(db):
    user = make_staff(Role.RECRUITER, username="two-factor-recruiter", password=PASSWORD)
    device, codes = enrolled(user)
    # the enrolment used the current code; a sign-in must not reuse it
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=0)
    device.refresh_from_db()
    return user, device, codes


STAFF_PAGES = [
    "backoffice:home",
    "backoffice:requisition_list",
    "backoffice:candidates",
    "backoffice:two_factor",
]


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_a_user_with_an_authenticator_reaches_no_staff_page_before_the_code(client, recruiter_2fa, page):
    # given
    user, _, _ = recruiter_2fa
    sign_in(client, user)
    # when
    response = client.get(reverse(page))
    # then
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("backoffice:two_factor_verify"))


def test_nor_the_admin_nor_the_api_on_that_session(client, db):
    # given: an administrator who has an authenticator
    admin = make_staff(Role.ADMIN, username="two-factor-admin", password=PASSWORD, is_staff=True)
    enrolled(admin)
    sign_in(client, admin)
    # when
    admin_page = client.get("/admin/")
    api = client.get("/api/plan-lines")
    # then
    assert admin_page.status_code == 302
    assert admin_page["Location"].startswith(reverse("backoffice:two_factor_verify"))
    assert api.status_code == 401


def test_the_right_code_opens_the_back_office(client, recruiter_2fa):
    # given
    user, device, _ = recruiter_2fa
    sign_in(client, user)
    target = reverse("backoffice:requisition_list")
    # when
    response = client.post(
        reverse("backoffice:two_factor_verify"), {"token": code_for(device), "next": target}
    )
    # then
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).status_code == 200
    assert client.get("/api/plan-lines").status_code != 401


def test_a_wrong_code_opens_nothing(client, recruiter_2fa):
    # given
    user, device, _ = recruiter_2fa
    sign_in(client, user)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    # when
    response = client.post(reverse("backoffice:two_factor_verify"), {"token": wrong})
    # then
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert client.get(reverse("backoffice:home")).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_repeated_wrong_codes_are_slowed_down_even_before_the_right_one(client, recruiter_2fa, settings):
    # given: two wrong codes, with django-otp's delay (factor × 2^(failures-1) seconds) made an hour long
    settings.OTP_TOTP_THROTTLE_FACTOR = 3600
    user, device, _ = recruiter_2fa
    sign_in(client, user)
    for wrong in ("000000", "111111"):
        if wrong != code_for(device):
            client.post(reverse("backoffice:two_factor_verify"), {"token": wrong})
    # when: the right code comes at once
    response = client.post(reverse("backoffice:two_factor_verify"), {"token": code_for(device)})
    # then: it waits out the delay django-otp imposes
    assert response.status_code == 200
    assert client.get(reverse("backoffice:home")).status_code == 302


def test_a_backup_code_opens_once(client, recruiter_2fa):
    # given
    user, _, codes = recruiter_2fa
    assert len(codes) == BACKUP_CODE_COUNT
    sign_in(client, user)
    # when
    first = client.post(reverse("backoffice:two_factor_verify"), {"token": codes[0].upper()})
    # then
    assert first.status_code == 302
    assert client.get(reverse("backoffice:home")).status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    client.post(reverse("backoffice:logout"))
    sign_in(client, user)
    again = client.post(reverse("backoffice:two_factor_verify"), {"token": codes[0]})
    assert again.status_code == 200
    assert client.get(reverse("backoffice:home")).status_code == 302


def test_enrolment_shows_a_qr_code_and_confirms_with_a_code(client, db, settings):
    # given (no delay after the wrong code: django-otp's throttle is tested below)
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_staff(Role.RECRUITER, username="enrolling", password=PASSWORD)
    sign_in(client, user)
    page = client.get(reverse("backoffice:two_factor"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    html = page.content.decode()
    assert "<svg" in html and "otpauth://totp/" in html
    # when: a wrong code, then the right one
    wrong = client.post(reverse("backoffice:two_factor"), {"action": "confirm", "token": "12345x"})
    assert "not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    right = client.post(reverse("backoffice:two_factor"), {"action": "confirm", "token": code_for(device)})
    # then: on, with backup codes shown once, audited, and this session counts as verified
    assert right.status_code == 200
    assert len(right.context["backup_codes"]) == BACKUP_CODE_COUNT
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.SECOND_FACTOR_ENABLE, target_id=str(user.pk)).exists()
    assert client.get(reverse("backoffice:home")).status_code == 200
    # and the next sign-in asks for a code
    client.post(reverse("backoffice:logout"))
    sign_in(client, user)
    assert client.get(reverse("backoffice:home")).status_code == 302


def test_administrators_must_enrol_where_it_is_required(client, db, settings):
    # given
    settings.TALENTDRIVE_ADMIN_SECOND_FACTOR = True
    admin = make_staff(Role.ADMIN, username="must-enrol", password=PASSWORD)
    recruiter = make_staff(Role.RECRUITER, username="may-enrol", password=PASSWORD)
    # when
    sign_in(client, admin)
    admin_home = client.get(reverse("backoffice:home"))
    enrol_page = client.get(reverse("backoffice:two_factor"))
    client.post(reverse("backoffice:logout"))
    sign_in(client, recruiter)
    recruiter_home = client.get(reverse("backoffice:home"))
    # then
    assert admin_home.status_code == 302
    assert admin_home["Location"].startswith(reverse("backoffice:two_factor"))
    assert enrol_page.status_code == 200
    assert recruiter_home.status_code == 200


def test_not_required_by_default_outside_production(client, db, settings):
    assert settings.TALENTDRIVE_ADMIN_SECOND_FACTOR is False
    admin = make_staff(Role.ADMIN, username="admin-no-2fa", password=PASSWORD)
    sign_in(client, admin)
    assert client.get(reverse("backoffice:home")).status_code == 200


def test_an_administrator_cannot_turn_a_required_second_factor_off(db, settings):
    # given
    settings.TALENTDRIVE_ADMIN_SECOND_FACTOR = True
    admin = make_staff(Role.ADMIN, username="keeps-2fa", password=PASSWORD)
    enrolled(admin)
    # when / then
    with pytest.raises(SecondFactorError) as refused:
        second_factor_disable(user=admin, actor=admin)
    assert refused.value.code == "second_factor_required"
    assert TOTPDevice.objects.filter(user=admin, confirmed=True).exists()


def test_turning_it_off_removes_the_devices_and_is_audited(client, recruiter_2fa):
    # given: signed in with the code
    user, device, _ = recruiter_2fa
    sign_in(client, user)
    client.post(reverse("backoffice:two_factor_verify"), {"token": code_for(device)})
    # when
    response = client.post(reverse("backoffice:two_factor"), {"action": "disable"})
    # then
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.SECOND_FACTOR_DISABLE, target_id=str(user.pk)
    ).exists()


def test_the_code_page_sends_elsewhere_only_to_this_site(client, recruiter_2fa):
    user, device, _ = recruiter_2fa
    sign_in(client, user)
    response = client.post(
        reverse("backoffice:two_factor_verify"), {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("backoffice:home")


def test_codes_from_a_step_ago_still_count(recruiter_2fa):
    # the clock of a phone may lag a little: django-otp accepts the previous step (tolerance 1)
    user, device, _ = recruiter_2fa
    from talentdrive.accounts.two_factor import second_factor_verify

    assert second_factor_verify(user=user, token=code_for(device, offset=-1)) is not None
