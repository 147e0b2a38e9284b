"""Times offered to the candidate, and the candidate choosing one on the status page."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from talentdrive.audit.actors import CANDIDATE
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.tokens import status_token_make
from talentdrive.hiring.closing import application_reject
from talentdrive.interviews.errors import SlotRefused
from talentdrive.interviews.models import (
    Interview,
    InterviewInvitation,
    InvitationMethod,
    SlotOffer,
    SlotOfferStatus,
)
from talentdrive.interviews.services import interview_schedule
from talentdrive.interviews.slots import interview_slot_pick, interview_slots_offer, interview_slots_withdraw
from talentdrive.pipeline.models import CandidateEmail, RejectionReason
from tests import factories

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def ahead(days: int, hour: int) -> dt.datetime:
    """``hour`` o'clock in Shanghai, ``days`` from today: always in the future for days >= 1."""
    day = timezone.localtime(timezone.now(), SHANGHAI).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour)).replace(tzinfo=SHANGHAI)


def offer_times(room, times, **extra) -> SlotOffer:
    return interview_slots_offer(
        application_id=room.application.pk,
        stage_code=extra.pop("stage_code", "technical_1"),
        starts=times,
        interviewer_ids=[user.pk for user in extra.pop("interviewers", room.interviewers[:1])],
        actor=extra.pop("actor", room.recruiter),
        video_url="https://meet.example.test/abc",
        **extra,
    )


@pytest.mark.django_db
def test_the_candidate_books_one_of_the_offered_times_and_everyone_is_invited(room):
    offer = offer_times(room, [ahead(3, 14), ahead(2, 10)])
    assert offer.starts == [
        ahead(2, 10).astimezone(dt.UTC).isoformat(),
        ahead(3, 14).astimezone(dt.UTC).isoformat(),
    ]

    interview = interview_slot_pick(
        offer_id=offer.pk, candidate_id=room.application.candidate_id, starts_at=ahead(3, 14), actor=CANDIDATE
    )

    assert (interview.starts_at, interview.ends_at) == (ahead(3, 14), ahead(3, 15))
    assert list(interview.interviewers.all()) == room.interviewers[:1]
    assert interview.video_url == "https://meet.example.test/abc"
    invited = InterviewInvitation.objects.filter(interview=interview, method=InvitationMethod.REQUEST)
    assert {row.user_id for row in invited} == {room.interviewers[0].pk, None}
    offer.refresh_from_db()
    assert (offer.status, offer.interview) == (SlotOfferStatus.PICKED, interview)
    picked = AuditEvent.objects.get(action=AuditAction.INTERVIEW_SLOT_PICK)
    assert (picked.actor, picked.actor_name) == (None, "candidate")
    with pytest.raises(SlotRefused) as again:
        interview_slot_pick(
            offer_id=offer.pk,
            candidate_id=room.application.candidate_id,
            starts_at=ahead(2, 10),
            actor=CANDIDATE,
        )
    assert again.value.code == "not_open"


@pytest.mark.django_db
def test_a_time_taken_after_it_was_offered_is_refused_without_naming_who_took_it(room):
    offer = offer_times(room, [ahead(2, 10), ahead(2, 15)])
    other = factories.make_application(requisition=room.requisition, stage="technical_1")
    interview_schedule(
        application_id=other.pk,
        stage_code="technical_1",
        starts_at=ahead(2, 10),
        interviewer_ids=[room.interviewers[0].pk],
        actor=room.recruiter,
    )
    with pytest.raises(SlotRefused) as refused:
        interview_slot_pick(
            offer_id=offer.pk,
            candidate_id=room.application.candidate_id,
            starts_at=ahead(2, 10),
            actor=CANDIDATE,
        )
    assert refused.value.code == "taken"
    assert str(room.interviewers[0]) not in str(refused.value.message)
    assert not Interview.objects.filter(application=room.application).exists()
    # the other time is still there to choose
    interview_slot_pick(
        offer_id=offer.pk, candidate_id=room.application.candidate_id, starts_at=ahead(2, 15), actor=CANDIDATE
    )


@pytest.mark.django_db
def test_only_offered_times_of_ones_own_offer_can_be_booked(room):
    offer = offer_times(room, [ahead(2, 10)])
    with pytest.raises(SlotRefused) as refused:
        interview_slot_pick(
            offer_id=offer.pk,
            candidate_id=room.application.candidate_id,
            starts_at=ahead(2, 11),
            actor=CANDIDATE,
        )
    assert refused.value.code == "not_offered"
    stranger = factories.make_candidate(full_name="Someone Else")
    with pytest.raises(SlotOffer.DoesNotExist):
        interview_slot_pick(
            offer_id=offer.pk, candidate_id=stranger.pk, starts_at=ahead(2, 10), actor=CANDIDATE
        )


@pytest.mark.django_db
def test_offering_checks_every_time_against_the_calendars_and_says_which_time_fails(room):
    interview_schedule(
        application_id=factories.make_application(requisition=room.requisition, stage="technical_1").pk,
        stage_code="technical_1",
        starts_at=ahead(4, 9),
        interviewer_ids=[room.interviewers[0].pk],
        actor=room.recruiter,
    )
    with pytest.raises(SlotRefused) as busy:
        offer_times(room, [ahead(2, 10), ahead(4, 9)])
    assert busy.value.code == "time_busy"
    assert ahead(4, 9).strftime("%Y-%m-%d 09:00") in str(busy.value.message)
    with pytest.raises(SlotRefused) as past:
        offer_times(room, [timezone.now() - dt.timedelta(hours=1)])
    assert past.value.code == "in_the_past"
    with pytest.raises(SlotRefused) as twice:
        offer_times(room, [ahead(2, 10), ahead(2, 10)])
    assert twice.value.code == "same_time_twice"
    with pytest.raises(SlotRefused) as none:
        offer_times(room, [])
    assert none.value.code == "no_times"
    assert not SlotOffer.objects.exists()
    offer_times(room, [ahead(2, 10)])
    with pytest.raises(SlotRefused) as again:
        offer_times(room, [ahead(3, 10)])
    assert again.value.code == "already_offered"


@pytest.mark.django_db
def test_withdrawn_times_and_times_of_a_closed_application_can_no_longer_be_chosen(room):
    offer = offer_times(room, [ahead(2, 10)])
    interview_slots_withdraw(offer_id=offer.pk, actor=room.recruiter)
    offer.refresh_from_db()
    assert offer.status == SlotOfferStatus.WITHDRAWN

    second = offer_times(room, [ahead(3, 10)])
    application_reject(
        application_id=room.application.pk,
        reason=RejectionReason.objects.filter(active=True).first(),
        actor=room.recruiter,
        expected_version=None,
    )
    second.refresh_from_db()
    assert second.status == SlotOfferStatus.WITHDRAWN
    with pytest.raises(SlotRefused):
        interview_slot_pick(
            offer_id=second.pk,
            candidate_id=room.application.candidate_id,
            starts_at=ahead(3, 10),
            actor=CANDIDATE,
        )


@pytest.mark.django_db
def test_on_the_status_page_the_candidate_is_emailed_chooses_and_sees_the_booking(
    room, client, settings, django_capture_on_commit_callbacks, mailoutbox
):
    settings.TALENTDRIVE_PORTAL_URL = "https://jobs.example.test"
    with django_capture_on_commit_callbacks(execute=True):
        offer = offer_times(room, [ahead(2, 10), ahead(2, 14)])
    [email] = mailoutbox
    assert email.to == ["li.lei@example.test"]
    assert email.subject == f"请选择{room.requisition.title_zh}职位的面试时间"
    assert CandidateEmail.objects.get(application=room.application).template.code == "interview_times"

    token = status_token_make(candidate=room.application.candidate)
    page = client.get(reverse("portal:status", kwargs={"token": token}))
    html = page.content.decode()
    assert f'id="times-{offer.pk}"' in html
    assert ahead(2, 14).strftime("%Y-%m-%d") in html and "14:00" in html

    url = reverse("portal:slot_pick", kwargs={"token": token, "offer_id": offer.pk})
    wrong = client.post(url, {"starts_at": "tomorrow"})
    assert "times_error=not_offered" in wrong["Location"]
    assert "That time was not one of those offered." in client.get(wrong["Location"]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        booked = client.post(url, {"starts_at": ahead(2, 14).isoformat()})
    interview = Interview.objects.get(application=room.application)
    assert booked["Location"].endswith(f"?booked={interview.pk}#interview-{interview.pk}")
    after = client.get(booked["Location"]).content.decode()
    assert "A calendar invitation is on its way to you." in after
    assert f'id="times-{offer.pk}"' not in after
    calendar = [message for message in mailoutbox if message.attachments or message.alternatives]
    assert any("li.lei@example.test" in message.to for message in calendar)


@pytest.mark.django_db
def test_the_recruiter_offers_times_from_the_application_page_and_withdraws_them(room, client):
    client.force_login(room.recruiter)
    url = reverse("backoffice:interview_slots_offer", args=[room.application.pk])
    day = ahead(2, 10)
    form = {
        "stage_code": "technical_1",
        "date_1": day.date().isoformat(),
        "time_1": "10:00",
        "date_2": day.date().isoformat(),
        "time_2": "",
        "time_zone": "Asia/Shanghai",
        "interviewers": [room.interviewers[0].pk],
    }
    refused = client.post(url, form, follow=True)
    assert "Time 2: give both the date and the time." in refused.content.decode()
    form["time_2"] = "16:30"
    page = client.post(url, form, follow=True).content.decode()
    offer = SlotOffer.objects.get()
    assert offer.starts == [
        day.astimezone(dt.UTC).isoformat(),
        ahead(2, 16).replace(minute=30).astimezone(dt.UTC).isoformat(),
    ]
    assert "Times offered; the candidate is emailed a link to choose one." in page
    assert f'id="times-{offer.pk}"' in page
    client.post(reverse("backoffice:interview_slots_withdraw", args=[offer.pk]))
    offer.refresh_from_db()
    assert offer.status == SlotOfferStatus.WITHDRAWN
    # someone who may not schedule for this requisition cannot reach another requisition's times
    client.force_login(room.staff["other_recruiter"])
    assert client.post(reverse("backoffice:interview_slots_withdraw", args=[offer.pk])).status_code == 404
