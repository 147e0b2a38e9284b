"""Stage transitions: one audited service each, the flow's table, access, and stale pages."""

from __future__ import annotations

import pytest

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.pipeline.errors import ApplicationConflict, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition, flows_for_requisitions
from talentdrive.pipeline.models import RejectionReason, StageChange, StageDefinition, StageMove
from talentdrive.pipeline.moves import (
    application_move,
    application_reject,
    application_reopen,
    application_withdraw_on_behalf,
)
from tests.factories import make_application, make_requisition

pytestmark = pytest.mark.django_db


@pytest.fixture
def requisition(drive, team, staff):
    requisition = make_requisition(drive=drive, team=team, channel="campus", area="agents")
    requisition.recruiters.add(staff["recruiter"])
    return requisition


@pytest.fixture
def application(requisition):
    return make_application(requisition=requisition)


def move(application, to, actor, version=None):
    return application_move(
        application_id=application.pk,
        to_stage=to,
        actor=actor,
        expected_version=application.version if version is None else version,
    )


def test_moving_forward_records_who_when_from_to_and_audits(application, staff):
    # when
    moved = move(application, "online_assessment", staff["recruiter"])
    moved = move(moved, "technical_1", staff["recruiter"])
    # then
    assert (moved.stage, moved.version) == ("technical_1", 2)
    changes = list(
        StageChange.objects.filter(application=application).values_list("from_stage", "to_stage", "actor")
    )
    assert changes == [
        ("applied", "online_assessment", staff["recruiter"].pk),
        ("online_assessment", "technical_1", staff["recruiter"].pk),
    ]
    assert (
        AuditEvent.objects.filter(action=AuditAction.APPLICATION_MOVE, target_id=str(application.pk)).count()
        == 2
    )


def test_skipping_ahead_is_refused_with_the_reason_and_writes_nothing(application, staff):
    with pytest.raises(MoveRefused) as refused:
        move(application, "technical_2", staff["recruiter"])
    assert refused.value.code == "skips_ahead"
    assert "Technical interview 2 cannot be reached from Applied directly" in str(refused.value.message)
    application.refresh_from_db()
    assert (application.stage, application.version) == ("applied", 0)
    assert not StageChange.objects.exists()


def test_a_stale_page_gets_a_conflict_naming_the_newer_state(application, staff):
    # given: two recruiters opened the page at version 0; the first moves the candidate on
    move(application, "online_assessment", staff["recruiter"], version=0)
    # when: the second acts from the old page
    with pytest.raises(ApplicationConflict) as conflict:
        move(application, "online_assessment", staff["admin"], version=0)
    # then
    message = str(conflict.value.message)
    assert "Online assessment" in message and staff["recruiter"].username in message
    assert StageChange.objects.count() == 1


@pytest.mark.parametrize("who", ["other_recruiter", "leadership", "interviewer"])
def test_only_people_who_may_change_the_requisition_move_its_applications(application, staff, who):
    with pytest.raises(MoveRefused) as refused:
        move(application, "online_assessment", staff[who])
    assert refused.value.code == "not_allowed"
    application.refresh_from_db()
    assert application.stage == "applied"


def test_reject_with_a_reason_then_reopen_back_to_where_it_was(application, staff):
    reason = RejectionReason.objects.get(code="interview")
    moved = move(application, "online_assessment", staff["recruiter"])
    rejected = application_reject(
        application_id=application.pk,
        reason=reason,
        actor=staff["recruiter"],
        expected_version=moved.version,
        note="weak on systems",
    )
    assert (rejected.stage, rejected.rejection_reason) == ("rejected", reason)
    reopened = application_reopen(
        application_id=application.pk, actor=staff["admin"], expected_version=rejected.version
    )
    assert (reopened.stage, reopened.rejection_reason) == ("online_assessment", None)
    last = StageChange.objects.filter(application=application).last()
    assert (last.from_stage, last.to_stage, last.actor) == ("rejected", "online_assessment", staff["admin"])


def test_an_erased_candidate_s_application_is_not_reopened(application, staff):
    from talentdrive.pipeline.services import candidate_erase

    # given: erasure withdrew the application
    candidate_erase(candidate=application.candidate, actor=staff["admin"])
    application.refresh_from_db()
    changes = StageChange.objects.filter(application=application).count()
    # when / then
    with pytest.raises(MoveRefused) as refused:
        application_reopen(
            application_id=application.pk, actor=staff["admin"], expected_version=application.version
        )
    assert refused.value.code == "erased"
    application.refresh_from_db()
    assert application.stage == "withdrawn"
    assert StageChange.objects.filter(application=application).count() == changes


def test_closing_goes_through_its_own_services(application, staff):
    with pytest.raises(MoveRefused) as refused:
        move(application, "rejected", staff["recruiter"])
    assert refused.value.code == "use_reject"
    with pytest.raises(MoveRefused) as refused:
        application_withdraw_on_behalf(
            application_id=application.pk, actor=staff["recruiter"], expected_version=0, note="  "
        )
    assert refused.value.code == "note_missing"
    withdrawn = application_withdraw_on_behalf(
        application_id=application.pk, actor=staff["recruiter"], expected_version=0, note="called to say no"
    )
    assert withdrawn.stage == "withdrawn" and withdrawn.withdrawn_at is not None


def test_a_hire_comes_only_from_an_offer(requisition, staff):
    application = make_application(requisition=requisition, stage="hr_interview")
    with pytest.raises(MoveRefused) as refused:
        move(application, "hired", staff["recruiter"])
    assert refused.value.code == "not_a_move"
    assert str(refused.value.message) == "Only an accepted offer makes a hire."


def test_experienced_flow_follows_the_requisitions_technical_rounds(drive, team):
    requisition = make_requisition(drive=drive, team=team, external_id="R-3", technical_rounds=3)
    codes = flow_for_requisition(requisition).codes
    assert [c for c in codes if c.startswith("technical_")] == ["technical_1", "technical_2", "technical_3"]
    programme = make_requisition(drive=drive, team=team, external_id="R-P", programme_eligible=True)
    assert "committee_review" in flow_for_requisition(programme).codes


def test_a_drive_s_own_flow_replaces_the_default(requisition, application, staff):
    # given an administrator's flow for campus that skips the assessment
    for position, (code, kind) in enumerate(
        [("applied", "received"), ("technical_1", "interview"), ("offer", "offer"), ("hired", "hired"),
         ("rejected", "rejected"), ("withdrawn", "withdrawn")]
    ):  # fmt: skip
        StageDefinition.objects.create(
            drive=requisition.drive, channel="campus", code=code, kind=kind, position=position,
            name_en=code.title(), name_zh=code,
        )  # fmt: skip
    # when / then
    assert move(application, "technical_1", staff["recruiter"]).stage == "technical_1"


def test_flows_of_many_requisitions_equal_each_one_s_flow(
    drive, team, requisition, django_assert_num_queries
):
    # given: shipped flows (rounds, programme) and a drive's own campus flow with an extra move
    for position, (code, kind) in enumerate(
        [("applied", "received"), ("technical_1", "interview"), ("technical_2", "interview"), ("offer", "offer"),
         ("hired", "hired"), ("rejected", "rejected"), ("withdrawn", "withdrawn")]
    ):  # fmt: skip
        StageDefinition.objects.create(
            drive=drive, channel="campus", code=code, kind=kind, position=position,
            name_en=code.title(), name_zh=code,
        )  # fmt: skip
    StageMove.objects.create(drive=drive, channel="campus", from_code="applied", to_code="offer")
    requisitions = [
        requisition,
        make_requisition(drive=drive, team=team, external_id="R-3", technical_rounds=3),
        make_requisition(drive=drive, team=team, external_id="R-1", technical_rounds=1),
        make_requisition(drive=drive, team=team, external_id="R-P", programme_eligible=True),
        make_requisition(drive=drive, team=team, channel="campus", external_id="R-C1", technical_rounds=1),
    ]
    # when
    with django_assert_num_queries(2):
        together = flows_for_requisitions(requisitions)
    # then
    assert together == {r.pk: flow_for_requisition(r) for r in requisitions}
    assert flows_for_requisitions([]) == {}


def test_moves_and_rejections_are_told_to_subscribed_integrations(application, staff, settings):
    from talentdrive.webhooks.models import WebhookDelivery, WebhookEndpoint

    # given an endpoint that nothing answers (deliveries are recorded, sending fails harmlessly)
    WebhookEndpoint.objects.create(url="http://127.0.0.1:9/hook", event_types=[])
    # when
    moved = move(application, "online_assessment", staff["recruiter"])
    application_reject(
        application_id=application.pk,
        reason=RejectionReason.objects.get(code="assessment"),
        actor=staff["recruiter"],
        expected_version=moved.version,
    )
    # then: one delivery per event, carrying codes and ids only
    deliveries = list(WebhookDelivery.objects.order_by("pk").values_list("event_type", "payload"))
    assert [event for event, _ in deliveries] == ["application.stage_changed", "application.rejected"]
    rejected = deliveries[1][1]
    assert (rejected["from_stage_code"], rejected["to_stage_code"], rejected["rejection_reason_code"]) == (
        "online_assessment",
        "rejected",
        "assessment",
    )
    assert rejected["application_id"] == application.pk
