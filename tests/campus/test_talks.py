from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import zxingcpp
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image

from talentdrive.audit.actors import PUBLIC
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import CampusTalk, TalkAttribution, TalkRegistration
from talentdrive.campus.talks import (
    talk_attendance_export,
    talk_attribute_application,
    talk_check_in,
    talk_create,
    talk_register,
)
from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.pipeline.models import Application, Source
from talentdrive.pipeline.models_rollups import ApplicationTally
from talentdrive.pipeline.services import application_submit
from tests.factories import graduate, make_requisition, seeded_city

pytestmark = pytest.mark.django_db
BASE = "http://testserver/"


def make_talk(drive, actor, **overrides):
    """A campus talk in Hangzhou three days from now, through the service; ``overrides`` change its fields."""
    start = timezone.now() + dt.timedelta(days=3)
    fields = {
        "city": seeded_city("hangzhou"),
        "school": "Zhejiang University",
        "title_en": "AI drive campus talk",
        "title_zh": "AI 招聘宣讲会",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=2),
        "venue": "Lecture hall 3",
        "capacity": 2,
        "language": "zh-hans",
        "livestream_url": "https://live.example.com/zju",
    }
    return talk_create(drive=drive, actor=actor, **{**fields, **overrides})


@pytest.fixture
def talk(drive, staff):
    return make_talk(drive, staff["recruiter"])


def _register(talk, email="wang.fang@example.edu", **extra):
    details = {
        "full_name": "王芳",
        "school": "浙江大学",
        "graduation_year": timezone.localdate().year + 1,
        "consent_version": CURRENT_CONSENT_VERSION,
        "language": "zh-hans",
    }
    details.update(extra)
    return talk_register(talk_id=talk.pk, email=email, ticket_base_url=BASE, actor=PUBLIC, **details)


def _qr_text(message) -> str:
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "image/png" and name.endswith(".png")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(content)))
    assert len(found) == 1
    return found[0].text


def test_a_registration_emails_a_qr_ticket_in_the_students_language(talk, django_capture_on_commit_callbacks):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _register(talk, email="Wang.Fang@Example.edu ")
    # then: one email to the address given, in Chinese, whose QR code opens the talk's check-in page
    registration = outcome.registration
    assert outcome.created and registration.email == "wang.fang@example.edu"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["wang.fang@example.edu"]
    assert "AI 招聘宣讲会" in message.subject and registration.ticket_code in message.body
    assert "https://live.example.com/zju" in message.body
    path = reverse("backoffice:talk_check_in", args=[talk.pk])
    assert _qr_text(message) == f"http://testserver{path}?code={registration.ticket_code}"
    assert TalkRegistration.objects.get().ticket_sent_at is not None
    event = AuditEvent.objects.get(action=AuditAction.CAMPUS_TALK_REGISTER)
    assert "wang" not in str(event.data).lower()


def test_registering_again_answers_with_the_same_ticket_and_no_second_email_at_once(
    talk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _register(talk)
    with django_capture_on_commit_callbacks(execute=True):
        again = _register(talk, email="WANG.FANG@example.edu", full_name="Someone else")
    assert not again.created and again.registration.pk == first.registration.pk
    assert again.registration.full_name == "王芳"
    assert TalkRegistration.objects.count() == 1 and len(mail.outbox) == 1


def test_a_full_talk_refuses_and_writes_nothing(talk):
    _register(talk, email="a@example.edu")
    _register(talk, email="b@example.edu")
    with pytest.raises(CampusRefused) as refused:
        _register(talk, email="c@example.edu")
    assert refused.value.code == "talk_full"
    assert not TalkRegistration.objects.filter(email="c@example.edu").exists()


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"consent_version": ""}, "consent_missing"),
        ({"graduation_year": 1990}, "graduation_year"),
    ],
)
def test_bad_details_are_refused_and_nothing_is_written(talk, extra, code):
    with pytest.raises(CampusRefused) as refused:
        _register(talk, **extra)
    assert refused.value.code == code
    assert TalkRegistration.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.CAMPUS_TALK_REGISTER).exists()


def test_a_talk_that_is_over_takes_no_registration(talk):
    CampusTalk.objects.filter(pk=talk.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=3), ends_at=timezone.now() - dt.timedelta(hours=1)
    )
    with pytest.raises(CampusRefused) as refused:
        _register(talk)
    assert refused.value.code == "talk_over"


def test_check_in_once_then_says_it_was_done(talk, staff):
    registration = _register(talk).registration
    first = talk_check_in(talk_id=talk.pk, code=registration.ticket_code.lower(), actor=staff["recruiter"])
    assert not first.already and first.registration.checked_in_by == staff["recruiter"]
    # the address a phone's scanner reads from the QR code works as well
    url = f"{BASE}staff/campus/talks/{talk.pk}/check-in/?code={registration.ticket_code}"
    second = talk_check_in(talk_id=talk.pk, code=url, actor=staff["admin"])
    assert second.already and second.registration.checked_in_by == staff["recruiter"]
    assert AuditEvent.objects.filter(action=AuditAction.CAMPUS_TALK_CHECK_IN).count() == 1


def test_check_in_refuses_unknown_and_other_talks_tickets_and_other_roles(talk, drive, staff):
    other = talk_create(
        drive=drive,
        city=talk.city,
        school="Westlake University",
        title_en="Another talk",
        title_zh="另一场宣讲会",
        starts_at=talk.starts_at,
        ends_at=talk.ends_at,
        venue="Hall",
        capacity=10,
        language="en",
        actor=staff["admin"],
    )
    ticket = _register(other).registration.ticket_code
    with pytest.raises(CampusRefused) as unknown:
        talk_check_in(talk_id=talk.pk, code="NOSUCHCODE", actor=staff["recruiter"])
    with pytest.raises(CampusRefused) as elsewhere:
        talk_check_in(talk_id=talk.pk, code=ticket, actor=staff["recruiter"])
    with pytest.raises(CampusRefused) as role:
        talk_check_in(talk_id=other.pk, code=ticket, actor=staff["interviewer"])
    assert (unknown.value.code, elsewhere.value.code, role.value.code) == (
        "ticket_unknown",
        "ticket_other_talk",
        "not_allowed",
    )
    assert not TalkRegistration.objects.filter(checked_in_at__isnull=False).exists()


def test_attendance_export_lists_every_registration_with_its_check_in(talk, staff):
    one = _register(talk, email="a@example.edu", full_name="=HYPERLINK()").registration
    _register(talk, email="b@example.edu", full_name="李雷")
    talk_check_in(talk_id=talk.pk, code=one.ticket_code, actor=staff["recruiter"])
    rows = list(
        csv.reader(
            io.StringIO(
                talk_attendance_export(talk_id=talk.pk, kind="csv", actor=staff["recruiter"]).decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert len(rows) == 3
    assert rows[1][0] == "'=HYPERLINK()" and rows[1][5] != ""
    assert rows[2][0] == "李雷" and rows[2][5] == ""
    sheet = load_workbook(
        io.BytesIO(talk_attendance_export(talk_id=talk.pk, kind="xlsx", actor=staff["recruiter"]))
    ).active
    assert [c.value for c in sheet[3]][0] == "李雷"
    assert AuditEvent.objects.filter(action=AuditAction.CAMPUS_TALK_EXPORT).count() == 2


def test_an_application_by_a_registered_email_has_the_talk_as_its_source(talk, drive, team):
    # given a student registered for the talk, and another who did not
    registration = _register(talk, email="wang.fang@example.edu").registration
    requisition = make_requisition(drive=drive, team=team, channel="campus", external_id="CAMPUS-T")
    applied = application_submit(
        requisition_id=requisition.pk,
        applicant=graduate(email="Wang.Fang@example.edu", source="portal"),
        resume=None,
        actor=PUBLIC,
    ).application
    stranger = application_submit(
        requisition_id=requisition.pk,
        applicant=graduate(email="li.lei@example.edu"),
        resume=None,
        actor=PUBLIC,
    ).application
    # when
    found = talk_attribute_application(application_id=applied.pk, actor=PUBLIC)
    again = talk_attribute_application(application_id=applied.pk, actor=PUBLIC)
    none = talk_attribute_application(application_id=stranger.pk, actor=PUBLIC)
    # then
    assert found is not None and found.registration == registration and again == found and none is None
    assert Application.objects.get(pk=applied.pk).source == Source.CAMPUS_TALK
    assert Application.objects.get(pk=stranger.pk).source != Source.CAMPUS_TALK
    assert TalkAttribution.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CAMPUS_TALK_ATTRIBUTE).count() == 1
    # and the pipeline page's roll-ups count it under the talk, not the career site any more
    tallies = ApplicationTally.objects.filter(requisition=requisition, count__gt=0)
    kept = Application.objects.get(pk=stranger.pk).source
    assert dict(tallies.values_list("source", "count")) == {Source.CAMPUS_TALK: 1, kept: 1}


def test_an_applicant_who_never_registered_costs_one_read(talk, drive, team, django_assert_num_queries):
    # given a registration for the talk by someone else
    _register(talk, email="wang.fang@example.edu")
    requisition = make_requisition(drive=drive, team=team, channel="campus", external_id="CAMPUS-Q")
    stranger = application_submit(
        requisition_id=requisition.pk,
        applicant=graduate(email="li.lei@example.edu"),
        resume=None,
        actor=PUBLIC,
    ).application
    # when the application is checked for a talk, then one read answers, and nothing is recorded
    with django_assert_num_queries(1):
        assert talk_attribute_application(application_id=stranger.pk, actor=PUBLIC) is None
    assert TalkAttribution.objects.count() == 0


def test_a_registration_entered_without_notice_sends_no_ticket(talk, django_capture_on_commit_callbacks):
    # when a registration is entered with notify off, then again
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = talk_register(
            talk_id=talk.pk, email="li.lei@example.edu", full_name="李雷", school="浙江大学",
            graduation_year=timezone.localdate().year + 1, consent_version=CURRENT_CONSENT_VERSION,
            language="zh-hans", ticket_base_url=BASE, actor=PUBLIC, notify=False,
        )  # fmt: skip
    # then it is made and audited, and nothing is queued or sent
    assert first.created and callbacks == [] and mail.outbox == []
    assert TalkRegistration.objects.get(pk=first.registration.pk).ticket_sent_at is None
    assert AuditEvent.objects.filter(action=AuditAction.CAMPUS_TALK_REGISTER).count() == 1


def test_a_chosen_source_is_kept_while_the_talk_is_recorded(talk, drive, team):
    _register(talk, email="wang.fang@example.edu")
    requisition = make_requisition(drive=drive, team=team, channel="campus", external_id="CAMPUS-R")
    application = application_submit(
        requisition_id=requisition.pk,
        applicant=graduate(email="wang.fang@example.edu", source="referral"),
        resume=None,
        actor=PUBLIC,
    ).application
    assert talk_attribute_application(application_id=application.pk, actor=PUBLIC) is not None
    assert Application.objects.get(pk=application.pk).source == "referral"


def test_only_recruiters_and_administrators_create_talks(drive, staff):
    start = timezone.now() + dt.timedelta(days=1)
    with pytest.raises(CampusRefused):
        talk_create(
            drive=drive,
            city=seeded_city("beijing"),
            school="PKU",
            title_en="t",
            title_zh="t",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            venue="v",
            capacity=1,
            language="en",
            actor=staff["hiring_manager"],
        )
    assert CampusTalk.objects.count() == 0
