"""Administrators give a drive its own stages, then edit them in the admin without breaking the flow."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from talentdrive.pipeline.admin import StageDefinitionForm, StageMoveForm
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.flows_install import FlowAlreadyInstalled, stage_flow_install
from talentdrive.pipeline.models import StageDefinition, StageMove
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_requisition

pytestmark = pytest.mark.django_db


def _form_data(row, **changes):
    data = {name: getattr(row, name) for name in StageDefinitionForm.Meta.fields}
    data["drive"] = row.drive_id
    return {**data, **changes}


def test_installing_writes_the_shipped_flow_and_the_requisitions_follow_the_rows(drive, team):
    requisition = make_requisition(drive=drive, team=team, channel="campus")
    shipped = flow_for_requisition(requisition)
    stage_flow_install(drive=drive, channel="campus", programme=False, actor=TEST_ACTOR)
    # the same flow, now from the drive's own rows; an administrator renames a stage
    assert flow_for_requisition(requisition) == shipped
    StageDefinition.objects.filter(drive=drive, channel="campus", code="technical_1").update(
        name_en="Coding round"
    )
    assert flow_for_requisition(requisition).stage("technical_1").name_en == "Coding round"
    with pytest.raises(FlowAlreadyInstalled):
        stage_flow_install(drive=drive, channel="campus", programme=False, actor=TEST_ACTOR)


def test_the_command_names_an_unknown_drive(db):
    with pytest.raises(CommandError, match="no drive with code 'nope'"):
        call_command("stage_flow_install", drive="nope", channel="campus")


def test_an_edit_that_breaks_the_flow_is_refused_with_the_reason(drive, team):
    stage_flow_install(drive=drive, channel="campus", programme=False, actor=TEST_ACTOR)
    offer = StageDefinition.objects.get(drive=drive, channel="campus", code="offer")
    form = StageDefinitionForm(data=_form_data(offer, kind="review"), instance=offer)
    assert not form.is_valid()
    assert "exactly one stage of kind 'offer'" in form.errors.as_data()["__all__"][0].message
    offer.refresh_from_db()  # the refused form wrote its values onto the instance it was given
    renamed = StageDefinitionForm(data=_form_data(offer, name_zh="发放录用意向"), instance=offer)
    assert renamed.is_valid(), renamed.errors


def test_a_code_applications_hold_never_changes(drive, team):
    requisition = make_requisition(drive=drive, team=team, channel="campus")
    stage_flow_install(drive=drive, channel="campus", programme=False, actor=TEST_ACTOR)
    make_application(requisition=requisition, stage="technical_1")
    row = StageDefinition.objects.get(drive=drive, channel="campus", code="technical_1")
    form = StageDefinitionForm(data=_form_data(row, code="coding"), instance=row)
    assert not form.is_valid() and "cannot change" in str(form.errors["code"])


def test_a_move_must_join_two_stages_of_the_flow(drive, team):
    stage_flow_install(drive=drive, channel="campus", programme=False, actor=TEST_ACTOR)
    data = {
        "drive": drive.pk,
        "channel": "campus",
        "programme": False,
        "from_code": "applied",
        "to_code": "nowhere",
    }
    form = StageMoveForm(data=data)
    assert not form.is_valid() and "no stage 'nowhere'" in form.errors["to_code"][0]
    assert StageMove.objects.filter(to_code="nowhere").count() == 0
