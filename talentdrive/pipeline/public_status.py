"""What a candidate is told about their applications: the steps in public wording, and what comes next.

Reads only; the status page of the career portal shows these.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from talentdrive.pipeline.core.flow import Flow
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import CLOSED_STAGES, PUBLIC_STAGE_OF_KIND, Application, PublicStage


@dataclass(frozen=True)
class PublicStep:
    """One step of an application as the candidate sees it: internal stages that read alike are one."""

    code: str
    label: str
    passed: bool
    current: bool


NEXT_STEP = {
    PublicStage.RECEIVED: _(
        "We have your application. A recruiter reads every application, and we will email you about "
        "the next step."
    ),
    PublicStage.IN_REVIEW: _(
        "Your application is being reviewed. If it moves on, we will email you to arrange the next step."
    ),
    PublicStage.INTERVIEWING: _(
        "You are in the interviews. We will email you the time and place of each one."
    ),
    PublicStage.OFFER: _("An offer is being prepared for you; we will contact you with the details."),
    PublicStage.HIRED: _("Welcome aboard. We will be in touch about your first day."),
    PublicStage.CLOSED: _(
        "This application is not moving forward. Thank you for your interest; you are welcome to apply "
        "to other jobs."
    ),
    PublicStage.WITHDRAWN: _("You withdrew this application. While the job is open you may apply again."),
}


def application_public_steps(application: Application, *, flow: Flow | None = None) -> list[PublicStep]:
    """The steps from received to hired in the candidate's wording, marking those passed and the
    current one; a closed application shows none (its page says it is not moving forward).
    ``flow``: the requisition's, when the caller read many at once (``flows_for_requisitions``)."""
    if application.stage in CLOSED_STAGES:
        return []
    flow = flow or flow_for_requisition(application.requisition)
    current = application.public_stage
    steps: list[str] = []
    for stage in flow.stages:
        public = PUBLIC_STAGE_OF_KIND.get(stage.kind)
        if public is None or public in (PublicStage.CLOSED, PublicStage.WITHDRAWN) or public in steps:
            continue
        steps.append(public)
    at = steps.index(current) if current in steps else -1
    return [
        PublicStep(code, str(PublicStage(code).label), passed=index < at, current=index == at)
        for index, code in enumerate(steps)
    ]


def application_next_step(application: Application) -> str:
    return str(NEXT_STEP.get(PublicStage(application.public_stage), ""))
