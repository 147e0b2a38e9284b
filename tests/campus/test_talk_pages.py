"""The portal's talk pages, the back office's check-in and export pages, and the talks' API."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from talentdrive.accounts.services import api_token_create
from talentdrive.campus.models import TalkRegistration
from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from tests.actors import TEST_ACTOR
from tests.campus.test_talks import make_talk

pytestmark = pytest.mark.django_db


@pytest.fixture
def talk(drive, staff):
    return make_talk(drive, staff["recruiter"], capacity=50, language="both", livestream_url="")


def _form(email="wang.fang@example.edu", **extra):
    data = {
        "full_name": "王芳",
        "email": email,
        "school": "浙江大学",
        "graduation_year": str(timezone.localdate().year + 1),
        "consent": "on",
        "consent_version": CURRENT_CONSENT_VERSION,
    }
    data.update(extra)
    return data


def test_the_portal_lists_talks_by_city_and_school_in_chinese(client, talk):
    page = client.get("/zh-hans/campus-talks/").content.decode()
    assert (
        "杭州" in page
        and "AI 招聘宣讲会" in page
        and "Zhejiang University" in page
        and "Lecture hall 3" in page
    )
    assert reverse("portal:talk_register", args=[talk.pk]) in page
    english = client.get("/campus-talks/", headers={"accept-language": "en"}).content.decode()
    assert "AI drive campus talk" in english


def test_a_talk_that_is_over_leaves_the_list_but_keeps_its_address(client, talk):
    from talentdrive.campus.models import CampusTalk

    CampusTalk.objects.filter(pk=talk.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=2),
        ends_at=timezone.now() - dt.timedelta(days=2, hours=-2),
    )
    assert "AI drive campus talk" not in client.get("/campus-talks/").content.decode()
    assert client.get(reverse("portal:talk_register", args=[talk.pk])).status_code == 200


def test_registering_on_the_portal_sends_the_ticket_and_a_repeat_gets_the_same_page(
    client, talk, django_capture_on_commit_callbacks
):
    url = f"/zh-hans/campus-talks/{talk.pk}/register/"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, _form())
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, _form())
    assert first.status_code == again.status_code == 302
    assert TalkRegistration.objects.count() == 1 and len(mail.outbox) == 1
    assert "报名成功" in client.get(first["Location"]).content.decode()


def test_the_portal_form_says_what_is_missing(client, talk):
    response = client.post(f"/campus-talks/{talk.pk}/register/", _form(consent="", email="not-an-email"))
    assert response.status_code == 400
    assert TalkRegistration.objects.count() == 0
    body = response.content.decode()
    assert "privacy notice" in body and 'aria-invalid="true"' in body


def test_the_check_in_page_checks_in_once_then_says_so(client, talk, staff):
    client.post(f"/campus-talks/{talk.pk}/register/", _form())
    code = TalkRegistration.objects.get().ticket_code
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:talk_check_in", args=[talk.pk])
    assert code in client.get(url, {"code": code}).content.decode()
    first = client.post(url, {"code": code})
    second = client.post(url, {"code": code})
    unknown = client.post(url, {"code": "ZZZZZZZZZZ"})
    assert first.status_code == 200 and "王芳" in first.content.decode()
    assert "Already checked in" in second.content.decode()
    assert unknown.status_code == 404 and "ZZZZZZZZZZ" in unknown.content.decode()


def test_the_attendance_downloads_as_csv_and_xlsx(client, talk, staff):
    client.post(f"/campus-talks/{talk.pk}/register/", _form())
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:talk_export", args=[talk.pk])
    as_csv = client.get(url, {"format": "csv"})
    as_xlsx = client.get(url, {"format": "xlsx"})
    assert "王芳" in as_csv.content.decode("utf-8-sig")
    assert as_xlsx.content[:2] == b"PK"
    assert client.get(url, {"format": "pdf"}).status_code == 400


def test_the_api_registers_and_checks_in(client, talk, staff, django_capture_on_commit_callbacks):
    url = f"/api/public/campus-talks/{talk.pk}/registrations"
    body = {
        "full_name": "Li Lei",
        "email": "li.lei@example.edu",
        "school": "ZJU",
        "graduation_year": timezone.localdate().year + 1,
        "consent_version": CURRENT_CONSENT_VERSION,
        "language": "en",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, body, content_type="application/json").status_code == 202
    assert (
        client.post(
            url, {**body, "graduation_year": 1980, "email": "x@example.edu"}, content_type="application/json"
        ).json()["code"]
        == "graduation_year"
    )
    code = TalkRegistration.objects.get().ticket_code
    _, token = api_token_create(user=staff["recruiter"], name="door", actor=TEST_ACTOR)
    headers = {"Authorization": f"Bearer {token}"}
    check = f"/api/campus-talks/{talk.pk}/check-in"
    first = client.post(check, {"code": code}, content_type="application/json", headers=headers).json()
    second = client.post(check, {"code": code}, content_type="application/json", headers=headers).json()
    assert (first["already_checked_in"], second["already_checked_in"]) == (False, True)
    # the time in the message is the drive's local time, as on the page
    checked_in_at = TalkRegistration.objects.get().checked_in_at
    assert f"at {timezone.localtime(checked_in_at):%H:%M}." in second["message"]
    listed = client.get("/api/campus-talks", headers=headers).json()
    assert listed[0]["registered"] == 1 and listed[0]["checked_in"] == 1
    assert len(mail.outbox) == 1


def test_a_school_with_characters_a_worksheet_name_forbids_still_exports(client, drive, staff):
    talk = make_talk(drive, staff["recruiter"], school="清华大学/北京大学 [联合]: 宣讲?*", capacity=10)
    client.force_login(staff["recruiter"])
    response = client.get(reverse("backoffice:talk_export", args=[talk.pk]), {"format": "xlsx"})
    assert response.status_code == 200
    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["清华大学 北京大学 联合 宣讲"]


def test_an_impossible_date_for_a_new_talk_is_a_message_not_a_server_error(client, drive, staff):
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:talks"),
        {"drive": drive.code, "city": "hangzhou", "school": "浙江大学", "title_en": "AI talk", "title_zh": "AI 宣讲",
         "starts_at": "2026-02-30T10:00", "ends_at": "2026-02-30T12:00", "capacity": "100"},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    assert "Give the drive, the city, the start and end times and the capacity." in response.content.decode()
