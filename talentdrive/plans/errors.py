"""Refusals of the plan's rules, in the one error vocabulary (``talentdrive.errors``).

Each names the input it is about (``field``) where there is one, so a form shows it beside that input;
the message is translated where it is shown, in the reader's language.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from talentdrive.errors import DomainError


class PlanRuleError(DomainError):
    messages = {
        "override_forbidden": _("Only an administrator may exceed a plan line's target."),
        "override_reason_missing": _("An override of the plan needs a written reason."),
        "created_closed": _("A requisition cannot be created closed."),
        "recruiter_out_of_scope": _(
            "%(names)s cannot be put on this requisition: their scope does not cover its team and city. "
            "Ask an administrator."
        ),
        "title_line_break": _("A title is one line: remove the line break."),
        "city_outside_drive": _(
            "%(cities)s is not a city of this drive (its cities: %(known)s). Choose among them, or ask an "
            "administrator to add the city to the drive."
        ),
        "plan_line_cell_locked": _(
            "Plan line %(line)s already has requisitions, so its city, channel, focus area and team "
            "cannot change."
        ),
    }


class PlanLimitExceeded(PlanRuleError):
    """The requested headcount would take a plan line past its target."""

    messages = {
        "plan_limit_exceeded": _(
            "Plan line %(line)s has a target of %(target)s with %(committed)s already committed; "
            "%(requested)s more would exceed it."
        ),
    }

    def __init__(self, *, plan_line: Any, committed: int, requested: int) -> None:
        self.plan_line = plan_line
        self.committed = committed
        self.requested = requested
        params = {"line": plan_line.external_id, "target": plan_line.target, "committed": committed}
        super().__init__("plan_limit_exceeded", field="headcount", params={**params, "requested": requested})


class StatusTransitionError(PlanRuleError):
    messages = {
        "unknown_status": _("“%(status)s” is not a requisition status."),
        "bad_transition": _("A requisition that is %(current)s cannot become %(status)s."),
        "reason_missing": _("Moving a requisition to %(status)s needs a reason."),
    }


class PlanTargetBelowCommitted(PlanRuleError):
    """A plan line's new target is below the headcount its requisitions already commit."""

    messages = {
        "plan_target_below_committed": _(
            "A target of %(target)s is below the %(committed)s already committed by the requisitions of "
            "plan line %(line)s; close or shrink requisitions first."
        ),
    }

    def __init__(self, *, plan_line: Any, committed: int, target: int) -> None:
        self.plan_line = plan_line
        self.committed = committed
        self.target = target
        params = {"target": target, "committed": committed, "line": plan_line.external_id}
        super().__init__("plan_target_below_committed", field="target", params=params)
