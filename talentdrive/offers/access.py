"""Who may draft, approve, send, rescind and read offers: every such rule lives here.

Drafting, sending and rescinding: whoever may move the application (its requisition's recruiters in
scope, its hiring manager, administrators). Approving: the approver of the current step: the
requisition's hiring manager (an administrator when it has none), an HR head (``Role.LEADERSHIP``, which
the accounts name "Leadership / HR head"; administrators stand in), or an administrator; nobody approves
two steps of one offer. Reading: as the application (``pipeline.access.application_scope``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from talentdrive.accounts.models import Role
from talentdrive.audit.actors import SystemActor
from talentdrive.pipeline import access as pipeline_access


def offer_can_read_any(user: Any) -> bool:
    return pipeline_access.application_can_list(user)


def offer_scope(user: Any) -> Q:
    """The offers this user may read, as a filter on Offer."""
    from talentdrive.pipeline.models import Application

    if not offer_can_read_any(user):
        return Q(pk__in=[])
    return Q(application__in=Application.objects.filter(pipeline_access.application_scope(user)).values("pk"))


def offer_can_draft(actor: Any, application: Any) -> bool:
    return pipeline_access.application_can_move(actor, application)


def offer_can_manage(actor: Any, offer: Any) -> bool:
    """Submitting, sending and rescinding: as drafting."""
    return offer_can_draft(actor, offer.application)


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def approver_fits(user: Any, approver: str, requisition: Any) -> bool:
    """Whether ``user`` is who a step with ``approver`` (an ``ApproverKind``) waits for."""
    from talentdrive.offers.models import ApproverKind

    if isinstance(user, SystemActor):
        return True
    if not _active(user):
        return False
    if approver == ApproverKind.HIRING_MANAGER:
        if requisition.hiring_manager_id is None:
            return user.is_drive_admin
        return user.pk == requisition.hiring_manager_id
    if approver == ApproverKind.HR_HEAD:
        return user.is_drive_admin or user.role == Role.LEADERSHIP
    return bool(user.is_drive_admin)


def approvals_can_list(user: Any) -> bool:
    """The "my approvals" page: the roles that approve some step."""
    return _active(user) and (user.is_drive_admin or user.role in (Role.HIRING_MANAGER, Role.LEADERSHIP))
