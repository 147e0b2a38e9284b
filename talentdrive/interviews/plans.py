"""Interview plans: a requisition's rounds, made from its flow's interview stages."""

from __future__ import annotations

from django.db import transaction

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.interviews.core.attributes import DEFAULT_DURATION_MINUTES, default_attributes
from talentdrive.interviews.models import InterviewPlan, InterviewRound
from talentdrive.pipeline.core.flow import INTERVIEW
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.plans.models import Requisition


@transaction.atomic
def interview_plan_ensure(*, requisition: Requisition, actor: Actor) -> InterviewPlan:
    """The requisition's interview plan, made on first use with one round per interview stage of its
    flow (technical rounds, hiring manager, HR), each with the default attributes of the role's focus
    area. An existing plan is returned as it is: administrators may have changed it."""
    plan = InterviewPlan.objects.filter(requisition=requisition).first()
    if plan is not None:
        return plan
    # The requisition row is locked so two first schedulings make one plan, not a unique-key error.
    Requisition.objects.select_for_update().filter(pk=requisition.pk).first()
    plan, created = InterviewPlan.objects.get_or_create(requisition=requisition)
    if not created:
        return plan
    focus_area = requisition.plan_line.focus_area.code
    stages = [stage for stage in flow_for_requisition(requisition).stages if stage.kind == INTERVIEW]
    InterviewRound.objects.bulk_create(
        InterviewRound(
            plan=plan,
            stage_code=stage.code,
            name_en=stage.name_en,
            name_zh=stage.name_zh,
            position=position,
            duration_minutes=DEFAULT_DURATION_MINUTES,
            focus_attributes=list(default_attributes(stage_code=stage.code, focus_area=focus_area)),
        )
        for position, stage in enumerate(stages)
    )
    audit_record(
        actor=actor,
        action=AuditAction.INTERVIEW_PLAN_CREATE,
        target=plan,
        data={"requisition_id": requisition.pk, "rounds": [stage.code for stage in stages]},
    )
    return plan
